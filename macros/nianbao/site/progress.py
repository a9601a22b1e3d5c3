"""The 报送进度 pages: `progress/` (every year at a glance) and `progress/<year>/` (every agency).

Published with the site when the portal sets `progress: public`; `nianbao
progress --out DIR` writes the same bodies as a standalone folder for the
supervising office (`standalone`). Bodies take a `link` function, so links
to reports are relative inside the site and absolute (the portal's
site_url) in the standalone folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nianbao.site
from nianbao.downloads.progress import supervision_files
from nianbao.model.assessment import FACT_WORDS, Deduction, Evidence, total
from nianbao.model.deadlines import TYPE_WORDS
from nianbao.model.load import ReportDoc
from nianbao.model.portal import Portal
from nianbao.model.progress import STATES, Entry, YearProgress
from nianbao.model.progress_config import ProgressConfig
from nianbao.model.rates import KINDS
from nianbao.model.supervision import Supervision
from nianbao.model.tables import number
from nianbao.site.indexes import year_groups
from nianbao.site.page import Page
from nianbao.site.render import render
from nianbao.urls import ANCHORED_TABLES, PROGRESS_URL, SORT_SCRIPT, agency_url, cell_anchor, progress_file, progress_year_url, relative, report_url

NONE = "—"
# Where a finding or evidence field is shown on the report page (the section headings' ids).
_ANCHORS = {"overview": "overview", "active_disclosure": "active-disclosure", "applications": "applications"}
_ANCHORS |= {"review_litigation": "review-litigation", "problems": "problems", "other_matters": "other-matters"}

Link = Callable[[str, str], str]  # (from page URL, to site URL) → href


@dataclass(frozen=True)
class Part:
    """One page of a large year's table: a group of agencies (under one parent or region), or a slice of one."""

    url: str
    label: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Progress:
    """The build's supervision as pages: a large year split into parts."""

    supervision: Supervision
    parts: dict[int, list[Part]]  # a year with more than PAGE_ROWS agencies: its pages; otherwise none

    @property
    def portal(self) -> Portal:
        return self.supervision.portal

    @property
    def config(self) -> ProgressConfig:
        return self.supervision.config

    @property
    def years(self) -> dict[int, YearProgress]:
        return self.supervision.years

    def deductions(self, entry: Entry) -> list[Deduction]:
        return self.supervision.deductions(entry)


def progress_of(supervision: Supervision) -> Progress:
    return Progress(supervision, {y: year_parts(supervision.portal, p) for y, p in supervision.years.items()})


# A year page lists every agency up to this many (about 1.3 KB of HTML each); a larger year is split by
# parent or region, and a group larger than this into slices, so no page grows past a few hundred KB.
PAGE_ROWS = 200


def year_parts(portal: Portal, progress: YearProgress) -> list[Part]:
    if len(progress.entries) <= PAGE_ROWS:
        return []
    by_agency = {e.agency.id: e for e in progress.entries}
    grouped = year_groups(portal, progress.year, progress.as_of)
    groups = [(g.key, g.label, [by_agency.pop(e.agency.id) for e in g.entries if e.agency.id in by_agency]) for g in grouped]
    if by_agency:  # a draft of an agency not active that year: listed too, never dropped
        groups.append(("other", "其他", list(by_agency.values())))
    parts = []
    for n, (key, label, entries) in enumerate(groups, start=1):
        slug = key.split(":", 1)[1] if key.startswith("agency:") else f"region-{n}"
        slices = [entries[i : i + PAGE_ROWS] for i in range(0, len(entries), PAGE_ROWS)]
        for i, chunk in enumerate(slices, start=1):
            suffix, title = (f"-{i}", f"{label}（{i}/{len(slices)}）") if len(slices) > 1 else ("", label)
            parts.append(Part(f"{progress_year_url(progress.year)}{slug}{suffix}/", title, tuple(chunk)))
    return parts


