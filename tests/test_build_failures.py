"""A failure in the background work of a build stops the build, in Chinese, naming what failed.

The search index is written in a thread and the downloads in forked processes,
beside MkDocs' own work; an exception there used to end the thread silently
(the build said the index was written and exited 0).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import EPOCH, FIXTURES, make_project
from nianbao.build import Download
from nianbao.downloads import exports
from nianbao.downloads.writer import BackgroundWriter, DownloadFailed
from nianbao.site import search

DATA = {
    "data/ceshi-jyj/agency.yaml": (FIXTURES / "reports" / "agency.yaml").read_text(encoding="utf-8"),
    "data/ceshi-jyj/2021.yaml": (FIXTURES / "reports" / "2021.yaml").read_text(encoding="utf-8"),
}


def _build(project: Path, site: Path) -> None:
    """mkdocs build --strict, in this process, so a test can break one part of it."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", EPOCH)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def _missing_pagefind() -> str:
    raise FileNotFoundError("pagefind_extended")


def test_a_missing_pagefind_binary_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(search, "get_executable", _missing_pagefind)
    project = make_project(tmp_path / "p", DATA)
    with caplog.at_level(logging.INFO), pytest.raises(Abort):
        _build(project, tmp_path / "site")
    (message,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert message.startswith("生成搜索索引失败：FileNotFoundError") and "pagefind-bin-extended" in message and "构建已停止" in message
    assert "已生成搜索索引" not in caplog.text


def test_a_failing_download_writer_fails_the_build_naming_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def broken(doc: object, table: str) -> bytes:
        raise ValueError("坏了")

    monkeypatch.setattr(exports, "table_csv", broken)  # the forked writers inherit it
    project = make_project(tmp_path / "p", DATA)
    with caplog.at_level(logging.INFO), pytest.raises(Abort):
        _build(project, tmp_path / "site")
    (message,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert message.startswith("生成数据下载文件 downloads/reports/ceshi-jyj/ceshi-jyj-2021-table") and "ValueError: 坏了" in message
    assert message.endswith("构建已停止。")


def test_the_writer_reports_the_first_failure_after_writing_the_rest(tmp_path: Path) -> None:
    def fail() -> bytes:
        raise OSError(28, "No space left on device")

    downloads = [Download(f"downloads/{i}.csv", "CSV", lambda: b"x") for i in range(40)] + [Download("downloads/bad.csv", "CSV", fail)]
    writer = BackgroundWriter(downloads, tmp_path)
    with pytest.raises(DownloadFailed, match=r"^生成数据下载文件 downloads/bad.csv 失败：OSError: \[Errno 28\] No space left on device$"):
        writer.wait()
