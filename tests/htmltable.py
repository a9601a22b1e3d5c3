"""Read built HTML tables the way a person does: as a grid, by row and column label."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html


@dataclass(frozen=True)
class GridCell:
    text: str
    header: bool
    origin: tuple[int, int]  # (row, col) of the top-left of a merged cell
    rowspan: int
    colspan: int


def grid(table: lxml.html.HtmlElement) -> list[list[GridCell]]:
    """Expand rowspan/colspan so every (row, col) position holds its cell."""
    rows = table.xpath("./thead/tr|./tbody/tr|./tr")
    out: list[list[GridCell | None]] = [[] for _ in rows]
    for r, tr in enumerate(rows):
        c = 0
        for el in tr.xpath("./th|./td"):
            while c < len(out[r]) and out[r][c] is not None:
                c += 1
            rs, cs = int(el.get("rowspan", 1)), int(el.get("colspan", 1))
            cell = GridCell(el.text_content().strip(), el.tag == "th", (r, c), rs, cs)
            for dr in range(rs):
                row = out[r + dr]
                while len(row) < c + cs:
                    row.append(None)
                for dc in range(cs):
                    assert row[c + dc] is None, f"overlapping cells at {(r + dr, c + dc)}"
                    row[c + dc] = cell
            c += cs
    for r, row in enumerate(out):
        assert all(cell is not None for cell in row), f"hole in row {r}"
    return out  # type: ignore[return-value]


def tables(html: str) -> list[lxml.html.HtmlElement]:
    return lxml.html.fromstring(html).xpath("//table[contains(@class,'nb-table')]")


def column_labels(g: list[list[GridCell]], r: int, c: int) -> list[str]:
    """Labels of column c for data row r: the nearest run of all-header rows above it."""

    def is_header_row(i: int) -> bool:
        return all(cell.header for cell in g[i])

    i = r - 1
    while i >= 0 and not is_header_row(i):
        i -= 1
    labels: list[str] = []
    while i >= 0 and is_header_row(i):
        labels.insert(0, g[i][c].text)
        i -= 1
    return labels


def lookup(g: list[list[GridCell]], row_label: str, col_label: str) -> str:
    """The data cell whose row carries row_label and whose column carries col_label."""
    rows = [r for r, row in enumerate(g) if any(c.header and c.text == row_label for c in row)]
    assert rows, f"no row labelled {row_label}"
    for r in rows:
        for c, cell in enumerate(g[r]):
            if not cell.header and col_label in column_labels(g, r, c):
                return cell.text
    raise AssertionError(f"no cell at {row_label} × {col_label}")
