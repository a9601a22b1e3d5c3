"""Indexes: what the home, year and agency pages list, computed from the portal model.

Plain data, no HTML: which agencies were due a report in a year, how a year's
agencies are grouped (by parent agency or by region), and the key figures an
agency page compares year over year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nianbao.model.load import AgencyDoc, ReportDoc
from nianbao.model.portal import Portal
from nianbao.model.progress import STATES, active_in, due_date, overdue

OVERDUE = STATES["overdue"]  # the same words as the 报送进度 page


def not_yet_due(due: dt.date) -> str:
    """What a public page says of a report still within its deadline (never 未发布: it is not late)."""
    return f"期限未到（{due.year}年{due.month}月{due.day}日）"


@dataclass(frozen=True)
class Missing:
    """A report the agency owes for `year` and has not published, by the same deadline as the 报送进度 page."""

    year: int
    due: dt.date
    overdue: bool  # the deadline is past as of the build's date: 逾期未发布

    @property
    def status(self) -> str:
        return OVERDUE if self.overdue else not_yet_due(self.due)


@dataclass(frozen=True)
class YearEntry:
    agency: AgencyDoc
    report: ReportDoc | None  # None: the agency owed a report for the year and has not published it
    missing: Missing | None = None  # when report is None


@dataclass(frozen=True)
class YearGroup:
    key: str
    label: str
    entries: tuple[YearEntry, ...]


def _group_of(portal: Portal, agency: AgencyDoc, heads: set[str]) -> tuple[str, str]:
    """(key, label): under its parent agency when it has one in the data, else under its region.

    An agency that others name as parent (one of `heads`) heads its own group (even
    when it has a parent itself), so a government and its departments are listed together.
    """
    a = agency.agency
    if agency.id in heads:
        return f"agency:{agency.id}", a.name
    if a.parent and a.parent in portal.agencies:
        parent = portal.agencies[a.parent]
        return f"agency:{parent.id}", parent.agency.name
    return f"region:{a.region}", a.region


def _missing(portal: Portal, agency: AgencyDoc, year: int, as_of: dt.date) -> Missing:
    due = due_date(portal, agency, year)
    return Missing(year, due, overdue(due, as_of))


def year_groups(portal: Portal, year: int, as_of: dt.date) -> list[YearGroup]:
    """Every agency's report for `year`, and every agency due one without it (overdue or not, as of `as_of`), grouped."""
    published = {doc.agency_id: doc for doc in portal.by_year.get(year, [])}
    # Computed once: asking each agency whether any other names it as parent made the year pages quadratic in agencies.
    heads = {a.agency.parent for a in portal.agencies.values() if a.agency.parent}
    grouped: dict[str, tuple[str, list[YearEntry]]] = {}
    for agency_id, agency in sorted(portal.agencies.items()):
        doc = published.get(agency_id)
        if doc is None and not active_in(agency, year):
            continue
        key, label = _group_of(portal, agency, heads)
        missing = _missing(portal, agency, year, as_of) if doc is None else None
        grouped.setdefault(key, (label, []))[1].append(YearEntry(agency, doc, missing))
    groups = []
    for key, (label, entries) in sorted(grouped.items(), key=lambda kv: (kv[1][0], kv[0])):
        # The heading agency first, then the others by their stable id.
        entries.sort(key=lambda e: (f"agency:{e.agency.id}" != key, e.agency.agency.type != "government", e.agency.id))
        groups.append(YearGroup(key, label, tuple(entries)))
    return groups


def missing_years(portal: Portal, agency_id: str, as_of: dt.date) -> list[Missing]:
    """Portal years in which the agency existed but published no report, each overdue or not yet due as of `as_of`."""
    agency = portal.agencies[agency_id]
    have = {doc.year for doc in portal.by_agency.get(agency_id, [])}
    return [_missing(portal, agency, y, as_of) for y in portal.years if y not in have and active_in(agency, y)]


# Key figures compared year over year on an agency page: (column label, value of one report).
KEY_FIGURES: tuple[tuple[str, str], ...] = (
    ("received", "本年新收申请"),
    ("carried_over", "上年结转"),
    ("granted", "予以公开"),
    ("results", "办理结果总计"),
    ("carried_forward", "结转下年度"),
    ("review", "行政复议"),
    ("litigation", "行政诉讼"),
)


def key_figures(doc: ReportDoc) -> dict[str, int]:
    apps = doc.report.applications
    rl = doc.report.review_litigation
    return {
        "received": apps.received.shown_total,
        "carried_over": apps.carried_over.shown_total,
        "granted": apps.granted.shown_total,
        "results": apps.results_total.shown_total,
        "carried_forward": apps.carried_forward.shown_total,
        "review": rl.review.shown_total,
        "litigation": rl.litigation_direct.shown_total + rl.litigation_after_review.shown_total,
    }


def latest_reports(portal: Portal, limit: int = 10) -> list[ReportDoc]:
    """Most recent first: by year, then publication date, then agency id."""

    def recency(doc: ReportDoc) -> tuple[int, str]:
        return (doc.year, doc.report.published_date.isoformat() if doc.report.published_date else "")

    by_id = sorted(portal.reports, key=lambda d: d.agency_id)
    return sorted(by_id, key=recency, reverse=True)[:limit]  # stable: ties keep agency-id order
