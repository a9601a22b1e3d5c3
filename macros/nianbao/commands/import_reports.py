"""`nianbao import FILE...`: published reports (text, HTML, Word) become archived YAML drafts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from nianbao.importer import ImportResult, import_file
from nianbao.importer.run import SUPPORTED, UNSUPPORTED
from nianbao.importer.summary import summary_lines


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help="导入已发布的历史年报（文本、网页、Word）",
        description="把已发布的年报（.txt 文本、.html 网页、.docx Word 文件，或包含它们的文件夹）导入为 data/机关代码/年度.yaml 草稿（status: archived）。"
        "数字按原文照录；读不出的格写为“待填写”，填好之前 nianbao check 不通过。",
    )
    p.add_argument("files", nargs="+", metavar="文件", help="要导入的文件或文件夹")
    p.add_argument("--agency", metavar="机关代码", help="机关代码（data/ 下的文件夹名），省略时按报告标题匹配已有机关或取文件名")
    p.add_argument("--year", type=int, metavar="年度", help="报告年度，省略时从标题或统计期限读取")
    p.add_argument("--out", metavar="数据目录", help="写入的数据目录，默认为项目的 data/")
    p.add_argument("--force", action="store_true", help="覆盖已存在的年度文件")
    p.set_defaults(func=run)


def expand(paths: list[str]) -> tuple[list[Path], bool]:
    """Files to import (folders expanded, sorted) and whether a folder was given."""
    files: list[Path] = []
    folder = False
    for name in paths:
        path = Path(name)
        if path.is_dir():
            folder = True
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED | set(UNSUPPORTED))
        else:
            files.append(path)
    return files, folder


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    data_dir = Path(args.out).resolve() if args.out else root / "data"
    files, folder = expand(args.files)
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False)
    if not files:
        err.print("没有找到可导入的文件（支持 .txt、.html、.docx）", markup=False)
        return 1
    results: list[ImportResult] = []
    if folder or len(files) > 1:
        with Progress(TextColumn("导入"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"), console=err) as progress:
            task = progress.add_task("", total=len(files))
            for path in files:
                progress.update(task, description=path.name)
                result = import_file(path, data_dir, args.agency, args.year, args.force)
                results.append(result)
                _print(out, result, root)
                progress.advance(task)
        out.print(_table(results, root))
    else:
        result = import_file(files[0], data_dir, args.agency, args.year, args.force)
        results.append(result)
        _print(out, result, root)
    failed = sum(1 for r in results if r.error)
    print(
        f"导入了 {len(results) - failed} 个文件，{failed} 个未导入；草稿状态为 archived，请对照原报告核对后运行 nianbao check。",
        file=sys.stderr,
    )
    return 1 if failed else 0


def _print(console: Console, result: ImportResult, root: Path) -> None:
    for line in summary_lines(result, root):
        console.print(line, markup=False, style="red" if line.startswith("✗") else None)


def _table(results: list[ImportResult], root: Path) -> Table:
    table = Table(title="导入汇总")
    for column in ("文件", "草稿", "格式", "读取数字", "容错", "按 0 读取", "推定", "待填写", "检查问题", "结果"):
        table.add_column(column)
    for r in results:
        if r.error:
            table.add_row(r.source.name, "", "", "", "", "", "", "", "", f"未导入：{r.error}")
            continue
        blocking = sum(1 for f in r.findings if f.blocks)
        status = "需填写后才能通过检查" if blocking else "通过检查"
        target = f"{r.agency_id}/{r.year}.yaml"
        table.add_row(
            r.source.name,
            target,
            str(r.version),
            str(r.figures_read),
            str(r.count("tolerated")),
            str(r.count("zero")),
            str(r.count("deduced")),
            str(r.placeholders),
            str(len(r.findings)),
            status,
        )
    return table
