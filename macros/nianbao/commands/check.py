"""`nianbao check [PATH...]`: print every finding, exit 1 when one blocks publishing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..portal import build_portal


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="检查数据文件", description="检查 data/ 下全部或指定的数据文件")
    p.add_argument("paths", nargs="*", metavar="PATH", help="要检查的文件或文件夹，默认全部")
    p.add_argument("--format", choices=("text", "github"), default="text", help="输出格式：text（默认）或 github（GitHub 工作流注释）")
    p.set_defaults(func=run)


def _selected(root: Path, rel: str, wanted: set[Path]) -> bool:
    if not wanted:
        return True
    path = (root / rel).resolve()
    return any(path == w or w in path.parents for w in wanted)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    portal = build_portal(root / "data", root)
    wanted = {Path(p).resolve() for p in args.paths}
    findings = [f for f in portal.findings if _selected(root, f.file, wanted)]
    for finding in findings:
        print(finding.format_github() if args.format == "github" else finding.format_text())
    errors = sum(1 for f in findings if f.blocks)
    checked = sum(1 for d in portal.reports if _selected(root, d.path, wanted))
    if args.format == "text":
        print(f"检查了 {checked} 份报告：{errors} 个错误，{len(findings) - errors} 个提示。", file=sys.stderr)
    return 1 if errors else 0
