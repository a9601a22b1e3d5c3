"""`nianbao check [PATH...]`: print every finding, exit 1 when one blocks publishing.

The whole data tree is always loaded, because cross-year rules need last
year's report; PATH only selects which files' findings are printed (the
pre-commit hook passes the changed files).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nianbao.model.findings import Finding, code_quality
from nianbao.model.pipeline import build_portal
from nianbao.model.progress_config import ProgressConfigError
from nianbao.workflow.siteconfig import progress_settings

EXIT_ERRORS = 1
EXIT_USAGE = 2


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="检查数据文件", description="检查 data/ 下全部或指定的数据文件，每个问题一行；有错误时退出状态为 1")
    p.add_argument("paths", nargs="*", metavar="路径", help="要检查的文件或文件夹，默认全部")
    p.add_argument(
        "--format",
        choices=("text", "github", "gitlab"),
        default="text",
        help="输出格式：text（默认）；github（GitHub 工作流注释）；gitlab（GitLab 代码质量报告 JSON，问题照常列在标准错误中）",
    )
    p.set_defaults(func=run)


def _selected(root: Path, rel: str, wanted: set[Path]) -> bool:
    if not wanted:
        return True
    path = (root / rel).resolve()
    return any(path == w or w in path.parents for w in wanted)


def summary(findings: list[Finding], reports: int, rejected: int) -> str:
    """One closing line in Chinese: how many reports, errors and warnings."""
    errors = sum(1 for f in findings if f.blocks)
    kept = sum(1 for f in findings if f.is_error and not f.blocking and not f.draft)
    drafted = sum(1 for f in findings if f.is_error and f.draft)
    warnings = sum(1 for f in findings if not f.is_error)
    line = f"检查了 {reports} 份报告：{errors} 个错误，{warnings} 个警告"
    if kept:
        line += f"，另有 {kept} 个历史报告中按原样保留的问题（不阻止发布）"
    if drafted:
        line += f"，草稿中另有 {drafted} 个错误（发布前须改正）"
    if rejected:
        line += f"；{rejected} 个文件因错误未能读取"
    return line + "。"


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        for p in missing:
            print(f"nianbao check：错误：找不到文件或文件夹“{p}”", file=sys.stderr)
        return EXIT_USAGE
    try:
        settings, _ = progress_settings(root)  # a portal's own deadlines change E15
    except ProgressConfigError as e:
        print(f"nianbao check：错误：{e}", file=sys.stderr)
        return EXIT_USAGE
    portal = build_portal(root / "data", root, deadlines=settings.deadlines)
    wanted = {Path(p).resolve() for p in args.paths}
    findings = [f for f in portal.findings if _selected(root, f.file, wanted)]
    if args.format == "gitlab":
        # The report goes to the artifact file; the job log still shows every finding and the summary.
        json.dump(code_quality(findings), sys.stdout, ensure_ascii=False, indent=1)
        print()
    for finding in findings:
        if args.format == "github":
            print(finding.format_github())
        else:
            print(finding.format_text(), file=sys.stderr if args.format == "gitlab" else sys.stdout)
    reports = sum(1 for d in portal.all_reports if _selected(root, d.path, wanted))
    rejected = sum(1 for rel in portal.rejected if _selected(root, rel, wanted))
    if args.format != "github":
        print(summary(findings, reports, rejected), file=sys.stderr)
    return EXIT_ERRORS if any(f.blocks for f in findings) or rejected else 0
