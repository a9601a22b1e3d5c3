"""Tables a PDF prints without ruling lines → rows of cells, from word positions alone.

A row is a line whose last pieces, standing apart at wide gaps, are figures
("规章      0      0      0"). Its label may wrap:

- onto the lines below, in the label's own column, while a bracket is still open
  ("（二）部分公开（区分处理的，只计这一情形，不" / "计其他情形）");
- onto the lines just above a line of figures alone (a label set beside its
  figures, centred over several lines: "5.要求行政机关确认或重新出具" / "已获取信息" /
  "0  0  0 …").

Lines without figures among rows (column headers, group labels, a vertical
group label's characters) become one-cell rows, so they end a row and never
lend it their text. Only the column under the label is joined, so a group label
printed beside a wrapped label ("（六）其他" / "处理") is not glued into it.
"""

from __future__ import annotations

import re

from nianbao.importer.document import Cell, Table
from nianbao.importer.pdf_layout import Line, Segment, join_lines
from nianbao.importer.values import is_valueish


def is_row(line: Line) -> bool:
    """A label, then figures standing apart, or two or more figures alone."""
    segs = line.segments
    n = 0
    while n < len(segs) and is_valueish(segs[len(segs) - 1 - n].text):
        n += 1
    if n == 0:
        return False
    return n < len(segs) or len(line.text.split()) >= 2


def near_rows(lines: list[Line], i: int) -> bool:
    """Line i stands among table rows: two of the three lines on either side are rows."""
    near = [ln for ln in lines[max(0, i - 3) : i + 4] if ln is not lines[i]]
    return sum(1 for ln in near if is_row(ln)) >= 2


class RowBuilder:
    """Collects the rows of one unruled table while the lines are read in order."""

    def __init__(self) -> None:
        self.rows: list[list[Cell]] = []
        self.pending: list[Line] = []  # lines without figures since the last row
        self.first: Line | None = None

    def other(self, line: Line) -> None:
        self.first = self.first or line
        self.pending.append(line)

    def row(self, line: Line, below: list[Line]) -> int:
        """Add a row; returns how many of the lines `below` continued its label."""
        self.first = self.first or line
        where = f"第 {line.page} 页"
        n = len(line.segments)
        while n > 0 and is_valueish(line.segments[n - 1].text):
            n -= 1
        labels, values = line.segments[:n], line.segments[n:]
        column = labels[-1] if labels else None
        above, column_above = self._label_above(line, column)
        for extra in self.pending:
            self.rows.append([Cell(extra.text, where, grid=True)])
        self.pending = []
        for group in labels[:-1]:  # a group label printed beside the row's own: a row of its own
            self.rows.append([Cell(group.text, where, grid=True)])
        label = join_lines(above, column.text if column else "")
        used = 0
        for nxt in below:
            part = _continuation(nxt, line, column_above)
            if part is None:
                break
            label = join_lines(label, part)
            used += 1
        # "（三）不予4.保护第三方合法权益": a group label run into the row's own, split at the numbering.
        *groups, label = MID_NUMBER.split(label)
        self.rows += [[Cell(g, where, grid=True)] for g in groups if g.strip()]
        label_cells = [Cell(label.strip(), where, grid=True)] if label.strip() else []
        self.rows.append([*label_cells, *(Cell(s.text, where, grid=True) for s in values)])
        return used

    def _label_above(self, line: Line, column: Segment | None) -> tuple[str, Segment | None]:
        """Lines just above the row that begin its label, when the row's own label is a fragment or missing.

        Taken from the nearest line above that starts like a label ("5.", "（二）"); when none
        does, nothing is taken: a row without its label is left unread, never guessed.
        """
        if column is not None and LABEL_START.match(column.text):
            return "", column
        chain: list[Line] = []
        bottom = line.top
        for prev in reversed(self.pending):
            if bottom - prev.bottom > prev.height * 1.2 or len(chain) == 3:
                break
            chain.insert(0, prev)
            bottom = prev.top
        starts = [k for k, ln in enumerate(chain) if LABEL_START.match(_column_text(ln, column))]
        if not starts:
            return "", column
        taken = chain[starts[-1] :]
        self.pending = self.pending[: len(self.pending) - len(taken)]
        return "".join(_column_text(ln, column) for ln in taken), taken[0].segments[-1] if column is None else column

    def table(self) -> Table | None:
        for extra in self.pending:
            self.rows.append([Cell(extra.text, f"第 {extra.page} 页", grid=True)])
        if not self.rows or self.first is None:
            return None
        return Table(self.rows, f"第 {self.first.page} 页起无框线的表格")


LABEL_START = re.compile(r"^\s*([（(][一二三四五六七八九十]+[）)]|\d+\s*[.、．]|[一二三四五六七八九十]+\s*、)")


MID_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff）)])\s*(?=\d{1,2}\s*[.、．]\s*[\u4e00-\u9fff])")


def _column_text(line: Line, column: Segment | None) -> str:
    """The text of a line in the label column (all of its last piece when the column is unknown)."""
    if column is None:
        return line.segments[-1].text
    size = line.size or 10
    return "".join(s.text for s in line.segments if s.x0 >= column.x0 - size and s.x1 <= column.x1 + size * 2)


def _continuation(nxt: Line, row: Line, column: Segment | None) -> str | None:
    """The part of the next line that finishes this row's label, or None."""
    if column is None or is_row(nxt) or nxt.top - row.bottom > row.height * 1.5:
        return None
    part = _column_text(nxt, column)
    if not part or LABEL_START.match(part):
        return None
    return part
