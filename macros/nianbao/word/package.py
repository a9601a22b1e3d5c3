"""Saving a python-docx document as reproducible bytes.

python-docx stamps nothing itself, but its zip entries carry the current
time. Here the core properties are fixed from the report's own date and the
package is rewritten with fixed entry dates, so the same data always gives
the same .docx, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold


def drop_template_extras(document: Document) -> None:
    """Remove the template's preview image and its Word 2010 style copy, which would not match this document."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.rels.pop(rel_id)


def set_properties(document: Document, *, title: str, author: str, when: dt.datetime) -> None:
    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.comments = "由 nianbao 根据年报数据生成"
    props.subject = "政府信息公开工作年度报告"
    props.language = "zh-CN"
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = when
    props.modified = when


def to_bytes(document: Document) -> bytes:
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
