"""Benchmark: how long `nianbao preview` takes to serve a report page on a 2,500-report portal.

    .venv/bin/python bench/preview.py [--reports 2500]

Builds a portal in a temporary folder by copying one sample agency's folder
(agency.yaml + six reports) under as many agency ids as needed, then starts
`nianbao preview` on one report and times it from launch to the first HTTP 200
for the report page on 127.0.0.1. Not a test: prints the figures.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = "shili-shi-jyj"


def make_portal(root: Path, reports: int) -> tuple[int, int]:
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    source = REPO / "data" / SOURCE
    per_agency = len(list(source.glob("[0-9]*.yaml")))
    agencies = -(-reports // per_agency)
    for i in range(agencies):
        shutil.copytree(source, root / "data" / f"bench-{i:04d}")
    return agencies, agencies * per_agency


def serve_time(root: Path, report: str) -> float:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/reports/{report.split('/')[1]}/{Path(report).stem}/"
    started = time.monotonic()
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "nianbao"), "preview", report, "--port", str(port)], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(3000):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit("preview never served the page")
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=2500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
        root = Path(tmp)
        agencies, reports = make_portal(root, args.reports)
        report = "data/bench-0123/2024.yaml"
        times = [serve_time(root, report) for _ in range(args.runs)]
        print(f"portal: {agencies} agencies, {reports} reports")
        print(f"nianbao preview {report}: first page served after " + ", ".join(f"{t:.2f} s" for t in times))


if __name__ == "__main__":
    main()
