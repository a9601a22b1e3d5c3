"""`nianbao export [--out DIR]`: write the open-data files without building the site.

The files are exactly those a site build publishes (every provider in
`downloads`), at the same paths under DIR. Optional extra files are declared
in `EXTRAS`: each adds one command-line switch and the downloads it turns on,
for example a Word export:

    EXTRAS.append(Extra("--docx", "同时导出 Word 文件", word_downloads))
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..downloads import Download, portal_downloads, report_downloads
from ..portal import Portal, build_portal
from ..word.files import main as export_docx

DEFAULT_OUT = "export"


@dataclass(frozen=True)
class Extra:
    flag: str  # e.g. "--docx"
    help: str  # Chinese help text
    downloads: Callable[[Portal], list[Download]]

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")


EXTRAS: list[Extra] = []


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export",
        help="导出开放数据文件（不构建网站）",
        description="把网站提供下载的全部数据文件（每份报告的 JSON 和表二、表三、表四 CSV，全部及各年度的 CSV、XLSX，报告索引 JSON）写入指定文件夹",
    )
    p.add_argument("--out", default=DEFAULT_OUT, metavar="DIR", help=f"输出文件夹，默认 {DEFAULT_OUT}/（相对于门户项目根目录）")
    for extra in EXTRAS:
        p.add_argument(extra.flag, dest=extra.dest, action="store_true", help=extra.help)
    p.add_argument(
        "--docx",
        nargs="+",
        metavar="FILE",
        help="只为这些年报文件生成 Word 文档（国家格式，如 data/zhangshu-jgswj/2020.yaml），写入 --out 文件夹",
    )
    p.set_defaults(func=run)


def selected(portal: Portal, args: argparse.Namespace) -> list[Download]:
    """The site's downloads, plus those of every extra switched on."""
    files = [d for doc in portal.reports for d in report_downloads(portal, doc)]
    files.extend(portal_downloads(portal))
    for extra in EXTRAS:
        if getattr(args, extra.dest, False):
            files.extend(extra.downloads(portal))
    return files


def write(files: list[Download], out: Path) -> int:
    """Write each file under out/ at its site path; return how many bytes were written."""
    total = 0
    for download in files:
        target = out / download.path
        if out.resolve() not in target.resolve().parents:
            raise ValueError(f"download path escapes the output folder: {download.path}")
        target.parent.mkdir(parents=True, exist_ok=True)
        data = download.build()
        target.write_bytes(data)
        total += len(data)
    return total


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    if getattr(args, "docx", None):
        return export_docx(args.docx, args.out, root)
    portal = build_portal(root / "data", root)
    if portal.blocked:
        for finding in portal.findings:
            if finding.blocks:
                print(finding.format_text(), file=sys.stderr)
        errors = sum(1 for f in portal.findings if f.blocks)
        print(f"数据检查发现 {errors} 个错误，未导出任何文件。请按上面的提示改正后重试（可先运行 nianbao check）。", file=sys.stderr)
        return 1
    out = Path(args.out)
    out = out if out.is_absolute() else root / out
    files = selected(portal, args)
    size = write(files, out)
    print(f"已导出 {len(portal.reports)} 份报告的数据：{len(files)} 个文件，共 {size / 1024 / 1024:.1f} MB，位于 {out}。", file=sys.stderr)
    return 0
