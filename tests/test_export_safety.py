"""`nianbao export` writes all its files or none (issue 16).

A download that failed half-way (a character the Word writer could not hold
was the case found) left 15 files in --out beside the older ones. Now the files
are written into a staging folder and moved in only when every one was built.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import nianbao.downloads as downloads
from nianbao.build import Build, Download
from nianbao.cli import main
from nianbao.model.load import ReportDoc

DATA = Path(__file__).resolve().parent.parent / "data"


def _failing(build: Build, doc: ReportDoc) -> list[Download]:
    def fail() -> bytes:
        raise ValueError("All strings must be XML compatible")

    return [Download(f"downloads/reports/{doc.agency_id}/{doc.year}-broken.bin", "broken", fail)]


def test_a_failed_download_leaves_the_export_folder_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(DATA / "shili-shi", tmp_path / "data" / "shili-shi")
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.txt").write_text("kept", encoding="utf-8")
    monkeypatch.setattr(downloads, "REPORT_PROVIDERS", (*downloads.REPORT_PROVIDERS, _failing))
    assert main(["--root", str(tmp_path), "export", "--out", str(out)]) == 1
    assert "导出已停止" in capsys.readouterr().err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["earlier.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left


def test_a_whole_export_lands_in_the_folder(tmp_path: Path) -> None:
    shutil.copytree(DATA / "shili-shi", tmp_path / "data" / "shili-shi")
    out = tmp_path / "out"
    assert main(["--root", str(tmp_path), "export", "--out", str(out)]) == 0
    written = [p for p in out.rglob("*") if p.is_file()]
    assert len(written) > 10
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
