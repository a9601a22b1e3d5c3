"""The three national tables as grids of cells with their merges.

`table2`, `table3` and `table4` turn a report into `Table` objects laid out
exactly as the spec prescribes (labels, order, rowspan, colspan). The HTML
renderer, the Word export and the tests all read these grids, so the layout
is decided once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal, NamedTuple

from nianbao.model import labels as L
from nianbao.model.documents import Report, Report2019, Report2021

Scope = Literal["col", "row", "colgroup", "rowgroup"]


class Cell(NamedTuple):
    # A NamedTuple, not a dataclass: a portal renders hundreds of cells per report.
    text: str
    header: bool = False
    rowspan: int = 1
    colspan: int = 1
    scope: Scope | None = None
    # The model path of a figure cell, e.g. ("applications", "received", "person").
    path: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Table:
    key: str  # active_disclosure | applications | review_litigation
    caption: str
    head: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]
    columns: int


def number(value: int | Decimal) -> str:
    """Digits exactly as written: no separators, no padding, no exponent."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _th(text: str, scope: Scope | None = None, rowspan: int = 1, colspan: int = 1) -> Cell:
    return Cell(text, header=True, rowspan=rowspan, colspan=colspan, scope=scope)


def _td(value: int | Decimal | str, path: tuple[str, ...], colspan: int = 1) -> Cell:
    text = value if isinstance(value, str) else number(value)
    return Cell(text, colspan=colspan, path=path)


def table2(report: Report) -> Table:
    layout = L.TABLE2[report.format_version]
    data = report.active_disclosure
    units = layout.value_units
    body: list[tuple[Cell, ...]] = []
    for block in layout.blocks:
        body.append((_th(block.caption, "colgroup", colspan=units + 1),))
        span = units // len(block.columns)
        body.append((_th(L.CONTENT, "col"), *(_th(c.label, "col", colspan=span) for c in block.columns)))
        for line in block.lines:
            value = getattr(data, line.key)
            cells = [_th(line.label, "row")]
            for column in block.columns:
                path = ("active_disclosure", line.key) if column.key is None else ("active_disclosure", line.key, column.key)
                cell_value = value if column.key is None else getattr(value, column.key)
                if isinstance(report, Report2019) and line.key == "procurement" and column.key == "amount" and value.unit:
                    cell_value = f"{number(cell_value)}{value.unit}"
                cells.append(_td(cell_value, path, span))
            body.append(tuple(cells))
    return Table("active_disclosure", L.SECTIONS["active_disclosure"][2:], (), tuple(body), units + 1)


@cache
def _table3_head() -> tuple[tuple[Cell, ...], ...]:
    return (
        (_th(L.T3_NOTE, rowspan=3, colspan=3), _th(L.T3_APPLICANTS, "colgroup", colspan=7)),
        (
            _th(L.T3_COLUMNS["person"], "col", rowspan=2),
            _th(L.T3_LEGAL_ENTITIES, "colgroup", colspan=5),
            _th(L.T3_COLUMNS["total"], "col", rowspan=2),
        ),
        tuple(_th(L.T3_COLUMNS[k], "col") for k in L.T3_LEGAL_ENTITY_COLUMNS),
    )


@cache
def _table3_rows(version: L.FormatVersion) -> tuple[tuple[tuple[str, ...], tuple[Cell, ...], tuple[tuple[str, ...], ...]], ...]:
    """Each body row's data path, label cells and figure cells' paths: the same for every report of a version."""
    return tuple(
        (
            row.path,
            tuple(_th(c.text, "rowgroup" if c.rowspan > 1 else "row", rowspan=c.rowspan, colspan=c.colspan) for c in row.labels),
            tuple(("applications", *row.path, k) for k in L.T3_COLUMNS),
        )
        for row in L.table3_rows(version)
    )


def table3(report: Report) -> Table:
    apps = report.applications
    body = []
    for path, labels, cell_paths in _table3_rows(report.format_version):
        # Table 三 holds counts only (ints): str() is number() for them, without its type test.
        cells = tuple(Cell(str(v), path=p) for v, p in zip(apps.row(path).cells(), cell_paths, strict=True))
        body.append(labels + cells)
    return Table("applications", L.SECTIONS["applications"][2:], _table3_head(), tuple(body), 10)


@cache
def _table4_head() -> tuple[tuple[Cell, ...], ...]:
    return (
        (_th(L.T4_REVIEW, "colgroup", colspan=5), _th(L.T4_LITIGATION, "colgroup", colspan=10)),
        (
            *(_th(label, "col", rowspan=2) for label in L.T4_COLUMNS.values()),
            _th(L.T4_GROUPS["litigation_direct"], "colgroup", colspan=5),
            _th(L.T4_GROUPS["litigation_after_review"], "colgroup", colspan=5),
        ),
        tuple(_th(label, "col") for _ in range(2) for label in L.T4_COLUMNS.values()),
    )


def table4(report: Report2019 | Report2021) -> Table:
    data = report.review_litigation
    row = tuple(_td(v, ("review_litigation", group, k)) for group in L.T4_GROUPS for k, v in zip(L.T4_COLUMNS, getattr(data, group).cells(), strict=True))
    return Table("review_litigation", L.SECTIONS["review_litigation"][2:], _table4_head(), (row,), 15)


def tables(report: Report) -> tuple[Table, Table, Table]:
    return table2(report), table3(report), table4(report)
