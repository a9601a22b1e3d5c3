"""The `nianbao` command. It only parses arguments and calls the core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .findings import Finding
from .portal import build_portal


def _print_findings(findings: Sequence[Finding], fmt: str) -> None:
    for finding in findings:
        print(finding.format_github() if fmt == "github" else finding.format_text())


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    portal = build_portal(root / "data", root)
    wanted = {Path(p).resolve() for p in args.paths}
    findings = [
        f for f in portal.findings if not wanted or any((root / f.file).resolve() == w or w in (root / f.file).resolve().parents for w in wanted)
    ]
    _print_findings(findings, args.format)
    errors = sum(1 for f in findings if f.blocks)
    warnings = len(findings) - errors
    checked = [d for d in portal.reports if not wanted or any((root / d.path).resolve() == w or w in (root / d.path).resolve().parents for w in wanted)]
    if args.format == "text":
        print(f"检查了 {len(checked)} 份报告：{errors} 个错误，{warnings} 个警告。", file=sys.stderr)
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nianbao", description="政府信息公开工作年度报告门户工具")
    parser.add_argument("--root", default=".", help="门户项目根目录（含 mkdocs.yml 和 data/），默认当前目录")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    check = sub.add_parser("check", help="检查数据文件", description="检查 data/ 下全部或指定的数据文件")
    check.add_argument("paths", nargs="*", metavar="PATH", help="要检查的文件或文件夹，默认全部")
    check.add_argument("--format", choices=("text", "github"), default="text", help="输出格式：text（默认）或 github（GitHub 工作流注释）")
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
