"""One build object per build, and nothing of a build outside it (issue 14).

Two portals handled in one process — as the tests, a preview's rebuilds or a
tool that builds several regions do — must never see each other's reports,
downloads or cached bytes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES
from nianbao.downloads import new_build
from nianbao.model.pipeline import build_portal
from nianbao.site.pages import portal_pages
from nianbao.urls import portal_file


def _portal(root: Path, agency_id: str, name: str) -> Path:
    folder = root / "data" / agency_id
    folder.mkdir(parents=True)
    agency = (FIXTURES / "reports" / "agency.yaml").read_text(encoding="utf-8").replace("测试市教育局", name)
    (folder / "agency.yaml").write_text(agency, encoding="utf-8")
    shutil.copy(FIXTURES / "reports" / "2021.yaml", folder / "2021.yaml")
    return root


def _index(build: object) -> dict[str, object]:
    (index,) = [d for d in build.portal_downloads() if d.path == portal_file("index")]  # type: ignore[attr-defined]
    return json.loads(index.build())  # type: ignore[no-any-return]


def test_two_builds_in_one_process_keep_their_data_apart(tmp_path: Path) -> None:
    a_root = _portal(tmp_path / "a", "ceshi-jyj", "测试市教育局")
    b_root = _portal(tmp_path / "b", "ceshi-jtj", "测试市交通局")
    a = new_build(build_portal(a_root / "data", a_root))
    first = _index(a)  # cached in a, before b exists
    b = new_build(build_portal(b_root / "data", b_root))
    assert [r["agency"] for r in _index(b)["reports"]] == ["ceshi-jtj"]
    assert _index(a) == first and [r["agency"] for r in first["reports"]] == ["ceshi-jyj"]
    # Report downloads and pages, interleaved: each build lists and renders only its own reports.
    (doc_a,), (doc_b,) = a.portal.reports, b.portal.reports
    assert {d.path.split("/")[2] for d in a.report_downloads(doc_a)} == {"ceshi-jyj"}
    assert {d.path.split("/")[2] for d in b.report_downloads(doc_b)} == {"ceshi-jtj"}
    titles_b = {p.title for p in portal_pages(b)}
    titles_a = {p.title for p in portal_pages(a)}
    assert "测试市交通局" in titles_b and "测试市交通局" not in titles_a
    assert "测试市教育局" in titles_a and "测试市教育局" not in titles_b
