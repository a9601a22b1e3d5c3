"""`nianbao progress --out DIR`: the 报送进度 and 考核 pages and CSV files as a folder, without publishing them.

The same pages a portal with `progress: public` publishes, for the
supervising office's own use when the portal keeps them internal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_OUT = "progress"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "progress",
        help="生成报送进度与考核页（内部使用，不发布）",
        description="按 mkdocs.yml 的设置，把各年度报送进度、考核扣分页面和 CSV 写入指定文件夹，供政务公开办内部使用，不发布到门户",
    )
    p.add_argument("--out", default=DEFAULT_OUT, metavar="DIR", help=f"输出文件夹，默认 {DEFAULT_OUT}/（相对于门户项目根目录）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from nianbao.model.pipeline import build_portal
    from nianbao.model.progress_config import ProgressConfigError
    from nianbao.model.supervision import supervise
    from nianbao.site.progress import standalone
    from nianbao.workflow.siteconfig import progress_settings

    root = Path(args.root).resolve()
    try:
        config, site_url = progress_settings(root)
    except ProgressConfigError as e:
        print(f"nianbao progress：错误：{e}", file=sys.stderr)
        return 2
    portal = build_portal(root / "data", root, deadlines=config.deadlines, min_sample=config.min_sample)
    if portal.blocked:
        errors = sum(1 for f in portal.findings if f.blocks)
        print(f"数据检查发现 {errors} 个错误，进度页中的检查结果可能不完整；请运行 nianbao check 查看。", file=sys.stderr)
    supervision = supervise(portal, config)
    out = Path(args.out)
    out = out if out.is_absolute() else root / out
    for rel, content in standalone(supervision, site_url).items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    summary = f"已生成 {len(supervision.years)} 个年度的报送进度页（统计截至 {config.as_of.isoformat()}），位于 {out}"
    print(f"{summary}，请用浏览器打开其中的 progress/index.html。", file=sys.stderr)
    return 0
