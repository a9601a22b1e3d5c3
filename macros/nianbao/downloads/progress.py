"""The 报送进度 CSV of one report year: one row per agency, canonical labels, UTF-8 with BOM for Excel.

`progress_files` is the download provider: the site publishes the CSV files
only with the pages (`progress: public`); `nianbao progress` writes them itself.
"""

from __future__ import annotations

from nianbao.build import Build, Download
from nianbao.downloads.exports import Cell, to_csv
from nianbao.model.assessment import Rulepack, assess, total
from nianbao.model.deadlines import TYPE_WORDS
from nianbao.model.progress import STATES, YearProgress
from nianbao.model.rates import KINDS
from nianbao.model.supervision import Supervision
from nianbao.urls import progress_file

HEADER = (
    "机关代码",
    "机关名称",
    "机关类型",
    "报告年度",
    "状态",
    "发布期限",
    "发布日期",
    "逾期天数",
    "错误数",
    "警告数",
    "问题代码",
    "与上年文字相似度",
    *(f"{k.label}{part}" for k in KINDS for part in ("", "分子", "分母")),
    "考核扣分",
    "扣分明细",
)


def progress_csv(progress: YearProgress, rulepack: Rulepack | None) -> bytes:
    rows: list[list[Cell]] = []
    for e in progress.entries:
        doc = e.document
        codes = sorted({f.code for f in e.findings})
        deductions = assess(rulepack, e) if rulepack else []
        rate_cells: list[Cell] = []
        for k in KINDS:
            r = e.rates[k.key]
            rate_cells += [r.percent if r.value is not None else None, r.numerator if e.report else None, r.denominator if e.report else None]
        rows.append(
            [
                e.agency.id,
                e.agency.agency.name,
                TYPE_WORDS[e.agency.agency.type],
                e.year,
                STATES[e.state],
                e.due.isoformat(),
                e.report.report.published_date.isoformat() if e.report and e.report.report.published_date else None,
                e.days_late,
                e.errors if doc else None,
                e.warnings if doc else None,
                " ".join(codes),
                f"{e.similarity * 100:.1f}%" if e.similarity is not None else None,
                *rate_cells,
                total(deductions) if rulepack else None,
                "；".join(f"{d.item.name} {d.points}分" for d in deductions),
            ]
        )
    return to_csv(HEADER, rows)


def supervision_files(supervision: Supervision) -> list[Download]:
    """The CSV of each year, written beside its page."""
    rulepack = supervision.config.rulepack
    return [Download(progress_file(y), f"{y}年度报送进度（CSV）", lambda p=p: progress_csv(p, rulepack)) for y, p in sorted(supervision.years.items())]


def progress_files(build: Build) -> list[Download]:
    """Download provider: the progress CSV files, when the portal publishes its progress pages."""
    supervision = build.supervision
    if supervision is None or not supervision.config.public:
        return []
    return supervision_files(supervision)