def progress_pages(supervision: Supervision, link: Link = relative) -> list[Page]:
    progress = progress_of(supervision)
    pages = [Page(PROGRESS_URL, "报送进度与考核", "progress", lambda: overview_body(progress, link))]
    for year in sorted(progress.years, reverse=True):
        pages.append(
            Page(progress_year_url(year), f"{year}年度报告报送进度", "progress-year", lambda y=year: year_body(progress, y, link), crumb=f"{year}年度")
        )
        for part in progress.parts[year]:
            title = f"{year}年度报告报送进度：{part.label}"
            pages.append(Page(part.url, title, "progress-part", lambda y=year, p=part: year_body(progress, y, link, p), crumb=part.label))
    return pages


# --------------------------------------------------------------------------
# progress/: one bar per year
# --------------------------------------------------------------------------

_BAR_ORDER = ("on_time", "late", "overdue", "drafting", "not_started")


def overview_body(progress: Progress, link: Link = relative) -> str:
    url = PROGRESS_URL
    years = []
    for year in sorted(progress.years, reverse=True):
        p = progress.years[year]
        n = len(p.entries) or 1
        parts = [{"state": s, "label": STATES[s], "count": p.count(s), "width": f"{p.count(s) * 100 / n:.2f}"} for s in _BAR_ORDER]
        years.append({"year": year, "href": relative(url, progress_year_url(year)), "total": len(p.entries), "parts": parts})
    return render(
        "progress.html",
        years=years,
        as_of=progress.config.as_of.isoformat(),
        states=[{"state": s, "label": STATES[s]} for s in _BAR_ORDER],
        rulepack=progress.config.rulepack,
        rulepack_file=progress.config.rulepack_file,
        facts=FACT_WORDS,
    )


# --------------------------------------------------------------------------
# progress/<year>/: every agency
# --------------------------------------------------------------------------


def _report_href(link: Link, url: str, doc: ReportDoc | None, anchor: str | None = None) -> str | None:
    if doc is None or doc.draft:
        return None  # a draft has no public page
    href = link(url, report_url(doc.agency_id, doc.year))
    return href + "#" + anchor if anchor else href


def _anchor(field: str | None) -> str | None:
    """Where on the report page a field is: its cell when that cell has an id, else its section."""
    if not field:
        return None
    path = tuple(field.split("."))
    if path[0] in ANCHORED_TABLES and len(path) == 3:
        return cell_anchor(path)
    return _ANCHORS.get(path[0])


def _evidence(link: Link, url: str, entry: Entry, ev: Evidence) -> dict[str, Any]:
    return {"text": ev.text, "href": _report_href(link, url, entry.report, _anchor(ev.field)) if ev.report else None, "file": ev.report}


def _findings(entry: Entry) -> list[dict[str, Any]]:
    counts: dict[tuple[str, str], int] = {}
    for f in entry.findings:
        counts[(f.severity, f.code)] = counts.get((f.severity, f.code), 0) + 1
    return [{"code": code, "count": n, "error": sev == "error"} for (sev, code), n in sorted(counts.items())]


def _row(progress: Progress, entry: Entry, url: str, link: Link) -> dict[str, Any]:
    doc = entry.report
    published = doc.report.published_date if doc else None
    deductions = progress.deductions(entry)
    return {
        "agency": entry.agency.agency.name,
        "agency_href": link(url, agency_url(entry.agency.id)),
        "type": TYPE_WORDS[entry.agency.agency.type],
        "state": entry.state,
        "state_label": STATES[entry.state],
        "report_href": _report_href(link, url, doc),
        "draft_file": entry.draft.path if entry.draft else None,
        "due": entry.due.isoformat(),
        "published": published.isoformat() if published else NONE,
        "published_value": published.isoformat() if published else "",
        "days_late": entry.days_late,
        "errors": entry.errors,
        "warnings": entry.warnings,
        "findings": _findings(entry),
        "similarity": f"{entry.similarity * 100:.1f}%" if entry.similarity is not None else NONE,
        "similarity_value": f"{entry.similarity * 100:.1f}" if entry.similarity is not None else "",
        "rates": [_rate_cell(entry.rates[k.key]) if doc else {"text": NONE, "value": "", "sample": ""} for k in KINDS],
        "points": number(total(deductions)) if progress.config.rulepack else None,
        "deductions": [
            {
                "name": d.item.name,
                "cases": d.cases,
                "points": number(d.points),
                "evidence": [_evidence(link, url, entry, ev) for ev in d.evidence],
            }
            for d in deductions
        ],
    }


