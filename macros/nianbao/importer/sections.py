"""A `Document` → title, opening paragraph, the six sections and their prose.

Headings are recognised by numeral and wording (variants in `variants`), in
increasing order only, so table row labels such as "四、结转下年度继续办理"
are never taken for headings. What stands before 一 holds the title and the
opening paragraph (page metadata such as 发布日期 is skipped, and read as the
publication date); what follows the signature of 六 (page footers) is dropped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field

from nianbao.importer.document import Block, Document, Paragraph, Table
from nianbao.importer.notes import Note
from nianbao.importer.title import is_title, title_lines
from nianbao.importer.variants import SECTION_ORDER, Match, section_heading

_META = re.compile(
    r"^\s*(发布(日期|时间|机构)|来源|信息来源|作者|浏览|点击|阅读|字号|字体|【|\[|索引号|发文|文号|成文日期|生成日期|主题分类|"
    r"分类|访问|分享|打印|关闭|首页|当前位置|您现在的位置|位置|大\s*中\s*小|视力保护)"
)
_FOOTER = re.compile(
    r"^\s*(【?\s*(打印|关闭|返回)|分享到|相关(链接|文章|阅读|附件)|上一篇|下一篇|扫一扫|网站地图|版权所有|主办单位|主办[:：]|承办|技术支持|"
    r".*ICP备|网站标识码|联系我们|Copyright)",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(r"(发布|成文|生成)(日期|时间)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_DATE_LINE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_END_PUNCT = '。！？!?；;：:）)」”"…'
_ITEM_START = re.compile(r"^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+\s*[、.．)])")
_SUB_A = re.compile(r"^\s*[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$")
_SUB_B = re.compile(r"^\s*(\d{1,2})\s*[、.．]\s*(.*)$")


@dataclass
class Sections:
    title: str | None = None
    opening: str = ""
    published_date: dt.date | None = None
    overview_text: str = ""
    subsections: list[tuple[str, str]] = field(default_factory=list)
    problems: str = ""
    other_matters: str = ""
    signature: tuple[str, dt.date] | None = None
    regions: dict[str, list[Block]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)


def split(doc: Document, unwrap: bool) -> Sections:
    out = Sections()
    head: list[Block] = []
    regions: dict[str, list[Block]] = {}
    current: list[Block] = head
    last = -1
    for block in doc.blocks:
        if isinstance(block, Paragraph) and not block.in_table:
            heading, rest = _heading(block)
            if heading is not None and SECTION_ORDER.index(heading.target) > last:
                last = SECTION_ORDER.index(heading.target)
                if not heading.exact:
                    shown = block.text if rest is None else block.text[: len(block.text) - len(rest)]
                    out.notes.append(Note("tolerated", block.where, f"标题“{shown}”按“{heading.canonical}”读取（{heading.reason}）"))
                current = regions.setdefault(heading.target, [])
                if rest:
                    current.append(Paragraph(rest, block.where))
                continue
        current.append(block)
    out.regions = regions
    for key in SECTION_ORDER:
        if key not in regions:
            out.notes.append(Note("missing", "", f"找不到第{'一二三四五六'[SECTION_ORDER.index(key)]}部分的标题"))
    _head(head, out)
    overview = _lines(regions.get("overview", []), unwrap)
    out.overview_text, out.subsections = _subsections(overview)
    out.problems = "\n".join(_lines(regions.get("problems", []), unwrap))
    other = _cut_footer(_lines(regions.get("other_matters", []), unwrap))
    out.signature, other = _signature(other)
    out.other_matters = "\n".join(other)
    for key in ("active_disclosure", "applications", "review_litigation"):
        lead = [p for p in regions.get(key, []) if isinstance(p, Paragraph) and not p.in_table and "。" in p.text and len(p.text) > 30]
        for p in lead:
            out.notes.append(Note("notice", p.where, f"表格前后的说明文字未导入（格式中这一部分只有表格）：“{p.text[:30]}…”"))
    if not out.problems:
        out.notes.append(Note("missing", "", "第五部分（存在的主要问题及改进情况）没有正文"))
    return out


def _heading(p: Paragraph) -> tuple[Match[str] | None, str | None]:
    match = section_heading(p.text)
    if match is not None:
        return match, None
    m = re.match(r"^(.{3,40}?)[：:。]\s*(.+)$", p.text)
    if m:
        match = section_heading(m.group(1))
        if match is not None:
            return match, m.group(2)
    return None, None


def _head(blocks: list[Block], out: Sections) -> None:
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    texts = [p.text for p in paragraphs]
    title_at = -1
    for i, text in enumerate(texts):
        if is_title(text):
            title_at = i
    if title_at >= 0:
        out.title = title_lines(texts, title_at)
    else:
        out.notes.append(Note("missing", "", "找不到报告标题（以“年度报告”或“……的报告”结尾的一行）"))
    for text in texts:
        m = _PUBLISHED.search(text)
        if m and out.published_date is None:
            with contextlib.suppress(ValueError):
                out.published_date = dt.date(int(m.group(3)), int(m.group(4)), int(m.group(5)))
    opening = [t for t in texts[title_at + 1 :] if not _META.match(t) and not _FOOTER.match(t)]
    if title_at < 0:
        opening = [t for t in opening if len(t) >= 20 and ("。" in t or "，" in t)]
    out.opening = "\n".join(opening)
    if any(isinstance(b, Table) for b in blocks):
        out.notes.append(Note("notice", "", "第一部分之前有表格（如网页的索引信息表），未导入"))


def _lines(blocks: list[Block], unwrap: bool) -> list[str]:
    lines = [b.text for b in blocks if isinstance(b, Paragraph) and not b.in_table]
    if not unwrap:
        return lines
    joined: list[str] = []
    for line in lines:
        if joined and len(joined[-1]) >= 20 and joined[-1][-1] not in _END_PUNCT and not _ITEM_START.match(line):
            joined[-1] += line  # a line broken by the PDF viewer, not a paragraph end
        else:
            joined.append(line)
    return joined


def _cut_footer(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if _FOOTER.match(line):
            return lines[:i]
    return lines


def _signature(lines: list[str]) -> tuple[tuple[str, dt.date] | None, list[str]]:
    if len(lines) < 3:
        return None, lines
    m = _DATE_LINE.match(lines[-1])
    name = lines[-2].strip()
    if not m or len(name) > 30 or re.search(r"[。，,；;：:]", name):
        return None, lines
    try:
        date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, lines
    return (name, date), lines[:-2]


def _subsections(lines: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """一's lead text and its numbered subsections: （一）… (or 1、… when only that style is used)."""
    pattern = _SUB_A if any(_SUB_A.match(line) for line in lines) else None
    if pattern is None and sum(1 for line in lines if (m := _SUB_B.match(line)) and _short_title(m.group(2))) >= 2:
        pattern = _SUB_B
    if pattern is None:
        return "\n".join(lines), []
    lead: list[str] = []
    subs: list[tuple[str, list[str]]] = []
    for line in lines:
        m = pattern.match(line)
        if m:
            number, rest = line[: len(line) - len(m.group(2))].strip(), m.group(2).strip()
            title, text = _split_title(number, rest)
            subs.append((title, [text] if text else []))
        elif subs:
            subs[-1][1].append(line)
        else:
            lead.append(line)
    return "\n".join(lead), [(title, "\n".join(body)) for title, body in subs]


def _short_title(rest: str) -> bool:
    return 0 < len(rest) <= 20 and "。" not in rest.rstrip("。")


def _split_title(number: str, rest: str) -> tuple[str, str]:
    """'（一）主动公开' / '（一）主动公开方面。2020年…' → title and the text that follows."""
    if _short_title(rest):
        return number + rest.rstrip("。：:"), ""
    m = re.match(r"^(.{1,24}?)[。：:]\s*(.*)$", rest)
    if m:
        return number + m.group(1), m.group(2)
    return number, rest
