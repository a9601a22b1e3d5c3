"""`nianbao codeowners`: write .github/CODEOWNERS from the maintainers in mkdocs.yml and each agency.yaml."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nianbao.workflow.ownership import CODEOWNERS_PATH, OwnershipError, WorkTree, agency_maintainers, codeowners_text, normalize_owner, portal_maintainers


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "codeowners",
        help="生成 .github/CODEOWNERS",
        description="根据 mkdocs.yml 的 extra.nianbao.maintainers（门户维护者）和各 agency.yaml 的 maintainers 生成 CODEOWNERS，"
        "使每个机关文件夹需经其维护人审核。",
    )
    p.add_argument("--check", action="store_true", help="只检查文件是否为最新，不写入；过期时返回 1")
    p.add_argument("--output", default=CODEOWNERS_PATH, help=f"输出文件（相对项目根目录），默认 {CODEOWNERS_PATH}；GitLab 可用 .gitlab/CODEOWNERS")
    p.add_argument(
        "--portal-maintainer", action="append", default=None, metavar="@用户", help="门户维护者（可重复），指定时代替 mkdocs.yml 中的 extra.nianbao.maintainers"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    tree = WorkTree(root)
    try:
        portal = [normalize_owner(o) for o in args.portal_maintainer] if args.portal_maintainer else portal_maintainers(tree)
        text = codeowners_text(agency_maintainers(tree), portal)
    except OwnershipError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 1
    target = root / args.output
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if args.check:
        if current == text:
            print(f"{args.output} 是最新的。")
            return 0
        print(f"错误：{args.output} 与各 agency.yaml 的维护人不一致，请运行 nianbao codeowners 重新生成并提交。", file=sys.stderr)
        return 1
    if current == text:
        print(f"{args.output} 已是最新，无需修改。")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"已写入 {args.output}。")
    return 0
