"""Search: index the built site with Pagefind's extended build (Chinese segmentation).

Run after the site is written. Only report and agency pages are indexed, and
within them only the article: titles, prose and agency names. Tables (numeric
cells and their row labels) and breadcrumbs are left out. The index goes to
`pagefind/` in the site; the browser loads only the chunks a query needs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind_bin_extended import get_executable

BUNDLE_DIR = "pagefind"
INDEXED_GLOB = "{reports,agencies}/**/index.html"
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDED = "table, .nb-breadcrumbs, .nb-table-wrap, .nb-downloads, .nb-neighbours, .headerlink"


# Pagefind's ready-made UIs: the portal has its own (docs/assets/nianbao/search.js) on the JS API.
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


def command(site_dir: Path) -> list[str]:
    return [
        str(get_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE_DIR,
        "--glob",
        INDEXED_GLOB,
        "--root-selector",
        ROOT_SELECTOR,
        "--exclude-selectors",
        EXCLUDED,
        "--quiet",
    ]


class Indexing:
    """Pagefind running in the background (the site build overlaps it with writing downloads)."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.process = subprocess.Popen(command(site_dir), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def wait(self) -> None:
        """Finish the bundle; raise SearchIndexError with Pagefind's output on failure."""
        output, _ = self.process.communicate()
        if self.process.returncode != 0:
            raise SearchIndexError(f"生成搜索索引失败（Pagefind 退出码 {self.process.returncode}）：{output.strip()}")
        for name in UNUSED_BUNDLE_FILES:
            (self.site_dir / BUNDLE_DIR / name).unlink(missing_ok=True)


def index_site(site_dir: Path) -> None:
    """Write the Pagefind bundle into site_dir; raise SearchIndexError with Pagefind's output on failure."""
    Indexing(site_dir).wait()
