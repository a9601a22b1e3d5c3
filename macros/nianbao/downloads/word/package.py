"""The .docx package: what python-docx would save, made reproducible.

python-docx saves zip entries with the current time; the package is written
with `downloads.zipfiles` instead, and the core properties are fixed from the
report's own date, so the same data always gives the same .docx, byte for byte.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties


def drop_template_extras(document: Document) -> None:
    """Remove the template's preview image and its Word 2010 style copy, which would not match this document."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.rels.pop(rel_id)


def set_properties(props: CoreProperties, *, title: str, author: str, when: dt.datetime) -> None:
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
