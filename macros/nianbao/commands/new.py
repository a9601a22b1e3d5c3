"""`nianbao new AGENCY YEAR`: start a report from last year's, in the right format for the year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nianbao.model.documents import Report, Report2021
from nianbao.model.load import AGENCY_FILES, SLUG, load_agency, load_report
from nianbao.model.targets import unsafe_target, write_whole
from nianbao.workflow.scaffold import report_text


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "new",
        help="新建年度报告（从上年度报告预填）",
        description="在 data/机关代码/年度.yaml 新建一份年度报告：按年度选用国家格式，上年结转等数字从上年度报告预填，其余为 0，文字部分留空并附填写说明。",
    )
    p.add_argument("agency", metavar="机关代码", help="data/ 下的机关文件夹名，如 zhangshu-jgswj")
    p.add_argument("year", metavar="年度", type=int, help="报告年度（数据所属年度），如 2024")
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    agency_id, year = args.agency, args.year
    if not SLUG.fullmatch(agency_id):
        return _fail(f"“{agency_id}”不是有效的机关代码（只能用小写字母、数字和连字符，如 zhangshu-jgswj）")
    if not 2019 <= year <= 2100:
        return _fail(f"年度 {year} 不在支持范围内（2019 年起的报告使用国家统一格式）")
    folder = root / "data" / agency_id
    agency_file = next((folder / n for n in AGENCY_FILES if (folder / n).is_file()), None)
    if agency_file is None:
        return _fail(f"找不到机关信息文件 data/{agency_id}/agency.yaml（新机关请先运行 nianbao new-agency {agency_id}）")
    target = folder / f"{year}.yaml"
    for path in (target, folder / f"{year}.yml"):
        if problem := unsafe_target(path, root / "data"):
            return _fail(problem)
    for existing in (target, folder / f"{year}.yml"):
        if existing.exists():
            return _fail(f"{existing.relative_to(root).as_posix()} 已存在，不会覆盖（如要重新生成，请先删除或改名该文件）")
    agency, problems = load_agency(agency_file, agency_file.relative_to(root).as_posix(), agency_id)
    if agency is None:
        for finding in problems:
            print(finding.format_text(), file=sys.stderr)
        return _fail("机关信息文件有错误，请先改正")
    previous = _previous(root, folder, year)
    if isinstance(previous, int):
        return previous
    if not write_whole(target, report_text(agency_id, agency.agency.name, year, previous).encode("utf-8"), overwrite=False):
        return _fail(f"{target.relative_to(root).as_posix()} 已存在，不会覆盖（如要重新生成，请先删除或改名该文件）")
    rel = target.relative_to(root).as_posix()
    print(f"已创建 {rel}（{'2019' if year <= 2020 else '2021'} 年格式）。")
    if previous is None:
        print(f"未找到 {year - 1} 年度报告，所有数字均为 0，请按实际填写。")
    else:
        extra = ("、上一年项目数量" if year == 2020 else "") + ("、现行有效件数" if isinstance(previous, Report2021) else "")
        print(f"已从 {year - 1} 年度报告预填：上年结转（七列）{extra}。")
    print(f"下一步：按文件中的说明填写，然后运行 nianbao check {rel} 检查、nianbao preview {rel} 预览。")
    return 0


def _previous(root: Path, folder: Path, year: int) -> Report | int | None:
    """Last year's report, None when there is none, or an exit code when it cannot be read."""
    path = next((p for p in (folder / f"{year - 1}.yaml", folder / f"{year - 1}.yml") if p.is_file()), None)
    if path is None:
        return None
    doc, findings = load_report(path, path.relative_to(root).as_posix(), folder.name, year - 1)
    if doc is None:
        for finding in findings:
            print(finding.format_text(), file=sys.stderr)
        return _fail(f"{year - 1} 年度报告有错误，无法据以预填；请先改正上面列出的问题")
    return doc.report
