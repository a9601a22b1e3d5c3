"""The `nianbao` command. It only parses arguments and calls the core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from nianbao.commands import check, codeowners, export, import_reports, new, new_agency, owners_check, preview, progress, schema
from nianbao.commands.argparse_zh import ChineseArgumentParser

# Each module registers one subcommand; add new ones here.
COMMANDS = (check, new, new_agency, codeowners, owners_check, import_reports, preview, export, progress, schema)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="nianbao", description="政府信息公开工作年度报告门户工具")
    parser.add_argument("--root", default=".", metavar="目录", help="门户项目根目录（含 mkdocs.yml 和 data/），默认当前目录")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for command in COMMANDS:
        command.register(sub)
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
