"""Which entries under data/ are read, and a finding for every one that is not.

A report that is silently left out is missing from the site with nothing said
("检查了 0 份报告：0 个错误"). So every entry of data/ and of an agency folder
is either handed to the loader or named in a finding saying why not; only the
editor and system leftovers listed in README (数据检查) are passed over quietly.

Symbolic links are refused: a link can publish a file from outside the
repository (or echo a secrets file's key names in "未知的键" messages). The one
exception is a preview server (`nianbao preview`, `mkdocs serve`), which
publishes nothing and whose temporary project links the real data files: it
passes follow_links.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from pathlib import Path

from nianbao.model.findings import Finding

REPORT_FILE = re.compile(r"(\d{4})\.ya?ml")
AGENCY_FILES = ("agency.yaml", "agency.yml")
# Codes of entries left unread and counted as files that could not be read: F007 unknown name, F008 link, F009 not a regular file.
NOT_READ = frozenset({"F007", "F008", "F009"})
# Left behind by editors and file managers, never data: passed over quietly (README lists them).
_LEFTOVERS = re.compile(r".*~|\.#.*|#.*#|\..*\.sw[a-p]|\.DS_Store|Thumbs\.db|desktop\.ini", re.IGNORECASE)
# A name meant as a report or agency file, written with another case or extension: 2021.YML, 2021.yaml.txt, 2021.json.
_NEAR_REPORT = re.compile(r"(\d{4})\..*", re.IGNORECASE)
_NEAR_AGENCY = re.compile(r"agency\..*", re.IGNORECASE)


def rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def is_leftover(name: str) -> bool:
    return bool(_LEFTOVERS.fullmatch(name))


def _link_allowed(path: Path, follow_links: bool) -> bool:
    if not follow_links:
        return False
    try:
        path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop
        return False
    return True


def _kind(path: Path, follow_links: bool, root: Path, findings: list[Finding]) -> str | None:
    """'dir' or 'file' for an entry to read; None (with a finding, unless a leftover) for one that is not."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            if not _link_allowed(path, follow_links):
                findings.append(
                    Finding(
                        rel(path, root),
                        1,
                        1,
                        "F008",
                        "error",
                        "是符号链接（快捷方式），不会读取",
                        "数据文件夹中只能放真实的文件和文件夹，请用文件本身替换这个链接",
                    )
                )
                return None
            info = path.stat()
    except OSError as err:
        findings.append(Finding(rel(path, root), 1, 1, "Y009", "error", f"无法读取：{err.strerror}", "请检查文件权限"))
        return None
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    if stat.S_ISREG(info.st_mode):
        return "file"
    findings.append(Finding(rel(path, root), 1, 1, "F009", "error", "不是普通文件，不会读取", "数据文件夹中只能放 .yaml 数据文件，请删除或移走它"))
    return None


def top_entries(data_dir: Path, root: Path, follow_links: bool, findings: list[Finding]) -> Iterator[Path]:
    """The agency folders of data/ (hidden and misnamed ones too: the loader names them); a finding for anything else."""
    for path in sorted(data_dir.iterdir()):
        if is_leftover(path.name):
            continue
        kind = _kind(path, follow_links, root, findings)
        if kind == "dir":
            yield path
        elif kind == "file":
            if path.suffix in (".yaml", ".yml"):
                findings.append(Finding(rel(path, root), 1, 1, "F006", "error", "数据文件不在机关文件夹中", "请放到 data/<机关代码>/ 文件夹下"))
            else:
                findings.append(
                    Finding(rel(path, root), 1, 1, "F007", "error", f"无法识别的文件名“{path.name}”", "data/ 下只能放机关文件夹，请删除或移走这个文件")
                )


def folder_files(folder: Path, root: Path, follow_links: bool, findings: list[Finding]) -> list[Path]:
    """The files of an agency folder that are read as data; a finding for every other entry."""
    files: list[Path] = []
    for path in sorted(folder.iterdir()):
        if is_leftover(path.name):
            continue
        kind = _kind(path, follow_links, root, findings)
        if kind == "dir":
            findings.append(
                Finding(rel(path, root), 1, 1, "F009", "error", "机关文件夹中不能有子文件夹，不会读取", "请删除或移走这个文件夹；年报文件直接放在机关文件夹下")
            )
        elif kind == "file":
            if path.name in AGENCY_FILES or REPORT_FILE.fullmatch(path.name):
                files.append(path)
            else:
                findings.append(Finding(rel(path, root), 1, 1, "F007", "error", f"无法识别的文件名“{path.name}”", _rename_fix(path.name)))
    return files


def _rename_fix(name: str) -> str:
    near = _NEAR_REPORT.fullmatch(name)
    if near:
        return f"年报文件名应为 {near.group(1)}.yaml（小写扩展名），请改名"
    if _NEAR_AGENCY.fullmatch(name):
        return "机关信息文件名应为 agency.yaml（小写），请改名"
    return "年报文件应以年度命名，如 2021.yaml；机关信息文件名为 agency.yaml"
