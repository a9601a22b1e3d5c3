"""Statistics: totals equal the sums over the reports they cover; 2019 and 2021 series stay apart.

Expected sums are computed from the YAML files with plain yaml.safe_load
(`yamlfigures`), never through nianbao's model.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest

from conftest import REPO, Build
from nianbao.downloads import new_build
from nianbao.model import statistics as S
from nianbao.model.pipeline import build_portal
from nianbao.model.portal import Portal
from nianbao.site.charts import Chart, bar_chart
from nianbao.site.pages import portal_pages
from nianbao.site.statistics import SORT_SCRIPT, agency_statistics_html, statistics_year_url
from nianbao.urls import agency_url
from yamlfigures import DATA, Expected, all_expected

EXPECTED = all_expected()
YEARS = sorted({e.year for e in EXPECTED})
# Only an XML namespace may name a host; nothing in a page or chart may be fetched from one.
URL = re.compile(r"https?://(?!www\.w3\.org/2000/svg\b)[^\s\"'<>)]*")


@pytest.fixture(scope="module")
def portal() -> Portal:
    return build_portal(DATA, REPO)


def outcome_total(e: Expected, group: str) -> int:
    """A table 三 outcome's 总计: the row's, or the sum of its items' (（三）–（六） in 2021)."""
    f = e.figures
    if f"applications.{group}.total" in f:
        return int(f[f"applications.{group}.total"])
    return sum(int(v) for k, v in f.items() if k.startswith(f"applications.{group}.") and k.endswith(".total"))


def independent(e: Expected) -> dict[str, int | Decimal]:
    f = e.figures
    out: dict[str, int | Decimal] = {}
    for row in ("received", "carried_over", "total", "carried_forward"):
        out[f"applications.{row}"] = f[f"applications.{row}.total"]
    for group in ("granted", "partly_granted", "refused", "unavailable", "not_processed", "other_handling"):
        out[f"applications.{group}"] = outcome_total(e, group)
    for key, value in f.items():
        if key.startswith("review_litigation."):
            out[key] = value
        if key.startswith("active_disclosure.") and key != "active_disclosure.procurement.amount":
            out[f"{e.version}:{key}"] = value
        if key.startswith("applications.other_handling.") and key.endswith(".total") and key.count(".") == 3:
            out[key[: -len(".total")]] = value
    out["litigation"] = f["review_litigation.litigation_direct.total"] + f["review_litigation.litigation_after_review.total"]
    return out


def test_year_totals_are_the_sums_over_the_years_reports(portal: Portal) -> None:
    sums: dict[int, dict[str, int | Decimal]] = defaultdict(lambda: defaultdict(int))
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for e in EXPECTED:
        for key, value in independent(e).items():
            sums[e.year][key] += value
            counts[e.year][key] += 1
    totals = S.year_totals(portal)
    assert [t.year for t in totals] == YEARS
    checked = 0
    for t in totals:
        assert t.reports == sum(1 for e in EXPECTED if e.year == t.year)
        for series in S.all_series():
            got = t.totals[series.key]
            if counts[t.year][series.key]:
                assert (got.value, got.reports) == (sums[t.year][series.key], counts[t.year][series.key]), (t.year, series.key)
                checked += 1
            else:
                assert (got.value, got.reports) == (None, 0), (t.year, series.key)
    assert checked > 40 * len(YEARS)


def test_table_two_series_never_cross_the_change_of_format(portal: Portal) -> None:
    keys_2019 = {s.key for s in S.ACTIVE_DISCLOSURE["2019"]}
    keys_2021 = {s.key for s in S.ACTIVE_DISCLOSURE["2021"]}
    assert keys_2019 and keys_2021 and not keys_2019 & keys_2021
    formats = {y: {e.version for e in EXPECTED if e.year == y} for y in YEARS}
    totals = S.year_totals(portal)
    for version, series in S.ACTIVE_DISCLOSURE.items():
        for s in series:
            years = [t.year for t in S.series_years(totals, s)]
            assert years == [y for y in YEARS if version in formats[y]], s.key
    # The renamed pairs of spec §6 are different series, each in its own format only.
    labels = {v: {s.label for s in S.ACTIVE_DISCLOSURE[v]} for v in S.ACTIVE_DISCLOSURE}
    assert "规章 本年新制作数量" in labels["2019"] and "规章 本年制发件数" in labels["2021"]
    assert "规章 对外公开总数量" in labels["2019"] and "规章 现行有效件数" in labels["2021"]
    assert "行政事业性收费 上一年项目数量" in labels["2019"] and "行政事业性收费 本年收费金额（单位：万元）" in labels["2021"]
    assert not labels["2019"] & labels["2021"]


