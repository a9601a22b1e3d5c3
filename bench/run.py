"""The portal-scale benchmark (`make bench`): build synthetic portals and the stack's floor.

For each size N it prints wall time (median of --runs builds), ms per report
page, peak memory (RSS), the search index size and what a visitor downloads
for one query (the most common phrase, and an agency name); then the same
for the floor: a plain MkDocs + Material site of N hand-written pages of the
same size, same theme and same Pagefind search, and the ratio of the two.
It also times the data layer (load, check, render) in-process.

    .venv/bin/python bench/run.py --sizes 1000 2500 20000
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from search_payload import measure  # noqa: E402
from synth import write_portal  # noqa: E402

from nianbao.downloads import new_build  # noqa: E402
from nianbao.engine.plugin import ASSETS, THEME  # noqa: E402
from nianbao.model import labels as L  # noqa: E402
from nianbao.model.load import ReportDoc  # noqa: E402
from nianbao.model.pipeline import build_portal  # noqa: E402
from nianbao.model.portal import Portal  # noqa: E402
from nianbao.model.tables import tables  # noqa: E402
from nianbao.site.render import report_body  # noqa: E402
from nianbao.urls import STYLESHEETS  # noqa: E402

MKDOCS = Path(sys.executable).parent / "mkdocs"
# The phrase every report uses most (the largest download a query can cause) and a typical query (an agency's name).
QUERIES = ("依申请公开", "教育局")


@dataclass
class Result:
    walls: list[float]
    rss_mb: float
    pages: int
    index_kb: float
    query_kb: list[float]

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, float]:
    """Exit status and peak RSS in MB of a command: the largest of the process and its children."""
    proc = subprocess.Popen(command, cwd=cwd, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    return status, usage.ru_maxrss / 1024


def _build(project: Path, site: Path, floor: bool) -> tuple[float, float]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    status, rss = _run([str(MKDOCS), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)], project, env)
    if floor and status == 0:
        # The portal's plugin runs Pagefind inside the build; the floor runs the same indexing after it.
        index = f"from pathlib import Path; from nianbao.site.search import index_site; index_site(Path({str(site)!r}))"
        status, index_rss = _run([sys.executable, "-c", index], project, env)
        rss = max(rss, index_rss)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"构建失败：{project}")
    return wall, rss


def _measure(project: Path, floor: bool, runs: int) -> Result:
    """Build `runs` times from scratch (median wall time, largest peak memory), then measure search."""
    site = project / "site"
    walls, peaks = [], []
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        wall, rss = _build(project, site, floor)
        walls.append(wall)
        peaks.append(rss)
    pages = len(list(site.glob("reports/*/*/index.html")))
    index = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    fetched = [sum(n for _, n in measure(site, query)) / 1024 for query in QUERIES]
    return Result(walls, max(peaks), pages, index / 1024, fetched)


def _portal_project(root: Path, n: int) -> Path:
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root)
    shutil.copy(REPO / "assessment.yaml", root)  # the sample's rulepack: the progress pages are part of the build
    shutil.copytree(REPO / "docs", root / "docs")
    write_portal(root / "data", n)
    return root


def _markdown(built: Portal, doc: ReportDoc) -> str:
    """A report as a person would hand-write it in Markdown: headings, paragraphs, pipe tables."""
    r = doc.report
    out = [f"# {built.title(doc)}", r.opening, f"## {L.SECTIONS['overview']}", r.overview.text]
    for sub in r.overview.subsections:
        out += [f"### {sub.title}", sub.text]
    for key, table in zip(("active_disclosure", "applications", "review_litigation"), tables(r), strict=True):
        out.append(f"## {L.SECTIONS[key]}")
        rows = [[c.text for c in row] for row in (*table.head, *table.body)]
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        out.append("\n".join(["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width, *("| " + " | ".join(row) + " |" for row in rows[1:])]))
    out += [f"## {L.SECTIONS['problems']}", r.problems, f"## {L.SECTIONS['other_matters']}", r.other_matters]
    return "\n\n".join(out) + "\n"


def _floor_project(root: Path, portal: Path) -> Path:
    """N hand-written Markdown pages of the same reports: no nianbao, no macros."""
    root.mkdir(parents=True)
    # Without the nianbao plugin, the theme, scripts and styles it brings are copied in by hand.
    shutil.copytree(ASSETS, root / "docs" / "assets")
    shutil.copytree(THEME, root / "overrides")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("  language: zh-CN\n", "  language: zh-CN\n  custom_dir: overrides\n", 1)
    head = config.split("\nplugins:")[0].split("\nnav:")[0] + "\nextra_css:\n" + "".join(f"  - {css}\n" for css in STYLESHEETS)
    # Same short navigation as the portal: a nav listing every page would make the floor quadratic.
    nav = "\nnav:\n  - 首页: index.md\n"
    (root / "mkdocs.yml").write_text(head + nav + "plugins: []\nmarkdown_extensions: [tables]\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    built = build_portal(portal / "data", portal)
    for doc in built.reports:
        page = root / "docs" / "reports" / doc.agency_id / f"{doc.year}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_markdown(built, doc), encoding="utf-8")
    return root


def _progress_sizes(site: Path) -> str:
    """What the office's browser loads: the largest 报送进度 page and CSV, the page count and total (issue 17)."""
    pages = sorted((site / "progress").rglob("index.html"), key=lambda p: p.stat().st_size)
    csvs = sorted((site / "progress").rglob("*.csv"), key=lambda p: p.stat().st_size)
    if not pages:
        return "报送进度页：未发布"
    largest = pages[-1]
    total = sum(p.stat().st_size for p in pages) / 1024
    text = f"报送进度页 {len(pages)} 个，最大 {largest.stat().st_size / 1024:.0f} KB（{largest.parent.relative_to(site).as_posix()}/），合计 {total:.0f} KB"
    if csvs:
        text += f"；CSV 最大 {csvs[-1].stat().st_size / 1024:.0f} KB（{csvs[-1].name}）"
    return text


