"""`nianbao new-agency ID`: create data/ID/agency.yaml with a Chinese comment on every field."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nianbao.model.load import AGENCY_FILES, SLUG
from nianbao.model.targets import unsafe_target, write_whole
from nianbao.workflow.scaffold import agency_text


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "new-agency",
        help="新建机关（agency.yaml）",
        description="新建 data/机关代码/agency.yaml，每一项都附有中文说明。",
    )
    p.add_argument("agency", metavar="机关代码", help="新机关的文件夹名：小写字母、数字和连字符，如 shili-jyj；它也是网址的一部分，确定后不要再改")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    agency_id = args.agency
    if not SLUG.fullmatch(agency_id):
        print(
            f"错误：“{agency_id}”不是有效的机关代码（只能用小写英文字母、数字和连字符，不能以连字符开头或结尾，如 shili-jyj）",
            file=sys.stderr,
        )
        return 1
    folder = root / "data" / agency_id
    for name in AGENCY_FILES:
        if problem := unsafe_target(folder / name, root / "data"):
            print(f"错误：{problem}", file=sys.stderr)
            return 1
    for name in AGENCY_FILES:
        if (folder / name).exists():
            print(f"错误：data/{agency_id}/{name} 已存在，不会覆盖", file=sys.stderr)
            return 1
    if not write_whole(folder / "agency.yaml", agency_text(agency_id).encode("utf-8"), overwrite=False):
        print(f"错误：data/{agency_id}/agency.yaml 已存在，不会覆盖", file=sys.stderr)
        return 1
    print(f"已创建 data/{agency_id}/agency.yaml。请填写机关全称、类型和所属地区等信息，然后用 nianbao new {agency_id} 年度 新建年度报告。")
    return 0
