"""`nianbao new` and `nianbao new-agency`: the right format, pre-filled links, comments, no overwrite."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from nianbao.cli import main
from nianbao.model.documents import Report2019, Report2021
from nianbao.model.load import load_report

REPO = Path(__file__).resolve().parent.parent

AGENCY = """\
name: 示例市测试局
type: department
region: 示例市
"""

PROSE = {
    "opening": "本报告根据《中华人民共和国政府信息公开条例》编制。本年度报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止。",
    "text": "{year}年，本局认真贯彻落实《条例》，围绕主动公开、依申请公开等方面推进政府信息公开工作，第{year}号台账记录完整。",
    "problems": "{year}年度存在的问题：一是公开内容不够丰富（编号{year}）；二是解读形式单一。下一步将加强培训，丰富公开形式。",
    "other_matters": "{year}年度本机关未收取信息处理费，发出收费通知0件。",
}


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def fill_prose(path: Path, year: int) -> None:
    """What a clerk does after `nianbao new`: write every prose part (figures left as generated)."""
    text = path.read_text(encoding="utf-8")
    for key, prose in PROSE.items():
        indent = "    " if key == "text" else "  "
        text = re.sub(
            rf"^(\s*{key}: \|-)$",
            lambda m, p=prose, i=indent: f"{m.group(1)}\n{m.group(1)[: -len(m.group(1).lstrip())]}{i}{p.format(year=year)}",
            text,
            flags=re.M,
        )
    path.write_text(text, encoding="utf-8")


def set_row(path: Path, key: str, values: str) -> None:
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(rf"^(\s*{key}): \{{.*\}}$", rf"\1: {{{values}}}", text, count=1, flags=re.M)
    assert n == 1, key
    path.write_text(text, encoding="utf-8")


def load(path: Path, agency: str = "shili-x"):  # type: ignore[no-untyped-def]
    doc, findings = load_report(path, path.name, agency, int(path.stem))
    assert doc is not None, [f.format_text() for f in findings]
    return doc.report


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    (tmp_path / "data" / "shili-x").mkdir(parents=True)
    (tmp_path / "data" / "shili-x" / "agency.yaml").write_text(AGENCY, encoding="utf-8")
    return tmp_path


def publish(path: Path) -> None:
    """What the editing guide tells the clerk: status draft → current, and the publication date."""
    text = path.read_text(encoding="utf-8")
    year = int(path.stem)
    assert "\nstatus: draft\n" in text and f"\n# published_date: {year + 1}-01-20\n" in text
    text = text.replace("\nstatus: draft\n", "\nstatus: current\n").replace(f"\n# published_date: {year + 1}-01-20\n", f"\npublished_date: {year + 1}-01-20\n")
    path.write_text(text, encoding="utf-8")


def check_passes(root: Path, rel: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The filled-in draft, once published, passes every check (warnings aside)."""
    publish(root / rel)
    capsys.readouterr()
    code = run(root, "check", str(root / rel))
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    assert " 错误" not in out.out, out.out


def test_new_report_2019_format_and_comments(portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(portal, "new", "shili-x", "2019") == 0
    path = portal / "data/shili-x/2019.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/report-2019.schema.json\n")
    assert isinstance(load(path), Report2019)
    # every prose part is empty and preceded by what the format asks for there
    assert "# 五、存在的主要问题及改进情况（必填，不能留空或只写“无”）：\n" in text
    assert "统计期限：本年度报告中所列数据统计期限自2019年1月1日起至2019年12月31日止" in text
    assert "# 1.属于国家秘密\n    state_secret: {person: 0, business: 0, research: 0, social: 0, legal: 0, other: 0}" in text
    # unfilled, the draft is listed with what is missing (一 and 五 are required) but blocks nothing while a draft
    capsys.readouterr()
    assert run(portal, "check", str(portal / "data/shili-x/2019.yaml")) == 0
    out = capsys.readouterr().out
    assert "错误（草稿，发布前须改正） [N-1]" in out and "错误（草稿，发布前须改正） [E13]" in out
    # published unfilled, it blocks
    unfilled = path.read_text(encoding="utf-8")
    publish(path)
    assert run(portal, "check", str(portal / "data/shili-x/2019.yaml")) == 1
    assert "错误 [N-1]" in capsys.readouterr().out
    path.write_text(unfilled, encoding="utf-8")
    fill_prose(path, 2019)
    check_passes(portal, "data/shili-x/2019.yaml", capsys)


