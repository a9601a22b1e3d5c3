"""Scaffold: the text of a new report or agency file, with a Chinese comment on every part.

`nianbao new` starts next year's report from last year's where the national
format links the two (spec §5.2):

- this year's 二、上年结转 = last year's 四、结转下年度继续办理, all seven columns (RY-1);
- 2020 (2019 format): 上一年项目数量 = 2019's 上一年项目数量 + 本年增/减 (RY-3);
- 2021 format: 现行有效件数 seeded from last year's (RY-2, when last year used the 2021 format too).

Every other figure is 0 and every prose part empty, preceded by what the
format asks for there (`guidance`). The text is written by hand rather than
dumped, so it keeps comments and the compact one-row-per-line layout of the
sample files; `tests/test_new.py` loads what it produces with the model.
"""

from __future__ import annotations

from collections.abc import Iterable

from nianbao.model import labels as L
from nianbao.model.documents import ActiveDisclosure2019, ActiveDisclosure2021, Agency, ApplicantRow, Report, Report2019, Report2021
from nianbao.workflow import guidance

Lines = list[str]

_T3_PARTS_TEXT = "、".join(L.T3_COLUMNS[k] for k in L.T3_PARTS)


def _comment(lines: Iterable[str], indent: int = 0) -> Lines:
    return [f"{' ' * indent}# {line}" for line in lines]


def _flow(values: dict[str, object]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in values.items()) + "}"


def _prose(key: str, notes: Iterable[str], indent: int = 0) -> Lines:
    pad = " " * indent
    return [*_comment(notes, indent), f"{pad}# （在下一行起缩进 {indent + 2} 个空格填写正文；空一行为另起一段）", f"{pad}{key}: |-"]


# --------------------------------------------------------------------------
# Table 二
# --------------------------------------------------------------------------


def _table2(version: L.FormatVersion, previous: Report | None) -> Lines:
    lines = [f"# {L.SECTIONS['active_disclosure']}（只填阿拉伯数字，没有请填 0）", "active_disclosure:"]
    prev2019 = previous.active_disclosure if isinstance(previous, Report2019) else None
    prev2021 = previous.active_disclosure if isinstance(previous, Report2021) else None
    for block in L.TABLE2[version].blocks:
        columns = "、".join(c.label for c in block.columns)
        for line in block.lines:
            note = f"{block.caption} {line.label}（{columns}）"
            if version == "2021" and block.columns[0].key is None:
                lines += _comment([note], 2)
                lines.append(f"  {line.key}: 0")
                continue
            values: dict[str, object] = {c.key: 0 for c in block.columns if c.key}
            if version == "2019" and "previous" in values and isinstance(prev2019, ActiveDisclosure2019):
                last = getattr(prev2019, line.key)
                values["previous"] = last.previous + last.change
                note += f"；上一年项目数量已按上年度报告预填（{last.previous} + {last.change}）"
            if version == "2019" and "change" in values:
                note += "；本年增/减：减少用负数，如 -8"
            if version == "2021" and "in_force" in values and isinstance(prev2021, ActiveDisclosure2021):
                values["in_force"] = getattr(prev2021, line.key).in_force
                note += "；现行有效件数已按上年度预填，请加上本年制发、减去本年废止"
            if line.key == "procurement":
                note += "；金额只填数字，单位可写在 unit 中，如 unit: 万元"
            lines += _comment([note], 2)
            lines.append(f"  {line.key}: {_flow(values)}")
    if version == "2021":
        lines += _comment(["行政事业性收费单位为万元，可带小数，如 96171.6"], 2)
    return lines


# --------------------------------------------------------------------------
# Table 三
# --------------------------------------------------------------------------


def _row(extra: dict[str, int] | None = None) -> str:
    values: dict[str, object] = {k: 0 for k in L.T3_PARTS}
    if extra:
        values.update(extra)
    return _flow(values)


def _carried(previous: Report | None) -> tuple[dict[str, int] | None, str]:
    if previous is None:
        return None, "（未找到上年度报告：请按实际填写）"
    last: ApplicantRow = previous.applications.carried_forward
    values = {k: getattr(last, k) for k in L.T3_PARTS}
    values["total"] = last.sum
    return values, f"（已按 {previous.year} 年度报告“{L.T3_CARRIED_FORWARD.label}”预填，一般不要改动；如确有差异，请在 carry_over_note 中说明原因）"


