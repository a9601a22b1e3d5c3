"""Golden copies of what citizens read: report bodies as rendered (not the themed page).

A change in rendering shows up as a diff of these files, to be reviewed like
code. Refresh after an intended change with:

    NIANBAO_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from nianbao.downloads import new_build
from nianbao.model.load import load_agency, load_report
from nianbao.model.portal import Loaded, index
from nianbao.site.render import report_body

GOLDEN = REPO / "tests" / "golden"
CASES = {
    "report-seed-2020.html": (REPO / "data" / "zhangshu-jgswj", "zhangshu-jgswj", 2020),
    "report-fixture-2021.html": (FIXTURES / "reports", "ceshi-jyj", 2021),
}


def _body(folder: Path, agency_id: str, year: int) -> str:
    loaded = Loaded()
    agency, _ = load_agency(folder / "agency.yaml", "agency.yaml", agency_id)
    doc, findings = load_report(folder / f"{year}.yaml", f"{year}.yaml", agency_id, year)
    assert agency is not None and doc is not None, findings
    loaded.agencies[agency_id] = agency
    loaded.reports.append(doc)
    return report_body(new_build(index(loaded, REPO, [])), doc) + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_report_body_matches_golden(name: str) -> None:
    body = _body(*CASES[name])
    golden = GOLDEN / name
    if os.environ.get("NIANBAO_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(body, encoding="utf-8")
    assert golden.exists(), f"缺少 {golden}：先运行 NIANBAO_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py"
    assert body == golden.read_text(encoding="utf-8")
