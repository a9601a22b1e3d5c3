"""The portal in a real browser: Debian's Chromium driven by Playwright, the built site served on 127.0.0.1.

Every request the pages make is intercepted: anything not addressed to the
local server fails the test. axe-core (tests/browser/node_modules, installed
by `.ci/run`) is injected into the page under test only; it is never part of
the site. Screenshots go to test-artifacts/.

Without /usr/bin/chromium the tests skip locally with the reason printed; with
the environment variable CI set they fail instead, so CI cannot skip them.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import REPO, Build, make_project, missing, run_build

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPORT = "reports/zhangshu-jgswj/2020/"
REPORT_TITLE = "樟树市机关事务管理局2020年政府信息公开工作年度报告"
AGENCY = "agencies/zhangshu-jgswj/"
YEAR = "years/2020/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def _served(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(repo_site: Build) -> Iterator[str]:
    with _served(repo_site.site) as url:
        yield url


# A portal where one year holds more reports than a results list shows: the sample data plus
# CROWD copies of the education bureau that published only for the newest year (2024).
CROWD = 50


@pytest.fixture(scope="session")
def crowded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("crowded")
    source = REPO / "data" / "shili-shi-jyj"
    files = {}
    for i in range(1, CROWD + 1):
        agency = (source / "agency.yaml").read_text(encoding="utf-8").replace("name: 示例市教育局\n", f"name: 示例市教育局第{i}分局\n")
        files[f"data/shili-jyj-{i:02d}/agency.yaml"] = agency
        files[f"data/shili-jyj-{i:02d}/2024.yaml"] = (source / "2024.yaml").read_text(encoding="utf-8")
    project = make_project(root / "project", files, with_data=True)
    build = run_build(project, root / "site")
    assert build.returncode == 0, build.output
    with _served(build.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        missing(f"Chromium（{CHROMIUM}）", "sudo apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Tab:
    """A browser page whose every request is checked: only 127.0.0.1 is allowed."""

    def __init__(self, browser: Any, base_url: str, **context: Any) -> None:
        self.base = base_url
        self.host = urlsplit(base_url).netloc
        self.context = browser.new_context(**context)
        self.foreign: list[str] = []
        self.requests: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc == self.host:
            self.requests.append(url)
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, path
        return self.page

    def close(self) -> None:
        self.context.close()
        assert self.foreign == [], f"请求了本站以外的地址：{self.foreign}"
        assert self.errors == [], f"页面脚本出错：{self.errors}"


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Tab]:
    t = Tab(browser, base_url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield t
    t.close()


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Tab]:
    t = Tab(browser, base_url, viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN")
    yield t
    t.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


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
    assert "在 2024 年度的报告和各机关页面中找到" in page.locator("#nb-header-search-results").inner_text()
    assert _years_read(tab) == ["2024"]
    tab.close()


def test_the_search_page_adds_earlier_years_on_request(browser: Any, crowded_url: str) -> None:
    tab = Tab(browser, crowded_url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = tab.goto("search/?q=教育局")
    earlier = page.get_by_role("button", name="继续搜索更早年度（2023 年度）")
    earlier.wait_for(timeout=15000)
    assert _years_read(tab) == ["2024"]
    earlier.click()
    page.get_by_role("button", name="继续搜索更早年度（2022 年度）").wait_for(timeout=15000)
    assert "在 2024、2023 年度的报告和各机关页面中找到" in page.locator("#nb-search-results").inner_text()
    assert _years_read(tab) == ["2024", "2023"]
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
    if not AXE.exists():
        missing("axe-core（tests/browser/node_modules）", "npm ci --prefix tests/browser")
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