def _data_layer(portal: Path, runs: int = 3) -> tuple[float, float]:
    """Median ms per report of load + check and of render, over `runs` runs in this process."""
    load_ms, render_ms = [], []
    for _ in range(runs):
        start = time.perf_counter()
        built = build_portal(portal / "data", portal)
        loaded = time.perf_counter()
        build = new_build(built)
        for doc in built.reports:
            report_body(build, doc)
        done = time.perf_counter()
        n = len(built.reports)
        load_ms.append((loaded - start) * 1000 / n)
        render_ms.append((done - loaded) * 1000 / n)
        del built
    return statistics.median(load_ms), statistics.median(render_ms)


def main() -> None:
    parser = argparse.ArgumentParser(description="nianbao 门户规模基准测试")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2500, 20000], help="报告数量")
    parser.add_argument("--no-floor", action="store_true", help="不测静态页面基线")
    parser.add_argument("--runs", type=int, default=3, help="每个站点构建几次（取耗时中位数）")
    args = parser.parse_args()
    print(f"机器：{platform.machine()}，{os.cpu_count()} 核，Python {platform.python_version()}，{platform.platform()}")
    queries = " ".join(f"搜“{q}”下载(KB)" for q in QUERIES)
    header = f"{'报告数':>7} {'站点':<6} {'耗时(秒)':>9} {'毫秒/报告页':>10} {'峰值内存(MB)':>12} {'索引(KB)':>9} {queries}  各次耗时(秒)"
    rows: list[str] = []

    def line(n: int, kind: str, r: Result) -> str:
        per_page = r.wall * 1000 / r.pages
        fetched = " ".join(f"{kb:>15.1f}" for kb in r.query_kb)
        walls = " ".join(f"{w:.1f}" for w in r.walls)
        return f"{n:>7} {kind:<6} {r.wall:>9.1f} {per_page:>10.1f} {r.rss_mb:>12.0f} {r.index_kb:>9.0f} {fetched}  {walls}"

    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            portal = _portal_project(Path(tmp) / "portal", n)
            load_ms, render_ms = _data_layer(portal)
            ours = _measure(portal, floor=False, runs=args.runs)
            rows.append(line(ours.pages, "门户", ours))
            rows.append(f"{'':>7} {'进度':<6} {_progress_sizes(portal / 'site')}")
            rows.append(f"{'':>7} {'数据层':<6} 读取+检查 {load_ms:.2f} 毫秒/份，渲染 {render_ms:.2f} 毫秒/份，合计 {load_ms + render_ms:.2f} 毫秒/份")
            if not args.no_floor:
                floor = _measure(_floor_project(Path(tmp) / "floor", portal), floor=True, runs=args.runs)
                rows.append(line(floor.pages, "基线", floor))
                rows.append(f"{'':>7} {'比值':<6} 门户/基线 = {ours.wall / floor.wall:.2f}")
        print(header, *rows, sep="\n", flush=True)
        rows.clear()


if __name__ == "__main__":
    main()
