"""`nianbao export --docx` writes whole files or none, and never through a link.

The Word files were written with `target.write_bytes(report_docx(...))`: a
writer failure was a traceback, and a failure or Ctrl-C while writing left a
half-written .docx; a symbolic link at the target was written through. Now each
file goes to a temporary file beside the target and is renamed into place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nianbao.cli import main
from nianbao.downloads.word import files
from nianbao.model import targets

DATA = Path(__file__).resolve().parent.parent / "data"
OLD = b"an older export"


def _setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "data" / "shili-shi"
    shutil.copytree(DATA / "shili-shi", folder)
    out = tmp_path / "out"
    out.mkdir()
    (out / "shili-shi-2022.docx").write_bytes(OLD)
    return folder / "2022.yaml", folder / "2023.yaml", out


def _export(tmp_path: Path, out: Path, *reports: Path) -> int:
    return main(["--root", str(tmp_path), "export", "--docx", *map(str, reports), "--out", str(out)])


def test_a_writer_failure_is_reported_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    broken, fine, out = _setup(tmp_path)
    real = files.report_docx

    def fails_for_2022(portal, doc):  # what python-docx raises for a control character in a cell
        if doc.year == 2022:
            raise ValueError("All strings must be XML compatible")
        return real(portal, doc)

    monkeypatch.setattr(files, "report_docx", fails_for_2022)
    assert _export(tmp_path, out, broken, fine) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{broken}: 生成 Word 文档时出错（ValueError：All strings must be XML compatible），未写入 shili-shi-2022.docx" in err
    assert (out / "shili-shi-2022.docx").read_bytes() == OLD  # the earlier file, untouched
    assert sorted(p.name for p in out.iterdir()) == ["shili-shi-2022.docx", "shili-shi-2023.docx"]  # the other report is written


def test_an_interrupted_write_leaves_the_earlier_file_and_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report, _, out = _setup(tmp_path)

    def interrupted(src, dst):  # Ctrl-C arriving as the file is put in place
        raise KeyboardInterrupt

    monkeypatch.setattr(targets.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _export(tmp_path, out, report)
    assert [p.name for p in out.iterdir()] == ["shili-shi-2022.docx"]
    assert (out / "shili-shi-2022.docx").read_bytes() == OLD


def test_a_full_disk_is_a_message_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    report, _, out = _setup(tmp_path)

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(targets.os, "replace", full)
    assert _export(tmp_path, out, report) == 1
    assert f"{report}: 无法写入 {out / 'shili-shi-2022.docx'}（No space left on device），未生成 Word 文档" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["shili-shi-2022.docx"]
    assert (out / "shili-shi-2022.docx").read_bytes() == OLD


@pytest.mark.parametrize("dangling", [True, False], ids=["dangling", "to-a-file"])
def test_never_writes_through_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str], dangling: bool) -> None:
    report, _, out = _setup(tmp_path)
    elsewhere = tmp_path / "elsewhere.docx"
    if not dangling:
        elsewhere.write_bytes(OLD)
    (out / "shili-shi-2022.docx").unlink()
    (out / "shili-shi-2022.docx").symlink_to(elsewhere)
    assert _export(tmp_path, out, report) == 1
    assert "是符号链接，不会通过它写入" in capsys.readouterr().err
    assert (out / "shili-shi-2022.docx").is_symlink()
    assert elsewhere.exists() is not dangling and (dangling or elsewhere.read_bytes() == OLD)


def test_a_whole_file_replaces_the_earlier_one(tmp_path: Path) -> None:
    report, _, out = _setup(tmp_path)
    assert _export(tmp_path, out, report) == 0
    assert [p.name for p in out.iterdir()] == ["shili-shi-2022.docx"]
    assert (out / "shili-shi-2022.docx").read_bytes()[:2] == b"PK"
