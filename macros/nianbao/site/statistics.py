"""Statistics and downloads pages: totals per year, comparisons per year, series per agency.

- `statistics/`: totals across all agencies per year, with charts; table 二
  per format (spec §6), never one series across the change of format.
- `statistics/<year>/`: every agency of the year side by side, sortable in the
  browser (`site/assets/sort.js`, published with the site).
- `downloads/`: the whole-portal and per-year files with their sizes.

`agency_statistics_html` renders one agency's figures year over year; the
agency page includes it, so each agency has one page, not two.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from markupsafe import Markup

from nianbao.build import Build
from nianbao.downloads.exports import FORMAT_NAMES
from nianbao.model import labels as L
from nianbao.model import rates as R
from nianbao.model import statistics as S
from nianbao.model.load import ReportDoc
from nianbao.model.portal import Portal
from nianbao.model.tables import number
from nianbao.site.charts import Chart, bar_chart, describe
from nianbao.site.page import Page
from nianbao.site.render import render
from nianbao.urls import DOWNLOADS_URL, SORT_SCRIPT, STATISTICS_URL, agency_url, portal_file, relative, report_file, report_url, statistics_year_url, year_url

NONE = "—"


def statistics_pages(build: Build) -> list[Page]:
    """Every statistics page and the downloads page, bodies rendered on demand."""
    portal = build.portal
    pages = [
        Page(STATISTICS_URL, "数据统计", "statistics", lambda: overview_body(portal)),
        Page(DOWNLOADS_URL, "数据下载", "downloads", lambda: downloads_body(build)),
    ]
    for year in portal.years:
        pages.append(Page(statistics_year_url(year), f"{year}年度各机关数据对比", "statistics-year", lambda y=year: year_body(portal, y), crumb=f"{year}年度"))
    return pages


# --------------------------------------------------------------------------
# View models shared by the templates
# --------------------------------------------------------------------------


def _cell(value: S.Number | None) -> dict[str, str]:
    return {"text": NONE if value is None else number(value), "value": "" if value is None else number(value)}


def grid(
    id: str,
    caption: str,
    row_header: str,
    columns: Sequence[str | tuple[str, str | None]],
    rows: Sequence[tuple[str, str | None, Sequence[S.Number | None]]],
    foot: tuple[str, Sequence[S.Number | None]] | None = None,
    sortable: bool = False,
) -> dict[str, Any]:
    """A figure table: columns as text or (text, link); rows of (label, link or None, values)."""
    return {
        "id": id,
        "caption": caption,
        "row_header": row_header,
        "columns": [{"text": c, "href": None} if isinstance(c, str) else {"text": c[0], "href": c[1]} for c in columns],
        "rows": [{"label": label, "href": href, "cells": [_cell(v) for v in vs]} for label, href, vs in rows],
        "foot": {"label": foot[0], "cells": [_cell(v) for v in foot[1]]} if foot else None,
        "sortable": sortable,
    }


def _chart(id: str, title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[S.Number | None]]]) -> Markup:
    clean = tuple((name, tuple(vs)) for name, vs in series)
    return bar_chart(Chart(id, title, describe(categories, clean), tuple(categories), clean))


def _trend(id: str, title: str, years: Sequence[str], series: Sequence[tuple[str, Sequence[S.Number | None]]]) -> Markup | None:
    """A chart over the years, or None with fewer than two: the page then shows the figures only."""
    return _chart(id, title, years, series) if len(years) >= 2 else None


def _year_label(year: int) -> str:
    return f"{year}年"


# --------------------------------------------------------------------------
# statistics/: totals per year
# --------------------------------------------------------------------------


def _totals_grid(id: str, caption: str, totals: Sequence[S.YearTotals], series: Sequence[S.Series], url: str) -> dict[str, Any]:
    """One line per series, one column per year: few columns, so it reads on a phone too."""
    columns = [(f"{t.year}年度", relative(url, statistics_year_url(t.year))) for t in totals]
    rows = [("报告数", None, [t.totals[series[0].key].reports for t in totals])]
    rows += [(s.label, None, [t.value(s.key) for t in totals]) for s in series]
    return grid(id, caption, "项目", columns, rows)


def _format_section(totals: Sequence[S.YearTotals], version: L.FormatVersion, url: str) -> dict[str, Any] | None:
    series = S.ACTIVE_DISCLOSURE[version]
    years = [t for t in totals if t.totals[series[0].key].reports]
    if not years:
        return None
    decisions = [
        s for s in series if s.key.endswith(("licensing.decisions", "punishment.decisions", "enforcement.decisions", "licensing", "punishment", "enforcement"))
    ]
    chart = _trend(
        f"t2-{version}",
        f"表二（{FORMAT_NAMES[version]}）处理决定数量合计",
        [_year_label(t.year) for t in years],
        [(s.label, [t.value(s.key) for t in years]) for s in decisions],
    )
    return {
        "version": version,
        "name": FORMAT_NAMES[version],
        "document": L.FORMAT_DOCUMENTS[version],
        "chart": chart,
        "grid": _totals_grid(f"nb-t2-{version}", f"表二 主动公开政府信息情况合计（{FORMAT_NAMES[version]}）", years, series, url),
    }


def overview_body(portal: Portal) -> str:
    url = STATISTICS_URL
    totals = S.year_totals(portal)
    years = [_year_label(t.year) for t in totals]
    apps_chart = _trend(
        "applications",
        "各年度依申请公开：本年新收申请与办理结果总计",
        years,
        [(s.label, [t.value(s.key) for t in totals]) for s in (S.APPLICATIONS[0], S.APPLICATIONS[8])],
    )
    rl_chart = _trend(
        "review-litigation",
        "各年度行政复议与行政诉讼（总计）",
        years,
        [(s.label, [t.value(s.key) for t in totals]) for s in (S.REVIEW_LITIGATION[4], S.LITIGATION_TOTAL)],
    )
    later = [t for t in totals if t.totals[S.OTHER_HANDLING_2021[0].key].reports]
    return render(
        "statistics.html",
        reports=len(portal.reports),
        agencies=len(portal.agencies),
        apps_chart=apps_chart,
        apps_grid=_totals_grid("nb-t3-totals", "表三 收到和处理政府信息公开申请情况合计（总计列）", totals, S.APPLICATIONS, url),
        other_grid=_totals_grid("nb-t3-other", "（六）其他处理分项合计（2021年格式）", later, S.OTHER_HANDLING_2021, url) if later else None,
        rl_chart=rl_chart,
        rl_grid=_totals_grid("nb-t4-totals", "表四 政府信息公开行政复议、行政诉讼情况合计", totals, [*S.REVIEW_LITIGATION, S.LITIGATION_TOTAL], url),
        formats=[s for v in L.FORMAT_VERSIONS if (s := _format_section(totals, v, url))],
        years=[{"year": t.year, "href": relative(url, statistics_year_url(t.year)), "reports": t.reports} for t in totals],
        agencies_list=[
            {"name": a.agency.name, "href": relative(url, agency_url(a_id)) + "#statistics"}
            for a_id, a in sorted(portal.agencies.items())
            if portal.by_agency.get(a_id)
        ],
        downloads_href=relative(url, DOWNLOADS_URL),
    )


# --------------------------------------------------------------------------
# statistics/<year>/: all agencies side by side
# --------------------------------------------------------------------------


def _agency_rows(portal: Portal, docs: Sequence[ReportDoc], series: Sequence[S.Series], url: str) -> list[tuple[str, str | None, list[S.Number | None]]]:
    return [
        (portal.agency(d).agency.name, relative(url, report_url(d.agency_id, d.year)), list(S.agency_values(d, series).values()))
        for d in sorted(docs, key=lambda d: d.agency_id)
    ]


def year_body(portal: Portal, year: int) -> str:
    url = statistics_year_url(year)
    docs = portal.by_year[year]
    key = S.KEY_SERIES
    sums = [S.total(s, docs).value for s in key]
    outcomes = S.APPLICATIONS[2:8]
    chart = _chart(f"outcomes-{year}", f"{year}年度各机关办理结果合计", [s.label for s in outcomes], [("件数", [S.total(s, docs).value for s in outcomes])])
    formats = []
    for version in S.versions_present(docs):
        series = S.ACTIVE_DISCLOSURE[version]
        chosen = [d for d in docs if d.format_version == version]
        formats.append(
            grid(
                f"nb-compare-t2-{version}",
                f"表二 主动公开政府信息情况（{FORMAT_NAMES[version]}）",
                "机关",
                [s.label for s in series],
                _agency_rows(portal, chosen, series, url),
                foot=("合计", [S.total(s, chosen).value for s in series]),
                sortable=True,
            )
        )
    return render(
        "statistics_year.html",
        year=year,
        reports=len(docs),
        chart=chart,
        compare=grid(
            f"nb-compare-{year}",
            f"{year}年度各机关主要数据",
            "机关",
            [s.label for s in key],
            _agency_rows(portal, docs, key, url),
            ("合计", sums),
            sortable=True,
        ),
        formats=formats,
        rates=_rates_grid(portal, docs, url, year),
        min_sample=portal.min_sample,
        year_href=relative(url, year_url(year)),
        statistics_href=relative(url, STATISTICS_URL),
        csv_href=relative(url, portal_file("csv", year)),
        xlsx_href=relative(url, portal_file("xlsx", year)),
        sort_js=relative(url, SORT_SCRIPT),
    )


def _percent(rate: R.Rate) -> Decimal | None:
    value = rate.value
    return None if value is None else (value * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _rate_values(rates: dict[str, R.Rate]) -> list[S.Number | None]:
    """公开率, 不予公开率, 无法提供率 (%), their sample, 纠错率 (%), its sample."""
    apps, correction = rates["disclosure"], rates["correction"]
    shares = [_percent(rates[k]) for k in ("disclosure", "refusal", "unavailable")]
    return [*shares, apps.denominator, _percent(correction), correction.denominator]


def _rates_grid(portal: Portal, docs: Sequence[ReportDoc], url: str, year: int) -> dict[str, Any]:
    """Every agency's rates, sortable; a rate over fewer cases than the portal's minimum is left out (—)."""
    kinds = R.KIND_BY_KEY
    columns = [f"{kinds['disclosure'].label}（%）", f"{kinds['refusal'].label}（%）", f"{kinds['unavailable'].label}（%）", "办理结果总计（件）"]
    columns += [f"{kinds['correction'].label}（%）", "已审结复议诉讼（件）"]
    rows = [
        (portal.agency(d).agency.name, relative(url, report_url(d.agency_id, d.year)), _rate_values(R.rates([d.report], portal.min_sample)))
        for d in sorted(docs, key=lambda d: d.agency_id)
    ]
    return grid(
        f"nb-compare-rates-{year}",
        f"{year}年度各机关比率（少于 {portal.min_sample} 件不计比率）",
        "机关",
        columns,
        rows,
        foot=("全部机关", _rate_values(R.rates([d.report for d in docs], portal.min_sample))),
        sortable=True,
    )


# --------------------------------------------------------------------------
# statistics/agencies/<agency>/: one agency year over year
# --------------------------------------------------------------------------


def agency_statistics_html(portal: Portal, agency_id: str, from_url: str, key_table: bool = True) -> Markup:
    """One agency's figures year over year: chart, key figures, table 四, table 二 per format.

    Links are relative to `from_url`, so any page may include the block. The
    agency page shows its own key-figure table, so it asks for the block without one.
    """
    series_docs = portal.by_agency.get(agency_id, [])
    if not series_docs:
        return Markup("")
    years = [_year_label(d.year) for d in series_docs]

    def table(id: str, caption: str, docs: Sequence[ReportDoc], series: Sequence[S.Series]) -> dict[str, Any]:
        """One line per series, one column per year (linked to that year's report)."""
        columns = [(f"{d.year}年度", relative(from_url, report_url(d.agency_id, d.year))) for d in docs]
        values = [S.agency_values(d, series) for d in docs]
        return grid(id, caption, "项目", columns, [(s.label, None, [v[s.key] for v in values]) for s in series])

    chart = _trend(
        f"agency-{agency_id}",
        "历年本年新收申请与办理结果总计",
        years,
        [(s.label, [s.value(d.report) for d in series_docs]) for s in (S.APPLICATIONS[0], S.APPLICATIONS[8])],
    )
    formats = []
    for version in S.versions_present(series_docs):
        chosen = [d for d in series_docs if d.format_version == version]
        series = S.ACTIVE_DISCLOSURE[version]
        formats.append(table(f"nb-agency-t2-{version}", f"表二 主动公开政府信息情况（{FORMAT_NAMES[version]}）", chosen, series))
    return Markup(
        render(  # rendered with autoescaping: safe to include as is
            "statistics_agency.html",
            chart=chart,
            key=table("nb-agency-key", "历年主要数据（表三总计列、表四总计）", series_docs, S.KEY_SERIES) if key_table else None,
            t4=table("nb-agency-t4", "历年行政复议、行政诉讼情况", series_docs, S.REVIEW_LITIGATION),
            formats=formats,
            downloads=[{"year": d.year, "json": relative(from_url, report_file(d.agency_id, d.year, "json"))} for d in series_docs],
        )
    )


# --------------------------------------------------------------------------
# downloads/
# --------------------------------------------------------------------------


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def size_marker(path: str) -> Markup:
    """Stands for a file's size until the file is written (see `fill_sizes`)."""
    return Markup(f'<span data-nb-size="{path}"></span>')  # path: made by opendata, ASCII, never data


def fill_sizes(site_dir: Path, build: Build) -> None:
    """Put the written files' sizes into the built downloads page.

    The site build writes downloads on another core while pages are rendered
    (`writer`); building the whole-portal files a second time here just to
    measure them would cost as much as writing them.
    """
    page = site_dir / DOWNLOADS_URL / "index.html"
    if not page.exists():
        return
    html = page.read_text(encoding="utf-8")
    for d in build.portal_downloads():
        html = html.replace(str(size_marker(d.path)), size_text((site_dir / d.path).stat().st_size))
    page.write_text(html, encoding="utf-8")


def downloads_body(build: Build) -> str:
    portal, url = build.portal, DOWNLOADS_URL
    files = [
        {"label": d.label, "href": relative(url, d.path), "name": d.path.rsplit("/", 1)[-1], "size": size_marker(d.path)} for d in build.portal_downloads()
    ]
    example = portal.reports[-1] if portal.reports else None
    return render(
        "downloads.html",
        files=files,
        reports=len(portal.reports),
        example={"title": portal.title(example), "href": relative(url, report_url(example.agency_id, example.year))} if example else None,
        statistics_href=relative(url, STATISTICS_URL),
    )
