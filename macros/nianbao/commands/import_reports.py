"""`nianbao import FILE...`: published reports (text, HTML, Word, PDF) become archived YAML drafts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from nianbao.importer import ImportResult
from nianbao.importer.batch import import_many, import_one, split_agencies
from nianbao.importer.run import KINDS, SUPPORTED, UNSUPPORTED, supported_words
from nianbao.importer.summary import original_errors, outcome, result_line, summary_lines


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help=f"导入已发布的历史年报（{'、'.join(name for name, _ in KINDS)}）",
        description="把已发布的年报（.txt 文本、.html 网页、.docx Word 文件、.pdf 文件，或包含它们的文件夹）"
        "导入为 data/机关代码/年度.yaml 草稿（status: archived）。PDF 中是图片的页不做识别，其中的数写为“待填写”。"
        "数字按原文照录；读不出的格写为“待填写”，填好之前 nianbao check 不通过。",
    )
    p.add_argument("files", nargs="+", metavar="文件", help="要导入的文件或文件夹")
    p.add_argument("--agency", metavar="机关代码", help="机关代码（data/ 下的文件夹名），省略时按报告标题匹配已有机关或取文件名")
    p.add_argument("--year", type=int, metavar="年度", help="报告年度，省略时从标题或统计期限读取")
    p.add_argument("--out", metavar="数据目录", help="写入的数据目录，默认为项目的 data/")
    p.add_argument("--force", action="store_true", help="覆盖已存在的年度文件")
    p.add_argument("--jobs", type=int, metavar="进程数", help="导入文件夹时同时运行的进程数，默认为 CPU 核数")
    p.add_argument("--details", action="store_true", help="导入多个文件时也逐个列出完整的导入摘要（默认每个文件一行）")
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
        print(f"没有找到可导入的文件（支持{supported_words()}）", file=sys.stderr)
        return 1
    if args.jobs is not None and args.jobs < 1:
        print(f"--jobs {args.jobs} 不是有效的进程数：请填 1 或更大的整数，或省略（按 CPU 核数）", file=sys.stderr)
        return 2
    if not (folder or len(files) > 1):
        try:
            result = import_one(files[0], data_dir, args.agency, args.year, args.force)
        except KeyboardInterrupt:
            print("已中断：草稿只会完整写入或完全不写，不会留下空文件；重新运行即可", file=sys.stderr)
            return 130
        _print(out, result, root)
        return _finish([result])
    with Progress(TextColumn("导入"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err, transient=True) as progress:
        task = progress.add_task("", total=len(files))

        def show(result: ImportResult) -> None:
            if args.details:
                _print(out, result, root)
            else:
                line = result_line(result, root)
                out.print(line, markup=False, style="red" if line.startswith("✗") else None)
            progress.advance(task)

        try:
            batch = import_many(files, data_dir, args.agency, args.year, args.force, show, workers=args.jobs)
        except KeyboardInterrupt:  # a second Ctrl-C while the running files finish
            print("已中断：已写入的草稿都是完整的（先写临时文件再换到位），重新运行即可补上其余文件", file=sys.stderr)
            return 130
    out.print(_table(batch.results))
    for name, folders in split_agencies(batch.results).items():
        print(
            f"提示：机关“{name}”的报告导入到了 {len(folders)} 个文件夹（{'、'.join(folders)}），"
            "请把年度文件移到同一个文件夹并删去多余的 agency.yaml，或用 --agency 指定机关代码后重新导入",
            file=sys.stderr,
        )
    if batch.interrupted:
        written = [_show(p, root) for p in batch.written]
        print(
            f"已中断：写入了 {len(written)} 份完整的草稿{'：' + '、'.join(written) if written else ''}；"
            f"{len(batch.not_started)} 个文件未处理，重新运行时加上它们即可（已写入的不会被覆盖）",
            file=sys.stderr,
        )
        return 130
    return _finish(batch.results)


def _finish(results: list[ImportResult]) -> int:
    failed = sum(1 for r in results if r.error)
    print(
        f"导入了 {len(results) - failed} 个文件，{failed} 个未导入；草稿状态为 archived，请对照原报告核对后运行 nianbao check。",
        file=sys.stderr,
    )
    return 1 if failed else 0


def _print(console: Console, result: ImportResult, root: Path) -> None:
    for line in summary_lines(result, root):
        console.print(line, markup=False, style="red" if line.startswith("✗") else None)


def _table(results: list[ImportResult]) -> Table:
    """Totals of the batch: one row per outcome, so 500 files still fit on a screen."""
    table = Table(title="导入汇总")
    for column in ("结果", "文件数", "读取数字", "按 0 读取", "待填写", "原文勾稽问题"):
        table.add_column(column, no_wrap=column == "结果")
    groups: dict[str, list[ImportResult]] = {}
    for r in results:
        groups.setdefault(outcome(r), []).append(r)
    for name, rows in groups.items():
        table.add_row(name, *_totals(rows))
    table.add_section()
    table.add_row("合计", *_totals(results), style="bold")
    return table


def _totals(rows: list[ImportResult]) -> tuple[str, ...]:
    return tuple(
        str(n)
        for n in (
            len(rows),
            sum(r.figures_read for r in rows),
            sum(r.count("zero") for r in rows),
            sum(r.placeholders for r in rows),
            sum(len(original_errors(r)) for r in rows),
        )
    )


def _show(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