def test_table_three_and_four_chain_across_formats(portal: Portal) -> None:
    """Tables 三 and 四 mean the same in both formats; 2019 （六） equals 2021 Σ（六）1–3."""
    totals = {t.year: t for t in S.year_totals(portal)}
    for s in (*S.APPLICATIONS, *S.REVIEW_LITIGATION):
        assert s.format is None
        assert all(totals[y].totals[s.key].reports for y in YEARS), s.key
    for s in S.OTHER_HANDLING_2021:
        assert s.format == "2021"
    for y in YEARS:
        if all(e.version == "2021" for e in EXPECTED if e.year == y):
            t = totals[y]
            assert t.value("applications.other_handling") == sum(t.value(s.key) for s in S.OTHER_HANDLING_2021)  # type: ignore[misc]


def rendered(portal: Portal) -> dict[str, str]:
    return {p.url: p.body() for p in portal_pages(new_build(portal)) if p.kind in ("statistics", "statistics-year", "downloads")}


def table_rows(html: str, table_id: str) -> tuple[list[str], list[list[str]], list[str]]:
    table = lxml.html.fromstring(html).get_element_by_id(table_id)
    header = [th.text_content().strip() for th in table.xpath("./thead/tr/th")]
    body = [[c.text_content().strip() for c in tr.xpath("./th|./td")] for tr in table.xpath("./tbody/tr")]
    foot = [c.text_content().strip() for c in table.xpath("./tfoot/tr/th|./tfoot/tr/td")]
    return header, body, foot


def test_overview_page_shows_table_two_per_format(portal: Portal) -> None:
    html = rendered(portal)["statistics/"]
    header19, body19, _ = table_rows(html, "nb-t2-2019")
    header21, body21, _ = table_rows(html, "nb-t2-2021")
    rows19, rows21 = [r[0] for r in body19], [r[0] for r in body21]
    assert "规章 本年新制作数量" in rows19 and "规章 本年新制作数量" not in rows21
    assert "规章 本年制发件数" in rows21 and "规章 本年制发件数" not in rows19
    assert header19[1:] == [f"{y}年度" for y in YEARS if y <= 2020]
    assert header21[1:] == [f"{y}年度" for y in YEARS if y >= 2021]
    header, body, _ = table_rows(html, "nb-t3-totals")
    assert header[1:] == [f"{y}年度" for y in YEARS]
    received = next(r for r in body if r[0] == "本年新收申请")
    for cell, y in zip(received[1:], YEARS, strict=True):
        assert int(cell) == sum(int(e.figures["applications.received.total"]) for e in EXPECTED if e.year == y)
    reports = next(r for r in body if r[0] == "报告数")
    assert [int(c) for c in reports[1:]] == [sum(1 for e in EXPECTED if e.year == y) for y in YEARS]


@pytest.mark.parametrize("year", YEARS)
def test_year_comparison_lists_every_agency_and_sums_them(portal: Portal, year: int) -> None:
    html = rendered(portal)[statistics_year_url(year)]
    header, body, foot = table_rows(html, f"nb-compare-{year}")
    reports = sorted((e for e in EXPECTED if e.year == year), key=lambda e: e.agency)
    assert [r[0] for r in body] == [portal.agencies[e.agency].agency.name for e in reports]
    col = header.index("本年新收申请")
    assert [int(r[col]) for r in body] == [e.figures["applications.received.total"] for e in reports]
    assert foot[0] == "合计"
    for i in range(1, len(header)):
        assert int(foot[i]) == sum(int(r[i]) for r in body), header[i]
    assert f'class="nb-index nb-stats nb-sortable" id="nb-compare-{year}"' in html
    assert f'<script src="../../{SORT_SCRIPT}" defer></script>' in html


def test_agency_series_year_over_year(portal: Portal) -> None:
    agency = "shili-shi"
    mine = [e for e in EXPECTED if e.agency == agency]
    html = str(agency_statistics_html(portal, agency, "statistics/agencies/shili-shi/"))
    header, body, _ = table_rows(html, "nb-agency-key")
    assert header[1:] == [f"{e.year}年度" for e in mine]
    row = next(r for r in body if r[0] == "办理结果总计")
    assert [int(c) for c in row[1:]] == [e.figures["applications.total.total"] for e in mine]
    assert "nb-agency-t2-2019" in html and "nb-agency-t2-2021" in html
    assert 'href="../../../reports/shili-shi/2021/"' in html
    assert str(agency_statistics_html(portal, agency, "agencies/shili-shi/")).count('href="../../reports/shili-shi/') >= len(mine)