def _table3(version: L.FormatVersion, previous: Report | None) -> Lines:
    lines = [
        f"# {L.SECTIONS['applications']}",
        f"# 每行依次为：{_T3_PARTS_TEXT}（总计 total 可省略，省略时自动计算）",
        f"# 勾稽关系{L.T3_NOTE}",
        "applications:",
    ]
    group = None
    for row in L.table3_rows(version):
        if row.path == (L.T3_RESULTS_TOTAL.key,):
            lines += _comment([f"{L.T3_RESULTS_TOTAL.label}：省略时按各办理结果自动计算（如需填写，键名为 total）"], 2)
            continue
        if len(row.path) == 2:
            if row.path[0] != group:
                group = row.path[0]
                lines += _comment([row.labels[-2].text if len(row.labels) > 1 else group], 2)
                lines.append(f"  {group}:")
            lines += _comment([row.label], 4)
            lines.append(f"    {row.path[1]}: {_row()}")
            continue
        group = None
        key = row.path[0]
        note = row.label
        extra = None
        if key == L.T3_CARRIED_OVER.key:
            extra, why = _carried(previous)
            note += why
        if row.labels[0].text == L.RESULTS_LABEL:
            lines += _comment([L.RESULTS_LABEL], 2)
        lines += _comment([note], 2)
        lines.append(f"  {key}: {_row(extra)}")
    return lines


# --------------------------------------------------------------------------
# Table 四
# --------------------------------------------------------------------------


def _table4() -> Lines:
    parts = "、".join(L.T4_COLUMNS[k] for k in L.T4_PARTS)
    lines = [f"# {L.SECTIONS['review_litigation']}", f"# 每行依次为：{parts}（总计 total 可省略，省略时自动计算）", "review_litigation:"]
    titles = {"review": "行政复议", "litigation_direct": "行政诉讼 — 未经复议直接起诉", "litigation_after_review": "行政诉讼 — 复议后起诉"}
    for key, title in titles.items():
        lines += _comment([title], 2)
        lines.append(f"  {key}: {_flow({k: 0 for k in L.T4_PARTS})}")
    return lines


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------


def report_text(agency_id: str, agency_name: str, year: int, previous: Report | None) -> str:
    """A new report for `year`, pre-filled from `previous` (the report of year - 1) where the format links them."""
    version = L.format_for_year(year)
    source = f"由 nianbao new 生成，已从 {previous.year} 年度报告预填上年结转等数字" if previous is not None else "由 nianbao new 生成"
    lines: Lines = [
        f"# yaml-language-server: $schema=../../schema/report-{version}.schema.json",
        f"# {agency_name}{year}年{L.TITLE_SUFFIX}",
        f"# {version} 年格式（{L.FORMAT_DOCUMENTS[version]}）；{source}。",
        "# 填写说明：表格只填阿拉伯数字，没有请填 0；文字部分按每节上方的说明填写。",
        f"# 填好后运行 nianbao check data/{agency_id}/{year}.yaml 检查，nianbao preview data/{agency_id}/{year}.yaml 预览。",
        f"year: {year}",
        "# 状态：draft 表示起草中，会检查、可预览，但不在门户上公开。",
        "# 本机关正式发布后，把 draft 改为 current，并填写下面的发布日期。",
        "status: draft",
        "",
        "# 发布日期（发布后填写，如 2022-01-20），去掉行首的 # 即可：",
        f"# published_date: {year + 1}-01-20",
        "",
        *_prose("opening", guidance.opening(version, year)),
        "",
        *_comment(guidance.OVERVIEW[version]),
        "overview:",
        *_prose("text", ["总体情况综述"], 2),
        *_comment(["分项情况：小标题可按本机关实际调整，用不到的分项可删除（连同其 title 和 text 两行）"], 2),
        "  subsections:",
    ]
    for i, area in enumerate(L.OVERVIEW_AREAS):
        lines += [f"    - title: （{'一二三四五'[i]}）{area}", "      text: |-"]
    lines += [
        "",
        *_table2(version, previous),
        "",
        *_table3(version, previous),
        "",
        *_table4(),
        "",
        *_prose("problems", guidance.PROBLEMS),
        "",
        *_prose("other_matters", guidance.OTHER_MATTERS[version]),
        "",
        "# 落款（可选），去掉行首的 # 即可：",
        "# signature:",
        f"#   name: {agency_name}",
        f"#   date: {year + 1}-01-20",
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# The agency profile
# --------------------------------------------------------------------------

_AGENCY_REQUIRED_EXAMPLES = {"name": "", "type": "department", "region": ""}


def agency_text(agency_id: str) -> str:
    """A new agency.yaml: every field of `Agency` with its Chinese title and hint; required ones first."""
    lines: Lines = [
        "# yaml-language-server: $schema=../../schema/agency.schema.json",
        f"# 机关信息（data/{agency_id}/agency.yaml），由 nianbao new-agency 生成。",
        '# 请填写各项；不适用的项目保持空白即可。电话、邮编等请加英文引号，如 "0795-7333735"。',
    ]
    for key, info in Agency.model_fields.items():
        note = info.title or key
        if info.description:
            note += f"：{info.description}"
        if info.is_required():
            note += "（必填）"
        lines.append("")
        lines += _comment([note])
        if key == "type":
            lines.append("type: department")
        elif key == "maintainers":
            lines += _comment(['例如 maintainers: ["@zhangsan", "@shili/jyj-editors"]'])
            lines.append("maintainers: []")
        else:
            lines.append(f"{key}:")
    return "\n".join(lines) + "\n"
