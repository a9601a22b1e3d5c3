"""Supervision: what the supervising office (政务公开办) sees of one build.

Every report year's progress (`progress`) and, when the portal has a rulepack,
each agency's deductions (`assessment`), computed once from the portal and
the portal's settings; the 报送进度 pages and their CSV files read it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nianbao.model.assessment import Deduction, assess
from nianbao.model.portal import Portal
from nianbao.model.progress import Entry, YearProgress, progress_years, year_progress
from nianbao.model.progress_config import ProgressConfig


@dataclass(frozen=True)
class Supervision:
    portal: Portal
    config: ProgressConfig
    years: dict[int, YearProgress]

    def deductions(self, entry: Entry) -> list[Deduction]:
        return assess(self.config.rulepack, entry) if self.config.rulepack else []

    def without_drafts(self) -> Supervision:
        """What public pages and downloads may show: a draft's state (起草中, or 逾期未发布) and nothing of the draft.

        A draft's findings, its file and the deductions they would cause are unpublished working
        state; only the office's own output (`nianbao progress --out`) lists them.
        """
        years = {}
        for year, p in self.years.items():
            entries = tuple(replace(e, draft=None, findings=()) if e.report is None and e.draft is not None else e for e in p.entries)
            years[year] = replace(p, entries=entries)
        return Supervision(self.portal, self.config, years)


def supervise(portal: Portal, config: ProgressConfig) -> Supervision:
    years = {y: year_progress(portal, y, config.as_of, config.min_sample) for y in progress_years(portal, config.as_of)}
    return Supervision(portal, config, years)
