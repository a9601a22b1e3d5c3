"""`nianbao import FOLDER`: every core, one line per file, a summary table; no file stops the others.

Also issue 16's importer items: one bad file no longer aborts the folder, and an
interrupted import (Ctrl-C) leaves only whole drafts and says which were written.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES
from nianbao.cli import main
from nianbao.importer.batch import ImportResult, import_many, import_one, split_agencies
from nianbao.model import targets
from nianbao.model.load import load_report

IMPORT = FIXTURES / "import"
GOOD = ("shengtai-2022-gb18030.txt", "jiaotong-2023.docx", "shiliqu-2020.html")


def _folder(tmp_path: Path, names=GOOD) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(IMPORT / name, folder / name)
    return folder


def _malformed_docx(path: Path) -> None:
    """A Word file whose document.xml is not XML: the docx reader raises on it."""
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p>未闭合")


def test_one_crashing_file_does_not_stop_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    _malformed_docx(folder / "broken-2021.docx")
    code = main(["--root", str(tmp_path), "import", str(folder), "--jobs", "2"])
    out = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out.out + out.err
    lines = [line for line in out.out.splitlines() if line.startswith(("✓", "✗"))]
    assert len(lines) == 4  # one result line per file
    broken = next(line for line in lines if "broken-2021.docx" in line)
    assert broken.startswith("✗") and "其他文件不受影响" in broken
    assert {p.name for p in (tmp_path / "data").iterdir()} == {"jiaotong", "shengtai-gb18030", "shiliqu"}
    assert "导入汇总" in out.out and "合计" in out.out
    assert "导入了 3 个文件，1 个未导入" in out.err


def _dies_on_bad(path: Path, data_dir: Path, agency, year, force) -> ImportResult:
    if "bad" in path.name:
        os._exit(7)  # what a segfault in a reader library looks like to the pool
    return import_one(path, data_dir, agency, year, force)


def test_a_file_that_kills_its_process_fails_alone(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    shutil.copy(IMPORT / "hunnan-2022-no-tables.txt", folder / "bad-2022.txt")
    seen: list[ImportResult] = []
    batch = import_many(sorted(folder.iterdir()), tmp_path / "data", None, None, False, seen.append, workers=2, worker=_dies_on_bad)
    assert len(batch.results) == 4 and seen == batch.results
    errors = {r.source.name: r.error for r in batch.results}
    assert errors["bad-2022.txt"] is not None and "进程意外退出" in errors["bad-2022.txt"]
    assert all(errors[name] is None for name in GOOD), errors


def test_a_folder_runs_on_several_processes(tmp_path: Path) -> None:
    """Two workers are shown used without timing: each file waits until two different processes have started one."""
    folder = _folder(tmp_path)
    pids: list[int] = []
    batch = import_many(sorted(folder.iterdir()), tmp_path / "meet", None, None, False, lambda r: pids.append(os.getpid()), workers=2, worker=_meet_worker)
    workers = {int(r.error) for r in batch.results if r.error}
    assert os.getpid() not in workers and len(workers) == 2
    assert all(r.error for r in batch.results)  # no file gave up waiting for a second worker
    assert pids == [os.getpid()] * 3  # results are reported in the main process


def _meet_worker(path: Path, meeting: Path, agency, year, force) -> ImportResult:
    """Sign in with this process id, then wait until a second process has signed in (or give up after 60 s)."""
    meeting.mkdir(exist_ok=True)
    (meeting / str(os.getpid())).touch()
    deadline = time.monotonic() + 60
    while len(list(meeting.iterdir())) < 2:
        if time.monotonic() > deadline:  # only one process: the assertion on two workers fails
            return ImportResult(path, error=None)
        time.sleep(0.01)
    return ImportResult(path, error=str(os.getpid()))


def test_jobs_sets_the_number_of_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from nianbao.importer import batch

    sizes: list[int] = []

    class Recorded(ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs) -> None:
            sizes.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Recorded)
    folder = _folder(tmp_path)
    assert main(["--root", str(tmp_path), "import", str(folder), "--jobs", "2"]) == 0
    monkeypatch.setattr(batch, "workers_for", lambda count: min(4, count))  # "every core" on a 4-core machine
    assert main(["--root", str(tmp_path), "import", str(folder), "--out", str(tmp_path / "other")]) == 0
    assert sizes == [2, 3]  # --jobs 2; then one per core, but no more than the 3 files


def test_an_interrupted_write_leaves_no_file_and_no_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(src, dst):  # Ctrl-C arriving while the draft is put in place
        raise KeyboardInterrupt

    monkeypatch.setattr(targets.os, "link", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_file_for_test(tmp_path)
    assert not (tmp_path / "data").exists()  # neither the draft nor the folders made for it


def import_file_for_test(tmp_path: Path) -> None:
    from nianbao.importer import import_file

    import_file(IMPORT / "shengtai-2022-gb18030.txt", tmp_path / "data", agency="shili-sthjj")


def test_a_draft_that_appeared_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "data" / "x" / "2021.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("year: 2021\n", encoding="utf-8")
    assert targets.write_whole(target, b"new", overwrite=False) is False
    assert target.read_text(encoding="utf-8") == "year: 2021\n"
    assert [p.name for p in target.parent.iterdir()] == ["2021.yaml"]  # no temporary file left
    assert targets.write_whole(target, b"new", overwrite=True) is True
    assert target.read_text(encoding="utf-8") == "new"


def test_ctrl_c_during_a_folder_import_stops_cleanly(tmp_path: Path) -> None:
    """A real SIGINT to the process group, as a terminal sends it: whole drafts only, and a list of them."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (IMPORT / "shengtai-2022-gb18030.txt").read_bytes().decode("gb18030")
    for i in range(40):  # 40 agencies: each title names its own
        (folder / f"agency{i:02d}-2022.txt").write_text(text.replace("示例市", f"示例{i:02d}市"), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "nianbao.cli", "--root", str(tmp_path), "import", str(folder), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "macros")},
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the first result line: the pool is busy
    assert first.startswith("✓"), first
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "已中断：写入了" in err
    drafts = sorted((tmp_path / "data").glob("*/2022.yaml"))
    assert 1 <= len(drafts) < 40
    for draft in drafts:
        assert draft.stat().st_size > 0
        doc, findings = load_report(draft, draft.name, draft.parent.name, 2022)
        assert doc is not None, findings
        assert f"data/{draft.parent.name}/2022.yaml" in err  # named among the files written
    folders = [p for p in (tmp_path / "data").iterdir()]
    assert all(any(p.iterdir()) for p in folders)  # no empty agency folder
    assert not list((tmp_path / "data").rglob("*.tmp"))


