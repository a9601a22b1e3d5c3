"""Reproducible zip archives: the one writer of the .xlsx and .docx downloads.

Both formats are zip packages, and `zipfile` and the libraries that use it
stamp each entry with the time it was written. Here every entry is dated
1980-01-01 (the earliest date a zip entry can hold) and deflated the way
`zipfile` does, so the same data always gives the same bytes. An entry is
compressed once: the parts every Word document shares are compressed once per
process, not once per document.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from typing import Any, NamedTuple

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


class Entries:
    """Enough of a `zipfile.ZipFile` for openpyxl's `ExcelWriter` to write a workbook into.

    Each part becomes an `Entry` as it is written (openpyxl's write-only sheets come from
    temporary files); `zip_bytes(entries.entries)` then packs them.
    """

    def __init__(self) -> None:
        self.entries: list[Entry] = []

    def writestr(self, name: Any, data: str | bytes, *args: Any) -> None:
        self.entries.append(entry(str(getattr(name, "filename", name)), data.encode("utf-8") if isinstance(data, str) else data))

    def write(self, filename: Any, arcname: Any = None, *args: Any) -> None:
        with open(filename, "rb") as f:
            self.writestr(str(arcname or filename), f.read())

    def namelist(self) -> list[str]:
        return [e.name.decode("ascii") for e in self.entries]

    def close(self) -> None:
        pass
