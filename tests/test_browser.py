"""The portal in a real browser (harness and fixtures: browser_harness.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from browser_harness import AGENCY, ARTIFACTS, AXE, AXE_TAGS, REPORT, REPORT_TITLE, YEAR, Tab, _shot, need_axe


def test_home_to_year_to_report(tab: Tab) -> None:
    page = tab.goto("")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.locator(".nb-home").get_by_role("link", name="2020年度", exact=True).click()
    page.wait_for_url("**/" + YEAR)
    assert page.locator("h1").inner_text() == "2020年度政府信息公开工作年度报告"
    page.get_by_role("link", name=REPORT_TITLE).click()
    page.wait_for_url("**/" + REPORT)
    assert page.locator("h1").inner_text() == REPORT_TITLE
    crumbs = page.locator(".nb-breadcrumbs li").all_inner_texts()
    assert crumbs == ["首页", "按机关浏览", "樟树市机关事务管理局", "2020年度报告"]


def test_chinese_query_in_the_header_search_finds_the_report(tab: Tab) -> None:
    """Only the 2020 report names 樟树: the query widens from the newest year back to 2020."""
    page = tab.goto("")
    box = page.locator(".md-header__inner #nb-header-search-input")
    box.click()
    box.press_sequentially("樟树", delay=50)
    hit = page.locator("#nb-header-search-results a", has_text=REPORT_TITLE).first
    hit.wait_for(state="visible", timeout=15000)
    assert hit.get_attribute("href").rstrip("/").endswith(REPORT.rstrip("/"))
    _shot(page, "search-header")
    fetched = [u for u in tab.requests if "/pagefind/" in u]
    assert any(u.endswith(".pf_fragment") for u in fetched), fetched
    hit.click()
    page.wait_for_url("**/" + REPORT)


def test_search_page_shows_results_for_the_query(tab: Tab) -> None:
    page = tab.goto("search/?q=樟树")
    page.locator("#nb-search-results a", has_text=REPORT_TITLE).first.wait_for(timeout=15000)
    assert page.locator(".nb-search-page input[name=q]").input_value() == "樟树"


def _years_read(tab: Tab) -> list[str]:
    """The year bundles the page has read from (pagefind/<year>/...), in the order first read."""
    parts = (urlsplit(u).path.split("/pagefind/", 1)[1].split("/", 1)[0] for u in tab.requests if "/pagefind/" in u)
    return list(dict.fromkeys(p for p in parts if p.isdigit()))


def test_a_query_reads_only_the_newest_year_when_it_fills_the_list(browser: Any, crowded_url: str) -> None:
    """A common phrase on a large portal costs one year's index, not every year's (issue 9)."""
    tab = Tab(browser, crowded_url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = tab.goto("")
    box = page.locator(".md-header__inner #nb-header-search-input")
    box.click()
    box.press_sequentially("教育局", delay=50)
    page.locator("#nb-header-search-results .nb-search-more").wait_for(state="visible", timeout=15000)
    assert "在 2025 年度的报告和各机关页面中找到" in page.locator("#nb-header-search-results").inner_text()
    assert _years_read(tab) == ["2025"]
    tab.close()


def test_the_search_page_adds_earlier_years_on_request(browser: Any, crowded_url: str) -> None:
    tab = Tab(browser, crowded_url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = tab.goto("search/?q=教育局")
    earlier = page.get_by_role("button", name="继续搜索更早年度（2024 年度）")
    earlier.wait_for(timeout=15000)
    assert _years_read(tab) == ["2025"]
    earlier.click()
    page.get_by_role("button", name="继续搜索更早年度（2023 年度）").wait_for(timeout=15000)
    assert "在 2025、2024 年度的报告和各机关页面中找到" in page.locator("#nb-search-results").inner_text()
    assert _years_read(tab) == ["2025", "2024"]
    tab.close()


def test_a_query_naming_a_year_searches_that_year_first(browser: Any, crowded_url: str) -> None:
    tab = Tab(browser, crowded_url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = tab.goto("search/?q=2020 教育局")
    page.locator("#nb-search-results a[href*='reports/shili-shi-jyj/2020']").first.wait_for(timeout=15000)
    assert _years_read(tab)[0] == "2020"
    tab.close()


def test_report_tables_fit_a_phone_screen(phone: Tab) -> None:
    page = phone.goto(REPORT)
    width = page.evaluate("window.innerWidth")
    assert width == 375
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "页面本身出现了横向滚动"
    wraps = page.locator(".nb-table-wrap")
    assert wraps.count() == 3
    for i in range(wraps.count()):
        wrap = wraps.nth(i)
        wrap.scroll_into_view_if_needed()
        assert wrap.locator("table").is_visible()
        box = wrap.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5
        # Scrolled to either end, the table's edges come into the box: nothing is cut off.
        edges = wrap.evaluate(
            """w => { const t = w.querySelector('table'); const r = () => [t.getBoundingClientRect(), w.getBoundingClientRect()];
                 w.scrollLeft = 0; const [t0, w0] = r(); w.scrollLeft = w.scrollWidth; const [t1, w1] = r();
                 return {left: t0.left - w0.left, right: w1.right - t1.right, overflow: getComputedStyle(w).overflowX}; }"""
        )
        assert edges["left"] >= -0.5 and edges["right"] >= -0.5, edges
        assert edges["overflow"] in ("auto", "scroll")
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, "report-375px")


def test_report_prints_on_a4_with_complete_tables(tab: Tab) -> None:
    page = tab.goto(REPORT)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 703, "height": 1000})  # A4 minus 12 mm margins at 96 dpi
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".nb-breadcrumbs").is_visible()
    for t in page.locator("table.nb-table").all():
        fit = t.evaluate("t => ({table: t.getBoundingClientRect().right, page: document.documentElement.clientWidth})")
        assert fit["table"] <= fit["page"] + 0.5, fit
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "report-a4.pdf"), format="A4", prefer_css_page_size=True)


def test_old_browsers_get_the_resize_observer_polyfill_from_this_site(browser: Any, base_url: str) -> None:
    t = Tab(browser, base_url)
    t.page.add_init_script("delete window.ResizeObserver")
    t.goto(REPORT)
    t.page.wait_for_load_state("networkidle")
    assert any(u.endswith("resize-observer-polyfill/ResizeObserver.js") for u in t.requests), t.requests
    assert t.page.evaluate("typeof window.ResizeObserver") == "function"
    t.close()


@pytest.mark.parametrize(("name", "path"), [("home", ""), ("year", YEAR), ("agency", AGENCY), ("report", REPORT), ("search", "search/")])
def test_no_serious_accessibility_violation(tab: Tab, name: str, path: str) -> None:
    need_axe()
    page = tab.goto(path)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    bad = [
        f"{v['id']}（{v['impact']}）：{v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    _shot(page, name)
    assert bad == []


def test_focus_is_visible(tab: Tab) -> None:
    page = tab.goto(REPORT)
    link = page.locator(".nb-breadcrumbs a").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = link.evaluate("a => { const s = getComputedStyle(a); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert outline[0] != "none" and outline[1] >= 2, outline


# --------------------------------------------------------------------------
# Statistics and downloads pages (issue 4)
# --------------------------------------------------------------------------

STATISTICS_PAGES = [
    ("statistics", "statistics/"),
    ("statistics-year", "statistics/2022/"),
    ("agency-statistics", "agencies/shili-shi/"),
    ("downloads", "downloads/"),
]


@pytest.mark.parametrize(("name", "path"), STATISTICS_PAGES)
def test_statistics_pages_have_no_serious_accessibility_violation(tab: Tab, name: str, path: str) -> None:
    test_no_serious_accessibility_violation(tab, name, path)


def test_comparison_table_sorts_in_the_browser(tab: Tab) -> None:
    page = tab.goto("statistics/2022/")
    table = "#nb-compare-2022"
    header = page.locator(f"{table} thead th").nth(1)

    def column() -> list[int]:
        return [int(v) for v in page.eval_on_selector_all(f"{table} tbody tr", "rows => rows.map(r => r.cells[1].textContent.trim())")]

    before = column()
    header.locator("button.nb-sort").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert column() == sorted(before, reverse=True)
    header.locator("button.nb-sort").press("Enter")  # the keyboard works too
    assert header.get_attribute("aria-sort") == "ascending"
    assert column() == sorted(before)
    assert page.locator(f"{table} tfoot th").text_content() == "合计"  # the totals row stays last
    assert any(u.endswith("assets/sort.js") for u in tab.requests)
