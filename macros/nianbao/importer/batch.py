"""Many files at once: one process per core, each file on its own.

A file that raises anything, or even kills its worker process, becomes a
failed result with a Chinese message; the other files are imported all the
same. Workers ignore Ctrl-C: the main process catches it, cancels the files
not started, lets the running ones finish their (atomic) write and reports
what was written, so an interrupted import leaves whole drafts only.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.importer.run import ImportResult, import_file

Worker = Callable[[Path, Path, "str | None", "int | None", bool], ImportResult]


def import_one(path: Path, data_dir: Path, agency: str | None, year: int | None, force: bool) -> ImportResult:
    """`import_file`, with an unexpected error turned into a failed result instead of a traceback."""
    try:
        return import_file(path, data_dir, agency, year, force)
    except Exception as err:  # a bug or a file no reader foresaw: this file fails, the batch goes on
        return ImportResult(path, error=f"读取时出错（{type(err).__name__}：{_short(err)}），其他文件不受影响；请把这个文件交给维护人员")


@dataclass
class Batch:
    results: list[ImportResult] = field(default_factory=list)
    interrupted: bool = False
    not_started: list[Path] = field(default_factory=list)

    @property
    def written(self) -> list[Path]:
        return [r.target for r in self.results if r.target is not None]


def split_agencies(results: list[ImportResult]) -> dict[str, list[str]]:
    """Agency names whose reports went into more than one folder.

    Files imported at the same time cannot see the agency.yaml another one is
    writing, so two years of one agency, in files with different names, can
    each create a folder. The CLI names them so the user merges them.
    """
    folders: dict[str, set[str]] = {}
    for r in results:
        if r.error is None and r.agency_name and r.agency_id:
            folders.setdefault(r.agency_name, set()).add(r.agency_id)
    return {name: sorted(ids) for name, ids in folders.items() if len(ids) > 1}


def workers_for(count: int) -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, count))


def import_many(
    files: list[Path],
    data_dir: Path,
    agency: str | None,
    year: int | None,
    force: bool,
    on_result: Callable[[ImportResult], None],
    workers: int | None = None,
    worker: Worker = import_one,
) -> Batch:
    """Import every file; `on_result` is called in this process as each one finishes."""
    batch = Batch()

    def report(result: ImportResult) -> None:
        batch.results.append(result)
        on_result(result)

    args = (data_dir, agency, year, force)
    executor = ProcessPoolExecutor(workers or workers_for(len(files)), initializer=_ignore_interrupt)
    futures: dict[Future[ImportResult], Path] = {}
    broken: list[Path] = []
    done: set[Future[ImportResult]] = set()
    try:
        for path in files:
            try:
                futures[executor.submit(worker, path, *args)] = path
            except BrokenProcessPool:  # a worker died while files were still being handed out
                broken.append(path)
        for future in as_completed(futures):
            done.add(future)
            _collect(future, futures[future], report, broken)
        executor.shutdown(wait=True)
        # A worker that died took the files it shared the pool with down too: each again, alone,
        # so only the file that kills its process fails.
        for path in broken:
            report(_alone(worker, path, args))
    except KeyboardInterrupt:
        batch.interrupted = True
        executor.shutdown(wait=True, cancel_futures=True)  # running files finish their write
        for future, path in futures.items():
            if future not in done and not future.cancelled():
                _collect(future, path, report, [])
        reported = {r.source for r in batch.results}
        batch.not_started = [path for path in files if path not in reported]
        return batch
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return batch


def _collect(future: Future[ImportResult], path: Path, report: Callable[[ImportResult], None], broken: list[Path]) -> None:
    try:
        report(future.result())
    except BrokenProcessPool:
        broken.append(path)
    except Exception as err:  # e.g. a result that could not be sent back
        report(ImportResult(path, error=f"读取时出错（{type(err).__name__}：{_short(err)}），其他文件不受影响；请把这个文件交给维护人员"))


def _alone(worker: Worker, path: Path, args: tuple[Path, str | None, int | None, bool]) -> ImportResult:
    with ProcessPoolExecutor(1, initializer=_ignore_interrupt) as executor:
        try:
            return executor.submit(worker, path, *args).result()
        except BrokenProcessPool:
            return ImportResult(path, error="读取这个文件时导入进程意外退出（可能文件过大或已损坏），其他文件不受影响；请检查这个文件")


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text[:120] + ("…" if len(text) > 120 else "")
