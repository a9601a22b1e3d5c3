"""Progress (报送进度): for each report year, every agency due a report and where it stands.

States, as of a date (the build date unless the portal fixes one):

- 未开始 (not_started): no file yet, and the deadline has not passed;
- 起草中 (drafting): a draft (status: draft), the deadline not passed;
- 已发布 (on_time): published on or before the deadline (or archived without a known date);
- 逾期发布 (late): published after the deadline;
- 逾期未发布 (overdue): the deadline has passed and nothing is published (a draft or not).

The supervising office reads this once a year in January: an agency that
existed in the year (`active_from` / `active_until`) owes its report, one
that did not is not listed, unless it published anyway.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from nianbao.model.checks.similarity import section_scores
from nianbao.model.findings import Finding
from nianbao.model.load import AgencyDoc, ReportDoc
from nianbao.model.portal import Portal
from nianbao.model.rates import DEFAULT_MIN_SAMPLE, Rate, combined, rates

State = Literal["not_started", "drafting", "on_time", "late", "overdue"]
STATES: dict[State, str] = {
    "on_time": "已发布",
    "late": "逾期发布",
    "overdue": "逾期未发布",
    "drafting": "起草中",
    "not_started": "未开始",
}


def active_in(agency: AgencyDoc, year: int) -> bool:
    """Whether the agency existed in `year` and so owed a report for it."""
    a = agency.agency
    return (a.active_from is None or a.active_from <= year) and (a.active_until is None or year <= a.active_until)


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so that the same inputs build the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


@dataclass(frozen=True)
class Entry:
    agency: AgencyDoc
    year: int
    due: dt.date
    state: State
    report: ReportDoc | None  # the published report
    draft: ReportDoc | None  # the report being written, when there is one
    days_late: int | None  # published late: days after the deadline; overdue: days so far
    findings: tuple[Finding, ...]  # of the published report, or of the draft
    similarity: float | None  # the higher of sections 一 and 五 against last year's report
    rates: dict[str, Rate]

    @property
    def document(self) -> ReportDoc | None:
        return self.report or self.draft

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    def codes(self, severity: str) -> Counter[str]:
        return Counter(f.code for f in self.findings if f.severity == severity)


@dataclass(frozen=True)
class YearProgress:
    year: int
    as_of: dt.date
    entries: tuple[Entry, ...]
    rates: dict[str, Rate]  # the year over every published report

    def count(self, state: State) -> int:
        return sum(1 for e in self.entries if e.state == state)


def due_date(portal: Portal, agency: AgencyDoc, year: int) -> dt.date:
    """The last day for the agency's report for `year`: its type's statutory date or the portal's override."""
    return portal.deadlines.due(year, agency.agency.type)


def overdue(due: dt.date, as_of: dt.date) -> bool:
    """Whether a report not published by `as_of` is 逾期未发布: the deadline is past (the day itself still counts)."""
    return as_of > due


def _state(doc: ReportDoc | None, draft: ReportDoc | None, due: dt.date, as_of: dt.date) -> tuple[State, int | None]:
    if doc is not None:
        published = doc.report.published_date
        if published is None or published <= due:  # an archived report of unknown date counts as published
            return "on_time", None
        return "late", (published - due).days
    if overdue(due, as_of):
        return "overdue", (as_of - due).days
    return ("drafting" if draft is not None else "not_started"), None


def _similarity(portal: Portal, doc: ReportDoc | None) -> float | None:
    last = portal.previous_year(doc) if doc is not None else None
    if doc is None or last is None:
        return None
    return max(section_scores(doc, last).values())


def year_progress(portal: Portal, year: int, as_of: dt.date, min_sample: int = DEFAULT_MIN_SAMPLE) -> YearProgress:
    published = {d.agency_id: d for d in portal.by_year.get(year, []) if not d.draft}
    drafts = {d.agency_id: d for d in portal.all_reports if d.year == year and d.draft}
    entries = []
    for agency_id, agency in sorted(portal.agencies.items()):
        doc, draft = published.get(agency_id), drafts.get(agency_id)
        if doc is None and draft is None and not active_in(agency, year):
            continue
        due = due_date(portal, agency, year)
        state, days = _state(doc, draft, due, as_of)
        current = doc or draft
        entries.append(
            Entry(
                agency,
                year,
                due,
                state,
                doc,
                draft,
                days,
                tuple(portal.findings_for(current)) if current else (),
                _similarity(portal, doc),
                rates([doc.report] if doc else [], min_sample),
            )
        )
    # The year's rates from the agencies' counts, not read again from every report (half the cost at 20,000 reports).
    return YearProgress(year, as_of, tuple(entries), combined([e.rates for e in entries if e.report], min_sample))


def progress_years(portal: Portal, as_of: dt.date) -> list[int]:
    """Every year with a report or a draft, and the year whose reports are due now (as_of's year − 1)."""
    years = {d.year for d in portal.all_reports}
    if years and as_of.year - 1 >= min(years):
        years.add(as_of.year - 1)
    return sorted(y for y in years if y < as_of.year)
