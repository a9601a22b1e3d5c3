"""What every rule module produces: a finding placed on a report's field.

The severity comes from `codes`, the one registry of codes, so a rule module
decides what is wrong and what to say, never how serious it is.
"""

from __future__ import annotations

from nianbao.model.codes import severity
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc
from nianbao.model.source import Path


def at(doc: ReportDoc, path: Path, code: str, message: str, fix: str) -> Finding:
    """A finding on the value at `path` (or its nearest written ancestor)."""
    pos = doc.source.value(path)
    return Finding(doc.path, pos.line, pos.col, code, severity(code), message, fix, ".".join(str(p) for p in path))


def at_key(doc: ReportDoc, path: Path, code: str, message: str, fix: str) -> Finding:
    """A finding on the key at `path`: for a whole section, the line where its key is written."""
    pos = doc.source.key(path)
    return Finding(doc.path, pos.line, pos.col, code, severity(code), message, fix, ".".join(str(p) for p in path))
