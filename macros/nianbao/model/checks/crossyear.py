"""Rules between a report and the same agency's report of the year before (spec §5.2).

RY-1 is an error unless the report records why (`carry_over_note`); RY-2 to
RY-4 are warnings because restructuring or clean-ups legitimately break them.
RY-6 (copied text) lives in `similarity`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nianbao.model import labels as L
from nianbao.model.checks.disclosure import DOCUMENT_ROWS, ITEM_ROWS
from nianbao.model.checks.rule import at
from nianbao.model.documents import ActiveDisclosure2019, ActiveDisclosure2021
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc

if TYPE_CHECKING:
    from nianbao.model.portal import Portal


def check(doc: ReportDoc, portal: Portal) -> list[Finding]:
    last = portal.previous_year(doc)
    if last is None:
        return []
    findings = _carry_over(doc, last)
    this_t2, last_t2 = doc.report.active_disclosure, last.report.active_disclosure
    # RY-5: the 2019 and 2021 tables 二 mean different things, so only same-format pairs are compared.
    if isinstance(this_t2, ActiveDisclosure2021) and isinstance(last_t2, ActiveDisclosure2021):
        findings += _in_force(doc, last, this_t2, last_t2)
    if isinstance(this_t2, ActiveDisclosure2019) and isinstance(last_t2, ActiveDisclosure2019):
        findings += _items(doc, last, this_t2, last_t2) + _published_stock(doc, last, this_t2, last_t2)
    return findings


def _carry_over(doc: ReportDoc, last: ReportDoc) -> list[Finding]:
    """RY-1: this 二、上年结转 = last 四、结转下年度继续办理, in every column."""
    if doc.report.carry_over_note:
        return []
    this_row, last_row = doc.report.applications.carried_over.cells(), last.report.applications.carried_forward.cells()
    diffs = [f"{label} {a}（上年 {b}）" for label, a, b in zip(L.T3_COLUMNS.values(), this_row, last_row, strict=True) if a != b]
    if not diffs:
        return []
    return [
        at(
            doc,
            ("applications", "carried_over"),
            "RY-1",
            f"表三“{L.T3_CARRIED_OVER.label}”与上年报告 {last.path} 的“{L.T3_CARRIED_FORWARD.label}”不一致：{'，'.join(diffs)}",
            "请按上年报告改正这一行；确有原因（如机构合并）的，在 carry_over_note 中写明原因",
        )
    ]


def _in_force(doc: ReportDoc, last: ReportDoc, this_t2: ActiveDisclosure2021, last_t2: ActiveDisclosure2021) -> list[Finding]:
    """RY-2: 现行有效 = last 现行有效 + 本年制发 − 本年废止."""
    labels = L.table2_row_labels("2021")
    findings = []
    for key in DOCUMENT_ROWS:
        now, before = getattr(this_t2, key), getattr(last_t2, key)
        expected = before.in_force + now.issued - now.repealed
        if now.in_force != expected:
            findings.append(
                at(
                    doc,
                    ("active_disclosure", key, "in_force"),
                    "RY-2",
                    f"表二“{labels[key]}”的现行有效件数为 {now.in_force}，"
                    f"但上年现行有效 {before.in_force} + 本年制发 {now.issued} − 本年废止 {now.repealed} = {expected}",
                    f"请核对现行有效件数（应为 {expected}）；如因修订、清理或机构调整而不同，可保留",
                )
            )
    return findings


def _items(doc: ReportDoc, last: ReportDoc, this_t2: ActiveDisclosure2019, last_t2: ActiveDisclosure2019) -> list[Finding]:
    """RY-3: this 上一年项目数量 = last 上一年项目数量 + last 本年增/减."""
    labels = L.table2_row_labels("2019")
    findings = []
    for key in ITEM_ROWS:
        now, before = getattr(this_t2, key), getattr(last_t2, key)
        expected = before.previous + before.change
        if now.previous != expected:
            findings.append(
                at(
                    doc,
                    ("active_disclosure", key, "previous"),
                    "RY-3",
                    f"表二“{labels[key]}”的上一年项目数量为 {now.previous}，"
                    f"但上年报告中上一年项目数量 {before.previous} + 本年增/减 {before.change} = {expected}",
                    f"请核对上一年项目数量（应为 {expected}）",
                )
            )
    return findings


def _published_stock(doc: ReportDoc, last: ReportDoc, this_t2: ActiveDisclosure2019, last_t2: ActiveDisclosure2019) -> list[Finding]:
    """RY-4: 对外公开总数量 is cumulative, so it does not shrink from one year to the next."""
    labels = L.table2_row_labels("2019")
    findings = []
    for key in DOCUMENT_ROWS:
        now, before = getattr(this_t2, key), getattr(last_t2, key)
        if now.total_published < before.total_published:
            findings.append(
                at(
                    doc,
                    ("active_disclosure", key, "total_published"),
                    "RY-4",
                    f"表二“{labels[key]}”的对外公开总数量 {now.total_published} 比上年报告的 {before.total_published} 少",
                    "对外公开总数量是累计数，请核对",
                )
            )
    return findings
