"""The .docx package: its parts as reproducible zip bytes.

python-docx saves zip entries with the current time. Here the package is
written directly, every entry dated 1980-01-01 (the earliest date a zip entry
can hold) and deflated the way `zipfile` does, and the core properties are
fixed from the report's own date, so the same data always gives the same
.docx, byte for byte. An entry is compressed once: the parts every report
shares are compressed once per process, not once per document.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Iterable
from typing import NamedTuple

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties

# The zip format's local header, central directory record and end record (APPNOTE 4.3.7, 4.3.12, 4.3.16).
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # 2.0: deflate
_DEFLATED = 8
_DOS_TIME, _DOS_DATE = 0, (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01 00:00:00
_ATTRIBUTES = 0o600 << 16  # rw-------, what zipfile's writestr gives a file entry


class Entry(NamedTuple):
    """One deflated zip entry."""

    name: bytes
    crc: int
    size: int
    data: bytes


def entry(name: str, content: bytes) -> Entry:
    # The compressor `zipfile` uses for ZIP_DEFLATED at the default level.
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return Entry(name.encode("ascii"), zlib.crc32(content), len(content), compressor.compress(content) + compressor.flush())


def zip_bytes(entries: Iterable[Entry]) -> bytes:
    """The zip archive of these entries in this order: no extra fields, comments or attributes."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for e in entries:
        fields = (_DEFLATED, _DOS_TIME, _DOS_DATE, e.crc, len(e.data), e.size, len(e.name))
        local = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, *fields, 0) + e.name
        central.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, 0, _VERSION, 0, 0, *fields, 0, 0, 0, 0, _ATTRIBUTES, offset) + e.name)
        out += (local, e.data)
        offset += len(local) + len(e.data)
    directory = b"".join(central)
    out += (directory, _END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), offset, 0))
    return b"".join(out)


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
