"""P001: a report published on the portal (status: current) says when its agency published it.

A draft has no date yet; publishing is setting `status: current` together
with `published_date`. Archived reports imported without a known date stay as
they are. The 报送进度 page and the assessment read this date, so a current
report without it would be counted as never published.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nianbao.model.checks.rule import at
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc

if TYPE_CHECKING:
    from nianbao.model.portal import Portal


def check(doc: ReportDoc, portal: Portal) -> list[Finding]:
    if doc.report.status != "current" or doc.report.published_date is not None:
        return []
    if not doc.source.written(("status",)):
        # No status line: the file reads as published (the default), which the clerk may not have meant.
        return [
            at(
                doc,
                ("status",),
                "P001",
                "未写 status，按已发布（current）处理，但没有 published_date",
                "发布后填写 published_date；仍在起草请加一行 status: draft",
            )
        ]
    return [
        at(
            doc,
            ("status",),
            "P001",
            "status: current 表示报告已发布，但没有填写发布日期 published_date",
            f"已发布的，请加一行 published_date: {doc.year + 1}-01-20（改为实际发布日期）；尚未发布的，请把 status 改为 draft",
        )
    ]
