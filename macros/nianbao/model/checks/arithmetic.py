"""Arithmetic rules inside one report (spec §5.1): R3-1, R3-2, R3-3, R4-1.

A total that is written must equal the sum it stands for; a total that is
left out is computed and therefore always agrees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nianbao.model import arithmetic_wording as W
from nianbao.model import labels as L
from nianbao.model.checks.rule import at
from nianbao.model.documents import ApplicantRow
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc

if TYPE_CHECKING:
    from nianbao.model.portal import Portal


# The layouts are constant: build each once, not once per report.
_ROWS = {version: L.table3_rows(version) for version in L.FORMAT_VERSIONS}


def check(doc: ReportDoc, portal: Portal) -> list[Finding]:
    return [*_row_totals(doc), *_results_total(doc), *_balance(doc), *_table4(doc)]


def _row_totals(doc: ReportDoc) -> list[Finding]:
    """R3-3: in every row of table 三, 总计 = the six applicant columns."""
    apps = doc.report.applications
    findings = []
    for row in _ROWS[doc.format_version]:
        value = apps.total if row.path == ("total",) else apps.row(row.path)
        if value is None or value.total is None or value.total == value.sum:
            continue
        findings.append(at(doc, ("applications", *row.path, "total"), "R3-3", *W.row_total(row.label, value.total, value.parts())))
    return findings


def _results_total(doc: ReportDoc) -> list[Finding]:
    """R3-2: （七）总计 = the sum of every outcome row, column by column."""
    apps = doc.report.applications
    if apps.total is None:
        return []
    computed = apps.computed_total
    findings = []
    for key, label in L.T3_COLUMNS.items():
        written = apps.total.shown_total if key == "total" else getattr(apps.total, key)
        expected = computed.shown_total if key == "total" else getattr(computed, key)
        if written != expected:
            findings.append(at(doc, ("applications", "total", key), "R3-2", *W.results_total(label, written, expected)))
    return findings


def _cell(row: ApplicantRow, key: str) -> int:
    return row.shown_total if key == "total" else int(getattr(row, key))


def _balance(doc: ReportDoc) -> list[Finding]:
    """R3-1, the table's own note: 一 + 二 = （七）总计 + 四, in every column."""
    apps = doc.report.applications
    total = apps.results_total
    findings = []
    for key, label in L.T3_COLUMNS.items():
        a, b = _cell(apps.received, key), _cell(apps.carried_over, key)
        c, d = _cell(total, key), _cell(apps.carried_forward, key)
        if a + b != c + d:
            findings.append(at(doc, ("applications", "carried_forward", key), "R3-1", *W.balance(label, a, b, c, d)))
    return findings


def _table4(doc: ReportDoc) -> list[Finding]:
    """R4-1: each 总计 of table 四 = 维持 + 纠正 + 其他 + 尚未审结."""
    findings = []
    for key, label in L.T4_GROUPS.items():
        outcomes = getattr(doc.report.review_litigation, key)
        if outcomes.total is None or outcomes.total == outcomes.sum:
            continue
        findings.append(at(doc, ("review_litigation", key, "total"), "R4-1", *W.table4_total(label, outcomes.total, outcomes.sum)))
    return findings
