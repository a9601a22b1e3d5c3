"""`nianbao new` and `new-agency` never write through a symbolic link, dangling ones included (issue 16).

The no-overwrite guard asked `exists()`, which is False for a dangling link:
the new file was created wherever the link pointed, outside the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checkrun import AGENCY_ID, fixture
from nianbao.cli import main


def _run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["--root", str(root), *args])
    return status, capsys.readouterr().err


def test_new_refuses_a_dangling_link_at_its_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "repo" / "data" / AGENCY_ID
    folder.mkdir(parents=True)
    (folder / "agency.yaml").write_text(fixture("agency.yaml"), encoding="utf-8")
    outside = tmp_path / "outside.yaml"
    (folder / "2022.yaml").symlink_to(outside)
    status, err = _run(tmp_path / "repo", capsys, "new", AGENCY_ID, "2022")
    assert status == 1
    assert err.strip() == "错误：data/ceshi-jyj/2022.yaml 是符号链接，不会通过它写入（请删除这个链接，数据文件夹中只放真实的文件和文件夹）"
    assert not outside.exists()


def test_new_agency_refuses_a_linked_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "repo" / "data").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "repo" / "data" / "shili-jyj").symlink_to(outside, target_is_directory=True)
    status, err = _run(tmp_path / "repo", capsys, "new-agency", "shili-jyj")
    assert status == 1
    assert err.strip() == "错误：data/shili-jyj 是符号链接，不会通过它写入（请删除这个链接，数据文件夹中只放真实的文件和文件夹）"
    assert list(outside.iterdir()) == []


def test_new_agency_refuses_a_dangling_link_at_agency_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "repo" / "data" / "shili-jyj"
    folder.mkdir(parents=True)
    (folder / "agency.yaml").symlink_to(tmp_path / "outside.yaml")
    status, err = _run(tmp_path / "repo", capsys, "new-agency", "shili-jyj")
    assert status == 1
    assert "是符号链接，不会通过它写入" in err
    assert not (tmp_path / "outside.yaml").exists()


def test_a_whole_write_gives_the_file_the_usual_permissions(tmp_path: Path) -> None:
    """Written through a temporary file (rw------- by default), the file still gets what open() would give it."""
    import os
    import stat

    from nianbao.model.targets import write_whole

    old = os.umask(0o022)
    try:
        assert write_whole(tmp_path / "data" / "x" / "agency.yaml", b"name: x\n", overwrite=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "data" / "x" / "agency.yaml").stat().st_mode) == 0o644
