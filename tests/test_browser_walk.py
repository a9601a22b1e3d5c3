"""Fixes from walking the portal in Chromium at 1366 px and at 390 px (issue 18): what a visitor sees.

Uses the browser harness (browser_harness.py): Debian's Chromium through Playwright, every request checked
to stay on 127.0.0.1, page errors fail the test.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from browser_harness import AXE, AXE_TAGS, REPORT, REPORT_TITLE, Tab, _Quiet, _shot, need_axe
from conftest import Build

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
T3_REPORT = "reports/shili-shi/2021/"


class _StaticHost(_Quiet):
    """As GitHub Pages, GitLab Pages and nginx set up for MkDocs: a missing path gets 404.html, at any depth."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def host_url(repo_site: Build) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(repo_site.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _tab(browser: Any, url: str, viewport: dict[str, int], **extra: Any) -> Tab:
    return Tab(browser, url, viewport=viewport, locale="zh-CN", **extra)


def _phone(browser: Any, url: str) -> Tab:
    return _tab(browser, url, PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)


# ---- item 1: the 404 page -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["no-such-page/", "reports/no-such-agency/2020/extra/"])
def test_the_404_page_has_a_working_search_box_at_any_depth(browser: Any, host_url: str, path: str) -> None:
    tab = _tab(browser, host_url, DESKTOP)
    page = tab.page
    response = page.goto(host_url + path)
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "页面不存在"
    box = page.locator(".md-header__inner #nb-header-search-input")
    box.wait_for(state="visible", timeout=5000)
    box.click()
    box.press_sequentially("樟树", delay=50)
    hit = page.locator("#nb-header-search-results a", has_text=REPORT_TITLE).first
    hit.wait_for(state="visible", timeout=15000)
    hit.click()
    page.wait_for_url("**/" + REPORT)
    tab.close()  # no script error, nothing fetched from another host


# ---- items 2 and 5: statistics and agency tables ----------------------------------------------

