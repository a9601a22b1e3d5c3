"""The document every report starts from, built once per process with python-docx.

python-docx's default template, restyled by `styles.apply`, with the page
number footer: an empty A4 document in the national layout. Its parts
(styles, font table, numbering, settings, theme, footer, relationships…) are
the same for every report, so they are saved and compressed once; a report
adds only its body (`word/document.xml`, cut here around the empty body) and
its core properties (`docProps/core.xml`, from a copy of the template's).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from functools import cache

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from nianbao.downloads import zipfiles
from nianbao.downloads.word import package
from nianbao.downloads.word import styles as S

BODY = "<w:body>"


@dataclass(frozen=True)
class StyleIds:
    """Paragraph style ids, looked up by name once: a lookup by name scans every style of the template."""

    title: str
    heading1: str
    heading2: str
    list_bullet: str
    table: str
    signature: str


@dataclass(frozen=True)
class Base:
    styles: StyleIds
    order: tuple[str, ...]  # zip entry names in python-docx's order
    shared: dict[str, zipfiles.Entry]  # every entry but the two below, compressed
    document_name: str
    document_head: str  # word/document.xml up to and including <w:body>
    document_tail: str  # from the final w:sectPr to the end
    core_name: str
    core: etree._Element  # the template's core properties, copied for each report

    def docx(self, body: str, *, title: str, author: str, when: dt.datetime) -> bytes:
        """The .docx of a report: `body` is the XML of the body's paragraphs and tables, escaped."""
        core = copy.deepcopy(self.core)
        package.set_properties(CoreProperties(core), title=title, author=author, when=when)
        own = {
            self.document_name: zipfiles.entry(self.document_name, (self.document_head + body + self.document_tail).encode("utf-8")),
            self.core_name: zipfiles.entry(self.core_name, serialize_part_xml(core)),
        }
        return zipfiles.zip_bytes(own[name] if name in own else self.shared[name] for name in self.order)


@cache
def base() -> Base:
    document = docx.Document()
    package.drop_template_extras(document)
    S.apply(document)
    _page_numbers(document)
    core_part = document.part.package.part_related_by(RT.CORE_PROPERTIES)
    document_name, core_name = document.part.partname.membername, core_part.partname.membername

    body = document.element.body
    if [child.tag for child in body] != [body.sectPr.tag]:
        raise RuntimeError("python-docx's template: the body holds more than its section properties")
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as z:
        order = tuple(z.namelist())
        parts = {name: z.read(name) for name in order}
    xml = parts[document_name].decode("utf-8")
    if xml.count(BODY) != 1:
        raise RuntimeError(f"python-docx's template: {BODY} found {xml.count(BODY)} times in {document_name}")
    head, tail = xml.split(BODY)
    styles = document.styles
    return Base(
        styles=StyleIds(
            title=styles["Title"].style_id,
            heading1=styles["Heading 1"].style_id,
            heading2=styles["Heading 2"].style_id,
            list_bullet=styles["List Bullet"].style_id,
            table=styles[S.TABLE_STYLE].style_id,
            signature=styles[S.SIGNATURE_STYLE].style_id,
        ),
        order=order,
        shared={name: zipfiles.entry(name, blob) for name, blob in parts.items() if name not in (document_name, core_name)},
        document_name=document_name,
        document_head=head + BODY,
        document_tail=tail,
        core_name=core_name,
        core=copy.deepcopy(core_part.element),
    )


def _page_numbers(document: Document) -> None:
    """— 1 — centred at the foot of every page, as on printed 公文."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    paragraph.add_run("— ")
    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> —</w:t></w:r>'))
