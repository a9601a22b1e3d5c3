"""Characters with positions → lines, text and page furniture (the geometry half of `pdf`).

A PDF holds no words or lines, only glyphs at positions. Everything here works
on plain dicts as pdfplumber gives them (``text``, ``x0``, ``x1``, ``top``,
``bottom``, ``size``), so it does not depend on how the page was opened.

Spaces: a PDF made by WPS or Word often places a space, or a gap, between two
Chinese characters ("政 府信息", justified lines "邮 编 ："). Next to a Chinese
character a space is never content: it is dropped ("2023 年" → "2023年"), and
one typed between two Chinese characters is counted for the import note. Only
between two Latin letters or digits is a gap a space ("Word 文档" keeps none,
"GB 2312" keeps one). Pieces of a line far apart (table columns) keep a space.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

Char = dict[str, Any]

# "-3-", "— 3 —", "- 3 -", "第 3 页", "第3页 共5页", "3/5", "3": a page number and nothing else.
PAGE_NUMBER = re.compile(
    r"^[-—–－~～·•\s]*(第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(\s*/\s*\d{1,4})?|[-—–－]?\s*\d{1,4}\s*[-—–－]?)[-—–－~～·•\s]*$"
)


def is_cjk(ch: str) -> bool:
    """A Han character or full-width CJK punctuation: never separated by a space in Chinese text."""
    if not ch:
        return False
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x3000 <= o <= 0x303F  # 、。〈〉《》「」『』【】〔〕
        or 0xFF01 <= o <= 0xFF0F  # ！＂＃＄％＆＇（）＊＋，－．／
        or 0xFF1A <= o <= 0xFF20  # ：；＜＝＞？＠
        or ch in "“”‘’…—·"
    )


@dataclass
class Line:
    """One visual line: its characters left to right, and its box."""

    chars: list[Char]
    top: float
    bottom: float
    x0: float
    x1: float
    page: int
    size: float
    text: str = ""
    removed_spaces: int = 0
    segments: list[Segment] = field(default_factory=list)

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Segment:
    """Characters of a line with no wide gap between them: one cell of an unruled table row."""

    text: str
    x0: float
    x1: float


def group_lines(chars: list[Char], page: int) -> list[Line]:
    """Characters → lines, top to bottom: a character joins the line whose first character's height holds its middle.

    The band is the first character's, not the growing line's: in vertical writing the
    characters of a column stand one under the other and must not chain into one line.
    """
    lines: list[Line] = []
    bands: list[tuple[float, float]] = []
    visible = [c for c in chars if c["text"].strip()]
    for ch in sorted(visible, key=lambda c: (round(c["top"]), c["x0"])):
        middle = (ch["top"] + ch["bottom"]) / 2
        for line, (top, bottom) in zip(reversed(lines[-3:]), reversed(bands[-3:]), strict=True):
            if top - 0.5 <= middle <= bottom + 0.5:
                line.chars.append(ch)
                line.top, line.bottom = min(line.top, ch["top"]), max(line.bottom, ch["bottom"])
                break
        else:
            lines.append(Line([ch], ch["top"], ch["bottom"], 0, 0, page, 0))
            bands.append((ch["top"], ch["bottom"]))
    for ch in chars:  # typed spaces go with the line they stand in; they separate, never start, a line
        if not ch["text"].strip():
            middle = (ch["top"] + ch["bottom"]) / 2
            line = next((ln for ln, (t, b) in zip(lines, bands, strict=True) if t - 0.5 <= middle <= b + 0.5), None)
            if line is not None:
                line.chars.append(ch)
    lines = [ln for ln in lines if any(c["text"].strip() for c in ln.chars)]
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
        while not line.chars[-1]["text"].strip():
            line.chars.pop()
        while not line.chars[0]["text"].strip():
            line.chars.pop(0)
        line.x0 = line.chars[0]["x0"]
        line.x1 = line.chars[-1]["x1"]
        line.size = _median([c.get("size") or (c["bottom"] - c["top"]) for c in line.chars])
        line.segments = _segments(line)
        # Pieces a character or more apart keep a space between them (table columns, "行政复议    行政诉讼").
        line.text = " ".join(s.text for s in line.segments)
        line.removed_spaces = join_chars(line.chars)[1]
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def join_chars(chars: list[Char]) -> tuple[str, int]:
    """One line's characters → text, and how many gaps between two CJK characters were dropped.

    A gap wider than a quarter of a character is a space only between two
    non-CJK characters ("hzzwgk@126.com", "Word 文档" stays "Word文档"):
    next to a Chinese character a gap is the spread of a justified line.
    """
    out: list[str] = []
    removed = 0
    prev: Char | None = None
    typed = False  # a space character stands between prev and ch
    for ch in chars:
        if not ch["text"].strip():
            typed = prev is not None
            continue
        if prev is not None:
            size = ch.get("size") or (ch["bottom"] - ch["top"]) or 10
            if typed or ch["x0"] - prev["x1"] > size * 0.25:
                if is_cjk(prev["text"][-1]) and is_cjk(ch["text"][0]):
                    removed += 1 if typed or ch["x0"] - prev["x1"] > size * 0.5 else 0
                elif not is_cjk(prev["text"][-1]) and not is_cjk(ch["text"][0]):
                    out.append(" ")
        out.append(ch["text"])
        prev = ch
        typed = False
    return "".join(out), removed


def join_lines(a: str, b: str) -> str:
    """Two lines of one paragraph or cell: a line break is a space only between two Latin words."""
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


def _segments(line: Line) -> list[Segment]:
    """Split at gaps of a character or more: the columns of a table drawn without lines."""
    segments: list[Segment] = []
    run: list[Char] = []
    last: Char | None = None  # the last visible character: space characters do not close a gap
    for ch in line.chars:
        if not ch["text"].strip():
            run.append(ch)
            continue
        if last is not None and ch["x0"] - last["x1"] > 1.0 * (ch.get("size") or line.size or 10):
            segments.append(_segment(run))
            run = []
        run.append(ch)
        last = ch
    if run:
        segments.append(_segment(run))
    return segments


def _segment(run: list[Char]) -> Segment:
    visible = [c for c in run if c["text"].strip()]
    return Segment(join_chars(run)[0], visible[0]["x0"], visible[-1]["x1"])


def cell_text(chars: list[Char]) -> tuple[str, int]:
    """The characters inside one table cell → its text: wrapped lines and vertical labels joined."""
    lines = group_lines(chars, 0)
    if _vertical(lines):
        return _columns_text(chars), 0
    text = ""
    removed = 0
    for line in lines:
        removed += line.removed_spaces
        text = join_lines(text, line.text)
    return text.strip(), removed


def _vertical(lines: list[Line]) -> bool:
    """Vertical writing in two or more columns (Word's 文字方向 in a group label cell): each "line" across
    is one character from each column, spaced apart. One column of one character a line reads the same either way."""
    if len(lines) < 3:
        return False
    visible = [[c for c in ln.chars if c["text"].strip()] for ln in lines]
    if any(len(v) > 3 for v in visible) or not any(len(v) >= 2 for v in visible):
        return False
    return all(b["x0"] - a["x1"] > 0.3 * (b.get("size") or 10) for v in visible for a, b in itertools.pairwise(v))


def _columns_text(chars: list[Char]) -> str:
    """Columns of vertical writing, read right to left, each top to bottom."""
    columns: list[list[Char]] = []
    for ch in sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"]):
        if columns and ch["x0"] < max(c["x1"] for c in columns[-1]) - 0.2 * (ch.get("size") or 10):
            columns[-1].append(ch)
        else:
            columns.append([ch])
    return "".join(c["text"] for column in reversed(columns) for c in sorted(column, key=lambda c: c["top"]))


def is_furniture(line: Line, page_height: float) -> bool:
    """A page number in the top or bottom margin: "-3-", "— 3 —", "第 3 页"."""
    in_margin = line.top > page_height * 0.85 or line.bottom < page_height * 0.12
    return in_margin and bool(PAGE_NUMBER.match(unicodedata.normalize("NFKC", line.text)))


def repeated_margins(pages: list[list[Line]], page_heights: list[float]) -> set[str]:
    """Texts printed in the same margin on most pages (a running header or footer)."""
    if len(pages) < 3:
        return set()
    seen: dict[str, int] = {}
    for lines, height in zip(pages, page_heights, strict=True):
        texts = {re.sub(r"\d+", "#", ln.text) for ln in lines if ln.top > height * 0.9 or ln.bottom < height * 0.08}
        for t in texts:
            seen[t] = seen.get(t, 0) + 1
    return {t for t, n in seen.items() if n >= max(3, len(pages) // 2 + 1) and len(t) >= 2}


def _median(values: list[float]) -> float:
    s = sorted(v for v in values if v)
    return s[len(s) // 2] if s else 10.0
