"""Check: the rules a loaded report must satisfy before it is published.

Each rule module exposes `check(doc, portal) -> list[Finding]` and takes each
code's severity from `codes`. Findings of archived reports (imported as
published) are kept but do not block the build.

Order follows the pipeline of the design: the format, arithmetic inside the
tables, plausibility, cross-year links, then the prose.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc

if TYPE_CHECKING:
    from nianbao.model.portal import Portal
from nianbao.model.checks import arithmetic, crossyear, disclosure, narrative, publication, similarity, years

RULES = (publication.check, arithmetic.check, disclosure.check, crossyear.check, narrative.check, years.check, similarity.check)


def check_report(doc: ReportDoc, portal: Portal) -> list[Finding]:
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(doc, portal))
    if doc.archived:
        findings = [replace(f, blocking=False) for f in findings]
    elif doc.draft:
        # A draft may be merged half-written: its problems are listed (CI annotates them), and block once it is published.
        findings = [replace(f, blocking=False, draft=True) for f in findings]
    return findings


def check_all(portal: Portal) -> list[Finding]:
    findings: list[Finding] = []
    for doc in portal.all_reports:
        findings.extend(check_report(doc, portal))
    return findings
