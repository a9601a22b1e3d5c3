"""The report as a Word document in the national layout.

Title, opening paragraph, sections 一 to 六 (一 with its subsections), the
tables 二, 三 and 四 from the same grids the HTML page uses, and the signature
line when the report has one. Prose is added as plain text runs: nothing from
the data is interpreted as markup or as a field.

Only the body is built per report, as escaped XML text (`text`, `table`);
everything else comes from the document `base` builds once per process.
"""

from __future__ import annotations

import datetime as dt

from nianbao.build import Build, Download
from nianbao.downloads.word import text
from nianbao.downloads.word.base import StyleIds, base
from nianbao.downloads.word.table import table_xml
from nianbao.model import labels as L
from nianbao.model.load import ReportDoc
from nianbao.model.portal import Portal
from nianbao.model.prose import prose
from nianbao.model.tables import tables
from nianbao.urls import report_file

LABEL = "Word 文档（电子版）"


def word_files(build: Build, doc: ReportDoc) -> list[Download]:
    """Download provider: the report's Word document."""
    return [Download(report_file(doc.agency_id, doc.year, "docx"), LABEL, lambda: report_docx(build.portal, doc))]


def report_docx(portal: Portal, doc: ReportDoc) -> bytes:
    """The report's .docx; the same data always gives the same bytes."""
    shared = base()
    body = body_xml(portal, doc, shared.styles)
    text.check(body, doc.path)
    return shared.docx(body, title=portal.title(doc), author=portal.agency(doc).agency.name, when=_stamp(doc))


def body_xml(portal: Portal, doc: ReportDoc, ids: StyleIds) -> str:
    """The paragraphs and tables of the report, as the XML inside w:body (before the section properties)."""
    report = doc.report
    out = [text.paragraph(portal.title(doc), ids.title)]
    out += _prose(report.opening, ids)

    out.append(text.paragraph(L.SECTIONS["overview"], ids.heading1))
    out += _prose(report.overview.text, ids)
    for sub in report.overview.subsections:
        out.append(text.paragraph(sub.title, ids.heading2))
        out += _prose(sub.text, ids)

    t2, t3, t4 = tables(report)
    for key, table in (("active_disclosure", t2), ("applications", t3), ("review_litigation", t4)):
        out.append(text.paragraph(L.SECTIONS[key], ids.heading1))
        out.append(table_xml(table, ids.table))

    out.append(text.paragraph(L.SECTIONS["problems"], ids.heading1))
    out += _prose(report.problems, ids)
    out.append(text.paragraph(L.SECTIONS["other_matters"], ids.heading1))
    out += _prose(report.other_matters, ids)

    if report.signature is not None:
        out += (text.paragraph(line, ids.signature) for line in ("", report.signature.name, chinese_date(report.signature.date)))
    return "".join(out)


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _prose(value: str | None, ids: StyleIds) -> list[str]:
    return [text.paragraph(item, None if block.kind == "p" else ids.list_bullet) for block in prose(value) for item in block.items]


def _stamp(doc: ReportDoc) -> dt.datetime:
    """The document's created/modified time, from the report itself so it never changes between builds."""
    report = doc.report
    day = report.published_date or (report.signature.date if report.signature else None) or dt.date(doc.year + 1, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
