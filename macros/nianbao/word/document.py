"""The report as a Word document in the national layout.

Title, opening paragraph, sections 一 to 六 (一 with its subsections), the
tables 二, 三 and 四 from the same grids the HTML page uses, and the signature
line when the report has one. Prose is added as plain text runs: nothing from
the data is interpreted as markup or as a field.
"""

from __future__ import annotations

import datetime as dt

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from .. import labels as L
from ..load import ReportDoc
from ..portal import Portal
from ..render import prose
from ..tables import tables
from . import package
from . import styles as S
from .table import add_table

LABEL = "Word 文档（电子版）"


def docx_path(doc: ReportDoc) -> str:
    """Site-relative path of a report's .docx."""
    return f"downloads/reports/{doc.agency_id}/{doc.year}.docx"


def report_docx(portal: Portal, doc: ReportDoc) -> bytes:
    """The report's .docx; the same data always gives the same bytes."""
    return package.to_bytes(build_document(portal, doc))


def build_document(portal: Portal, doc: ReportDoc) -> Document:
    report = doc.report
    title = portal.title(doc)
    document = docx.Document()
    package.drop_template_extras(document)
    S.apply(document)
    _page_numbers(document)

    _paragraph(document, title, "Title")
    _prose(document, report.opening)

    _paragraph(document, L.SECTIONS["overview"], "Heading1")
    _prose(document, report.overview.text)
    for sub in report.overview.subsections:
        _paragraph(document, sub.title, "Heading2")
        _prose(document, sub.text)

    t2, t3, t4 = tables(report)
    for key, table in (("active_disclosure", t2), ("applications", t3), ("review_litigation", t4)):
        _paragraph(document, L.SECTIONS[key], "Heading1")
        add_table(document, table)

    _paragraph(document, L.SECTIONS["problems"], "Heading1")
    _prose(document, report.problems)
    _paragraph(document, L.SECTIONS["other_matters"], "Heading1")
    _prose(document, report.other_matters)

    if report.signature is not None:
        signature = document.styles[S.SIGNATURE_STYLE].style_id
        for line in ("", report.signature.name, chinese_date(report.signature.date)):
            _paragraph(document, line, signature)

    package.set_properties(document, title=title, author=portal.agency(doc).agency.name, when=_stamp(doc))
    return document


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _prose(document: Document, text: str | None) -> None:
    for block in prose(text):
        style = None if block.kind == "p" else "ListBullet"
        for item in block.items:
            _paragraph(document, item, style)


def _paragraph(document: Document, text: str, style_id: str | None) -> None:
    """A paragraph of plain text in the style with this id (None: Normal).

    The style is set by id: python-docx's lookup by name scans every style of
    the template for each paragraph.
    """
    paragraph = document.add_paragraph(text)
    if style_id is not None:
        paragraph._p.style = style_id


def _page_numbers(document: Document) -> None:
    """— 1 — centred at the foot of every page, as on printed 公文."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    paragraph.add_run("— ")
    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> —</w:t></w:r>'))


def _stamp(doc: ReportDoc) -> dt.datetime:
    """The document's created/modified time, from the report itself so it never changes between builds."""
    report = doc.report
    day = report.published_date or (report.signature.date if report.signature else None) or dt.date(doc.year + 1, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
