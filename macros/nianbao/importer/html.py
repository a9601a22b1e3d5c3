"""A saved web page → `Document`.

The page is walked in document order. A table that holds no other table and
whose text carries a label of the national tables is a data table: its rows
are read with rowspan and colspan expanded into a grid, each merged cell kept
once where it starts. Every other element contributes text lines, split at
block elements and <br>, so layout tables, navigation and footers become
paragraphs that the section reader skips.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from nianbao.importer.document import Block, Cell, Document, Paragraph, Table
from nianbao.importer.text import decode
from nianbao.importer.variants import looks_like_report_table

_SKIP = {"script", "style", "noscript", "head", "template", "select", "option", "button", "iframe", "svg", "object", "title"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "table", "tbody", "thead", "tfoot", "tr", "td",
    "th", "form", "hr", "address", "figure", "figcaption", "caption",
}  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)


def read_html(raw: bytes, source: str) -> Document:
    text, notices = _decode(raw, source)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    root = lxml.html.document_fromstring(text or "<html></html>")
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root)
    walker.flush()
    title = root.find(".//title")
    return Document(source, walker.blocks, notices, page_title=title.text_content().strip() if title is not None else None)


def _decode(raw: bytes, source: str) -> tuple[str, list[str]]:
    declared = _META_CHARSET.search(raw[:4096])
    if declared and not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii").lower()
        if name in {"gb2312", "gbk", "gb18030", "x-gbk"}:
            try:
                return raw.decode("gb18030"), [f"网页声明编码为 {name}，已按 GB18030 读取"]
            except UnicodeDecodeError:
                pass
    return decode(raw, source)


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.line: list[str] = []
        self.tables = 0
        self.paragraphs = 0

    def flush(self) -> None:
        text = re.sub(r"[ \t\r\n\u00a0\u3000]+", " ", "".join(self.line)).strip()
        self.line = []
        if text:
            self.paragraphs += 1
            self.blocks.append(Paragraph(text, f"网页第 {self.paragraphs} 段"))

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP or not tag:
            self._tail(el)
            return
        if tag == "table" and el.find(".//table") is None and looks_like_report_table(el.text_content()):
            self.flush()
            self.tables += 1
            self.blocks.append(grid_table(el, self.tables))
            self._tail(el)
            return
        if tag == "br":
            self.flush()
            self._tail(el)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        if el.text:
            self.line.append(el.text)
        for child in el:
            self.walk(child)
        if block:
            self.flush()
        self._tail(el)

    def _tail(self, el: etree._Element) -> None:
        if el.tail:
            self.line.append(el.tail)


# The national tables are at most about 30 rows by 12 columns: no merged cell needs to span more.
# Spans of 200 x 200 in 600 cells took 4.1 GB and 20 s to lay out.
MAX_ROWSPAN = 40
MAX_COLSPAN = 16


def _span(value: str | None, limit: int) -> int:
    match = re.match(r"\s*(\d+)", value or "")
    return min(max(int(match.group(1)), 1), limit) if match else 1


def grid_table(table: etree._Element, number: int) -> Table:
    """Rows of origin cells, with rowspan/colspan expanded to find each cell's column."""
    taken: dict[tuple[int, int], bool] = {}
    rows: list[list[Cell]] = []
    for r, tr in enumerate(table.xpath(".//tr")):
        c = 0
        row: list[Cell] = []
        for td in tr.xpath("./td|./th"):
            while taken.get((r, c)):
                c += 1
            rowspan, colspan = _span(td.get("rowspan"), MAX_ROWSPAN), _span(td.get("colspan"), MAX_COLSPAN)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = True
            text = re.sub(r"[ \t\r\n\u00a0\u3000]+", " ", _cell_text(td)).strip()
            row.append(Cell(text, f"第 {number} 个表格第 {r + 1} 行第 {c + 1} 列"))
            c += colspan
        rows.append(row)
    return Table(rows, f"第 {number} 个表格")


def _cell_text(el: etree._Element) -> str:
    parts: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag and tag not in _SKIP:
            if tag in ("br", "p", "div"):
                parts.append(" ")
            parts.append(_cell_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
