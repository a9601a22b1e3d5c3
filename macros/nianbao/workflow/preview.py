"""Preview: a throw-away portal holding one report, so it builds in seconds whatever the portal's size.

The preview project mirrors the real one: `mkdocs.yml` is copied, every other
top-level entry (docs/ and whatever else the portal keeps) is linked, and `data/` holds only the
report's agency with `agency.yaml`, the report and the previous year's report
(for the cross-year checks), each linked to the real file so an edit shows on
the next rebuild. Finding paths therefore read `data/<agency>/<year>.yaml`,
exactly as in a full build.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from nianbao.model.load import AGENCY_FILES, REPORT_FILE, SLUG
from nianbao.model.source import SourceProblem, decode, parse
from nianbao.urls import report_url
from nianbao.workflow.siteconfig import lookup, read_config

# Never linked into the preview: the data (filtered), the config (copied), build output and tooling.
_SKIP = {"data", "mkdocs.yml", "site", ".git", ".venv", ".cache", "__pycache__"}


class PreviewError(Exception):
    """The report cannot be previewed; the message is Chinese and says what to do."""


@dataclass(frozen=True)
class Target:
    root: Path
    agency_id: str
    year: int
    report: Path

    @property
    def folder(self) -> Path:
        return self.report.parent

    @property
    def rel(self) -> str:
        return self.report.relative_to(self.root).as_posix()


def locate(root: Path, report: str | Path) -> Target:
    """The report file named on the command line, checked to be data/<agency>/<year>.yaml under root."""
    path = Path(report)
    path = (path if path.is_absolute() else Path.cwd() / path).resolve()
    if not path.is_file():
        raise PreviewError(f"找不到文件 {report}（请写出报告文件的路径，如 data/zhangshu-jgswj/2020.yaml）")
    try:
        rel = path.relative_to(root)
    except ValueError:
        raise PreviewError(f"{report} 不在门户项目 {root} 中（可用 --root 指定项目根目录）") from None
    match = REPORT_FILE.fullmatch(path.name)
    if len(rel.parts) != 3 or rel.parts[0] != "data" or not match:
        raise PreviewError(f"{rel.as_posix()} 不是年度报告文件（应为 data/机关代码/年度.yaml）")
    agency_id = rel.parts[1]
    if not SLUG.fullmatch(agency_id):
        raise PreviewError(f"机关文件夹名“{agency_id}”不是小写英文代码（只能用小写字母、数字和连字符）")
    if not any((path.parent / n).is_file() for n in AGENCY_FILES):
        raise PreviewError(f"机关“{agency_id}”缺少 agency.yaml（请先运行 nianbao new-agency {agency_id}）")
    return Target(root, agency_id, int(match.group(1)), path)


def _link(source: Path, target: Path) -> None:
    target.symlink_to(source, target_is_directory=source.is_dir())


def _parent_of(agency_file: Path) -> str | None:
    try:
        values, _ = parse(decode(agency_file.read_bytes()))
    except (SourceProblem, OSError):
        return None  # the build reports the problem
    parent = values.get("parent") if isinstance(values, dict) else None
    return parent if isinstance(parent, str) and SLUG.fullmatch(parent) else None


def prepare(target: Target) -> Path:
    """Create the preview project in a new temporary folder and return it (the caller removes it)."""
    work = Path(tempfile.mkdtemp(prefix="nianbao-preview-"))
    try:
        shutil.copy2(target.root / "mkdocs.yml", work / "mkdocs.yml")
        for entry in target.root.iterdir():
            if entry.name not in _SKIP:
                _link(entry, work / entry.name)
        folder = work / "data" / target.agency_id
        folder.mkdir(parents=True)
        wanted = [*AGENCY_FILES, *(f"{y}.{ext}" for y in (target.year - 1, target.year) for ext in ("yaml", "yml"))]
        for name in wanted:
            if (target.folder / name).is_file():
                _link(target.folder / name, folder / name)
        agency_file = next((target.folder / n for n in AGENCY_FILES if (target.folder / n).is_file()), None)
        parent = _parent_of(agency_file) if agency_file else None
        parent_folder = target.root / "data" / (parent or "")
        if parent and parent != target.agency_id and parent_folder.is_dir():
            # The parent agency's profile only, so the agency page can name it.
            (work / "data" / parent).mkdir()
            for name in AGENCY_FILES:
                if (parent_folder / name).is_file():
                    _link(parent_folder / name, work / "data" / parent / name)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return work


def mount_path(root: Path) -> str:
    """The path prefix MkDocs serves under: the path of site_url ('/' unless the site lives in a subfolder)."""
    try:
        config = read_config((root / "mkdocs.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return "/"
    site_url = lookup(config, "site_url")
    path = urlsplit(site_url).path if isinstance(site_url, str) else "/"
    return path if path.endswith("/") else path + "/"


def page_url(target: Target, host: str, port: int) -> str:
    return f"http://{host}:{port}{mount_path(target.root)}{report_url(target.agency_id, target.year)}"
