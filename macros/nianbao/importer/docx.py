"""A Word .docx file → `Document`, via python-docx.

Paragraphs and tables are read in body order. Merged cells follow Word's own
markup: a cell spanning columns (w:gridSpan) is read once; a cell continuing a
vertical merge (w:vMerge without "restart") belongs to the cell above and is
skipped, so it never reads as a blank figure.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree

from nianbao.importer.document import Block, Cell, Document, Paragraph, Table
from nianbao.importer.notes import ImportProblem

# What a .docx may unpack to: a report with photos is tens of MB. A zip bomb (a few KB that unpack to
# gigabytes) is refused before anything is decompressed; zipfile stops at the sizes the archive
# declares (and fails the CRC check past them), so the declared sizes are a real cap.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_PARTS = 5000


def read_docx(raw: bytes, source: str) -> Document:
    _check_unpacked_size(raw)
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ImportProblem("无法打开这个 Word 文件（不是有效的 .docx；旧版 .doc 请先用 Word 或 WPS 另存为 .docx）") from err
    except etree.XMLSyntaxError as err:
        # Malformed XML, or entity expansion (billion laughs) that libxml2 stops: a damaged or hostile file.
        raise ImportProblem("Word 文件内部的 XML 已损坏，无法读取（请在 Word 或 WPS 中打开后另存为 .docx 再导入）") from err
    blocks: list[Block] = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = _text(child).strip()
            if text:
                paragraphs += 1
                blocks.append(Paragraph(text, f"Word 第 {paragraphs} 段"))
        elif child.tag == qn("w:tbl"):
            tables += 1
            blocks.append(_table(child, tables))
    return Document(source, blocks)


def _check_unpacked_size(raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except zipfile.BadZipFile as err:
        raise ImportProblem("无法打开这个 Word 文件（不是有效的 .docx；旧版 .doc 请先用 Word 或 WPS 另存为 .docx）") from err
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED or len(parts) > MAX_PARTS:
        raise ImportProblem(
            f"Word 文件解压后过大（{unpacked // (1024 * 1024)} MB、{len(parts)} 个部件，上限 {MAX_UNPACKED // (1024 * 1024)} MB），"
            "可能已损坏；请在 Word 或 WPS 中打开后另存为 .docx 再导入"
        )


def _text(el: object) -> str:
    parts: list[str] = []
    for node in el.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:p")):  # type: ignore[attr-defined]
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:p") and parts:
            parts.append(" ")
        else:
            parts.append(" ")
    return "".join(parts).replace("\u3000", " ").replace("\u00a0", " ")


def _table(tbl: object, number: int) -> Table:
    rows: list[list[Cell]] = []
    for r, tr in enumerate(tbl.tr_lst):  # type: ignore[attr-defined]
        c = 0
        row: list[Cell] = []
        for tc in tr.tc_lst:
            span = tc.grid_span or 1
            if tc.vMerge == "continue":
                c += span
                continue
            row.append(Cell(" ".join(_text(tc).split()), f"第 {number} 个表格第 {r + 1} 行第 {c + 1} 列"))
            c += span
        rows.append(row)
    return Table(rows, f"第 {number} 个表格")
