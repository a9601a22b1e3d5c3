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
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nianbao.build import Download
from nianbao.lifetime import die_with

# Workers claim this many downloads at a time from a shared counter.
CLAIM = 16


class DownloadFailed(RuntimeError):
    """A download could not be built or written; the message names the file."""


def write_all(downloads: Sequence[Download], site_dir: Path) -> int:
    """Build and write every download (in this process); return the bytes written."""
    total = 0
    for download in downloads:
        target = site_dir / download.path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            data = download.build()
            target.write_bytes(data)
        except Exception as err:
            raise DownloadFailed(f"生成数据下载文件 {download.path} 失败：{type(err).__name__}: {err}") from err
        total += len(data)
    return total


def write_all_or_nothing(downloads: Sequence[Download], out: Path) -> int:
    """write_all into a staging folder beside out, then move the files in: a failure leaves out as it was.

    `nianbao export` wrote file after file into --out, so a failure (or Ctrl-C) half-way left a
    mix of new and old files there. Moving within one file system is a rename, file by file.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        total = write_all(downloads, staging)
        for path in sorted(p for p in staging.rglob("*") if p.is_file()):
            target = out / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return total


def _write_claimed(downloads: Sequence[Download], site_dir: str, claimed: Any, failures: Any, parent: int) -> None:
    """Write the next CLAIM pending downloads until none are left.

    Claiming in turn, not a fixed half each: the whole-portal workbooks cost
    seconds where a report's files cost milliseconds, and with fixed halves one
    worker finished ten seconds before the other at 2,500 reports.
    """
    die_with(parent)  # a killed build left its writers writing into site/
    while True:
        with claimed.get_lock():
            start = claimed.value
            claimed.value = start + CLAIM
        if start >= len(downloads):
            return
        try:
            write_all(downloads[start : start + CLAIM], Path(site_dir))
        except DownloadFailed as err:
            failures.put(str(err))  # the parent raises it; no traceback from the child
            raise SystemExit(1) from err


class BackgroundWriter:
    """Writes downloads in forked processes; `wait()` re-raises a failure as an exception.

    One worker starts at once and shares the second core with nothing while
    MkDocs renders pages on the first (a second worker then only slowed the
    pages down). `wait()`, called once the pages are written, adds a worker for
    each other core to finish what is left beside Pagefind.
    """

    def __init__(self, downloads: Sequence[Download], site_dir: Path) -> None:
        self.downloads = downloads
        self.failure: str | None = None  # the one-core path's failure, raised by wait()
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self.site_dir = str(site_dir)
        self.cores = os.cpu_count() or 1
        if self.cores > 1 and "fork" in multiprocessing.get_all_start_methods():
            self.context = multiprocessing.get_context("fork")
            self.claimed = self.context.Value("q", 0)
            self.failures = self.context.SimpleQueue()
            self._start()
        else:  # one core: nothing to overlap with
            try:
                write_all(downloads, site_dir)
            except DownloadFailed as err:
                self.failure = str(err)

    def _start(self) -> None:
        # Forked: the workers inherit the downloads (closures over the build) as they are, never pickled.
        process = self.context.Process(target=_write_claimed, args=(self.downloads, self.site_dir, self.claimed, self.failures, os.getpid()), daemon=True)
        process.start()
        self.processes.append(process)

    def wait(self) -> None:
        if self.processes:
            for _ in range(self.cores - 1):
                self._start()
        elif self.failure is not None:
            raise DownloadFailed(self.failure)
        for process in self.processes:
            process.join()
        failed = [p.exitcode for p in self.processes if p.exitcode != 0]
        if not self.failures.empty():
            raise DownloadFailed(self.failures.get())
        if failed:
            raise DownloadFailed(f"数据下载文件生成失败（子进程退出码 {failed[0]}）")