_TABLES = """() => Array.from(document.querySelectorAll('.nb-table-wrap')).map(w => {
  const t = w.querySelector('table');
  const lines = th => { const r = document.createRange(); r.selectNodeContents(th);
                        return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size; };
  return {id: t.id || t.className, table: t.getBoundingClientRect().width, box: w.clientWidth,
          broken: Array.from(t.querySelectorAll('thead th')).filter(th => lines(th) > 1).map(th => th.textContent)};
})"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366px", "390px"])
def test_statistics_tables_fit_and_their_year_headers_stay_whole(browser: Any, base_url: str, viewport: dict[str, int]) -> None:
    tab = _tab(browser, base_url, viewport)
    tables = tab.goto("statistics/").evaluate(_TABLES)
    assert {t["id"] for t in tables} >= {"nb-t3-totals", "nb-t3-other", "nb-t4-totals"}
    assert [t for t in tables if t["broken"]] == []  # "2019年度" never becomes "20/19/年/度"
    if viewport is DESKTOP:
        assert [t for t in tables if t["table"] > t["box"] + 0.5] == []  # nothing cut off at 1366 px
    tab.close()


_GAPS = """() => Array.from(document.querySelectorAll('.nb-table-wrap')).flatMap(w => {
  const c = w.querySelector('caption:not(.nb-sr-only)'); const before = w.previousElementSibling;
  return c && before ? [{caption: c.textContent, gap: c.getBoundingClientRect().top - before.getBoundingClientRect().bottom}] : [];
})"""


@pytest.mark.parametrize("path", ["agencies/shili-shi/", "statistics/"])
def test_table_captions_keep_their_distance_from_what_is_above(browser: Any, base_url: str, path: str) -> None:
    tab = _tab(browser, base_url, DESKTOP)
    gaps = tab.goto(path).evaluate(_GAPS)
    assert len(gaps) >= 3
    assert [g for g in gaps if g["gap"] < 16] == []
    tab.close()


# ---- item 3: wide tables on a phone ----------------------------------------------------------

_LABEL_IN_VIEW = """(w, text) => {
  const th = Array.from(w.querySelectorAll('th')).find(c => c.textContent === text);
  window.scrollBy(0, th.getBoundingClientRect().top - window.innerHeight / 2);  // the page only, never the table
  const r = th.getBoundingClientRect(), box = w.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
  return {inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5, onTop: th.contains(hit), width: r.width, box: box.width};
}"""


def test_table_three_keeps_its_row_labels_in_view_on_a_phone(browser: Any, base_url: str) -> None:
    tab = _phone(browser, base_url)
    page = tab.goto(T3_REPORT)
    wrap = page.locator(".nb-table-wrap:has(table.nb-applications)")
    wrap.scroll_into_view_if_needed()
    hint = page.locator(".nb-scroll-hint + .nb-table-wrap:has(table.nb-applications)")
    assert hint.count() == 1
    assert page.locator(".nb-scroll-hint").first.is_visible()  # says that the table scrolls
    assert page.locator(".nb-scroll-hint").first.get_attribute("aria-hidden") == "true"
    # Several figure columns show beside the labels, not just 自然人.
    visible_columns = wrap.evaluate(
        """w => { const box = w.getBoundingClientRect();
                 return Array.from(w.querySelectorAll('tbody tr:first-child td')).filter(td => td.getBoundingClientRect().right <= box.right).length; }"""
    )
    assert visible_columns >= 3
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    page.wait_for_timeout(100)
    for label in ("一、本年新收政府信息公开申请数量", "1.属于国家秘密", "（七）总计"):
        seen = wrap.evaluate(_LABEL_IN_VIEW, label)
        assert seen["inside"] and seen["onTop"], (label, seen)
    assert wrap.evaluate("w => w.classList.contains('nb-scrolled')")
    _shot(page, "table3-390px-scrolled")
    tab.close()


def test_wide_table_help_stays_off_desktop_and_paper(browser: Any, base_url: str) -> None:
    tab = _tab(browser, base_url, DESKTOP)
    page = tab.goto(T3_REPORT)
    assert page.locator(".nb-scroll-hint").count() == 3
    assert not [h for h in page.locator(".nb-scroll-hint").all() if h.is_visible()]  # nothing scrolls at 1366 px
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 703, "height": 1000})
    positions = page.eval_on_selector_all("th.nb-sticky", "cells => cells.map(c => getComputedStyle(c).position)")
    assert positions and set(positions) == {"static"}
    tab.close()


def test_no_serious_accessibility_violation_on_a_phone_with_sticky_labels(browser: Any, base_url: str) -> None:
    need_axe()
    tab = _phone(browser, base_url)
    page = tab.goto(T3_REPORT)
    page.locator(".nb-table-wrap").first.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
    tab.close()


# ---- items 10 and 12: print, titles, the phone header ----------------------------------------


def test_printing_a_report_leaves_out_the_downloads_heading(browser: Any, base_url: str) -> None:
    tab = _tab(browser, base_url, DESKTOP)
    page = tab.goto(REPORT)
    assert page.locator("h2#downloads").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("h2#downloads").is_visible()
    assert not page.locator(".nb-downloads").is_visible()
    tab.close()


def test_titles_are_black_and_the_phone_header_shows_the_whole_portal_name(browser: Any, base_url: str) -> None:
    tab = _tab(browser, base_url, DESKTOP)
    assert tab.goto(REPORT).locator("h1").evaluate("h => getComputedStyle(h).color") == "rgba(0, 0, 0, 0.87)"
    tab.close()
    phone = _phone(browser, base_url)
    page = phone.goto(REPORT)
    name = page.locator(".md-header__title .md-header__topic:first-child .md-ellipsis")
    assert name.inner_text() == "示例市政府信息公开工作年度报告"
    fits = name.evaluate("e => ({w: e.scrollWidth <= e.clientWidth + 1, h: e.scrollHeight <= e.clientHeight + 1})")
    assert fits == {"w": True, "h": True}
    _shot(page, "header-390px")
    phone.close()


# ---- item 7: the search dropdown ------------------------------------------------------------


def test_the_dropdown_puts_whole_phrase_and_agency_name_matches_first(browser: Any, base_url: str) -> None:
    """"机关事务": Pagefind also finds every page saying 机关 often; the pages naming 机关事务 come first, 樟树 2020 among them."""
    tab = _tab(browser, base_url, DESKTOP)
    page = tab.goto("")
    box = page.locator(".md-header__inner #nb-header-search-input")
    box.click()
    box.press_sequentially("机关事务", delay=50)
    results = page.locator("#nb-header-search-results li")
    results.first.wait_for(state="visible", timeout=15000)
    titles = page.locator("#nb-header-search-results li > a").all_inner_texts()
    assert sorted(titles[:2]) == sorted(["樟树市机关事务管理局", REPORT_TITLE]), titles
    excerpts = page.locator("#nb-header-search-results .nb-search-result__excerpt").all_inner_texts()
    assert len(excerpts) == len(titles) >= 2
    assert [e for e in excerpts if re.search(r"[^\x00-\x7f]\. ", e)] == []  # no ASCII ". " joins
    assert [e for e in excerpts if e[:1] in "。，、；：）" or re.match(r"[一二三四五六七八九十]）", e)] == []  # not "三）政府信息管理"
    assert excerpts[titles.index("樟树市机关事务管理局")].startswith("樟树市机关事务管理局")  # not "市机关事务…", cut inside the name
    _shot(page, "search-dropdown-phrase")
    tab.close()


def test_the_search_page_lists_whole_phrase_matches_first(browser: Any, base_url: str) -> None:
    tab = _tab(browser, base_url, DESKTOP)
    page = tab.goto("search/?q=机关事务")
    page.locator("#nb-search-results li").first.wait_for(timeout=15000)
    titles = page.locator("#nb-search-results li > a").all_inner_texts()
    assert sorted(titles[:2]) == sorted(["樟树市机关事务管理局", REPORT_TITLE]), titles
    tab.close()


def test_the_404_page_has_no_serious_accessibility_violation(browser: Any, host_url: str) -> None:
    need_axe()
    tab = _tab(browser, host_url, DESKTOP)
    response = tab.page.goto(host_url + "no-such-page/")
    assert response is not None and response.status == 404
    tab.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = tab.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert [(v["id"], v["impact"]) for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
    tab.close()
