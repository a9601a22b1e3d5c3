"""Plausibility of table 二 inside one report (spec §5.1 R2-3, R2-4; §9 E6).

All three are warnings: they rest on inferred definitions (湖北's notes on the
2019 format) or on a magnitude heuristic, and a real report may break them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from nianbao.model import labels as L
from nianbao.model.checks.rule import at
from nianbao.model.documents import ActiveDisclosure2019, ActiveDisclosure2021
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc

if TYPE_CHECKING:
    from nianbao.model.portal import Portal

# Rows of the 2019 table 二 that carry 上一年项目数量 and 本年增/减, and the rows of documents
# (the same two rows in both formats), as `labels.TABLE2` lays them out.
ITEM_ROWS = L.table2_rows_with("2019", "change")
DOCUMENT_ROWS = L.table2_rows_with("2021", "issued")
# 2021 （八） is in 万元: above this, or with more than 4 decimals, it was almost surely typed in 元.
FEE_LIMIT = Decimal(10_000_000)


def check(doc: ReportDoc, portal: Portal) -> list[Finding]:
    table = doc.report.active_disclosure
    if isinstance(table, ActiveDisclosure2019):
        return _items_2019(doc, table) + _documents_2019(doc, table)
    if isinstance(table, ActiveDisclosure2021):
        return _fees_2021(doc, table)
    return []  # pragma: no cover - the model has exactly two formats


def _items_2019(doc: ReportDoc, table: ActiveDisclosure2019) -> list[Finding]:
    """R2-3: 上一年项目数量 + 本年增/减 is the year-end item count, never negative."""
    labels = L.table2_row_labels("2019")
    findings = []
    for key in ITEM_ROWS:
        row = getattr(table, key)
        if row.previous + row.change < 0:
            findings.append(
                at(
                    doc,
                    ("active_disclosure", key, "change"),
                    "R2-3",
                    f"表二“{labels[key]}”的上一年项目数量 {row.previous} 加本年增/减 {row.change} 为 {row.previous + row.change}，年末事项数不会小于 0",
                    "请核对“上一年项目数量”和“本年增/减”（减少的数量不能超过上一年项目数量）",
                )
            )
    return findings


def _documents_2019(doc: ReportDoc, table: ActiveDisclosure2019) -> list[Finding]:
    """R2-4: 对外公开总数量 is cumulative, so at least this year's 本年新公开数量."""
    labels = L.table2_row_labels("2019")
    findings = []
    for key in DOCUMENT_ROWS:
        row = getattr(table, key)
        if row.total_published < row.new_published:
            findings.append(
                at(
                    doc,
                    ("active_disclosure", key, "total_published"),
                    "R2-4",
                    f"表二“{labels[key]}”的对外公开总数量 {row.total_published} 小于本年新公开数量 {row.new_published}",
                    "对外公开总数量是累计数，请核对这两个数字",
                )
            )
    return findings


def _fees_2021(doc: ReportDoc, table: ActiveDisclosure2021) -> list[Finding]:
    """E6: the 2021 （八） fee is in 万元; a huge value or many decimals means it was typed in 元."""
    fee = table.fees
    exponent = fee.as_tuple().exponent
    too_precise = isinstance(exponent, int) and exponent < -4
    if fee <= FEE_LIMIT and not too_precise:
        return []
    reason = "超过 1000 万万元" if fee > FEE_LIMIT else "小数超过 4 位"
    return [
        at(
            doc,
            ("active_disclosure", "fees"),
            "E6",
            f"表二“行政事业性收费”的本年收费金额 {fee} {reason}，表头单位是万元，像是按元填写的",
            "单位为万元：以元计的金额请除以 10000 后填写，如 251000 元填 25.1",
        )
    ]
