"""Milliseconds per Word document: `report_docx` over every sample report and the 2021 fixture.

A city portal of 2,500 reports must build in 30 s on 2 cores, so one .docx may
cost about 5 ms. Each document is built `--rounds` times after one warm-up
build (the first build in a process prepares the shared parts); the figure is
the median over all builds.

    .venv/bin/python bench/word.py
    .venv/bin/python bench/word.py --profile   # cProfile of one round, top 25 by own time
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from nianbao.downloads.word.document import report_docx
from nianbao.model.load import ReportDoc
from nianbao.model.pipeline import build_portal
from nianbao.model.portal import Portal

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "word" / "data" / "shili-gaj"


def timings(portal: Portal, docs: list[ReportDoc], rounds: int) -> list[float]:
    """Milliseconds per build, every document `rounds` times."""
    out = []
    for _ in range(rounds):
        for doc in docs:
            start = time.perf_counter()
            report_docx(portal, doc)
            out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    start = time.perf_counter()
    portal = build_portal(REPO / "data", REPO)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(FIXTURE, Path(tmp) / "data" / FIXTURE.name)
        fixture = build_portal(Path(tmp) / "data", Path(tmp))
    load = time.perf_counter() - start
    first = time.perf_counter()
    report_docx(portal, portal.reports[0])  # warm-up: per-process preparation
    warm = (time.perf_counter() - first) * 1000

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        timings(portal, portal.reports, 1)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return

    samples = timings(portal, portal.reports, args.rounds)
    fixed = timings(fixture, fixture.reports, args.rounds)
    print(f"portals loaded in {load:.2f} s; first document {warm:.1f} ms")
    p95 = statistics.quantiles(samples, n=20)[-1]
    print(f"sample reports: {len(portal.reports)} × {args.rounds}: median {statistics.median(samples):.2f} ms, 95th percentile {p95:.2f} ms")
    print(f"2021 fixture:   1 × {args.rounds}: median {statistics.median(fixed):.2f} ms")


if __name__ == "__main__":
    main()
