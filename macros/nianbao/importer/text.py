"""Plain text copied from a web page or a PDF viewer → `Document`.

Two table shapes are common in copied text: one cell per line, each line
starting with a tab and rows separated by an empty line (a browser copy, as in
the example report), and one row per line with cells separated by tabs. Cells
separated by "|" (a portal page saved as text, Markdown) are read as tabs, with
or without the outer pipes; a line holding only "|" separates nothing. A line
without a tab directly after a one-cell tab line continues that cell ("商业" /
"企业"). Text without any tab is read as paragraphs; the table reader splits
their trailing figures off ("规章 0 0 0").
"""

from __future__ import annotations

import re

from nianbao.importer.document import Block, Cell, Document, Paragraph, Table
from nianbao.importer.notes import ImportProblem

HEADING = re.compile(r"^\s*[一二三四五六]\s*[、.．]")
PIPE = re.compile(r"[|｜│┃]")
PIPE_ONLY = re.compile(r"[\s|｜│┃:：\-—─+]*")


def decode(raw: bytes, source: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 with a notice."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), ["按 UTF-16 编码读取"]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), ["文件不是 UTF-8 编码，已按 GB18030（兼容 GBK、GB2312）编码读取，请核对文字是否正确"]
    except UnicodeDecodeError as err:
        raise ImportProblem(f"无法识别文件编码（既不是 UTF-8 也不是 GB18030，第 {err.start} 字节出错），请另存为 UTF-8 文本后再导入") from err


def read_text(raw: bytes, source: str) -> Document:
    text, notices = decode(raw, source)
    return Document(source, blocks_of(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")), notices)


def blocks_of(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    start = 0
    last_was_cell = False  # the previous line was a one-cell tab line

    def end_row() -> None:
        nonlocal row
        if row:
            rows.append(row)
            row = []

    def end_table() -> None:
        nonlocal rows
        end_row()
        if rows:
            blocks.append(Table(rows, f"第 {start} 行起的表格"))
            rows = []

    for number, line in enumerate(lines, 1):
        where = f"第 {number} 行"
        if PIPE_ONLY.fullmatch(line) and PIPE.search(line):
            continue  # a lone "|" between two cells, or a Markdown rule |---|---|: no content
        if PIPE.search(line):
            line = _pipes_to_tabs(line)
        if "\t" in line:
            if not rows and not row:
                start = number
            cells = line.split("\t")
            if line.startswith("\t"):
                cells = cells[1:]
            if len(cells) == 1:
                row.append(Cell(_clean(cells[0]), where))
                last_was_cell = True
            else:  # a whole row on one line
                end_row()
                rows.append([Cell(_clean(c), where) for c in cells])
                last_was_cell = False
            continue
        stripped = line.strip()
        if not stripped:
            end_row()
            last_was_cell = False
            continue
        if last_was_cell and row and not HEADING.match(stripped):
            last = row[-1]
            row[-1] = Cell(last.text + _clean(stripped), last.where)
            continue
        end_table()
        last_was_cell = False
        blocks.append(Paragraph(stripped, where))
    end_table()
    return blocks


def _pipes_to_tabs(line: str) -> str:
    """'| 规章 | 0 | 0 |', '规章 | 0 | 0' or '规章 |' → the same cells as a tab-separated row.

    A leading tab marks a one-cell line (the browser-copy shape), so "规章 |" on its own
    line stays one cell of the row that continues on the next lines.
    """
    cells = [c.strip() for c in PIPE.split(line.strip())]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return "\t".join(cells) if len(cells) > 1 else "\t" + "".join(cells)


def _clean(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u3000", " ").strip()
