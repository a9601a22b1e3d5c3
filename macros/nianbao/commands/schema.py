"""`nianbao schema`: regenerate the JSON Schemas and the data-format page from the model.

`--check` writes nothing and exits 1 when a committed file is out of date
(the test suite checks the same).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nianbao.model import dataformat, schema


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "schema",
        help="根据数据模型重新生成 JSON Schema 和数据格式说明",
        description=f"根据数据模型重新生成 {schema.SCHEMA_DIR}/ 下的 JSON Schema 和 {dataformat.PAGE}",
    )
    p.add_argument("--check", action="store_true", help="只检查是否需要更新，不写文件；需要更新时退出状态为 1")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    if args.check:
        stale = [*schema.stale(root), *([dataformat.PAGE] if dataformat.is_stale(root) else [])]
        for rel in stale:
            print(f"{rel} 与数据模型不一致，请运行 nianbao schema 重新生成")
        return 1 if stale else 0
    changed = [p.relative_to(root).as_posix() for p in schema.write(root)]
    if dataformat.write(root):
        changed.append(dataformat.PAGE)
    print(f"已更新：{'、'.join(changed)}" if changed else "全部已是最新，无需更新。")
    return 0
