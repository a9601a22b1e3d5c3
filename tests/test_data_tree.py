# ruff: noqa: E501  (pinned messages are compared whole, word for word)
"""Every entry under data/ is read or named (issue 16): no report silently missing, no file read from outside.

Before, `2021.YML`, `2021.yaml.txt`, a folder named `2021.yaml`, a FIFO or a
`.hidden/` agency folder each gave "检查了 0 份报告：0 个错误" and the report was
just missing from the site; a symlink published a file from outside the
repository (and a link to a secrets file echoed its key names). Editor
leftovers (`2021.yaml~`, `.2021.yaml.swp`, `.DS_Store`) are passed over
quietly, as README (数据检查) says.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checkrun import AGENCY_ID, check, fixture, write_tree
from nianbao.model import load
from nianbao.model.pipeline import build_portal
from nianbao.model.source import MAX_BYTES

A = fixture("agency.yaml")
R = fixture("2021.yaml")
UNREAD = "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。"


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("2021.YML", "data/ceshi-jyj/2021.YML:1:1: 错误 [F007] 无法识别的文件名“2021.YML” (年报文件名应为 2021.yaml（小写扩展名），请改名)"),
        ("2021.YAML", "data/ceshi-jyj/2021.YAML:1:1: 错误 [F007] 无法识别的文件名“2021.YAML” (年报文件名应为 2021.yaml（小写扩展名），请改名)"),
        ("2021.yaml.txt", "data/ceshi-jyj/2021.yaml.txt:1:1: 错误 [F007] 无法识别的文件名“2021.yaml.txt” (年报文件名应为 2021.yaml（小写扩展名），请改名)"),
        ("2021.json", "data/ceshi-jyj/2021.json:1:1: 错误 [F007] 无法识别的文件名“2021.json” (年报文件名应为 2021.yaml（小写扩展名），请改名)"),
    ],
    ids=["2021.YML", "2021.YAML", "2021.yaml.txt", "2021.json"],
)
def test_a_misnamed_report_is_named(tmp_path: Path, name: str, line: str) -> None:
    root = write_tree(tmp_path, {f"{AGENCY_ID}/agency.yaml": A, f"{AGENCY_ID}/{name}": R})
    run = check(root)
    assert (run.status, run.lines, run.summary) == (1, [line], UNREAD)


def test_a_folder_named_like_a_report_is_named(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {f"{AGENCY_ID}/agency.yaml": A, f"{AGENCY_ID}/2021.yaml/2021.yaml": R})
    run = check(root)
    assert run.lines == [
        "data/ceshi-jyj/2021.yaml:1:1: 错误 [F009] 机关文件夹中不能有子文件夹，不会读取 (请删除或移走这个文件夹；年报文件直接放在机关文件夹下)"
    ]
    assert (run.status, run.summary) == (1, UNREAD)


def test_a_fifo_is_named_and_never_opened(tmp_path: Path) -> None:
    # Opening a FIFO for reading blocks until a writer comes: the check would hang.
    root = write_tree(tmp_path, {f"{AGENCY_ID}/agency.yaml": A})
    os.mkfifo(root / "data" / AGENCY_ID / "2021.yaml")
    run = check(root)
    assert run.lines == ["data/ceshi-jyj/2021.yaml:1:1: 错误 [F009] 不是普通文件，不会读取 (数据文件夹中只能放 .yaml 数据文件，请删除或移走它)"]
    assert (run.status, run.summary) == (1, UNREAD)


@pytest.mark.parametrize("folder", [".hidden", "..x"])
def test_a_hidden_agency_folder_is_named(tmp_path: Path, folder: str) -> None:
    root = write_tree(tmp_path, {f"{folder}/agency.yaml": A, f"{folder}/2021.yaml": R})
    run = check(root)
    assert run.lines == [
        f"data/{folder}/2021.yaml:1:1: 错误 [F001] 机关文件夹名“{folder}”不是小写英文代码 (文件夹名只能用小写字母、数字和连字符，如 zhangshu-jgswj)",
    ]
    assert (run.status, run.summary) == (1, UNREAD)


def test_a_stray_file_in_data_is_named(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {f"{AGENCY_ID}/agency.yaml": A, f"{AGENCY_ID}/2021.yaml": R, "notes.txt": "x"})
    run = check(root)
    assert run.lines == ["data/notes.txt:1:1: 错误 [F007] 无法识别的文件名“notes.txt” (data/ 下只能放机关文件夹，请删除或移走这个文件)"]
    assert run.status == 1


def test_editor_leftovers_are_passed_over_quietly(tmp_path: Path) -> None:
    files = {f"{AGENCY_ID}/agency.yaml": A, f"{AGENCY_ID}/2021.yaml": R, f"{AGENCY_ID}/2021.yaml~": R, f"{AGENCY_ID}/.2021.yaml.swp": "x", ".DS_Store": "x"}
    run = check(write_tree(tmp_path, files))
    assert (run.status, run.lines, run.summary) == (0, [], "检查了 1 份报告：0 个错误，0 个警告。")


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "2021.yaml").write_text(R, encoding="utf-8")
    (outside / "secrets.yaml").write_text("AWS_SECRET_ACCESS_KEY: abc\nDEPLOY_TOKEN: xyz\n", encoding="utf-8")
    return outside


def test_a_symlinked_report_is_refused(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    root = write_tree(tmp_path / "repo", {f"{AGENCY_ID}/agency.yaml": A})
    (root / "data" / AGENCY_ID / "2021.yaml").symlink_to(outside / "2021.yaml")
    run = check(root)
    assert run.lines == [
        "data/ceshi-jyj/2021.yaml:1:1: 错误 [F008] 是符号链接（快捷方式），不会读取 (数据文件夹中只能放真实的文件和文件夹，请用文件本身替换这个链接)"
    ]
    assert (run.status, run.summary) == (1, UNREAD)
    assert not build_portal(root / "data", root).reports


def test_a_symlinked_agency_folder_is_refused(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    (outside / "agency.yaml").write_text(A, encoding="utf-8")
    root = write_tree(tmp_path / "repo", {})
    (root / "data" / AGENCY_ID).symlink_to(outside, target_is_directory=True)
    run = check(root)
    assert run.lines == ["data/ceshi-jyj:1:1: 错误 [F008] 是符号链接（快捷方式），不会读取 (数据文件夹中只能放真实的文件和文件夹，请用文件本身替换这个链接)"]
    assert run.status == 1


def test_a_link_to_a_secrets_file_never_echoes_its_keys(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    root = write_tree(tmp_path / "repo", {f"{AGENCY_ID}/agency.yaml": A})
    (root / "data" / AGENCY_ID / "2021.yaml").symlink_to(outside / "secrets.yaml")
    run = check(root)
    assert run.status == 1
    assert "AWS_SECRET" not in "\n".join(run.lines) and "DEPLOY_TOKEN" not in "\n".join(run.lines)


def test_a_dangling_symlink_is_refused(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {f"{AGENCY_ID}/agency.yaml": A})
    (root / "data" / AGENCY_ID / "2021.yaml").symlink_to(tmp_path / "nowhere.yaml")
    run = check(root)
    assert [line.split(" [")[1][:4] for line in run.lines] == ["F008"]


def test_links_are_followed_by_a_preview_server_only(tmp_path: Path) -> None:
    # `nianbao preview` links the real files into a temporary project; a preview server publishes nothing.
    from nianbao.model import datatree  # new with issue 16: imported here so the other tests run on older code

    real = write_tree(tmp_path / "real", {f"{AGENCY_ID}/agency.yaml": A, f"{AGENCY_ID}/2021.yaml": R})
    work = tmp_path / "work" / "data" / AGENCY_ID
    work.mkdir(parents=True)
    for name in ("agency.yaml", "2021.yaml"):
        (work / name).symlink_to(real / "data" / AGENCY_ID / name)
    loaded = datatree.load_tree(work.parent, work.parent.parent, follow_links=True)
    assert (loaded.findings, len(loaded.reports)) == ([], 1)
    built = datatree.load_tree(work.parent, work.parent.parent)
    assert {f.code for f in built.findings} == {"F008"}


def test_the_size_is_checked_before_the_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A 3 GB file was read whole (3.1 GB of memory) before the size error: a sparse file here.
    root = write_tree(tmp_path, {f"{AGENCY_ID}/agency.yaml": A})
    with open(root / "data" / AGENCY_ID / "2021.yaml", "wb") as f:
        f.truncate(3 * 1024**3)
    original = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self.name != "2021.yaml", "the oversized file was read"
        return original(self)

    monkeypatch.setattr(load.Path, "read_bytes", guarded)
    run = check(root)
    assert run.lines == [
        f"data/ceshi-jyj/2021.yaml:1:1: 错误 [Y007] 文件过大（{3 * 1024**3} 字节，上限 {MAX_BYTES} 字节） (一份年报的数据文件不应超过 1 MB，请检查是否误粘贴了大量内容)",
    ]
