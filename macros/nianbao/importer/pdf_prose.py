"""A PDF's lines outside ruled tables → rows of tables drawn without rules, and prose paragraphs.

Rows are recognised by `pdf_rows`. Other lines join into paragraphs, across page
breaks (page furniture is gone by now): a line starts a paragraph when it is
indented, when the line before ended short of the right edge, or when it opens
with a heading's numbering. A title set large, or centred in body type on the
first page, over two or three lines is one paragraph up to its 报告.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nianbao.importer.document import Block, Paragraph
from nianbao.importer.pdf_layout import Line, join_lines
from nianbao.importer.pdf_rows import RowBuilder, is_row, near_rows
from nianbao.importer.variants import section_heading


@dataclass(frozen=True)
class Body:
    """Where body text starts and ends, and its type size: what tells a new paragraph or the title."""

    left: float
    right: float
    size: float


def margins(lines: list[Line]) -> Body:
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    sizes: list[float] = []
    for item in lines:
        if len(item.text) >= 10:
            starts[round(item.x0)] = starts.get(round(item.x0), 0) + 1
            ends[round(item.x1)] = ends.get(round(item.x1), 0) + 1
            sizes.append(item.size)
    # The most common start and end: a justified body ends every full line at one x; a URL or a
    # table line running past the margin must not move the edge (every line would look short).
    left = min((x for x, n in starts.items() if n == max(starts.values())), default=0) if starts else 0
    right = max((x for x, n in ends.items() if n == max(ends.values())), default=0) if ends else 10_000
    return Body(float(left), float(right), sorted(sizes)[len(sizes) // 2] if sizes else 10.0)


def text_blocks(lines: list[Line], body: Body) -> list[Block]:
    """Lines between ruled tables → rows of tables drawn without rules (`pdf_rows`) and prose paragraphs."""
    blocks: list[Block] = []
    rows: RowBuilder | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_row(line) or (rows is not None and near_rows(lines, i) and not section_heading(line.text)):
            rows = rows or RowBuilder()
            if is_row(line):
                i += rows.row(line, lines[i + 1 : i + 4])
            else:
                rows.other(line)
            i += 1
            continue
        if rows is not None:
            table = rows.table()
            blocks.extend([table] if table else [])
            rows = None
        last = blocks[-1] if blocks else None
        if not isinstance(last, Paragraph) or _starts_paragraph(line, lines[i - 1] if i else None, last.text, body):
            blocks.append(Paragraph(line.text, f"第 {line.page} 页"))
        else:
            blocks[-1] = Paragraph(join_lines(last.text, line.text), last.where)
        i += 1
    if rows is not None and (table := rows.table()):
        blocks.append(table)
    return blocks


def _starts_paragraph(line: Line, before: Line | None, so_far: str, body: Body) -> bool:
    """Whether `line` begins a new paragraph after `before` (the last line of the paragraph `so_far`)."""
    if before is None:
        return True
    if _display(before, body) and _display(line, body):
        # A title set large or centred over two or three lines ("洪泽区人民政府" / "2023年政府信息公开工作年度报告")
        # is one title; it ends with its 报告, so a date or a subtitle under it stays apart.
        return line.top - before.bottom > before.height * 1.5 or bool(re.search(r"(报告|年报|[。：:])\s*$", so_far))
    if _display(before, body) != _display(line, body):
        return True
    indent = line.x0 - body.left > line.size * 1.2
    short_before = before.x1 < body.right - before.size * 2.5
    heading = bool(re.match(r"^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])", line.text))
    return indent or short_before or heading or bool(section_heading(line.text))


def _display(line: Line, body: Body) -> bool:
    """Set apart from the body: larger type, or centred on the first page (a title in body size)."""
    if line.size >= body.size * 1.15:
        return True
    left, right = line.x0 - body.left, body.right - line.x1
    return line.page == 1 and left > line.size * 2 and abs(left - right) < line.size * 1.5
