"""`nianbao owners-check`: fail when a pull request changes folders its author does not maintain, unless a portal maintainer approved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nianbao.workflow.ownership import GitTree, OwnershipError, Tree, WorkTree, agency_maintainers, changed_files, check_changes, portal_maintainers


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "owners-check",
        help="检查合并请求是否只修改了作者维护的机关文件夹",
        description=(
            "合并请求修改了作者不负责维护的机关文件夹（或 data/ 以外的门户文件）时失败，除非已有门户维护者批准。"
            "指定 --base 时，修改的文件取自 git diff base...head，维护人名单取自 base 提交（合并请求无法修改）。"
        ),
    )
    p.add_argument("--author", required=True, metavar="用户名", help="合并请求作者的 GitHub 用户名")
    p.add_argument("--changed", nargs="*", default=None, metavar="文件", help="修改的文件（相对项目根目录）；省略时用 --base 计算")
    p.add_argument("--base", metavar="提交", help="合并请求的目标提交（如 ${{ github.event.pull_request.base.sha }}）")
    p.add_argument("--head", default="HEAD", metavar="提交", help="合并请求的最新提交，默认 HEAD")
    p.add_argument("--approved-by", nargs="*", default=[], metavar="用户名", help="已批准本合并请求的用户")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    if args.changed is None and not args.base:
        print("错误：请用 --changed 列出修改的文件，或用 --base 指定目标提交", file=sys.stderr)
        return 2
    tree: Tree = GitTree(root, args.base) if args.base else WorkTree(root)
    try:
        changed = args.changed if args.changed is not None else changed_files(root, args.base, args.head)
        verdict = check_changes(args.author, changed, agency_maintainers(tree), portal_maintainers(tree), args.approved_by)
    except OwnershipError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 2
    for line in verdict.lines():
        print(line)
    return 0 if verdict.ok else 1
