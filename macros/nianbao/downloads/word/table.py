"""One national table as a Word table, cell for cell from the `tables` grid.

The grid in `nianbao.tables` gives every cell with its rowspan and colspan,
HTML style (a cell covered by a merge is absent). Here each cell is placed on
the table's column grid, merged the way Word stores merges (`w:gridSpan`
across, `w:vMerge` down) and given a fixed width, so the Word table and the HTML table
cannot disagree. Column widths add up to the text width of an A4 portrait
page, and the layout is fixed (no autofit), so the wide tables 三 and 四 never
run past the right margin.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from nianbao.downloads.word import styles as S
from nianbao.downloads.word.text import attribute
from nianbao.model.tables import Cell, Table

CELL_MARGIN = 45  # twips left and right inside every cell (Word's default 108 wastes the narrow columns)


def split(total: int, n: int) -> list[int]:
    """n widths that add up to total exactly, the remainder going to the first ones."""
    base, extra = divmod(total, n)
    return [base + (1 if i < extra else 0) for i in range(n)]


def column_widths(table: Table, total: int = S.TEXT_WIDTH) -> list[int]:
    """Widths in twips of the table's grid columns."""
    if table.key == "applications":
        # c1 holds 三、本年度办理结果 one character per line; c3 the long sub-item labels.
        labels = [400, 1134, 2550]
        return labels + split(total - sum(labels), table.columns - len(labels))
    if table.key == "active_disclosure":
        label = 3144 if table.columns > 4 else 3528
        return [label, *split(total - label, table.columns - 1)]
    return split(total, table.columns)


def font_size(table: Table) -> int:
    """Half-points: 五号 for table 二, 小五 for the wide tables 三 and 四."""
    return S.SIZE_TABLE if table.key == "active_disclosure" else S.SIZE_TABLE_SMALL


def placed(rows: Sequence[Sequence[Cell]]) -> Iterator[tuple[int, int, Cell]]:
    """(row, column, cell) on the full grid, skipping positions covered by earlier spans."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            yield r, c, cell
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            c += cell.colspan


def table_xml(table: Table, style_id: str) -> str:
    """The w:tbl element: merges as w:gridSpan across and w:vMerge (restart, then continue) down.

    The labels, merges and widths are the same for every report of a format
    version: that XML is built once (`_layout`) and only the figures are
    written per report, each as a run between two cached pieces.
    """
    rows = (*table.head, *table.body)
    layout = _layout(replace(table, head=_blanked(table.head), body=_blanked(table.body)), style_id)
    size = font_size(table)
    out = [layout[0]]
    pieces = iter(layout[1:])
    for row in rows:
        for cell in row:
            if not cell.header:
                out += (_run(cell.text, size), next(pieces))
    return "".join(out)


def _run(text: str, size: int) -> str:
    """A cell's text as one run in the table's type size; an empty cell has none."""
    return f'<w:r><w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""


def _blanked(rows: tuple[tuple[Cell, ...], ...]) -> tuple[tuple[Cell, ...], ...]:
    """The rows with each figure replaced by an empty cell of the same span: the table's layout."""
    return tuple(tuple(cell if cell.header else _blank(cell.rowspan, cell.colspan) for cell in row) for row in rows)


@cache
def _blank(rowspan: int, colspan: int) -> Cell:
    return Cell("", rowspan=rowspan, colspan=colspan)


@lru_cache(maxsize=64)  # a few layouts per format version; bounded all the same
def _layout(table: Table, style_id: str) -> tuple[str, ...]:
    """The table's XML cut where each figure's run goes, in row order: one piece more than figures."""
    widths = column_widths(table)
    rows = [*table.head, *table.body]
    origin: dict[tuple[int, int], tuple[int, Cell]] = {}  # grid position -> (first row, cell)
    for r, c, cell in placed(rows):
        for dr in range(cell.rowspan):
            origin[(r + dr, c)] = (r, cell)
    size = font_size(table)
    keep = table.key != "applications"  # tables 二 and 四 fit on one page: never cut them
    pieces: list[str] = []
    out = [f"<w:tbl>{_tbl_pr(table, widths)}<w:tblGrid>"]
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    for r in range(len(rows)):
        header = "<w:tblHeader/>" if r < len(table.head) else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        c = 0
        while c < table.columns:
            first, cell = origin[(r, c)]
            width = sum(widths[c : c + cell.colspan])
            span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            merge = "" if cell.rowspan == 1 else '<w:vMerge w:val="restart"/>' if first == r else "<w:vMerge/>"
            jc = '<w:jc w:val="left"/>' if _left_aligned(table, cell) else ""
            kept = "<w:keepNext/>" if keep and r < len(rows) - 1 else ""
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}<w:vAlign w:val="center"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{attribute(style_id)}"/>{kept}{jc}</w:pPr>'
            )
            if first == r and not cell.header:
                pieces.append("".join(out))  # the figure's run goes here
                out = []
            elif first == r:
                out.append(_run(cell.text, size))
            out.append("</w:p></w:tc>")
            c += cell.colspan
        out.append("</w:tr>")
    out.append("</w:tbl>")
    pieces.append("".join(out))
    return tuple(pieces)


def _left_aligned(table: Table, cell: Cell) -> bool:
    # The row labels of table 三 are sentences; group labels and headings stay centred.
    return table.key == "applications" and cell.header and cell.scope == "row"


def _tbl_pr(table: Table, widths: list[int]) -> str:
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    margins = "".join(f'<w:{side} w:w="{w}" w:type="dxa"/>' for side, w in (("top", 0), ("left", CELL_MARGIN), ("bottom", 0), ("right", CELL_MARGIN)))
    return (
        f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/><w:tblInd w:w="0" w:type="dxa"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>{margins}</w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>'
        # Alternative text for screen readers.
        f'<w:tblCaption w:val="{attribute(table.caption)}"/></w:tblPr>'
    )
