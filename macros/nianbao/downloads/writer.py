"""Writing the downloads into the site on the second core, while MkDocs renders pages.

A portal has five data files per report (JSON, three CSVs, Word): tens of
thousands of files that MkDocs has no need to know about. They are produced
by forked worker processes that write them straight into the site directory,
so their cost overlaps with MkDocs' single-threaded page rendering instead of
adding to it. Output is the same bytes whatever the scheduling: each file is a
pure function of the data.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nianbao.downloads.providers import Download

# The downloads of the build in progress, set before forking so the workers inherit them.
_PENDING: Sequence[Download] = ()
# Workers claim this many downloads at a time from a shared counter.
CLAIM = 16


def write_all(downloads: Sequence[Download], site_dir: Path) -> int:
    """Build and write every download (in this process); return the bytes written."""
    total = 0
    for download in downloads:
        target = site_dir / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = download.build()
        target.write_bytes(data)
        total += len(data)
    return total


def _write_claimed(site_dir: str, claimed: Any) -> None:
    """Write the next CLAIM pending downloads until none are left.

    Claiming in turn, not a fixed half each: the whole-portal workbooks cost
    seconds where a report's files cost milliseconds, and with fixed halves one
    worker finished ten seconds before the other at 2,500 reports.
    """
    while True:
        with claimed.get_lock():
            start = claimed.value
            claimed.value = start + CLAIM
        if start >= len(_PENDING):
            return
        write_all(_PENDING[start : start + CLAIM], Path(site_dir))


class BackgroundWriter:
    """Writes downloads in forked processes; `wait()` re-raises a failure as an exception.

    One worker starts at once and shares the second core with nothing while
    MkDocs renders pages on the first (a second worker then only slowed the
    pages down). `wait()`, called once the pages are written, adds a worker for
    each other core to finish what is left beside Pagefind.
    """

    def __init__(self, downloads: Sequence[Download], site_dir: Path) -> None:
        global _PENDING
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self.site_dir = str(site_dir)
        self.cores = os.cpu_count() or 1
        if self.cores > 1 and "fork" in multiprocessing.get_all_start_methods():
            self.context = multiprocessing.get_context("fork")
            self.claimed = self.context.Value("q", 0)
            _PENDING = downloads  # inherited by the workers forked from now until wait()
            self._start()
        else:  # one core: nothing to overlap with
            write_all(downloads, site_dir)

    def _start(self) -> None:
        process = self.context.Process(target=_write_claimed, args=(self.site_dir, self.claimed), daemon=True)
        process.start()
        self.processes.append(process)

    def wait(self) -> None:
        global _PENDING
        if self.processes:
            for _ in range(self.cores - 1):
                self._start()
            _PENDING = ()
        for process in self.processes:
            process.join()
        failed = [p.exitcode for p in self.processes if p.exitcode != 0]
        if failed:
            raise RuntimeError(f"数据下载文件生成失败（子进程退出码 {failed[0]}）")
