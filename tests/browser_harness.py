"""The browser harness: Debian's Chromium driven by Playwright, the built site served on 127.0.0.1.

Shared by the browser tests (test_browser, test_browser_walk) through `pytest_plugins` in conftest:
one Playwright instance per session, which the sync API allows only once at a time.

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
# CROWD copies of the education bureau that published only for the newest year (2025).
CROWD = 50


@pytest.fixture(scope="session")
def crowded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("crowded")
    source = REPO / "data" / "shili-shi-jyj"
    files = {}
    for i in range(1, CROWD + 1):
        agency = (source / "agency.yaml").read_text(encoding="utf-8").replace("name: 示例市教育局\n", f"name: 示例市教育局第{i}分局\n")
        files[f"data/shili-jyj-{i:02d}/agency.yaml"] = agency
        files[f"data/shili-jyj-{i:02d}/2025.yaml"] = (source / "2025.yaml").read_text(encoding="utf-8")
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


def need_axe() -> None:
    if not AXE.exists():
        missing("axe-core（tests/browser/node_modules）", "npm ci --prefix tests/browser")
