"""Every published page is one a visitor can reach, and the menu leads to the main sections (issue 18, items 8 and 11).

A static walk of the built site: from the home page, follow every link to a page of this site.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html

from conftest import Build


def _page_file(site: Path, page: Path, href: str) -> Path | None:
    """The HTML file a link on `page` opens, when it is a page of this site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), unquote(parts.path)))
    target = site / path
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target if target.suffix == ".html" and target.is_file() else None


def _reachable(site: Path) -> set[Path]:
    seen = {site / "index.html"}
    todo = [site / "index.html"]
    while todo:
        page = todo.pop()
        tree = lxml.html.fromstring(page.read_bytes())
        for href in tree.xpath("//a/@href"):
            target = _page_file(site, page, href)
            if target is not None and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_every_published_page_is_linked_from_the_portal(repo_site: Build) -> None:
    site = repo_site.site
    published = {p for p in site.rglob("*.html") if p.name != "404.html"}
    unreachable = sorted(p.relative_to(site).as_posix() for p in published - _reachable(site))
    assert unreachable == []


def test_the_sitemap_lists_only_pages_for_visitors(repo_site: Build) -> None:
    site = repo_site.site
    urls = lxml.etree.parse(str(site / "sitemap.xml")).xpath("//*[local-name()='loc']/text()")
    paths = [urlsplit(u).path.lstrip("/") for u in urls]
    assert not [p for p in paths if p.startswith("assets/")]  # e.g. the vendored polyfill's README
    assert "reference/data-format/" in paths
    reachable = {p.relative_to(site).as_posix() for p in _reachable(site)}
    assert [p for p in paths if (p + "index.html" if p.endswith("/") or not p else p) not in reachable] == []


def test_the_menu_leads_to_statistics_and_downloads(repo_site: Build) -> None:
    tree = lxml.html.fromstring((repo_site.site / "reports" / "zhangshu-jgswj" / "2020" / "index.html").read_bytes())
    menu = {" ".join(a.text_content().split()): a.get("href") for a in tree.xpath("//nav[contains(@class, 'md-nav--primary')]//a[@href]")}
    assert menu["数据统计"] == "../../../statistics/"
    assert menu["数据下载"] == "../../../downloads/"
    assert menu["数据格式说明"] == "../../../reference/data-format/"
