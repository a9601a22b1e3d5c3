"""The built portal: every agency and year has its page, every report is linked from exactly
one year page and one agency page, the navigation holds no report, internal links resolve."""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

from conftest import REPO, Build
from nianbao.site.search import bundles

DATA = REPO / "data"
REPORT_FILE = re.compile(r"(\d{4})\.ya?ml")


def _reports() -> list[tuple[str, int]]:
    """Every published report file: drafts (status: draft) have no page."""
    files = [p for p in DATA.glob("*/*.y*ml") if REPORT_FILE.fullmatch(p.name) and "\nstatus: draft\n" not in p.read_text(encoding="utf-8")]
    return sorted((p.parent.name, int(p.stem)) for p in files)


def _agencies() -> list[str]:
    return sorted(p.parent.name for p in DATA.glob("*/agency.y*ml"))


def _page(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def _content_links(site: Path, url: str) -> list[str]:
    """Site-relative targets of the links in a page's article (not header, nav or footer)."""
    html = _page(site, url)
    targets = []
    for a in html.xpath("//article//a[@href]"):
        href = a.get("href")
        if urlsplit(href).scheme or href.startswith("#"):
            continue
        target = posixpath.normpath(posixpath.join(url, urlsplit(href).path))
        targets.append("" if target == "." else target.rstrip("/") + "/")
    return targets


def test_every_agency_and_year_has_its_page(repo_site: Build) -> None:
    years = sorted({year for _, year in _reports()})
    assert years and _agencies()
    for year in years:
        assert (repo_site.site / f"years/{year}/index.html").is_file(), year
    for agency in _agencies():
        assert (repo_site.site / f"agencies/{agency}/index.html").is_file(), agency


def test_every_report_is_linked_from_exactly_one_year_page_and_one_agency_page(repo_site: Build) -> None:
    site = repo_site.site
    year_pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("years/*/index.html"))
    agency_pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("agencies/*/index.html"))
    from_years: Counter[tuple[str, str]] = Counter()
    from_agencies: Counter[tuple[str, str]] = Counter()
    for page in year_pages:
        for target in _content_links(site, page):
            if target.startswith("reports/"):
                from_years[(page, target)] += 1
    for page in agency_pages:
        # The key-figures table links each year again: count the distinct report links of each agency page.
        for target in set(_content_links(site, page)):
            if target.startswith("reports/"):
                from_agencies[(page, target)] += 1
    for agency, year in _reports():
        report = f"reports/{agency}/{year}/"
        assert (site / report / "index.html").is_file(), report
        linking_years = [(p, n) for (p, t), n in from_years.items() if t == report]
        assert linking_years == [(f"years/{year}/", 1)], (report, linking_years)
        linking_agencies = [p for (p, t) in from_agencies if t == report]
        assert linking_agencies == [f"agencies/{agency}/"], (report, linking_agencies)
    assert sum(from_years.values()) == len(_reports())


def test_the_navigation_lists_index_pages_not_reports(repo_site: Build) -> None:
    html = _page(repo_site.site, "reports/zhangshu-jgswj/2020")
    nav = [a.get("href") for a in html.xpath("//nav[contains(@class,'md-nav--primary')]//a[@href]")]
    assert nav and not any("reports/" in href for href in nav), nav


def test_internal_links_and_anchors_resolve(repo_site: Build) -> None:
    site = repo_site.site
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(lxml.html.fromstring(path.read_text(encoding="utf-8")).xpath("//@id"))
        return ids[path]

    broken = []
    for page in sorted(site.rglob("*.html")):
        html = lxml.html.fromstring(page.read_text(encoding="utf-8"))
        for el in html.xpath("//a[@href] | //link[@href] | //script[@src] | //img[@src] | //form[@action]"):
            ref = el.get("href") or el.get("src") or el.get("action")
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith(("mailto:", "tel:", "javascript:")):
                continue
            # 404.html links from the site root (site_url's path is "/"), every other page relatively.
            base = site if parts.path.startswith("/") else page.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} → {ref}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in anchors(target):
                broken.append(f"{page.relative_to(site)} → {ref}（锚点不存在）")
    assert broken == []


def test_search_index_has_a_bundle_per_report_year_listed_for_the_search_script(repo_site: Build) -> None:
    """One Pagefind bundle per year keeps the indexer's memory to one year's pages (issue 9)."""
    bundle = repo_site.site / "pagefind"
    years = sorted({str(year) for _, year in _reports()})
    # Newest first: the order in which the search script adds years to a query.
    listed = json.loads((bundle / "bundles.json").read_text(encoding="utf-8"))
    assert listed == [{"year": int(y), "path": f"{y}/"} for y in sorted(years, reverse=True)]
    for year in years:
        entry = json.loads((bundle / year / "pagefind-entry.json").read_text(encoding="utf-8"))
        pages = sum(language["page_count"] for language in entry["languages"].values())
        assert pages == sum(1 for _, y in _reports() if str(y) == year)
        # Merged bundles are read with the first bundle's code: their copies are not shipped.
        assert not list((bundle / year).glob("*.js")) and not list((bundle / year).glob("wasm.*"))
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(_agencies()) + 1  # and the list page
    assert (bundle / "pagefind.js").is_file()


def test_search_bundles_are_planned_only_for_pages_that_exist(tmp_path: Path) -> None:
    """The first bundle found holds the search code in pagefind/; a site without agency pages still gets one."""
    for url in ("reports/a/2019", "reports/a/2020", "reports/b/2020"):
        (tmp_path / url).mkdir(parents=True)
        (tmp_path / url / "index.html").write_text("<html></html>", encoding="utf-8")
    assert bundles(tmp_path) == [("reports/*/2019/index.html", "pagefind"), ("reports/*/2020/index.html", "pagefind/2020")]
    (tmp_path / "agencies").mkdir()
    (tmp_path / "agencies" / "index.html").write_text("<html></html>", encoding="utf-8")
    assert [output for _, output in bundles(tmp_path)] == ["pagefind", "pagefind/2019", "pagefind/2020"]