def _rate_cell(rate: Any) -> dict[str, str]:
    value = rate.value
    return {
        "text": rate.percent if value is not None else NONE,
        "value": f"{value * 100:.2f}" if value is not None else "",
        "sample": f"{rate.numerator}/{rate.denominator}",
        "small": value is None,
    }


def _part_row(part: Part, url: str) -> dict[str, Any]:
    counts = {s: sum(1 for e in part.entries if e.state == s) for s in STATES}
    return {"label": part.label, "href": relative(url, part.url), "total": len(part.entries), "counts": counts}


def year_body(progress: Progress, year: int, link: Link = relative, part: Part | None = None) -> str:
    """The year's page: every agency, or (a large year) the groups with links to their pages; a group's page."""
    p = progress.years[year]
    url = part.url if part else progress_year_url(year)
    split = progress.parts[year] if part is None else []
    entries = part.entries if part else ([] if split else p.entries)
    rows = [_row(progress, e, url, link) for e in entries]
    deadlines = {kind: progress.portal.deadlines.due(year, kind).isoformat() for kind in TYPE_WORDS}
    return render(
        "progress_year.html",
        year=year,
        part=part.label if part else None,
        as_of=p.as_of.isoformat(),
        total=len(p.entries),
        counts={s: p.count(s) for s in STATES},
        states=STATES,
        deadlines=[{"type": TYPE_WORDS[k], "date": d, "overridden": progress.portal.deadlines.overridden(year, k)} for k, d in deadlines.items()],
        parts=[_part_row(x, url) for x in split],
        rows=rows,
        rate_kinds=KINDS,
        year_rates=[{"label": k.label, "text": p.rates[k.key].text, "denominator": k.denominator_label} for k in KINDS],
        min_sample=progress.config.min_sample,
        rulepack=progress.config.rulepack,
        assessed=[r for r in rows if r["deductions"]],
        csv_href=relative(url, progress_file(year)),
        csv_name=progress_file(year).rsplit("/", 1)[-1],
        year_href=relative(url, progress_year_url(year)),
        overview_href=relative(url, PROGRESS_URL),
        sort_js=relative(url, SORT_SCRIPT),
    )


# --------------------------------------------------------------------------
# The standalone folder (`nianbao progress --out DIR`)
# --------------------------------------------------------------------------

STANDALONE_ASSETS = ("nianbao.css", "nianbao/progress.css", "sort.js")
ASSETS = Path(nianbao.site.__file__).parent / "assets"  # what the site publishes under assets/


def standalone(supervision: Supervision, site_url: str | None) -> dict[str, str | bytes]:
    """The progress pages, their CSV files and what they need, as files of a folder (path → content).

    The office opens progress/index.html straight from disk: each page is a whole HTML document
    with our styles and sorting script copied beside it; report links point at
    the public portal (site_url) when it is known.
    """
    def link(from_url: str, to_url: str) -> str:
        return site_url.rstrip("/") + "/" + to_url if site_url else relative(from_url, to_url)

    files: dict[str, str | bytes] = {}
    # The site's own layout (progress/…, assets/…), so the bodies' relative links to the CSV and script hold.
    for page in progress_pages(supervision, link):
        depth = page.url.count("/")
        files[page.url + "index.html"] = render(
            "progress_standalone.html", title=page.title, body=page.body(), assets="../" * depth, as_of=supervision.config.as_of.isoformat()
        )
    for download in supervision_files(supervision):
        files[download.path] = download.build()
    for name in STANDALONE_ASSETS:
        files[f"assets/{name}"] = (ASSETS / name).read_bytes()
    return files
