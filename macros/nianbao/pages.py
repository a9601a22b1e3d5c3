"""Pages: the list of pages the portal publishes, as URL, title and body.

This is plain Python that knows nothing of MkDocs: the MkDocs plugin turns
each `Page` into a virtual file, and another engine could write the same
bodies to disk. Bodies are rendered lazily, when the engine asks for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import labels as L
from .portal import Portal
from .render import render, report_body
from .urls import agency_url, relative, report_url, src_uri, year_url


@dataclass(frozen=True)
class Page:
    url: str
    title: str
    kind: str  # home | year | agency | report
    body: Callable[[], str]

    @property
    def src_uri(self) -> str:
        return src_uri(self.url)


def portal_pages(portal: Portal) -> list[Page]:
    pages = [Page("", "首页", "home", lambda: _home(portal))]
    for year in portal.years:
        pages.append(Page(year_url(year), f"{year}年度", "year", lambda y=year: _year(portal, y)))
    for agency_id, agency in sorted(portal.agencies.items()):
        pages.append(Page(agency_url(agency_id), agency.agency.name, "agency", lambda a=agency_id: _agency(portal, a)))
    for doc in portal.reports:
        pages.append(Page(report_url(doc.agency_id, doc.year), portal.title(doc), "report", lambda d=doc: report_body(portal, d)))
    return pages


def _entry(portal: Portal, from_url: str, doc) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "href": relative(from_url, report_url(doc.agency_id, doc.year)),
        "title": portal.title(doc),
        "year": doc.year,
        "agency": portal.agency(doc).agency.name,
    }


def _home(portal: Portal) -> str:
    years = [{"year": y, "href": relative("", year_url(y)), "count": len(portal.by_year[y])} for y in reversed(portal.years)]
    agencies = [{"name": a.agency.name, "href": relative("", agency_url(i))} for i, a in sorted(portal.agencies.items())]
    return render("home.html", years=years, agencies=agencies, total=len(portal.reports), suffix=L.TITLE_SUFFIX)


def _year(portal: Portal, year: int) -> str:
    url = year_url(year)
    entries = [_entry(portal, url, d) for d in portal.by_year[year]]
    return render("year.html", year=year, entries=entries, home=relative(url, ""))


def _agency(portal: Portal, agency_id: str) -> str:
    url = agency_url(agency_id)
    entries = [_entry(portal, url, d) for d in reversed(portal.by_agency.get(agency_id, []))]
    return render("agency.html", agency=portal.agencies[agency_id].agency, entries=entries, home=relative(url, ""))
