"""Writing .docx files for report files named on the command line.

A report is loaded with the rest of its data tree (`<tree>/<agency>/<year>.yaml`),
so its agency profile and the checks are exactly those of the site build. A
report with errors that block publishing gets no Word document: a stamped
paper copy with wrong totals is worse than none.

Each file is written to a temporary file beside its target and renamed into
place, so a writer failure or Ctrl-C never leaves half a .docx; a target that
is a symbolic link is refused rather than written through (model/targets.py).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.downloads.word.document import report_docx
from nianbao.model.findings import Finding
from nianbao.model.pipeline import build_portal
from nianbao.model.portal import Portal
from nianbao.model.targets import unsafe_target, write_whole
from nianbao.urls import report_file_name


@dataclass
class Written:
    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Chinese, one line each
    findings: list[Finding] = field(default_factory=list)


def write_docx(paths: list[Path], out_dir: Path, root: Path) -> Written:
    """One .docx per report file in out_dir; everything that went wrong, at once."""
    result = Written()
    portals: dict[Path, Portal] = {}
    for given in paths:
        path = given.resolve()
        if not path.is_file():
            result.problems.append(f"{given}: 找不到文件（请检查路径，如 data/机关代码/2021.yaml）")
            continue
        data_dir = path.parent.parent
        if data_dir not in portals:
            portals[data_dir] = build_portal(data_dir, root)
        portal = portals[data_dir]
        doc = next((d for d in portal.reports if (root / d.path).resolve() == path), None)
        if doc is None:
            errors = [f for f in portal.findings if (root / f.file).resolve() == path and f.blocks]
            result.findings.extend(errors)
            result.problems.append(f"{given}: 不是可以发布的年报文件，未生成 Word 文档（请先运行 nianbao check 改正错误）")
            continue
        blocking = [f for f in portal.findings_for(doc) if f.blocks]
        if blocking:
            result.findings.extend(blocking)
            result.problems.append(f"{given}: 数据检查有 {len(blocking)} 个错误，未生成 Word 文档（请按上面的提示改正后重试）")
            continue
        target = out_dir / report_file_name(doc.agency_id, doc.year, "docx")  # as on the site
        refused = unsafe_target(target, out_dir)
        if refused:
            result.problems.append(f"{given}: 未生成 Word 文档：{refused}")
            continue
        try:
            content = report_docx(portal, doc)
        except Exception as err:  # e.g. a character python-docx cannot hold: this report fails, the others go on
            result.problems.append(
                f"{given}: 生成 Word 文档时出错（{type(err).__name__}：{err}），未写入 {target.name}；"
                "请检查这个报告中的特殊字符，或把这个报告文件交给维护人员"
            )
            continue
        try:
            write_whole(target, content, overwrite=True)
        except OSError as err:
            result.problems.append(f"{given}: 无法写入 {target}（{err.strerror or err}），未生成 Word 文档；请检查输出文件夹和磁盘空间")
            continue
        result.files.append(target)
    return result


def main(paths: list[str], out: str, root: Path) -> int:
    """`nianbao export --docx FILE... [--out DIR]`: print what was written and what was not."""
    out_dir = Path(out) if Path(out).is_absolute() else root / out
    result = write_docx([Path(p) for p in paths], out_dir, root)
    for finding in result.findings:
        print(finding.format_text(), file=sys.stderr)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    for path in result.files:
        print(f"已生成 Word 文档：{path}", file=sys.stderr)
    return 1 if result.problems else 0
