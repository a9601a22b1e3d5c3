"""The data tree: which entries under data/ are read (and a finding for every one that is not), and loading them all.

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
from nianbao.model.load import AGENCY_FILES, REPORT_FILE, SLUG, Loaded, load_agency, load_report

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
                    Finding.of(
                        rel(path, root),
                        1,
                        1,
                        "F008",
                        "是符号链接（快捷方式），不会读取",
                        "数据文件夹中只能放真实的文件和文件夹，请用文件本身替换这个链接",
                    )
                )
                return None
            info = path.stat()
    except OSError as err:
        findings.append(Finding.of(rel(path, root), 1, 1, "Y009", f"无法读取：{err.strerror}", "请检查文件权限"))
        return None
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    if stat.S_ISREG(info.st_mode):
        return "file"
    findings.append(Finding.of(rel(path, root), 1, 1, "F009", "不是普通文件，不会读取", "数据文件夹中只能放 .yaml 数据文件，请删除或移走它"))
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
                findings.append(Finding.of(rel(path, root), 1, 1, "F006", "数据文件不在机关文件夹中", "请放到 data/<机关代码>/ 文件夹下"))
            else:
                findings.append(
                    Finding.of(rel(path, root), 1, 1, "F007", f"无法识别的文件名“{path.name}”", "data/ 下只能放机关文件夹，请删除或移走这个文件")
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
                Finding.of(rel(path, root), 1, 1, "F009", "机关文件夹中不能有子文件夹，不会读取", "请删除或移走这个文件夹；年报文件直接放在机关文件夹下")
            )
        elif kind == "file":
            if path.name in AGENCY_FILES or REPORT_FILE.fullmatch(path.name):
                files.append(path)
            else:
                findings.append(Finding.of(rel(path, root), 1, 1, "F007", f"无法识别的文件名“{path.name}”", _rename_fix(path.name)))
    return files


def _rename_fix(name: str) -> str:
    near = _NEAR_REPORT.fullmatch(name)
    if near:
        return f"年报文件名应为 {near.group(1)}.yaml（小写扩展名），请改名"
    if _NEAR_AGENCY.fullmatch(name):
        return "机关信息文件名应为 agency.yaml（小写），请改名"
    return "年报文件应以年度命名，如 2021.yaml；机关信息文件名为 agency.yaml"


def load_tree(data_dir: Path, root: Path | None = None, follow_links: bool = False) -> Loaded:
    """Every agency and report under data_dir; paths in findings relative to root.

    Symbolic links are refused unless follow_links (a preview server only: see `datatree`).
    """
    root = root or data_dir.parent
    loaded = Loaded()
    if not data_dir.is_dir():
        loaded.findings.append(Finding.of(rel(data_dir, root), 1, 1, "F005", "找不到数据文件夹", "请在项目根目录下创建 data/ 文件夹"))
        return loaded
    for folder in top_entries(data_dir, root, follow_links, loaded.findings):
        _load_folder(folder, root, follow_links, loaded)
    # Entries named as not read count with the files that could not be read.
    loaded.rejected.extend(f.file for f in loaded.findings if f.code in NOT_READ and f.file not in loaded.rejected)
    loaded.findings.extend(_parent_findings(loaded, data_dir))
    return loaded


def _parent_findings(loaded: Loaded, data_dir: Path) -> list[Finding]:
    """`parent` names another agency of data/: not itself, not one that is not there."""
    findings = []
    for doc in loaded.agencies.values():
        parent = doc.agency.parent
        if parent is None:
            continue
        if parent == doc.id:
            message = "上级机关不能是本机关自己"
        elif parent not in loaded.agencies and not (data_dir / parent).is_dir():
            message = f"上级机关“{parent}”在 data/ 中不存在"
        else:
            continue
        pos = doc.source.value(("parent",))
        findings.append(
            Finding.of(
                doc.path,
                pos.line,
                pos.col,
                "F010",
                message,
                "请填写上级机关在 data/ 下的文件夹名，没有上级机关请删去 parent",
                "parent（上级机关代码）",
            )
        )
    return findings


def _load_folder(folder: Path, root: Path, follow_links: bool, loaded: Loaded) -> None:
    agency_id = folder.name
    entries = folder_files(folder, root, follow_links, loaded.findings)
    files = [p for p in entries if p.suffix in (".yaml", ".yml")]
    if not SLUG.fullmatch(agency_id):
        first = rel(files[0] if files else folder, root)
        loaded.findings.append(
            Finding.of(first, 1, 1, "F001", f"机关文件夹名“{agency_id}”不是小写英文代码", "文件夹名只能用小写字母、数字和连字符，如 zhangshu-jgswj")
        )
        loaded.rejected.extend(rel(p, root) for p in files if p.name not in AGENCY_FILES)
        return
    agency_file = next((p for p in files if p.name in AGENCY_FILES), None)
    if agency_file is not None:
        doc, findings = load_agency(agency_file, rel(agency_file, root), agency_id)
        loaded.findings.extend(findings)
        if doc is not None:
            loaded.agencies[agency_id] = doc
    years: dict[int, str] = {}
    for path in files:
        if path.name in AGENCY_FILES:
            continue
        shown = rel(path, root)
        match = REPORT_FILE.fullmatch(path.name)
        if not match:  # never: folder_files hands over agency and report files only
            continue
        year = int(match.group(1))
        if agency_file is None:
            loaded.findings.append(
                Finding.of(shown, 1, 1, "F004", f"机关“{agency_id}”缺少 agency.yaml", f"请先用 nianbao new-agency {agency_id} 创建机关信息文件")
            )
        if year in years:
            loaded.findings.append(
                Finding.of(shown, 1, 1, "F003", f"{year} 年度已有报告文件 {years[year]}", "同一机关同一年度只能有一个文件，请删除其中一个")
            )
            loaded.rejected.append(shown)
            continue
        years[year] = shown
        doc, findings = load_report(path, shown, agency_id, year)
        loaded.findings.extend(findings)
        if doc is None or agency_file is None:
            loaded.rejected.append(shown)
        else:
            loaded.reports.append(doc)