def test_new_refuses_to_overwrite(portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(portal, "new", "shili-x", "2022") == 0
    path = portal / "data/shili-x/2022.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 已编辑\n", encoding="utf-8")
    capsys.readouterr()
    assert run(portal, "new", "shili-x", "2022") == 1
    assert "data/shili-x/2022.yaml 已存在，不会覆盖" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8").endswith("# 已编辑\n")


def test_new_needs_the_agency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "new", "shili-y", "2022") == 1
    assert "nianbao new-agency shili-y" in capsys.readouterr().err
    assert run(tmp_path, "new", "Shili_Y", "2022") == 1
    assert "不是有效的机关代码" in capsys.readouterr().err


def test_2020_link_from_2019(portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """RY-1 (all seven columns) and RY-3 (上一年项目数量 = 2019 上一年项目数量 + 本年增/减)."""
    assert run(portal, "new", "shili-x", "2019") == 0
    y2019 = portal / "data/shili-x/2019.yaml"
    set_row(y2019, "received", "person: 7, business: 2, research: 0, social: 1, legal: 0, other: 3")
    set_row(y2019, "granted", "person: 4, business: 1, research: 0, social: 1, legal: 0, other: 0")
    set_row(y2019, "carried_forward", "person: 3, business: 1, research: 0, social: 0, legal: 0, other: 3")
    set_row(y2019, "licensing", "previous: 12, change: -2, decisions: 40")
    set_row(y2019, "other_services", "previous: 5, change: 3, decisions: 1")
    set_row(y2019, "punishment", "previous: 8, change: 0, decisions: 9")
    set_row(y2019, "enforcement", "previous: 1, change: 1, decisions: 0")
    set_row(y2019, "fees", "previous: 4, change: -4")
    fill_prose(y2019, 2019)
    check_passes(portal, "data/shili-x/2019.yaml", capsys)

    assert run(portal, "new", "shili-x", "2020") == 0
    y2020 = portal / "data/shili-x/2020.yaml"
    report = load(y2020)
    assert isinstance(report, Report2019)
    last = load(y2019)
    assert report.applications.carried_over.cells() == last.applications.carried_forward.cells() == (3, 1, 0, 0, 0, 3, 7)
    assert report.applications.carried_over.total == 7  # written out: all seven columns
    for key in ("licensing", "other_services", "punishment", "enforcement", "fees"):
        before = getattr(last.active_disclosure, key)
        assert getattr(report.active_disclosure, key).previous == before.previous + before.change, key
        assert getattr(report.active_disclosure, key).change == 0
    assert report.active_disclosure.licensing.previous == 10
    # the carried-over applications must be handled somewhere this year: a clerk enters the outcomes
    set_row(y2020, "granted", "person: 3, business: 1, research: 0, social: 0, legal: 0, other: 3")
    fill_prose(y2020, 2020)
    check_passes(portal, "data/shili-x/2020.yaml", capsys)


def test_2021_format_links(portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """2020→2021 crosses the format boundary (only RY-1 links); 2021→2022 also seeds 现行有效件数 (RY-2)."""
    assert run(portal, "new", "shili-x", "2020") == 0
    y2020 = portal / "data/shili-x/2020.yaml"
    set_row(y2020, "received", "person: 2, business: 0, research: 0, social: 0, legal: 1, other: 0")
    set_row(y2020, "carried_forward", "person: 2, business: 0, research: 0, social: 0, legal: 1, other: 0")
    set_row(y2020, "regulations", "new_made: 3, new_published: 3, total_published: 30")
    fill_prose(y2020, 2020)
    check_passes(portal, "data/shili-x/2020.yaml", capsys)

    assert run(portal, "new", "shili-x", "2021") == 0
    y2021 = portal / "data/shili-x/2021.yaml"
    assert y2021.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schema/report-2021.schema.json\n")
    r2021 = load(y2021)
    assert isinstance(r2021, Report2021)
    assert r2021.applications.carried_over.cells() == (2, 0, 0, 0, 1, 0, 3)
    assert r2021.active_disclosure.regulations.in_force == 0  # different series across the boundary (RY-5)
    set_row(y2021, "granted", "person: 2, business: 0, research: 0, social: 0, legal: 1, other: 0")
    set_row(y2021, "received", "person: 5, business: 1, research: 0, social: 0, legal: 0, other: 0")
    set_row(y2021, "carried_forward", "person: 5, business: 1, research: 0, social: 0, legal: 0, other: 0")
    set_row(y2021, "regulations", "issued: 2, repealed: 1, in_force: 14")
    set_row(y2021, "normative_documents", "issued: 6, repealed: 0, in_force: 55")
    fill_prose(y2021, 2021)
    check_passes(portal, "data/shili-x/2021.yaml", capsys)

    assert run(portal, "new", "shili-x", "2022") == 0
    y2022 = portal / "data/shili-x/2022.yaml"
    r2022 = load(y2022)
    last = load(y2021)
    assert isinstance(r2022, Report2021) and isinstance(last, Report2021)
    assert r2022.applications.carried_over.cells() == last.applications.carried_forward.cells() == (5, 1, 0, 0, 0, 0, 6)
    assert r2022.active_disclosure.regulations.in_force == 14
    assert r2022.active_disclosure.normative_documents.in_force == 55
    assert (r2022.active_disclosure.regulations.issued, r2022.active_disclosure.licensing, r2022.active_disclosure.fees) == (0, 0, 0)
    assert r2022.problems == r2022.other_matters == r2022.opening == ""
    set_row(y2022, "granted", "person: 5, business: 1, research: 0, social: 0, legal: 0, other: 0")
    fill_prose(y2022, 2022)
    check_passes(portal, "data/shili-x/2022.yaml", capsys)


def _sample_agencies() -> list[tuple[str, int]]:
    data = REPO / "data"
    found = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        years = sorted(int(p.stem) for p in folder.glob("[0-9][0-9][0-9][0-9].yaml"))
        if years and (folder / "agency.yaml").is_file():
            found.append((folder.name, years[-1]))
    return found


@pytest.mark.parametrize(("agency", "last_year"), _sample_agencies())
def test_next_year_of_sample_data(agency: str, last_year: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """From the sample data: next year's report, filled in, passes `nianbao check` and links to last year's."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    year = last_year + 1
    assert run(tmp_path, "new", agency, str(year)) == 0
    path = tmp_path / "data" / agency / f"{year}.yaml"
    new = load(path, agency)
    last = load(tmp_path / "data" / agency / f"{last_year}.yaml", agency)
    assert new.applications.carried_over.parts() == last.applications.carried_forward.parts()
    if isinstance(new, Report2021) and isinstance(last, Report2021):
        assert new.active_disclosure.regulations.in_force == last.active_disclosure.regulations.in_force
    # the carried-over applications get an outcome, so the table balances
    parts = dict(zip(("person", "business", "research", "social", "legal", "other"), new.applications.carried_over.parts(), strict=True))
    set_row(path, "granted", ", ".join(f"{k}: {v}" for k, v in parts.items()))
    fill_prose(path, year)
    check_passes(tmp_path, f"data/{agency}/{year}.yaml", capsys)


def test_new_agency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "new-agency", "shili-jyj") == 0
    path = tmp_path / "data/shili-jyj/agency.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/agency.schema.json\n")
    assert "# 机关全称：如“樟树市机关事务管理局”（必填）\nname:\n" in text
    assert "# 维护人：" in text and "maintainers: []" in text
    # required fields are left for the clerk: check says which
    capsys.readouterr()
    assert run(tmp_path, "check") == 1
    out = capsys.readouterr().out
    assert "name（机关全称）" in out and "region（所属地区）" in out
    text = text.replace("\nname:\n", "\nname: 示例市教育局\n").replace("\nregion:\n", "\nregion: 示例市\n")
    path.write_text(text, encoding="utf-8")
    assert run(tmp_path, "check") == 0
    # refuses to overwrite, validates the slug
    assert run(tmp_path, "new-agency", "shili-jyj") == 1
    assert "已存在，不会覆盖" in capsys.readouterr().err
    for bad in ("Shili", "shili_jyj", "shili-", "市教育局"):
        assert run(tmp_path, "new-agency", bad) == 1
        assert not (tmp_path / "data" / bad).exists()
