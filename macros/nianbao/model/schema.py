"""JSON Schemas for the data files, generated from the typed model.

An editor with the YAML language server (VS Code and others) reads the
`# yaml-language-server: $schema=…` comment at the top of each data file and
then completes keys and shows Chinese hints while a clerk types. The files in
`schema/` are generated here and committed; `nianbao schema` rewrites them and
a test fails when they drift from the model.

pydantic writes the schema; this module only makes it speak Chinese
everywhere: every property gets a Chinese title (from the model) and a
description (the model's, or one saying what to type), English class names
and docstrings are dropped, and amounts are plain numbers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from nianbao.model import labels as L
from nianbao.model.documents import REPORT_MODELS, Agency

SCHEMA_DIR = "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
_HAN = re.compile(r"[\u3400-\u9fff]")
_ENGLISH = re.compile(r"[A-Za-z]{3,}")

# File name → (root title, root description, model).
TARGETS: dict[str, tuple[str, str, Any]] = {
    "agency.schema.json": ("机关信息", "data/<机关代码>/agency.yaml：机关全称、类型、地区和联系方式。", Agency),
    **{
        f"report-{v}.schema.json": (
            f"政府信息公开工作年度报告（{v} 年格式）",
            f"data/<机关代码>/<年度>.yaml：{'2019、2020 年度' if v == '2019' else '2021 年度起'}的年度报告，"
            f"按《中华人民共和国政府信息公开工作年度报告格式》（{L.FORMAT_DOCUMENTS[v]}）填写。",
            model,
        )
        for v, model in REPORT_MODELS.items()
    },
}


def _kind(prop: dict[str, Any]) -> str:
    """What to type, in a clerk's words, for a property without its own description."""
    variants = prop.get("anyOf", [prop])
    types = {v["type"] for v in variants if v.get("type") not in (None, "null")} | ({"ref"} if any("$ref" in v for v in variants) else set())
    optional = any(v.get("type") == "null" for v in variants)
    if types == {"integer"}:
        inner = next(v for v in variants if v.get("type") == "integer")
        text = "件数：填写非负整数，没有填 0" if inner.get("minimum") == 0 else "整数"
    elif types == {"number"}:
        text = "数字，可带小数"
    elif types == {"ref"}:
        text = "下一级字段，在下一行缩进填写"
    elif types == {"array"}:
        text = "列表，每项以“- ”开头"
    elif types == {"string"}:
        inner = next(v for v in variants if v.get("type") == "string")
        text = "日期，如 2022-01-20" if inner.get("format") == "date" else "文字"
    else:
        text = "见数据格式说明"
    return text + ("；可省略" if optional else "")


def _chinese(node: Any) -> Any:
    """Every property titled and described in Chinese; English class names and docstrings removed."""
    if isinstance(node, list):
        return [_chinese(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _chinese(v) for k, v in node.items()}
    if "type" in out and "anyOf" in out and out["type"] == "number":
        del out["anyOf"]  # Decimal amounts: pydantic also allows strings; our loader does not
    for key, prop in out.get("properties", {}).items():
        if not _HAN.search(prop.get("title", "")):
            raise ValueError(f"property {key!r} has no Chinese title in the model")
        if "description" not in prop:
            prop["description"] = _kind(prop)
    return out


def schema_for(name: str) -> dict[str, Any]:
    title, description, model = TARGETS[name]
    raw = model.model_json_schema()
    defs = raw.pop("$defs", {})
    for definition in defs.values():
        definition.pop("title", None)
        if _ENGLISH.search(definition.get("description", "")):
            definition.pop("description", None)  # a code docstring, not words for a clerk
    raw.pop("title", None)
    raw.pop("description", None)
    root = {"$schema": DRAFT, "$id": f"{name}", "title": title, "description": description, **raw}
    if defs:
        root["$defs"] = dict(sorted(defs.items()))
    return _chinese(root)  # type: ignore[no-any-return]


def render(name: str) -> str:
    return json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"


def write(root: Path) -> list[Path]:
    """Write every schema under root/schema/; returns the files that changed."""
    changed = []
    for name in TARGETS:
        path = root / SCHEMA_DIR / name
        text = render(name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale(root: Path) -> list[str]:
    """Schema files that differ from what the model generates (relative paths)."""
    return [
        f"{SCHEMA_DIR}/{name}"
        for name in TARGETS
        if not (root / SCHEMA_DIR / name).exists() or (root / SCHEMA_DIR / name).read_text(encoding="utf-8") != render(name)
    ]
