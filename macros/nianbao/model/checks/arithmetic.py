"""Arithmetic rules inside one report (spec §5.1): R3-1, R3-2, R3-3, R4-1.

A total that is written must equal the sum it stands for; a total that is
left out is computed and therefore always agrees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
        parts = "+".join(str(v) for v in value.parts())
        findings.append(
            at(
                doc,
                ("applications", *row.path, "total"),
                "R3-3",
                f"表三“{row.label}”一行的总计为 {value.total}，但六类申请人之和 {parts} = {value.sum}",
                f"请核对这一行：总计应为 {value.sum}，或改正各类申请人的数字；也可删去 total 由系统计算",
            )
        )
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
            findings.append(
                at(
                    doc,
                    ("applications", "total", key),
                    "R3-2",
                    f"表三（七）总计“{label}”列为 {written}，但（一）至（六）各项办理结果之和为 {expected}",
                    f"请核对“{label}”列各办理结果的数字，或把（七）总计改为 {expected}；也可删去 total 由系统计算",
                )
            )
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
            findings.append(
                at(
                    doc,
                    ("applications", "carried_forward", key),
                    "R3-1",
                    f"表三“{label}”列不平衡：一、本年新收 {a} + 二、上年结转 {b} = {a + b}，而（七）总计 {c} + 四、结转下年度继续办理 {d} = {c + d}",
                    "按表头勾稽关系，第一项加第二项之和应等于第三项加第四项之和，请核对这一列",
                )
            )
    return findings


def _table4(doc: ReportDoc) -> list[Finding]:
    """R4-1: each 总计 of table 四 = 维持 + 纠正 + 其他 + 尚未审结."""
    findings = []
    for key, label in L.T4_GROUPS.items():
        outcomes = getattr(doc.report.review_litigation, key)
        if outcomes.total is None or outcomes.total == outcomes.sum:
            continue
        findings.append(
            at(
                doc,
                ("review_litigation", key, "total"),
                "R4-1",
                f"表四“{label}”的总计为 {outcomes.total}，但结果维持、结果纠正、其他结果、尚未审结之和为 {outcomes.sum}",
                f"请把总计改为 {outcomes.sum}，或改正四项结果；也可删去 total 由系统计算",
            )
        )
    return findings
