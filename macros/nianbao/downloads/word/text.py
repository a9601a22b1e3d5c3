"""Plain text as WordprocessingML: paragraphs and runs, written as escaped XML text.

A report body is hundreds of elements; building them one lxml element at a
time costs more than the rest of the export together. The XML written here is
what python-docx writes for `add_paragraph(text)` with a paragraph style: one
run, a tab as `w:tab`, a line break as `w:br`, `xml:space="preserve"` where
the text has leading or trailing space. Text is always escaped, never markup.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

# Characters XML 1.0 cannot hold (lxml refuses them too): a .docx with one would not open. Searched
# one by one: `in` is several times faster than a character class over a whole body. A lone surrogate
# is refused when the body is encoded as UTF-8.
_NOT_XML = tuple(map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)))
_BREAKS = re.compile("([\t\r\n])")
_ATTRIBUTE = {'"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}


def attribute(value: str) -> str:
    """An attribute value, escaped as lxml escapes it (without the quotes)."""
    return escape(value, _ATTRIBUTE)


def check(xml: str, where: str) -> None:
    """Refuse text that XML cannot hold, as python-docx does, instead of writing a broken file."""
    found = [char for char in _NOT_XML if char in xml]
    if found:
        raise ValueError(f"{where}: 文字中有 XML 不允许的控制字符 U+{ord(found[0]):04X}，无法写入 Word 文档（请删除该字符）")


def paragraph(text: str, style_id: str | None = None) -> str:
    """A w:p in the style with this id (None: Normal) holding the text as one run."""
    ppr = f'<w:pPr><w:pStyle w:val="{attribute(style_id)}"/></w:pPr>' if style_id is not None else ""
    run = f"<w:r>{_run_content(text)}</w:r>" if text else ""
    return f"<w:p>{ppr}{run}</w:p>" if ppr or run else "<w:p/>"


def _run_content(text: str) -> str:
    if "\t" not in text and "\r" not in text and "\n" not in text:
        return _t(text)
    out = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            out.append(_t(piece))
    return "".join(out)


def _t(text: str) -> str:
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{space}>{escape(text)}</w:t>"
