"""The JSON Schemas and the data-format page: generated from the model, committed, never drifting.

They must also say the same thing as the loader: every sample data file
validates against its schema, and a file the loader rejects for a wrong key,
a missing field or text in a number cell is rejected by the schema too (so
the editor flags it while the clerk types).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checkrun import FIXTURES, edit, fixture
from nianbao import cli
from nianbao.model import dataformat, schema
from nianbao.model.labels import format_for_year
from nianbao.model.source import decode, parse

REPO = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u3400-\u9fff]")
FIRST_LINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")


def _properties(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            found.append((f"{where}.{key}", prop))
        for key, value in node.items():
            found += _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for item in node:
            found += _properties(item, where)
    return found


@pytest.mark.parametrize("name", list(schema.TARGETS))
def test_committed_schema_is_what_the_model_generates(name: str) -> None:
    committed = (REPO / "schema" / name).read_text(encoding="utf-8")
    assert committed == schema.render(name), f"schema/{name} 已过期：请运行 nianbao schema"


def test_committed_data_format_page_is_what_the_model_generates() -> None:
    assert (REPO / dataformat.PAGE).read_text(encoding="utf-8") == dataformat.render(), "请运行 nianbao schema"


@pytest.mark.parametrize("name", list(schema.TARGETS))
def test_every_field_has_a_chinese_title_and_description(name: str) -> None:
    generated = schema.schema_for(name)
    assert HAN.search(generated["title"]) and HAN.search(generated["description"])
    props = _properties(generated)
    assert len(props) > 10
    for where, prop in props:
        assert HAN.search(prop.get("title", "")), f"{where} has no Chinese title"
        assert HAN.search(prop.get("description", "")), f"{where} has no Chinese description"
    # No English class name or docstring leaks into what the editor shows.
    text = json.dumps(generated, ensure_ascii=False)
    assert "ApplicantRow" not in text.replace('"#/$defs/ApplicantRow"', "").replace('"ApplicantRow":', "")
    assert "Seven cells" not in text


def _data_files() -> list[Path]:
    return sorted([*REPO.glob("data/*/*.yaml"), *FIXTURES.glob("*.yaml")])


def _expected_schema(path: Path) -> str:
    if path.name == "agency.yaml":
        return "agency.schema.json"
    return f"report-{format_for_year(int(path.stem))}.schema.json"


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_data_file_names_its_schema_and_validates(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = FIRST_LINE.fullmatch(text.splitlines()[0])
    assert first, "每个数据文件第一行应为 yaml-language-server 的 $schema 注释"
    target = (path.parent / first.group(1)).resolve()
    assert target == (REPO / "schema" / _expected_schema(path)).resolve()
    values, _ = parse(decode(path.read_bytes()))
    validator = jsonschema.Draft202012Validator(json.loads(target.read_text(encoding="utf-8")))
    # Dates are YAML scalars the loader reads as text; the schema's "format: date" is advisory.
    assert [e.message for e in validator.iter_errors(_jsonable(values))] == []


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if type(value).__name__ == "Decimal":
        return float(value)
    return value


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (("  licensing: 1520", "  licencing: 1520"), ["active_disclosure"]),  # unknown key, and licensing missing
        (("granted:        {person: 15,", "granted:        {person: 十二,"), ["applications", "granted", "person"]),
        (("granted:        {person: 15,", "granted:        {person: -3,"), ["applications", "granted", "person"]),
        (("granted:        {person: 15,", "granted:        {person: 2.5,"), ["applications", "granted", "person"]),
        (("year: 2021\n", "year: 2021\nformat: 2019年格式\n"), ["format"]),
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(change: tuple[str, str], path: list[str]) -> None:
    values, _ = parse(edit(fixture("2021.yaml"), change))
    validator = jsonschema.Draft202012Validator(schema.schema_for("report-2021.schema.json"))
    errors = list(validator.iter_errors(_jsonable(values)))
    assert errors and any(list(e.absolute_path) == path or list(e.absolute_path)[: len(path)] == path for e in errors)


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(REPO / "schema", root / "schema")
    (root / "docs" / "reference").mkdir(parents=True)
    shutil.copy(REPO / dataformat.PAGE, root / dataformat.PAGE)
    return root


def test_nianbao_schema_check_and_regenerate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path)
    assert cli.main(["--root", str(root), "schema", "--check"]) == 0
    (root / "schema" / "report-2021.schema.json").write_text("{}\n", encoding="utf-8")
    (root / dataformat.PAGE).unlink()
    capsys.readouterr()
    assert cli.main(["--root", str(root), "schema", "--check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "schema/report-2021.schema.json 与数据模型不一致，请运行 nianbao schema 重新生成",
        "docs/reference/data-format.md 与数据模型不一致，请运行 nianbao schema 重新生成",
    ]
    assert cli.main(["--root", str(root), "schema"]) == 0
    assert capsys.readouterr().out == "已更新：schema/report-2021.schema.json、docs/reference/data-format.md\n"
    assert cli.main(["--root", str(root), "schema", "--check"]) == 0
    assert cli.main(["--root", str(root), "schema"]) == 0
    assert capsys.readouterr().out == "全部已是最新，无需更新。\n"
