"""Writing the downloads into the site on the second core, while MkDocs renders pages.

A portal has five data files per report (JSON, three CSVs, Word): tens of
thousands of files that MkDocs has no need to know about. They are produced
by a forked worker process that writes them straight into the site directory,
so their cost overlaps with MkDocs' single-threaded page rendering instead of
adding to it. Output is the same bytes whatever the scheduling: each file is a
pure function of the data.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from pathlib import Path

from .downloads import Download

# The downloads of the build in progress, set before forking so the worker inherits them.
_PENDING: Sequence[Download] = ()


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


def _write_pending(site_dir: str, worker: int, workers: int) -> None:
    write_all(_PENDING[worker::workers], Path(site_dir))


class BackgroundWriter:
    """Writes downloads in forked processes; `wait()` re-raises a failure as an exception.

    One worker per core: while MkDocs renders pages they share the second core,
    and once the pages are written both cores finish the downloads.
    """

    def __init__(self, downloads: Sequence[Download], site_dir: Path) -> None:
        global _PENDING
        self.processes: list[multiprocessing.process.BaseProcess] = []
        workers = os.cpu_count() or 1
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            _PENDING = downloads
            context = multiprocessing.get_context("fork")
            for worker in range(workers):
                process = context.Process(target=_write_pending, args=(str(site_dir), worker, workers), daemon=True)
                process.start()
                self.processes.append(process)
            _PENDING = ()
        else:  # one core: nothing to overlap with
            write_all(downloads, site_dir)

    def wait(self) -> None:
        for process in self.processes:
            process.join()
        failed = [p.exitcode for p in self.processes if p.exitcode != 0]
        if failed:
            raise RuntimeError(f"数据下载文件生成失败（子进程退出码 {failed[0]}）")
