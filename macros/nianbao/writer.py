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


def _write_pending(site_dir: str) -> None:
    write_all(_PENDING, Path(site_dir))


class BackgroundWriter:
    """Writes downloads in a forked process; `wait()` re-raises its failure as an exception."""

    def __init__(self, downloads: Sequence[Download], site_dir: Path) -> None:
        global _PENDING
        self.site_dir = site_dir
        self.downloads = downloads
        self.process: multiprocessing.process.BaseProcess | None = None
        if (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
            _PENDING = downloads
            self.process = multiprocessing.get_context("fork").Process(target=_write_pending, args=(str(site_dir),), daemon=True)
            self.process.start()
            _PENDING = ()
        else:  # one core: nothing to overlap with
            write_all(downloads, site_dir)

    def wait(self) -> None:
        if self.process is None:
            return
        self.process.join()
        if self.process.exitcode != 0:
            raise RuntimeError(f"数据下载文件生成失败（子进程退出码 {self.process.exitcode}）")
