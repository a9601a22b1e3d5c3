"""Findings: what a check says about a data file, and how it is printed.

One finding names the file, line and column, the field, a stable code, a
Chinese message and the fix. The CLI, the MkDocs build and the tests all print
findings through `format_text`, so a clerk sees the same words everywhere.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from nianbao.model.codes import Severity, severity  # decided in one place: the code registry

SEVERITY_WORDS: dict[Severity, str] = {"error": "错误", "warning": "警告"}
# Line breaks and other controls a quoted value (or a file name) may hold: printed raw they would
# split a finding over several lines, and a CI log would read "\n::warning ...::" as a command.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """text with every line break and control character written as an escape: one line, always."""
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    col: int
    code: str
    severity: Severity
    message: str
    fix: str
    field: str | None = None
    # False for findings on archived reports and drafts: listed, but they do not stop publishing.
    blocking: bool = True
    # On a draft: the clerk must fix it before setting status: current.
    draft: bool = False

    @classmethod
    def of(cls, file: str, line: int, col: int, code: str, message: str, fix: str, field: str | None = None) -> Finding:
        """A finding with the severity the code registry gives its code (never written by hand)."""
        return cls(file, line, col, code, severity(code), message, fix, field)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def blocks(self) -> bool:
        return self.is_error and self.blocking

    def said(self) -> str:
        """The part every format prints after its own location: "[CODE] field：message (fix)"."""
        return f"[{self.code}] {self.field + '：' if self.field else ''}{self.message} ({self.fix})"

    def format_text(self) -> str:
        return one_line(f"{self.file}:{self.line}:{self.col}: {SEVERITY_WORDS[self.severity]}{self._held()} {self.said()}")

    def _held(self) -> str:
        if self.blocking:
            return ""
        if self.draft:
            return "（草稿，发布前须改正）" if self.is_error else "（草稿）"
        return "（历史报告，不阻止发布）"

    def format_github(self) -> str:
        # Workflow commands treat %, CR and LF specially in the message part.
        text = self.said().replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        kind = "error" if self.is_error else "warning"
        # The file name is data too (any name can sit in data/): its properties end at "," and "::".
        file = one_line(self.file).replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return one_line(f"::{kind} file={file},line={self.line},col={self.col},title={self.code}::{text}")


def code_quality(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """GitLab's Code Quality report (the CodeClimate issue format): each finding on its line of the merge request's diff.

    The fingerprint leaves out the line, so a finding that only moves (a line added above it) is
    not shown as fixed and new again; identical findings in one file are told apart by their order.
    """
    issues = []
    seen: dict[str, int] = {}
    for f in findings:
        key = "\0".join((f.file, f.code, f.field or "", f.message))
        seen[key] = seen.get(key, 0) + 1
        fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()
        issues.append(
            {
                "type": "issue",
                "check_name": f.code,
                "description": f.said(),
                "categories": ["Bug Risk"] if f.is_error else ["Style"],
                # GitLab ranks info < minor < major < critical < blocker; an archived report's kept error blocks nothing.
                "severity": "critical" if f.blocks else "info" if f.is_error else "minor",
                "fingerprint": fingerprint,
                "location": {"path": f.file, "lines": {"begin": f.line}},
            }
        )
    return issues


def has_blocking(findings: Iterable[Finding]) -> bool:
    return any(f.blocks for f in findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.file, f.line, f.col, f.code, f.message))
