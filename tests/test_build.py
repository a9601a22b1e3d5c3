"""The build end to end: counts, injection safety, reproducibility and refusal of bad data."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import lxml.html
import pytest

from conftest import FIXTURES, REPO, Build, make_project, run_build

AGENCY = (FIXTURES / "reports" / "agency.yaml").read_text(encoding="utf-8")
REPORT = (FIXTURES / "reports" / "2021.yaml").read_text(encoding="utf-8")
INJECTIONS = ["{{ config }}", "{% raw %}", "<script>alert('x')</script>", "{# 注释 #}", "&lt;b&gt;"]


def _report_files(data: Path) -> list[Path]:
    return sorted(p for p in data.glob("*/*.yaml") if re.fullmatch(r"\d{4}\.yaml", p.name))


def test_one_page_per_report_and_the_count_is_printed(repo_site: Build) -> None:
    # Every report file but the drafts (status: draft): they are checked, never published.
    files = [f for f in _report_files(REPO / "data") if not re.search(r"(?m)^status: draft$", f.read_text(encoding="utf-8"))]
    assert len(files) < len(_report_files(REPO / "data"))  # the sample portal holds a draft
    pages = sorted(repo_site.site.glob("reports/*/*/index.html"))
    assert [f"{p.parent.parent.name}/{p.parent.name}" for p in pages] == [f"{f.parent.name}/{f.stem}" for f in files]
    assert f"已发布 {len(files)} 份年度报告" in repo_site.output


def test_prose_is_printed_literally(tmp_path: Path) -> None:
    evil = "；".join(INJECTIONS)
    report = re.sub(r"(?m)^problems: (.*)$", lambda m: f'problems: "{evil}{m.group(1)}"', REPORT)
    report = report.replace("    - title: （一）主动公开", f'    - title: （一）主动公开\n      text: "{evil}"\n    - title: 另一节', 1)
    report = re.sub(r"(?m)^opening: (.*)$", lambda m: f'opening: "{evil}{m.group(1)}"', report)
    project = make_project(tmp_path / "p", {"data/ceshi-jyj/agency.yaml": AGENCY, "data/ceshi-jyj/2021.yaml": report})
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    html = (build.site / "reports/ceshi-jyj/2021/index.html").read_text(encoding="utf-8")
    text = lxml.html.fromstring(html).xpath("//div[contains(@class,'nb-report')]")[0].text_content()
    for injection in INJECTIONS:
        assert text.count(injection) >= 2, injection  # shown as typed, in problems and in 一
    assert "<script>alert" not in html
    assert "site_name" not in text  # {{ config }} was not evaluated


def test_markup_in_a_name_is_refused(tmp_path: Path) -> None:
    agency = AGENCY.replace("name: 测试市教育局", "name: 测试市教育局<script>")
    project = make_project(tmp_path / "p", {"data/ceshi-jyj/agency.yaml": agency, "data/ceshi-jyj/2021.yaml": REPORT})
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "data/ceshi-jyj/agency.yaml:2:" in build.output and "[S007]" in build.output


def _digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_building_twice_gives_identical_bytes(repo_site: Build, tmp_path: Path) -> None:
    again = run_build(REPO, tmp_path / "site")
    assert again.returncode == 0, again.output
    first, second = _digest(repo_site.site), _digest(again.site)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


BAD = {
    "syntax": ("year: 2021\nopening: [未闭合\noverview: {}\n", "Y001", "overview"),
    "duplicate": (REPORT.replace("  punishment: 86\n", "  punishment: 86\n  punishment: 87\n"), "Y003", "punishment: 87"),
    "unknown": (REPORT.replace("  punishment: 86\n", "  punishment: 86\n  punishments: 1\n"), "S001", "punishments: 1"),
    "total": (REPORT.replace("total: 39}", "total: 40}"), "R3-3", "total: 40}"),
    "gbk": (REPORT.encode("gbk"), "Y004", "# 测试用"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_file_fails_the_build_with_a_located_chinese_message(tmp_path: Path, case: str) -> None:
    content, code, marker = BAD[case]
    text = content.decode("gbk") if isinstance(content, bytes) else content
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if marker in ln)
    good = {"data/ceshi-jyj/agency.yaml": AGENCY, "data/ceshi-jyj/2021.yaml": REPORT}
    bad = {"data/ceshi-jjj/agency.yaml": AGENCY.replace("教育局", "交通局"), "data/ceshi-jjj/2021.yaml": content}
    project = make_project(tmp_path / "p", {**good, **bad})
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert re.search(rf"data/ceshi-jjj/2021\.yaml:{line}:\d+: 错误 \[{code}\] ", build.output), build.output
    assert "构建已停止" in build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "site" / "reports").exists()
