"""Reading a table's rows: a stream of cells, each row from its label to the next label or row break.

A table arrives as a stream of cells with row breaks where the source has
them (web pages, Word, tab-separated text) and without (text from a PDF).
A row starts at a cell whose text matches a canonical row label and takes the
figures that follow it until the next label or row break; header and group
labels only end a row. So the same reader serves every source shape, and a
locally added row ("其他主动公开文件") never lends its figures to a national one.
`figures` lays the rows read here onto tables 二, 三 and 四.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from nianbao.importer.document import Block, Cell, Paragraph, Table
from nianbao.importer.mend import mend
from nianbao.importer.notes import PLACEHOLDER, Note
from nianbao.importer.values import UNIT_WORDS, Kind, Reading, is_valueish, normal, read_value
from nianbao.importer.variants import LabelIndex, Match

T = TypeVar("T")
_NUMBER_TOKEN = re.compile(r"[+-]?[\d,]+(?:\.\d+)?")
Stream = list[Cell | None]  # None: a row break


def stream_of(blocks: Iterable[Block]) -> Stream:
    items: Stream = []
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                items.extend(Cell(c.text, c.where, grid=True) for c in row)
                items.append(None)
        elif isinstance(block, Paragraph):
            items.extend(split_line(block))
    return items


def split_line(p: Paragraph) -> list[Cell]:
    """'规 章 0 0 0' → the label and its trailing figures (text without tabs)."""
    tokens = _units_joined(p.text.split())
    i = len(tokens)
    while i > 0 and is_valueish(tokens[i - 1]):
        i -= 1
    cells = [Cell(" ".join(tokens[:i]), p.where)] if i else []
    return cells + [Cell(t, p.where) for t in tokens[i:]]


def _units_joined(tokens: list[str]) -> list[str]:
    """'12 件' → '12件': a unit printed apart from its figure stays with it."""
    joined: list[str] = []
    for token in tokens:
        if joined and token in UNIT_WORDS and _NUMBER_TOKEN.fullmatch(normal(joined[-1])):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


@dataclass
class RowRead(Generic[T]):
    target: T | None
    label: Cell
    values: list[Cell] = field(default_factory=list)


@dataclass
class Collector:
    """Notes of one import; a repeated variant is reported once with all its places."""

    notes: list[Note] = field(default_factory=list)
    _variants: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    figures_read: int = 0

    def add(self, *notes: Note) -> None:
        self.notes.extend(notes)

    def variant(self, table: str, cell: Cell, match: Match[Any]) -> None:
        if match.exact:
            return
        self._variants.setdefault((f"{table}“{cell.text}”按“{match.canonical}”读取（{match.reason}）", table), []).append(cell.where)

    def finish(self) -> list[Note]:
        variants = [Note("tolerated", "、".join(dict.fromkeys(wheres)), message) for (message, _), wheres in self._variants.items()]
        return variants + self.notes


def read_rows(stream: Stream, rows: LabelIndex[T], structure: LabelIndex[str], table: str, out: Collector) -> dict[T, RowRead[T]]:
    found: dict[T, RowRead[T]] = {}
    unknown: list[RowRead[T]] = []
    current: RowRead[T] | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            if current.target is None:
                unknown.append(current)
            elif current.target not in found or (current.values and not found[current.target].values):
                found[current.target] = current
        current = None

    @functools.cache  # the same texts are asked about again while fragments are joined
    def known(text: str) -> bool:
        return bool(rows.match(text) or structure.match(text) or rows.match_unnumbered(text) or _parts(Cell(text, ""), rows, structure))

    queue, notes = mend(stream, known)
    out.add(*(Note(n.kind, n.where, f"{table}{n.message}") for n in notes))
    while queue:
        item = queue.pop(0)
        if item is None:
            close()
            continue
        parts = _parts(item, rows, structure)
        if parts:  # "（三）不予公开 1.属于国家秘密" on one line of a PDF copy
            queue[:0] = parts
            continue
        if is_valueish(item.text):
            if current is not None:
                current.values.append(item)
            continue
        match = rows.match(item.text)
        if match is None and structure.match(item.text) is None:
            match = rows.match_unnumbered(item.text) or rows.match_garbled(item.text)
        if match is not None:
            close()
            out.variant(table, item, match)
            current = RowRead(match.target, item)
            continue
        s = structure.match(item.text)
        if s is None and item.grid and current is not None and current.target is not None:
            current.values.append(item)  # an unreadable cell in the row ("见附件"): noted when read
            continue
        close()
        if s is not None:
            out.variant(table, item, s)
        elif found:  # text after the first national row: a row of its own, never part of another
            current = RowRead(None, item)
    close()
    for row in unknown:
        if any(normal(c.text) for c in row.values):
            message = f"{table}中“{row.label.text}”不是国家格式的行，其后 {len(row.values)} 个数未导入（本地增加的行不进国家表格）"
            out.add(Note("notice", row.label.where, message))
    return found


def _parts(item: Cell, rows: LabelIndex[Any], structure: LabelIndex[str]) -> list[Cell | None]:
    """Several labels in one cell, split at spaces, when the whole is no label but each part is."""
    words = item.text.split()
    if len(words) < 2 or rows.match(item.text) or structure.match(item.text) or rows.match_unnumbered(item.text):
        return []
    if all(rows.match(w) or structure.match(w) or rows.match_unnumbered(w) for w in words):
        return [Cell(w, item.where) for w in words]
    return []


def row_values(row: RowRead[Any], expected: int) -> list[Cell]:
    values = list(row.values)
    while len(values) > expected and not normal(values[-1].text):
        values.pop()
    return values


def read_cell(cell: Cell, kind: Kind, what: str, out: Collector) -> Reading:
    reading = read_value(cell, kind, what)
    out.add(*reading.notes)
    if reading.value != PLACEHOLDER:
        out.figures_read += 1
    return reading
