"""Search: index the built site with Pagefind's extended build (Chinese segmentation).

Run after the site is written. Only report and agency pages are indexed, and
within them only the article: titles, prose and agency names. Tables (numeric
cells and their row labels) and breadcrumbs are left out.

The index is written as one Pagefind bundle per report year
(`pagefind/<year>/`) beside the agency pages' bundle (`pagefind/`), which
carries the search code; `pagefind/bundles.json` lists the year bundles,
newest first. The site's search script merges them (Pagefind's `mergeIndex`)
as a query needs them: the newest year (or the year the query names) first,
older years while the results do not fill the list, and on the visitor's
request — so a common phrase costs one year's postings, not every year's.
Pagefind's Chinese segmentation also holds about 300 KB a page in memory
until the bundle is written: 6.7 GB for 20,000 reports in one bundle, one
year's worth at a time this way.
"""

from __future__ import annotations

import json
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind_bin_extended import get_executable

from nianbao.lifetime import dying_with_this_process
from nianbao.urls import SEARCH_INDEX

BUNDLE_DIR = SEARCH_INDEX
MANIFEST = "bundles.json"
AGENCY_PAGES = "agencies/**/index.html"
# Two bundles are written at once: Pagefind alone keeps about 1.4 of two cores busy. Memory is two
# years' pages at most (about 1.1 GB each at 20,000 reports).
PARALLEL_BUNDLES = 2
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDED = "table, .nb-breadcrumbs, .nb-table-wrap, .nb-downloads, .nb-neighbours, .headerlink"


# A merged bundle is read with the first bundle's code and WebAssembly: its own copies are never fetched.
MERGED_UNUSED = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")
# Pagefind's ready-made UIs: the portal has its own (site/assets/nianbao/search.js) on the JS API.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    pass


def command(site_dir: Path, glob: str, output: str) -> list[str]:
    return [
        str(get_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        output,
        "--glob",
        glob,
        "--root-selector",
        ROOT_SELECTOR,
        "--exclude-selectors",
        EXCLUDED,
        "--quiet",
    ]


def report_years(site_dir: Path) -> list[str]:
    """The years that have report pages (`reports/<agency>/<year>/index.html`) in the built site."""
    return sorted({page.parent.name for page in site_dir.glob("reports/*/*/index.html")})


def bundles(site_dir: Path) -> list[tuple[str, str]]:
    """(pages glob, output folder) of each bundle that has pages.

    The first is written to `pagefind/` and carries the search code: the agency
    pages' bundle on a portal. Each year's follows in `pagefind/<year>/`.
    """
    groups = [(AGENCY_PAGES, "agencies"), *((f"reports/*/{year}/index.html", year) for year in report_years(site_dir))]
    present = [(glob, name) for glob, name in groups if next(site_dir.glob(glob), None) is not None]
    return [(glob, BUNDLE_DIR if i == 0 else f"{BUNDLE_DIR}/{name}") for i, (glob, name) in enumerate(present)]


def manifest(year_outputs: list[str]) -> list[dict[str, object]]:
    """bundles.json: the year bundles, newest first, the order in which the search script adds them."""
    years = sorted((int(Path(output).name) for output in year_outputs), reverse=True)
    return [{"year": year, "path": f"{year}/"} for year in years]


class Indexing:
    """Pagefind running in the background, two bundles at a time (the build overlaps it with writing downloads)."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.failure: str | None = None
        self.thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self.thread.start()

    def _index(self, glob: str, output: str) -> str | None:
        """Write one bundle; Pagefind's output when it failed."""
        # Pagefind dies with the build (a killed build left it writing into site/).
        done = subprocess.run(
            command(self.site_dir, glob, output),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
            preexec_fn=dying_with_this_process(),  # only a prctl call in the child
        )
        return None if done.returncode == 0 else f"生成搜索索引失败（Pagefind 退出码 {done.returncode}）：{done.stdout.strip()}"

    def _run(self) -> None:
        # Whatever goes wrong in this thread (the Pagefind binary missing, a full disk) must reach
        # wait(), or the build would say the index was written and exit 0 without one.
        try:
            self._write()
        except Exception as err:
            hint = "请确认已安装 pagefind-bin-extended，或在 mkdocs.yml 的 nianbao 插件下设 search_index: false"
            self.failure = f"生成搜索索引失败：{type(err).__name__}: {err}（{hint}）"

    def _write(self) -> None:
        planned = bundles(self.site_dir)
        with ThreadPoolExecutor(max_workers=PARALLEL_BUNDLES) as pool:
            failures = [f for f in pool.map(lambda b: self._index(*b), planned) if f is not None]
        if failures:
            self.failure = failures[0]
            return
        outputs = [output for _, output in planned]
        for output in outputs[1:]:
            for pattern in MERGED_UNUSED:
                for path in (self.site_dir / output).glob(pattern):
                    path.unlink()
        for output in outputs:
            for name in UNUSED_BUNDLE_FILES:
                (self.site_dir / output / name).unlink(missing_ok=True)
        (self.site_dir / BUNDLE_DIR / MANIFEST).write_text(json.dumps(manifest(outputs[1:])), encoding="utf-8")

    def wait(self) -> None:
        """Finish every bundle; raise SearchIndexError with Pagefind's output on failure."""
        self.thread.join()
        if self.failure is not None:
            raise SearchIndexError(self.failure)


def index_site(site_dir: Path) -> None:
    """Write the Pagefind bundles into site_dir; raise SearchIndexError with Pagefind's output on failure."""
    Indexing(site_dir).wait()
