"""The page and the type of the Word report: A4 portrait, 公文-style fonts.

Page margins follow GB/T 9704 (党政机关公文格式): 版心 156 mm × 225 mm, top 37 mm,
left 28 mm. Fonts are names only, nothing is embedded: the title in
方正小标宋简体, headings in 黑体, subheadings in 楷体_GB2312 and the body in
仿宋_GB2312. Each has a fallback (`w:altName` in the font table, plus a
charset and family) that Word and LibreOffice use where the first name is
not installed, so a machine without the GB2312 fonts still prints a 仿宋 or
any CJK serif instead of a Latin font with boxes.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from lxml import etree

LATIN = "Times New Roman"
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
PAGE_NUMBER_FONT = "宋体"

# name -> (fallback name, w:family). Charset 86 is GB2312.
FALLBACKS: dict[str, tuple[str, str]] = {
    TITLE_FONT: ("宋体", "script"),
    HEADING_FONT: ("SimHei", "modern"),
    SUBHEADING_FONT: ("楷体", "modern"),
    BODY_FONT: ("仿宋", "modern"),
    PAGE_NUMBER_FONT: ("SimSun", "auto"),
}

# Chinese type sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt.
SIZE_TITLE = 44
SIZE_BODY = 32
SIZE_PAGE_NUMBER = 28
SIZE_TABLE = 21
SIZE_TABLE_SMALL = 18

# Twentieths of a point (twips).
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TEXT_WIDTH = 8844  # 156 mm: the width every table is laid out to
LINE = 560  # exact body line pitch, 28 pt (22 lines on the 225 mm 版心)
INDENT = 640  # first-line indent: two characters of 三号

TABLE_STYLE = "表格文字"
SIGNATURE_STYLE = "落款"


def rfonts(east_asia: str) -> str:
    return f'<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{east_asia}" w:cs="{LATIN}"/>'


def _rpr(east_asia: str, size: int, bold: bool = False) -> str:
    b = "<w:b/><w:bCs/>" if bold else ""
    return f'<w:rPr {nsdecls("w")}>{rfonts(east_asia)}{b}<w:color w:val="000000"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'


def _ppr(body: str) -> str:
    return f"<w:pPr {nsdecls('w')}>{body}</w:pPr>"


def _restyle(style_element, ppr: str, rpr: str) -> None:  # type: ignore[no-untyped-def]
    for tag in ("w:pPr", "w:rPr"):
        for old in style_element.findall(qn(tag)):
            style_element.remove(old)
    style_element.append(parse_xml(ppr))
    style_element.append(parse_xml(rpr))


def apply(document: Document) -> None:
    """A4 portrait page, document defaults, the paragraph styles and the font table."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance, section.footer_distance = Mm(15), Mm(25)
    _defaults(document)
    _styles(document)
    _font_table(document)


def _defaults(document: Document) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_default = defaults.find(qn("w:rPrDefault"))
    p_default = defaults.find(qn("w:pPrDefault"))
    for holder in (r_default, p_default):
        for child in list(holder):
            holder.remove(child)
    r_default.append(
        parse_xml(
            f'<w:rPr {nsdecls("w")}>{rfonts(BODY_FONT)}<w:kern w:val="2"/><w:sz w:val="{SIZE_BODY}"/><w:szCs w:val="{SIZE_BODY}"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>'
        )
    )
    p_default.append(parse_xml(_ppr('<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>')))


def _styles(document: Document) -> None:
    styles = document.styles
    body_spacing = f'<w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
    _restyle(
        styles["Normal"].element,
        _ppr(f'<w:widowControl/>{body_spacing}<w:ind w:firstLine="{INDENT}"/><w:jc w:val="both"/>'),
        _rpr(BODY_FONT, SIZE_BODY),
    )
    _restyle(
        styles["Title"].element,
        _ppr(f'<w:spacing w:before="0" w:after="{LINE}" w:line="{LINE + 140}" w:lineRule="exact"/><w:ind w:firstLine="0"/><w:jc w:val="center"/>'),
        _rpr(TITLE_FONT, SIZE_TITLE),
    )
    _restyle(
        styles["Heading 1"].element,
        _ppr(f'<w:keepNext/><w:keepLines/>{body_spacing}<w:ind w:firstLine="{INDENT}"/><w:outlineLvl w:val="0"/>'),
        _rpr(HEADING_FONT, SIZE_BODY),
    )
    _restyle(
        styles["Heading 2"].element,
        _ppr(f'<w:keepNext/><w:keepLines/>{body_spacing}<w:ind w:firstLine="{INDENT}"/><w:outlineLvl w:val="1"/>'),
        _rpr(SUBHEADING_FONT, SIZE_BODY),
    )
    _restyle(
        styles["List Bullet"].element,
        _ppr(f'{body_spacing}<w:ind w:left="{INDENT * 2}" w:hanging="{INDENT}"/>'),
        _rpr(BODY_FONT, SIZE_BODY),
    )
    # Restore the bullet numbering the template gave List Bullet.
    numbering = parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="1"/></w:numPr>')
    styles["List Bullet"].element.find(qn("w:pPr")).insert(0, numbering)

    table = styles.add_style(TABLE_STYLE, 1)
    table.base_style = styles["Normal"]
    _restyle(
        table.element,
        _ppr('<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/>'),
        _rpr(BODY_FONT, SIZE_TABLE),
    )
    signature = styles.add_style(SIGNATURE_STYLE, 1)
    signature.base_style = styles["Normal"]
    _restyle(signature.element, _ppr(f'<w:ind w:firstLine="0" w:right="{INDENT * 2}"/><w:jc w:val="right"/>'), _rpr(BODY_FONT, SIZE_BODY))

    footer = styles["Footer"]
    _restyle(footer.element, _ppr('<w:ind w:firstLine="0"/><w:jc w:val="center"/>'), _rpr(PAGE_NUMBER_FONT, SIZE_PAGE_NUMBER))


def _font_table(document: Document) -> None:
    # python-docx keeps the font table as a plain part (bytes): parse, extend, write back.
    part = document.part.part_related_by(RT.FONT_TABLE)
    fonts = etree.fromstring(part.blob)
    for name, (alt, family) in FALLBACKS.items():
        fonts.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
                f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
            )
        )
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)
