"""Figures: every number of a report as a flat list, each with its canonical labels.

A report's tables hold nested numbers; exports and statistics want them one by
one, each named "row label × column label" in the national wording. This
module walks the layouts in `labels` once per format version and reads a
report's values in the same order, with the optional totals filled in as the
report states them (computed when left out).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

from nianbao.model import labels as L
from nianbao.model.documents import Report, Report2019

Number = int | Decimal

# Table families, in the order of the report, with their short Chinese names.
TABLES: dict[str, str] = {
    "active_disclosure": "表二",
    "applications": "表三",
    "review_litigation": "表四",
}
TABLE_TITLES: dict[str, str] = {key: L.SECTIONS[key][2:] for key in TABLES}


class Figure(NamedTuple):
    table: str  # a key of TABLES
    path: tuple[str, ...]  # model path, e.g. ("applications", "refused", "state_secret", "person")
    row: str  # canonical row label, e.g. "（三）不予公开 1.属于国家秘密"
    column: str  # canonical column label, e.g. "自然人"
    block: str = ""  # table 二 only: the 第二十条 item the row belongs to
    total: bool = False  # a 总计 that may be left out of the file and is then computed

    @property
    def key(self) -> str:
        """Stable machine name: the model path joined with dots."""
        return ".".join(self.path)

    @property
    def label(self) -> str:
        """Unique Chinese name across both formats: 表三 （一）予以公开 自然人."""
        return f"{TABLES[self.table]} {self.row} {self.column}"


T4_ROWS: dict[str, str] = {
    "review": L.T4_REVIEW,
    "litigation_direct": f"{L.T4_LITIGATION} {L.T4_GROUPS['litigation_direct']}",
    "litigation_after_review": f"{L.T4_LITIGATION} {L.T4_GROUPS['litigation_after_review']}",
}


@cache
def figures(version: L.FormatVersion) -> tuple[Figure, ...]:
    """Every figure of a report in this format, in the order the tables print them."""
    out: list[Figure] = []
    for block in L.TABLE2[version].blocks:
        for line in block.lines:
            for column in block.columns:
                path = ("active_disclosure", line.key) if column.key is None else ("active_disclosure", line.key, column.key)
                out.append(Figure("active_disclosure", path, line.label, column.label, block.caption))
    row_labels = L.table3_row_labels(version)
    for row in L.table3_rows(version):
        for key, label in L.T3_COLUMNS.items():
            total = key == "total" or row.path == (L.T3_RESULTS_TOTAL.key,)
            out.append(Figure("applications", ("applications", *row.path, key), row_labels[row.path], label, total=total))
    for group, row_label in T4_ROWS.items():
        for key, label in L.T4_COLUMNS.items():
            out.append(Figure("review_litigation", ("review_litigation", group, key), row_label, label, total=key == "total"))
    return tuple(out)


def table_figures(version: L.FormatVersion, table: str) -> tuple[Figure, ...]:
    return tuple(f for f in figures(version) if f.table == table)


def values(report: Report) -> tuple[Number, ...]:
    """The report's figures, aligned with figures(report.format_version); totals as stated.

    A loaded report keeps its own (`ReportDoc.figure_values`): a build's downloads read each
    report's figures eight times.
    """
    out: list[Number] = []
    data: Any = report.active_disclosure
    for block in L.TABLE2[report.format_version].blocks:
        for line in block.lines:
            value = getattr(data, line.key)
            out.extend(value if column.key is None else getattr(value, column.key) for column in block.columns)
    apps = report.applications
    for row in L.table3_rows(report.format_version):
        out.extend(apps.row(row.path).cells())
    rl = report.review_litigation
    for group in T4_ROWS:
        out.extend(getattr(rl, group).cells())
    return tuple(out)


def procurement_unit(report: Report) -> str | None:
    """The unit an agency gave for the 2019 format's 采购总金额 (None when not stated)."""
    if isinstance(report, Report2019):
        return report.active_disclosure.procurement.unit
    return None


@cache
def merged(table: str) -> tuple[Figure, ...]:
    """The figures of one table family in both formats, each once, in print order.

    Tables 三 and 四 share their rows except （六）其他处理; table 二 has no
    figure in common (spec §6), so its 2019 figures come first, then 2021's.
    """
    first, second = table_figures("2019", table), table_figures("2021", table)
    result = list(first)
    seen = {f.path for f in first}
    anchor = len(result) - 1  # a new figure goes after the last shared one seen
    for fig in second:
        if fig.path in seen:
            anchor = next(i for i, f in enumerate(result) if f.path == fig.path)
            continue
        anchor += 1
        result.insert(anchor, fig)
        seen.add(fig.path)
    return tuple(result)
