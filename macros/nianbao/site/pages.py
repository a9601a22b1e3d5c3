"""Pages: the list of pages the portal publishes, as URL, title and body.

This is plain Python that knows nothing of MkDocs: the MkDocs plugin turns
each `Page` into a virtual file, and another engine could write the same
bodies to disk. Bodies are rendered lazily, when the engine asks for them.

Every page starts with breadcrumbs: a report sits under its agency, any other
page under the nearest page whose URL is a prefix of its own, all under home.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from nianbao.build import Build
from nianbao.model import labels as L
from nianbao.model.load import ReportDoc
from nianbao.model.portal import Portal
from nianbao.site.indexes import KEY_FIGURES, OVERDUE, key_figures, latest_reports, missing_years, year_groups
from nianbao.site.page import Page
from nianbao.site.preview import unreadable_reports
from nianbao.site.progress import progress_pages
from nianbao.site.render import render, report_body
from nianbao.site.statistics import agency_statistics_html, statistics_pages
from nianbao.urls import AGENCIES_URL, DOWNLOADS_URL, HOME_URL, SEARCH_URL, STATISTICS_URL, YEARS_URL, agency_url, relative, report_url, year_url

HOME_TITLE = "首页"


def portal_pages(build: Build) -> list[Page]:
    """Every page of the site: the 报送进度 pages too when the portal publishes them (`build.supervision`)."""
    portal, as_of = build.portal, build.as_of
    pages = [
        Page(HOME_URL, HOME_TITLE, "home", lambda: _home(portal, as_of)),
        Page(YEARS_URL, "按年度浏览", "years", lambda: _years(portal, as_of)),
        Page(AGENCIES_URL, "按机关浏览", "agencies", lambda: _agencies(portal)),
        Page(SEARCH_URL, "搜索", "search", lambda: _search()),
    ]
    for year in portal.years:
        pages.append(Page(year_url(year), f"{year}年度", "year", lambda y=year: _year(portal, y, as_of)))
    for agency_id, agency in sorted(portal.agencies.items()):
        pages.append(Page(agency_url(agency_id), agency.agency.name, "agency", lambda a=agency_id: _agency(portal, a, as_of)))
    for doc in portal.reports:
        pages.append(
            Page(
                report_url(doc.agency_id, doc.year),
                portal.title(doc),
                "report",
                lambda d=doc: report_body(build, d),
                crumb=f"{doc.year}年度报告",
                parent=agency_url(doc.agency_id),
            )
        )
    pages.extend(statistics_pages(build))
    pages.extend(unreadable_reports(build))  # a preview only
    if build.supervision is not None and build.supervision.config.public:
        pages.extend(progress_pages(build.supervision))
    return with_breadcrumbs(pages)


# --------------------------------------------------------------------------
# Breadcrumbs
# --------------------------------------------------------------------------


def _parent_url(page: Page, urls: set[str]) -> str | None:
    if page.url == "":
        return None
    if page.parent is not None and page.parent in urls:
        return page.parent
    path = page.url.rstrip("/")
    while "/" in path:
        path = path.rsplit("/", 1)[0]
        if path + "/" in urls:
            return path + "/"
    return ""


def with_breadcrumbs(pages: list[Page]) -> list[Page]:
    """The same pages, each body preceded by its trail from home."""
    by_url = {p.url: p for p in pages}
    urls = set(by_url)
    result = []
    for page in pages:
        trail: list[Page] = []
        url = _parent_url(page, urls)
        while url is not None and len(trail) < 10:
            trail.insert(0, by_url[url])
            url = _parent_url(by_url[url], urls)
        crumbs = [{"href": relative(page.url, p.url), "text": p.crumb or p.title} for p in trail]
        current = page.crumb or page.title
        result.append(replace(page, body=_prefixed(crumbs, current, page.body)))
    return result


def _prefixed(crumbs: list[dict[str, str]], current: str, body: Callable[[], str]) -> Callable[[], str]:
    return lambda: render("breadcrumbs.html", crumbs=crumbs, current=current) + "\n" + body()


# --------------------------------------------------------------------------
# Page bodies
# --------------------------------------------------------------------------


def _entry(portal: Portal, from_url: str, doc: ReportDoc) -> dict[str, object]:
    return {
        "href": relative(from_url, report_url(doc.agency_id, doc.year)),
        "title": portal.title(doc),
        "year": doc.year,
        "agency": portal.agency(doc).agency.name,
        "agency_href": relative(from_url, agency_url(doc.agency_id)),
        "published": doc.report.published_date,
        "archived": doc.archived,
    }


def _year_rows(portal: Portal, from_url: str, as_of: dt.date) -> list[dict[str, object]]:
    rows = []
    for year in reversed(portal.years):
        groups = year_groups(portal, year, as_of)
        # Only the overdue: an agency still within its deadline has not failed to publish.
        missing = sum(1 for g in groups for e in g.entries if e.missing is not None and e.missing.overdue)
        rows.append({"year": year, "href": relative(from_url, year_url(year)), "count": len(portal.by_year[year]), "missing": missing})
    return rows


def _agency_rows(portal: Portal, from_url: str) -> list[dict[str, object]]:
    rows = []
    for agency_id, agency in sorted(portal.agencies.items()):
        series = portal.by_agency.get(agency_id, [])
        rows.append(
            {
                "name": agency.agency.name,
                "region": agency.agency.region,
                "href": relative(from_url, agency_url(agency_id)),
                "count": len(series),
                "years": [{"year": d.year, "href": relative(from_url, report_url(agency_id, d.year))} for d in reversed(series)],
            }
        )
    return rows


def _search_form(from_url: str, field_id: str) -> dict[str, str]:
    return {"action": relative(from_url, SEARCH_URL), "id": field_id}


def _home(portal: Portal, as_of: dt.date) -> str:
    url = ""
    return render(
        "home.html",
        suffix=L.TITLE_SUFFIX,
        total=len(portal.reports),
        agency_count=len(portal.agencies),
        years=_year_rows(portal, url, as_of),
        latest=[_entry(portal, url, d) for d in latest_reports(portal)],
        agencies=_agency_rows(portal, url),
        years_href=relative(url, YEARS_URL),
        agencies_href=relative(url, AGENCIES_URL),
        statistics_href=relative(url, STATISTICS_URL),
        downloads_href=relative(url, DOWNLOADS_URL),
        search=_search_form(url, "nb-home-search"),
    )


def _years(portal: Portal, as_of: dt.date) -> str:
    return render("years.html", years=_year_rows(portal, YEARS_URL, as_of), suffix=L.TITLE_SUFFIX, home=relative(YEARS_URL, ""))


def _agencies(portal: Portal) -> str:
    return render("agencies.html", agencies=_agency_rows(portal, AGENCIES_URL), home=relative(AGENCIES_URL, ""))


def _year(portal: Portal, year: int, as_of: dt.date) -> str:
    url = year_url(year)
    groups = []
    for group in year_groups(portal, year, as_of):
        entries = []
        for e in group.entries:
            entries.append(
                {
                    "agency": e.agency.agency.name,
                    "agency_href": relative(url, agency_url(e.agency.id)),
                    "report": _entry(portal, url, e.report) if e.report else None,
                    "status": e.missing.status if e.missing else None,
                    "overdue": e.missing is not None and e.missing.overdue,
                }
            )
        groups.append({"label": group.label, "entries": entries})
    published = len(portal.by_year[year])
    entries = [e for g in groups for e in g["entries"] if e["report"] is None]
    return render(
        "year.html",
        year=year,
        groups=groups,
        published=published,
        overdue=sum(1 for e in entries if e["overdue"]),
        pending=sum(1 for e in entries if not e["overdue"]),
        overdue_words=OVERDUE,
        suffix=L.TITLE_SUFFIX,
    )


def _agency(portal: Portal, agency_id: str, as_of: dt.date) -> str:
    url = agency_url(agency_id)
    doc = portal.agencies[agency_id]
    series = portal.by_agency.get(agency_id, [])
    rows = [{"entry": _entry(portal, url, d), "figures": key_figures(d)} for d in reversed(series)]
    parent = portal.agencies.get(doc.agency.parent) if doc.agency.parent else None
    return render(
        "agency.html",
        agency=doc.agency,
        parent={"name": parent.agency.name, "href": relative(url, agency_url(parent.id))} if parent else None,
        rows=rows,
        columns=KEY_FIGURES,
        missing=missing_years(portal, agency_id, as_of),
        statistics=agency_statistics_html(portal, agency_id, url, key_table=False),
        overdue_words=OVERDUE,
        suffix=L.TITLE_SUFFIX,
    )


def _search() -> str:
    return render(
        "search.html",
        search=_search_form(SEARCH_URL, "nb-page-search"),
        years_href=relative(SEARCH_URL, YEARS_URL),
        agencies_href=relative(SEARCH_URL, AGENCIES_URL),
    )
