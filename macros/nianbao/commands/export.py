"""`nianbao export [--out DIR]`: write the open-data files without building the site.

The files are exactly those a site build publishes (every provider in
`downloads`), at the same paths under DIR, written by the same code.
`--docx FILE...` writes the Word documents of the named reports instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_OUT = "export"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export",
        help="导出开放数据文件（不构建网站）",
        description="把网站提供下载的全部数据文件（每份报告的 JSON 和表二、表三、表四 CSV，全部及各年度的 CSV、XLSX，报告索引 JSON）写入指定文件夹",
    )
    p.add_argument("--out", default=DEFAULT_OUT, metavar="DIR", help=f"输出文件夹，默认 {DEFAULT_OUT}/（相对于门户项目根目录）")
    p.add_argument(
        "--docx",
        nargs="+",
        metavar="FILE",
        help="只为这些年报文件生成 Word 文档（国家格式，如 data/zhangshu-jgswj/2020.yaml），写入 --out 文件夹",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: openpyxl and python-docx would slow every other subcommand's start.
    from nianbao.downloads import site_build
    from nianbao.downloads.word.files import main as export_docx
    from nianbao.downloads.writer import DownloadFailed, write_all_or_nothing
    from nianbao.model.pipeline import build_portal
    from nianbao.model.progress_config import ProgressConfigError
    from nianbao.workflow.siteconfig import progress_settings

    root = Path(args.root).resolve()
    if getattr(args, "docx", None):
        return export_docx(args.docx, args.out, root)
    try:
        settings, _ = progress_settings(root)  # the site's deadlines and, when public, its progress CSV files
    except ProgressConfigError as e:
        print(f"nianbao export：错误：{e}", file=sys.stderr)
        return 2
    portal = build_portal(root / "data", root, deadlines=settings.deadlines, min_sample=settings.min_sample)
    if portal.blocked:
        for finding in portal.findings:
            if finding.blocks:
                print(finding.format_text(), file=sys.stderr)
        errors = sum(1 for f in portal.findings if f.blocks)
        print(f"数据检查发现 {errors} 个错误，未导出任何文件。请按上面的提示改正后重试（可先运行 nianbao check）。", file=sys.stderr)
        return 1
    out = Path(args.out)
    out = out if out.is_absolute() else root / out
    files = site_build(portal, settings).all_downloads()  # the files the site publishes
    try:
        size = write_all_or_nothing(files, out)  # a failure half-way leaves --out as it was
    except DownloadFailed as err:
        print(f"{err}；导出已停止，{out} 中的文件未改动。", file=sys.stderr)
        return 1
    print(f"已导出 {len(portal.reports)} 份报告的数据：{len(files)} 个文件，共 {size / 1024 / 1024:.1f} MB，位于 {out}。", file=sys.stderr)
    return 0
