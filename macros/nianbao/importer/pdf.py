"""A PDF report (made by WPS or Word, with a text layer) → `Document`, from the geometry of its glyphs.

Library: pdfplumber (MIT, on pdfminer.six), compared with pypdfium2 (Apache-2.0/
BSD) by `bench/import_pdf.py` on the 洪泽 2023 report and the text PDF fixtures:
both read exactly the same characters from every file; pypdfium2 gets them about
6 times faster (0.02 s a report against 0.11–0.22 s), but it gives no ruling
lines or table grid, which would have to be rebuilt from raw path segments.
pdfplumber gives characters, lines and rectangles and finds the grid they draw,
and a whole import stays far inside the 1 s a report target (0.16–0.23 s; 500
PDFs on two cores in 55 s; docs/guide/scale.md). PyMuPDF is AGPL: not considered.

Per page:

- page furniture goes first: page numbers in the margins ("-3-", "— 3 —", "第 3 页")
  and lines repeated in the same margin on most pages;
- tables come from the ruling lines the PDF draws (invisible white boxes that WPS
  puts behind every line of text are ignored); each cell's characters are joined
  into one text, so a label wrapped over lines, stacked header fragments
  (商业 / 企业) and a vertical group label (本 / 年 / 度 …) each read as one cell;
- text outside the tables becomes lines, then table rows and paragraphs (`pdf_prose`);
- a table continuing on the next page is joined to the one before it, and its
  repeated header rows are dropped;
- a page without a text layer is reported, with the tables its section should hold.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from nianbao.importer.document import Block, Cell, Document, Paragraph, Table
from nianbao.importer.notes import ImportProblem
from nianbao.importer.pdf_layout import Line, cell_text, group_lines, is_furniture, join_lines, repeated_margins
from nianbao.importer.pdf_prose import margins, text_blocks
from nianbao.importer.values import is_valueish
from nianbao.importer.variants import section_heading

# Which national tables each section holds (section number → table name).
SECTION_TABLES = {2: "表二", 3: "表三", 4: "表四"}
_NUMERALS = "一二三四五六"


@dataclass
class _Page:
    number: int
    height: float
    width: float
    items: list[tuple[float, Any]]  # (top, Line | Table), in reading order
    has_text: bool
    image_area: float
    spaces: int  # spaces dropped between Chinese characters in the page's tables
    undecodable: bool = False  # text whose font has no Unicode map ("(cid:123)")
    radicals: int = 0  # Kangxi radicals standing for ideographs ("⼀" for "一")


def read_pdf(raw: bytes, source: str) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
    except (PDFSyntaxError, Exception) as err:  # pdfminer raises many kinds on a damaged file
        if _password(err, PDFPasswordIncorrect):
            raise ImportProblem("PDF 文件有打开密码，无法读取：请先在阅读器中输入密码后另存为无密码的 PDF 再导入") from err
        raise ImportProblem(f"无法打开这个 PDF 文件（文件不完整或已损坏：{type(err).__name__}）") from err
    with pdf:
        try:
            return _assemble([_read_page(page, i + 1) for i, page in enumerate(pdf.pages)], source)
        except Exception as err:  # a damaged page stream: report it as a file problem, never a traceback
            raise ImportProblem(f"PDF 文件的内容无法解析（{type(err).__name__}: {err}），请用阅读器另存为 PDF 后再导入") from err


def _password(err: BaseException, kind: type) -> bool:
    """Whether the error, or what pdfplumber wrapped in it, is pdfminer's wrong-password error."""
    seen: BaseException | None = err
    while seen is not None:
        if isinstance(seen, kind) or any(isinstance(a, kind) for a in getattr(seen, "args", ())):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _read_page(page: Any, number: int) -> _Page:
    chars = [_unradical(c) for c in page.chars if _level(c)]
    radicals = sum(1 for c in chars if "radical" in c)
    image_area = sum(max(0.0, (i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images)
    visible = sum(1 for c in chars if c["text"].strip())
    if not visible:
        return _Page(number, page.height, page.width, [], False, image_area, 0)
    if sum(1 for c in chars if c["text"].startswith("(cid:") or _private(c["text"])) > visible * 0.3:
        # A font without a Unicode map: the glyphs cannot be read as characters, as if the page were a picture.
        return _Page(number, page.height, page.width, [], False, image_area, 0, undecodable=True)
    ruled = page.filter(_visible)
    items: list[tuple[float, Any]] = []
    taken: set[int] = set()
    spaces = 0
    try:
        grids = ruled.find_tables(LINES)
    except Exception:  # drawing operators pdfminer cannot follow: the words' positions still hold the tables
        grids = []
    for found in grids:
        read = _table(_closed(ruled, found), chars, number, taken)
        if read is not None:
            items.append((found.bbox[1], read[0]))
            spaces += read[1]
    rest = [c for i, c in enumerate(chars) if i not in taken]
    items += [(line.top, line) for line in group_lines(rest, number)]
    items.sort(key=lambda item: item[0])
    return _Page(number, page.height, page.width, items, True, image_area, spaces, radicals=radicals)


LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def _level(ch: dict[str, Any]) -> bool:
    """False for a glyph set at a slant (a diagonal watermark such as “样本”): never report text."""
    matrix = ch.get("matrix") or (1, 0, 0, 1, 0, 0)
    a, b = matrix[0], matrix[1]
    return abs(a) < 1e-3 or abs(b) < 1e-3


def _closed(page: Any, found: Any) -> Any:
    """The grid again with its outer frame drawn: a cell running on to the next page has no bottom rule
    (a vertical group label cut by the page end), and without it the cell and its text would be lost."""
    x0, top, x1, bottom = found.bbox
    region = page.crop((x0 - 1, top - 1, x1 + 1, bottom + 1))
    framed = region.find_tables({**LINES, "explicit_horizontal_lines": [top, bottom], "explicit_vertical_lines": [x0, x1]})
    return max(framed, key=lambda t: len(t.cells), default=found)


def _unradical(ch: dict[str, Any]) -> dict[str, Any]:
    """"⼀、总体情况" → "一、总体情况": WPS and Word PDFs often map common ideographs to the look-alike
    Kangxi radicals (U+2F00–U+2FDF, U+2E80–U+2EFF); NFKC gives the ideograph back."""
    text = ch["text"]
    if text and 0x2E80 <= ord(text[0]) <= 0x2FDF:
        return {**ch, "text": unicodedata.normalize("NFKC", text), "radical": text}
    return ch


def _private(text: str) -> bool:
    return bool(text) and 0xE000 <= ord(text[0]) <= 0xF8FF


def _visible(obj: dict[str, Any]) -> bool:
    """Keep what is drawn: WPS puts an unstroked white box behind each line of text, which is no ruling."""
    if obj.get("object_type") not in ("rect", "line", "curve"):
        return True
    stroked = obj.get("stroke") and not _white(obj.get("stroking_color"))
    filled = obj.get("fill") and not _white(obj.get("non_stroking_color"))
    if obj["object_type"] == "rect" and filled and not stroked:
        # A filled rectangle is a rule only when thin; a shaded cell's edges are still a grid.
        return True
    return bool(stroked or filled)


def _white(color: Any) -> bool:
    if color is None:
        return False
    values = color if isinstance(color, (tuple, list)) else (color,)
    numbers = [v for v in values if isinstance(v, (int, float))]
    if len(numbers) == 4:  # CMYK: white is no ink
        return all(v <= 0.02 for v in numbers)
    return bool(numbers) and all(v >= 0.98 for v in numbers)


def _table(found: Any, chars: list[dict[str, Any]], page: int, taken: set[int]) -> tuple[Table, int] | None:
    """A grid pdfplumber found → `Table`, or None when it is a box around prose (one column)."""
    rows = found.rows
    if not rows or max(sum(1 for c in r.cells if c is not None) for r in rows) < 2:
        return None
    x0, top, x1, bottom = found.bbox
    inside = [i for i, c in enumerate(chars) if x0 <= _mid_x(c) <= x1 and top <= _mid_y(c) <= bottom]
    out: list[list[Cell]] = []
    columns: list[list[float]] = []
    spaces = 0
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        cols: list[float] = []
        for col, box in enumerate(row.cells):
            if box is None:  # inside a merged cell that started in an earlier row or column
                continue
            bx0, btop, bx1, bbottom = box
            mine = [chars[i] for i in inside if bx0 <= _mid_x(chars[i]) <= bx1 and btop <= _mid_y(chars[i]) <= bbottom]
            text, removed = cell_text(mine)
            spaces += removed
            where = f"第 {page} 页表格第 {r + 1} 行第 {col + 1} 列"
            tokens = text.split()
            if len(tokens) > 1 and all(is_valueish(t) for t in tokens):
                # Figures of several columns in one cell: the rule between them was not drawn.
                cells += [Cell(t, where, grid=True) for t in tokens]
                cols += [col + k / 100 for k in range(len(tokens))]
            else:
                cells.append(Cell(text, where, grid=True))
                cols.append(col)
        if any(c.text for c in cells):
            out.append(cells)
            columns.append(cols)
    taken.update(inside)
    return Grid(out, f"第 {page} 页的表格", columns, len(rows[0].cells)), spaces


@dataclass
class Grid(Table):
    """A ruled table with each cell's column in the drawn grid, to join a row the page end cut in two."""

    columns: list[list[float]] = field(default_factory=list)
    width: int = 0


def _mid_x(c: dict[str, Any]) -> float:
    return (c["x0"] + c["x1"]) / 2


def _mid_y(c: dict[str, Any]) -> float:
    return (c["top"] + c["bottom"]) / 2


# --------------------------------------------------------------------------
# Pages → blocks
# --------------------------------------------------------------------------


def _assemble(pages: list[_Page], source: str) -> Document:
    notices: list[str] = []
    lines_by_page = [[it for _, it in p.items if isinstance(it, Line)] for p in pages]
    running = repeated_margins(lines_by_page, [p.height for p in pages])
    furniture = 0
    items: list[Any] = []
    for page in pages:
        for _, item in page.items:
            if isinstance(item, Line) and (is_furniture(item, page.height) or _is_running(item, page.height, running)):
                furniture += 1
                continue
            items.append(item)
    blocks = _blocks(items, pages)
    spaces = sum(p.spaces for p in pages) + sum(i.removed_spaces for i in items if isinstance(i, Line))
    if spaces:
        notices.append(f"PDF 在汉字之间留有空格（如“政 府信息”），共去掉 {spaces} 处")
    radicals = sum(p.radicals for p in pages)
    if radicals:
        notices.append(f"PDF 用形近的康熙部首字符代替了 {radicals} 个汉字（如“⼀”代替“一”），已换成正常汉字")
    if furniture:
        notices.append(f"去掉了 {furniture} 行页码或页眉页脚（如“-3-”），它们不是正文")
    notices += _image_notices(pages, blocks)
    return Document(source, blocks, notices)


def _is_running(line: Line, height: float, running: set[str]) -> bool:
    return (line.top > height * 0.9 or line.bottom < height * 0.08) and re.sub(r"\d+", "#", line.text) in running


def _blocks(items: list[Any], pages: list[_Page]) -> list[Block]:
    blocks: list[Block] = []
    lines: list[Line] = []
    body = margins([it for p in pages for _, it in p.items if isinstance(it, Line)])

    def flush() -> None:
        blocks.extend(text_blocks(lines, body))
        lines.clear()

    for item in items:
        if isinstance(item, Line):
            lines.append(item)
            continue
        flush()
        previous = blocks[-1] if blocks else None
        if isinstance(previous, Table) and _continues(previous, item):
            _carry_on(previous, item)
        else:
            blocks.append(item)
    flush()
    return blocks


def _continues(previous: Table, table: Table) -> bool:
    """The next page's table carries on the one before when nothing stands between them but page furniture."""
    return _width(previous) == _width(table) or abs(_width(previous) - _width(table)) <= 1


def _width(table: Table) -> int:
    return max((len(r) for r in table.rows), default=0)


def _carry_on(previous: Table, table: Table) -> None:
    """Append the next page's part of a table: its repeated header dropped, a row cut by the page end joined."""
    texts = [[c.text for c in r] for r in previous.rows]
    n = 0
    while n < len(table.rows) and n < len(texts) and [c.text for c in table.rows[n]] == texts[n]:
        n += 1
    rows = table.rows[n:]
    if isinstance(previous, Grid) and isinstance(table, Grid) and previous.width == table.width and rows and previous.rows:
        columns = table.columns[n:]
        joined = _joined_row(previous.rows[-1], previous.columns[-1], rows[0], columns[0])
        if joined is not None:
            previous.rows[-1], previous.columns[-1] = joined
            rows, columns = rows[1:], columns[1:]
        previous.columns.extend(columns)
    previous.rows.extend(rows)


def _joined_row(last: list[Cell], last_cols: list[float], first: list[Cell], first_cols: list[float]) -> tuple[list[Cell], list[float]] | None:
    """One row from the two parts of a row split over a page break ("5.要求行政机关确认" / "或重新出具已获取信息"),
    or None when the two are separate rows.

    Split means: one part has no figure at all, and no column holds text in both parts except label text.
    Two figures are never joined, so a row is never given a figure that was not printed for it.
    """
    a = dict(zip(last_cols, last, strict=True))
    b = dict(zip(first_cols, first, strict=True))
    figures = [any(c.text and is_valueish(c.text) for c in part.values()) for part in (a, b)]
    if all(figures):
        return None
    cells: list[Cell] = []
    for col in sorted(set(a) | set(b)):
        x, y = a.get(col), b.get(col)
        if x is not None and y is not None and x.text and y.text:
            if is_valueish(x.text) or is_valueish(y.text):
                return None
            cells.append(Cell(join_lines(x.text, y.text), x.where, grid=True))
        else:
            cells.append(x if x is not None and (x.text or y is None) else y)  # type: ignore[arg-type]
    return cells, sorted(set(a) | set(b))


def _image_notices(pages: list[_Page], blocks: list[Block]) -> list[str]:
    """'第 3 页是图片，没有文字：表三需要手工填写', naming the tables of the sections around the page."""
    notices: list[str] = []
    for page in pages:
        # A picture over a quarter of the page, but not the whole page (a letterhead or background behind the text).
        if page.has_text and 0.25 < page.image_area / (page.width * page.height) < 0.9:
            notices.append(f"第 {page.number} 页有大幅图片：图片中的表格或数字不会导入，请对照原件核对")
    empty = [p for p in pages if not p.has_text and (p.image_area > 0 or p.undecodable)]
    if not empty:
        return notices
    if len(empty) == len(pages):
        what = "的文字无法解码（字体缺少编码表）" if all(p.undecodable for p in pages) else f"没有文字层（{len(pages)} 页都是图片，可能是扫描件）"
        return [f"这个 PDF {what}：表二、表三、表四的数字需要对照原件手工填写，不做识别、不推测"]
    headings = _headings_by_page(blocks)
    for page in empty:
        before = max((s for p, s in headings if p < page.number), default=1)
        after = min((s for p, s in headings if p > page.number), default=7)
        if _table_after_heading(blocks, before, page.number):
            before += 1  # the section before the picture already printed its table in text
        tables = [name for number, name in SECTION_TABLES.items() if before <= number < max(after, before + 1)]
        what = f"{'、'.join(tables)}需要手工填写" if tables else "这一页的内容需要对照原件补上"
        kind = "的文字无法解码（字体缺少编码表）" if page.undecodable else "是图片，没有文字"
        notices.append(f"第 {page.number} 页{kind}：{what}（不做识别、不推测）")
    return notices


def _table_after_heading(blocks: list[Block], section: int, page: int) -> bool:
    seen = False
    for b in blocks:
        number = _page_of(b)
        if number >= page:
            break
        if isinstance(b, Paragraph) and not b.in_table and (m := section_heading(b.text)) is not None:
            seen = _NUMERALS.index(m.canonical[0]) + 1 == section
        elif isinstance(b, Table) and seen:
            return True
    return False


def _page_of(block: Block) -> int:
    m = re.match(r"第 (\d+) 页", block.where)
    return int(m.group(1)) if m else 0


def _headings_by_page(blocks: list[Block]) -> list[tuple[int, int]]:
    found = []
    for b in blocks:
        if isinstance(b, Paragraph) and not b.in_table:
            m = section_heading(b.text)
            page = re.match(r"第 (\d+) 页", b.where)
            if m is not None and page:
                found.append((int(page.group(1)), _NUMERALS.index(m.canonical[0]) + 1))
    return found
