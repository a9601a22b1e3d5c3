"""The portal model: every agency and report, checked and indexed, built once per build (`pipeline`).

Pages, exports and the CLI all read this one object; nothing below it goes
back to the files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.model import labels as L
from nianbao.model.deadlines import Deadlines
from nianbao.model.findings import Finding, has_blocking, sort_findings
from nianbao.model.load import AgencyDoc, Loaded, ReportDoc
from nianbao.model.rates import DEFAULT_MIN_SAMPLE


@dataclass
class Portal:
    root: Path
    agencies: dict[str, AgencyDoc]
    reports: list[ReportDoc]
    findings: list[Finding]
    rejected: list[str]
    by_agency: dict[str, list[ReportDoc]] = field(default_factory=dict)
    by_year: dict[int, list[ReportDoc]] = field(default_factory=dict)
    # Reports being written (status: draft): checked and shown by the progress page, never published.
    # Empty in a preview, where they are among `reports` so that the clerk sees the page.
    drafts: list[ReportDoc] = field(default_factory=list)
    # When each year's reports are due; the portal may override a year (mkdocs.yml).
    deadlines: Deadlines = field(default_factory=Deadlines)
    # Below this many cases a rate is not computed, only the counts shown (model/rates.py).
    min_sample: int = DEFAULT_MIN_SAMPLE
    # findings_by_file(), with the list it was grouped from (the pipeline adds the rules' findings after indexing).
    _by_file: tuple[list[Finding], dict[str, list[Finding]]] | None = field(default=None, repr=False, compare=False)

    @property
    def all_reports(self) -> list[ReportDoc]:
        """Published reports and drafts: everything that is checked."""
        return [*self.reports, *self.drafts]

    @property
    def blocked(self) -> bool:
        """True when a finding forbids publishing (the build must fail)."""
        return has_blocking(self.findings) or bool(self.rejected)

    @property
    def years(self) -> list[int]:
        return sorted(self.by_year)

    def agency(self, doc: ReportDoc) -> AgencyDoc:
        return self.agencies[doc.agency_id]

    def title(self, doc: ReportDoc) -> str:
        """Rule G-2: {机关全称}{年}年政府信息公开工作年度报告, unless overridden."""
        return doc.report.title or f"{self.agency(doc).agency.name}{doc.year}年{L.TITLE_SUFFIX}"

    def neighbours(self, doc: ReportDoc) -> tuple[ReportDoc | None, ReportDoc | None]:
        """The same agency's previous and next published reports (a draft's too, though it is not among them)."""
        series = self.by_agency.get(doc.agency_id, [])
        if doc in series:
            i = series.index(doc)
            return (series[i - 1] if i > 0 else None, series[i + 1] if i + 1 < len(series) else None)
        before = [d for d in series if d.year < doc.year]
        after = [d for d in series if d.year > doc.year]
        return (before[-1] if before else None, after[0] if after else None)

    def previous_year(self, doc: ReportDoc) -> ReportDoc | None:
        """The report of exactly the year before, for cross-year rules."""
        prev, _ = self.neighbours(doc)
        return prev if prev is not None and prev.year == doc.year - 1 else None

    def findings_by_file(self) -> dict[str, list[Finding]]:
        """Findings grouped by data file, computed once: report pages, downloads and the progress
        pages ask for one file's findings thousands of times."""
        if self._by_file is None or self._by_file[0] is not self.findings:
            grouped: dict[str, list[Finding]] = {}
            for f in self.findings:
                grouped.setdefault(f.file, []).append(f)
            self._by_file = (self.findings, grouped)
        return self._by_file[1]

    def findings_for(self, doc: ReportDoc) -> list[Finding]:
        return self.findings_by_file().get(doc.path, [])


def index(loaded: Loaded, root: Path, findings: list[Finding], with_drafts: bool = False, deadlines: Deadlines | None = None) -> Portal:
    """Index the published reports; drafts are held apart unless `with_drafts` (a preview)."""
    everything = sorted(loaded.reports, key=lambda d: (d.agency_id, d.year))
    reports = everything if with_drafts else [d for d in everything if not d.draft]
    drafts = [] if with_drafts else [d for d in everything if d.draft]
    by_agency: dict[str, list[ReportDoc]] = defaultdict(list)
    by_year: dict[int, list[ReportDoc]] = defaultdict(list)
    for doc in reports:
        by_agency[doc.agency_id].append(doc)
        by_year[doc.year].append(doc)
    return Portal(
        root, loaded.agencies, reports, sort_findings(findings), loaded.rejected, dict(by_agency), dict(by_year), drafts, deadlines or Deadlines()
    )