def test_one_agency_split_over_two_folders_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two years of one agency in files named differently, imported at once, may each create a folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (IMPORT / "shengtai-2022-gb18030.txt").read_bytes().decode("gb18030")
    (folder / "first-2022.txt").write_text(text, encoding="utf-8")
    (folder / "second-2023.txt").write_text(text.replace("2022", "2023"), encoding="utf-8")
    results = [
        ImportResult(folder / "first-2022.txt", agency_id="first", agency_name="示例市生态环境局"),
        ImportResult(folder / "second-2023.txt", agency_id="second", agency_name="示例市生态环境局"),
        ImportResult(folder / "x.txt", agency_id="x", agency_name="别的机关"),
    ]
    assert split_agencies(results) == {"示例市生态环境局": ["first", "second"]}
    main(["--root", str(tmp_path), "import", str(folder), "--jobs", "2"])
    err = capsys.readouterr().err
    folders = sorted(p.name for p in (tmp_path / "data").iterdir())
    if folders == ["first", "second"]:  # both started before either wrote its agency.yaml
        assert "提示：机关“示例市生态环境局”的报告导入到了 2 个文件夹（first、second）" in err
    else:
        assert folders in (["first"], ["second"]) and "提示" not in err  # whichever wrote its agency.yaml first


def test_jobs_must_be_a_positive_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "import", str(_folder(tmp_path)), "--jobs", "0"]) == 2
    assert "--jobs 0 不是有效的进程数" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