def test_the_agency_page_carries_its_statistics(portal: Portal) -> None:
    """One page per agency: contact, reports, key figures and the year-over-year charts and tables."""
    (page,) = [p for p in portal_pages(new_build(portal)) if p.url == agency_url("shili-shi")]
    html = page.body()
    assert 'id="statistics"' in html and "nb-agency-t4" in html and "nb-agency-t2-2021" in html
    assert "nb-agency-key" not in html  # the page's own key-figure table already shows these
    assert not [p for p in portal_pages(new_build(portal)) if p.url.startswith("statistics/agencies/")]


def test_charts_are_accessible_and_escape_text() -> None:
    svg = str(bar_chart(Chart("x", "标题<script>", "说明 & 数字", ("2019年", "2020年"), (("系列</text>", (1, -2)),))))
    tree = lxml.etree.fromstring(svg.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    assert tree.get("role") == "img" and tree.get("aria-labelledby") == "x-title x-desc"
    assert tree.find(f"{ns}title").text == "标题<script>" and tree.find(f"{ns}desc").text == "说明 & 数字"
    assert "<script>" not in svg and "系列&lt;/text&gt;" in svg
    assert len(tree.findall(f"{ns}rect")) == 3  # two bars and one legend key


def test_chart_numbers_are_in_the_table_next_to_it(portal: Portal) -> None:
    html = rendered(portal)["statistics/"]
    tree = lxml.html.fromstring(html)
    desc = tree.xpath("//svg[@id or @class='nb-chart']/desc")[0].text_content()
    for y in YEARS:
        received = sum(int(e.figures["applications.received.total"]) for e in EXPECTED if e.year == y)
        assert f"{y}年 {received}" in desc
    assert len(tree.xpath("//figure/svg/title")) == len(tree.xpath("//figure/figcaption"))


def test_statistics_and_downloads_pages_request_nothing_from_other_hosts(portal: Portal) -> None:
    for url, html in rendered(portal).items():
        assert not URL.findall(html), url


def test_built_pages_and_script_ship_with_the_site(repo_site: Build) -> None:
    site = repo_site.site
    assert (site / SORT_SCRIPT).is_file()
    assert not URL.findall((site / SORT_SCRIPT).read_text(encoding="utf-8"))
    page = (site / statistics_year_url(YEARS[-1]) / "index.html").read_text(encoding="utf-8")
    assert "nb-sortable" in page
    downloads = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    for name in ("nianbao-all.csv", "nianbao-all.xlsx", "reports.json"):
        size = (site / "downloads" / name).stat().st_size
        assert name in downloads
        shown = f"{size} 字节" if size < 1024 else f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
        assert shown in downloads, name
    for folder in ("statistics", "downloads"):
        for html in (site / folder).rglob("*.html"):
            body = lxml.html.fromstring(html.read_text(encoding="utf-8"))
            for attr in ("src", "href"):
                for value in body.xpath(f"//article//@{attr}"):
                    assert not URL.match(value), (html, value)


def test_an_agency_with_one_year_gets_its_figures_not_a_chart(portal: Portal) -> None:
    """One year would be a flat bar on a 0–1 axis (issue 18, item 4); two years or more are drawn."""
    assert [d.year for d in portal.by_agency["zhangshu-jgswj"]] == [2020]
    one = lxml.html.fromstring(str(agency_statistics_html(portal, "zhangshu-jgswj", "agencies/zhangshu-jgswj/")))
    assert one.xpath("//svg") == [] and one.xpath("//figure") == []
    assert one.xpath("//p[contains(@class, 'nb-no-chart')]/text()") == ["只有一个年度的数据，不绘制趋势图，数字见下表。"]
    assert one.xpath("//table[@id='nb-agency-t4']")  # the figures are still there
    many = lxml.html.fromstring(str(agency_statistics_html(portal, "shili-shi", "agencies/shili-shi/")))
    assert len(many.xpath("//figure/svg")) == 1 and many.xpath("//p[contains(@class, 'nb-no-chart')]") == []


def test_a_portal_with_one_year_draws_no_trend_chart(tmp_path: Path) -> None:
    data = tmp_path / "data" / "zhangshu-jgswj"
    shutil.copytree(DATA / "zhangshu-jgswj", data)
    html = rendered(build_portal(tmp_path / "data", tmp_path))["statistics/"]
    tree = lxml.html.fromstring(html)
    assert tree.xpath("//svg") == []
    assert len(tree.xpath("//p[contains(@class, 'nb-no-chart')]")) == 3  # 表三, 表四, 表二 (2019 format)
