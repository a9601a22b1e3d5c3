"""Issue 17: report states, deadlines, rates, the assessment rulepack and the 报送进度 pages, on fixtures."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

from checkrun import AGENCY_ID, agency_tree, check, edit, fixture, write_tree
from nianbao.downloads.progress import HEADER, progress_csv
from nianbao.model.assessment import Rulepack, assess, load_rulepack, total
from nianbao.model.deadlines import DeadlineConfigError, Deadlines, parse_deadlines
from nianbao.model.pipeline import build_portal
from nianbao.model.portal import Portal
from nianbao.model.progress import progress_years, year_progress
from nianbao.model.progress_config import ProgressConfigError, progress_config
from nianbao.model.rates import KIND_BY_KEY, rate, rates
from nianbao.model.supervision import supervise

R2020, R2021 = fixture("2020.yaml"), fixture("2021.yaml")
DRAFT_2022 = edit(
    R2021,
    ("year: 2021\n", "year: 2022\nstatus: draft\n"),
    ("published_date: 2022-01-20\n", ""),
    ("problems: 一是", "problems: 二是"),
)


def portal_of(tmp_path: Path, deadlines: Deadlines | None = None, **reports: str) -> Portal:
    root = agency_tree(tmp_path, **reports)
    return build_portal(root / "data", root, deadlines=deadlines)


def states(portal: Portal, year: int, as_of: str) -> dict[str, str]:
    return {e.agency.id: e.state for e in year_progress(portal, year, dt.date.fromisoformat(as_of)).entries}


# --------------------------------------------------------------------------
# Report states
# --------------------------------------------------------------------------


def test_a_draft_is_checked_but_neither_blocks_nor_is_published(tmp_path: Path) -> None:
    draft = edit(
        DRAFT_2022,
        (
            "  review:                  {upheld: 2, corrected: 1, other: 0, pending: 1, total: 4}",
            "  review:                  {upheld: 2, corrected: 1, other: 0, pending: 1, total: 5}",
        ),
    )
    root = agency_tree(tmp_path, r2020=R2020, r2021=R2021, r2022=draft)
    run = check(root)
    assert run.status == 0
    # A copy of last year's report with the year changed: every finding is listed, marked as a draft's.
    assert run.lines and all("（草稿" in line for line in run.lines)
    assert any("[R4-1] review_litigation.review.total" in line and "错误（草稿，发布前须改正）" in line for line in run.lines)
    errors = sum(1 for line in run.lines if "错误（草稿" in line)
    assert run.summary.endswith(f"，草稿中另有 {errors} 个错误（发布前须改正）。")
    portal = build_portal(root / "data", root)
    assert [d.year for d in portal.reports] == [2020, 2021]
    assert [d.year for d in portal.drafts] == [2022]
    assert 2022 not in portal.years
    preview = build_portal(root / "data", root, with_drafts=True)
    assert [d.year for d in preview.reports] == [2020, 2021, 2022]


def test_a_current_report_without_a_date_fails_check(tmp_path: Path) -> None:
    root = agency_tree(tmp_path, r2021=edit(R2021, ("year: 2021\n", "year: 2021\nstatus: current\n"), ("published_date: 2022-01-20\n", "")))
    run = check(root)
    assert run.status == 1
    assert run.lines == [
        "data/ceshi-jyj/2021.yaml:5:9: 错误 [P001] status：status: current 表示报告已发布，但没有填写发布日期 published_date "
        "(已发布的，请加一行 published_date: 2022-01-20（改为实际发布日期）；尚未发布的，请把 status 改为 draft)"
    ]


def test_a_report_without_status_or_date_is_told_it_counts_as_published(tmp_path: Path) -> None:
    """No status line: the default (current) applies, and the message says so and how to keep a draft."""
    assert "status:" not in R2021
    root = agency_tree(tmp_path, r2021=edit(R2021, ("published_date: 2022-01-20\n", "")))
    run = check(root)
    assert run.status == 1
    assert run.lines == [
        "data/ceshi-jyj/2021.yaml:4:1: 错误 [P001] status：未写 status，按已发布（current）处理，但没有 published_date "
        "(发布后填写 published_date；仍在起草请加一行 status: draft)"
    ]


def test_the_scaffold_starts_a_draft(tmp_path: Path) -> None:
    root = agency_tree(tmp_path, r2021=R2021)
    from nianbao import cli

    assert cli.main(["--root", str(root), "new", AGENCY_ID, "2022"]) == 0
    portal = build_portal(root / "data", root)
    assert [d.year for d in portal.drafts] == [2022] and not portal.blocked


# --------------------------------------------------------------------------
# States and deadlines
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reports", "as_of", "state", "days"),
    [
        ({}, "2023-01-10", "not_started", None),
        ({"r2022": DRAFT_2022}, "2023-01-31", "drafting", None),
        ({"r2022": DRAFT_2022}, "2023-02-01", "overdue", 1),
        ({}, "2023-03-02", "overdue", 30),
        ({"r2022": edit(R2021, ("year: 2021", "year: 2022"), ("published_date: 2022-01-20", "published_date: 2023-01-31"))}, "2023-03-01", "on_time", None),
        ({"r2022": edit(R2021, ("year: 2021", "year: 2022"), ("published_date: 2022-01-20", "published_date: 2023-02-03"))}, "2023-03-01", "late", 3),
    ],
    ids=["not-started", "drafting", "draft-overdue", "overdue", "on-time", "late"],
)
def test_each_state(tmp_path: Path, reports: dict[str, str], as_of: str, state: str, days: int | None) -> None:
    portal = portal_of(tmp_path, r2021=R2021, **reports)
    entry = year_progress(portal, 2022, dt.date.fromisoformat(as_of)).entries[0]
    assert (entry.state, entry.days_late, entry.due) == (state, days, dt.date(2023, 1, 31))


def test_a_government_is_due_on_31_march(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path, {f"{AGENCY_ID}/agency.yaml": fixture("agency.yaml").replace("type: department", "type: government"), f"{AGENCY_ID}/2021.yaml": R2021}
    )
    portal = build_portal(root / "data", root)
    assert states(portal, 2022, "2023-03-31") == {AGENCY_ID: "not_started"}
    assert states(portal, 2022, "2023-04-01") == {AGENCY_ID: "overdue"}


def test_a_deadline_override_moves_the_state_and_e15(tmp_path: Path) -> None:
    late = edit(R2021, ("published_date: 2022-01-20", "published_date: 2022-02-20"))
    plain = portal_of(tmp_path / "a", r2021=late)
    assert states(plain, 2021, "2022-03-01") == {AGENCY_ID: "late"}
    moved = parse_deadlines({2021: {"department": "2022-02-28"}})
    assert moved.due(2021, "department") == dt.date(2022, 2, 28) and moved.due(2021, "government") == dt.date(2022, 3, 31)
    portal = portal_of(tmp_path / "b", deadlines=moved, r2021=late)
    assert states(portal, 2021, "2022-03-01") == {AGENCY_ID: "on_time"}
    assert [f.code for f in portal.findings] == []
    stricter = portal_of(tmp_path / "c", deadlines=parse_deadlines({2021: {"department": dt.date(2022, 1, 15)}}), r2021=R2021)
    assert [f.message for f in stricter.findings] == ["发布日期 2022-01-20 晚于政府部门年报的本门户规定发布期限 2022年1月15日（《条例》第四十九条）"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([2021], "mkdocs.yml 的 nianbao 插件设置 deadlines：应为“年度: {机关类型: 日期}”的列表，如 2019: {department: 2020-02-29, government: 2020-04-30}"),
        (
            {2021: {"bureau": "2022-02-01"}},
            "mkdocs.yml 的 nianbao 插件设置 deadlines.2021：未知的机关类型“bureau”，只能是 department（政府部门）或 government（人民政府）",
        ),
        ({2021: {"department": "2月底"}}, "mkdocs.yml 的 nianbao 插件设置 deadlines.2021.department：应为日期，请按 2022-01-31 的格式填写"),
        (
            {2021: {"department": "2021-12-01"}},
            "mkdocs.yml 的 nianbao 插件设置 deadlines.2021.department：期限 2021-12-01 不在 2021 年度结束之后，请改为 2022 年的日期",
        ),
    ],
)
def test_a_wrong_deadline_override_says_how_to_fix_it(raw: object, message: str) -> None:
    with pytest.raises(DeadlineConfigError) as err:
        parse_deadlines(raw, "mkdocs.yml 的 nianbao 插件设置 deadlines")
    assert str(err.value) == message


def test_an_agency_that_became_active_mid_series(tmp_path: Path) -> None:
    agency = fixture("agency.yaml") + "active_from: 2021\n"
    root = write_tree(
        tmp_path,
        {
            f"{AGENCY_ID}/agency.yaml": agency,
            "ceshi-old/agency.yaml": fixture("agency.yaml") + "active_until: 2020\n",
            f"{AGENCY_ID}/2021.yaml": R2021,
            "ceshi-old/2020.yaml": R2020,
        },
    )
    portal = build_portal(root / "data", root)
    as_of = dt.date(2022, 6, 1)
    assert progress_years(portal, as_of) == [2020, 2021]
    assert states(portal, 2020, "2022-06-01") == {"ceshi-old": "on_time"}  # ceshi-jyj did not exist yet
    assert states(portal, 2021, "2022-06-01") == {AGENCY_ID: "on_time"}  # ceshi-old no longer did
    assert progress_years(portal, dt.date(2023, 2, 1)) == [2020, 2021, 2022]  # the year now due, without any file


# --------------------------------------------------------------------------
# Rates
# --------------------------------------------------------------------------


def test_rates_from_tables_3_and_4(tmp_path: Path) -> None:
    portal = portal_of(tmp_path, r2020=R2020, r2021=R2021)
    r2020, r2021 = (d.report for d in portal.reports)
    got = {k: (r.numerator, r.denominator, r.value) for k, r in rates([r2021], min_sample=4).items()}
    assert got == {
        "disclosure": (25, 41, Decimal(25) / 41),  # 予以公开 20 + 部分公开 5 over （七）总计 41
        "refusal": (3, 41, Decimal(3) / 41),
        "unavailable": (8, 41, Decimal(8) / 41),
        "correction": (1, 4, Decimal("0.25")),  # 复议 4 − 1 pending + 直接起诉 2 − 1 pending
    }
    assert rate(KIND_BY_KEY["disclosure"], [r2021], 4).text == "61.0%（25/41）"
    # The portal's year sums the counts before dividing.
    assert (rate(KIND_BY_KEY["disclosure"], [r2020, r2021], 1).numerator, rate(KIND_BY_KEY["disclosure"], [r2020, r2021], 1).denominator) == (38, 58)


def test_a_rate_below_the_minimum_sample_shows_only_the_counts(tmp_path: Path) -> None:
    report = portal_of(tmp_path, r2021=R2021).reports[0].report
    small = rate(KIND_BY_KEY["disclosure"], [report], 42)
    assert (small.value, small.percent, small.text) == (None, "—", "25/41（样本不足 42 件，仅列件数）")
    assert rate(KIND_BY_KEY["disclosure"], [report], 41).percent == "61.0%"


def test_a_zero_denominator_gives_no_rate(tmp_path: Path) -> None:
    report = portal_of(tmp_path, r2020=R2020).reports[0].report
    none = rate(KIND_BY_KEY["correction"], [report], 1)
    assert (none.numerator, none.denominator, none.value, none.text) == (0, 0, None, "无（已审结的行政复议、行政诉讼为 0）")
    assert rate(KIND_BY_KEY["disclosure"], [], 1).value is None


# --------------------------------------------------------------------------
# The assessment rulepack
# --------------------------------------------------------------------------

RULEPACK = """\
title: 测试细则
items:
  - {name: 逾期, fact: late, points: 0.5}
  - {name: 重复, fact: similarity, above: 0.5, points: 0.5}
  - {name: 纠错, fact: corrected_cases, per_case: 2, cap: 3}
  - {name: 错误, fact: findings, severity: error, per_case: 0.5}
  - {name: 代码, fact: findings, codes: [E15], points: 1}
  - {name: 空缺, fact: empty_sections, sections: [problems, other_matters], per_case: 0.25}
  - {name: 公开率低, fact: rate, rate: disclosure, below: 0.7, points: 0.5}
  - {name: 纠错率高, fact: rate, rate: correction, above: 0.2, points: 1}
"""


def rulepack(tmp_path: Path, text: str = RULEPACK) -> Rulepack:
    (tmp_path / "assessment.yaml").write_text(text, encoding="utf-8")
    pack, findings = load_rulepack(tmp_path / "assessment.yaml", "assessment.yaml")
    assert findings == [] and pack is not None
    return pack


def test_each_kind_of_assessment_item(tmp_path: Path) -> None:
    r2021 = edit(
        R2021,
        ("published_date: 2022-01-20", "published_date: 2022-02-05"),
        (
            "  review:                  {upheld: 2, corrected: 1, other: 0, pending: 1, total: 4}",
            "  review:                  {upheld: 1, corrected: 2, other: 0, pending: 1, total: 4}",
        ),
        (
            "  litigation_direct:       {upheld: 1, corrected: 0, other: 0, pending: 1}",
            "  litigation_direct:       {upheld: 0, corrected: 1, other: 0, pending: 1}",
        ),
    )
    r2021 = r2021.split("problems:")[0] + "problems: ''\nother_matters: 本年度未收取信息处理费。\n" + r2021.split("other_matters:", 1)[1].split("\n", 1)[1]
    portal = portal_of(tmp_path / "p", r2020=R2020, r2021=r2021)
    entry = year_progress(portal, 2021, dt.date(2022, 3, 1), min_sample=4).entries[0]
    got = {d.item.name: (d.cases, d.points) for d in assess(rulepack(tmp_path), entry)}
    errors = sum(1 for f in entry.findings if f.is_error)
    assert errors >= 1  # E13: 五 left empty
    assert got == {
        "逾期": (1, Decimal("0.5")),
        "纠错": (3, Decimal("3")),  # 3 cases at 2 points, capped at 3
        "错误": (errors, Decimal("0.5") * errors),
        "代码": (1, Decimal("1")),
        "空缺": (1, Decimal("0.25")),
        "公开率低": (1, Decimal("0.5")),  # 25/41 = 61 % < 70 %
        "纠错率高": (1, Decimal("1")),  # 3/4
    }
    evidence = {d.item.name: d.evidence for d in assess(rulepack(tmp_path), entry)}
    assert evidence["逾期"][0].text == "逾期发布：2022-02-05 发布，期限 2022-01-31，晚 5 天"
    assert evidence["纠错"][0].field == "review_litigation.review.corrected"
    assert evidence["空缺"][0].text == "“五、存在的主要问题及改进情况”未填写"


def test_similarity_and_a_small_sample_in_the_assessment(tmp_path: Path) -> None:
    copied = edit(R2021, ("year: 2021", "year: 2022"), ("published_date: 2022-01-20", "published_date: 2023-01-20"))
    portal = portal_of(tmp_path / "p", r2021=R2021, r2022=copied)
    entry = year_progress(portal, 2022, dt.date(2023, 3, 1)).entries[0]  # default minimum sample 30 > 4 concluded cases
    got = {d.item.name: d.cases for d in assess(rulepack(tmp_path), entry)}
    assert entry.similarity == 1.0
    assert "重复" in got and "纠错率高" not in got and "公开率低" in got
    assert total(assess(rulepack(tmp_path), entry)) == sum(d.points for d in assess(rulepack(tmp_path), entry))


def test_an_overdue_agency_is_only_assessed_for_lateness(tmp_path: Path) -> None:
    portal = portal_of(tmp_path / "p", r2021=R2021)
    entry = year_progress(portal, 2022, dt.date(2023, 2, 10)).entries[0]
    assert [(d.item.name, d.evidence[0].text) for d in assess(rulepack(tmp_path), entry)] == [("逾期", "逾期未发布：期限 2023-01-31 已过 10 天")]


def test_a_wrong_rulepack_names_file_line_and_fix(tmp_path: Path) -> None:
    (tmp_path / "assessment.yaml").write_text("title: 细则\nitems:\n  - {name: 逾期, fact: late}\n  - {name: 快, fact: speed, points: 1}\n", encoding="utf-8")
    pack, findings = load_rulepack(tmp_path / "assessment.yaml", "assessment.yaml")
    assert pack is None
    assert [f.format_text() for f in findings] == [
        "assessment.yaml:3:5: 错误 [S006] items.0（考核项）：考核项“逾期”不完整 (请填写 points（固定扣分）或 per_case（每例扣分）其中之一)",
        "assessment.yaml:4:21: 错误 [S006] items.1.fact（考核项 / 考核依据）：取值不在可选范围内，"
        "可选值：'late', 'similarity', 'corrected_cases', 'findings', 'empty_sections' or 'rate' (请从可选值中选择)",
    ]
    with pytest.raises(ProgressConfigError) as err:
        progress_config({"assessment": "assessment.yaml"}, tmp_path)
    assert "assessment.yaml:4:21" in str(err.value)


def test_progress_settings(tmp_path: Path) -> None:
    config = progress_config({}, tmp_path)
    assert (config.visibility, config.public, config.min_sample, config.rulepack) == ("internal", False, 30, None)
    assert progress_config({"progress": "public", "progress_as_of": "2026-02-20"}, tmp_path).as_of == dt.date(2026, 2, 20)
    with pytest.raises(ProgressConfigError) as err:
        progress_config({"progress": "yes"}, tmp_path)
    assert str(err.value) == "mkdocs.yml 的 nianbao 插件设置 progress：“yes”不是可选值，请写 public（公开发布报送进度页）或 internal（只供内部使用）"
    with pytest.raises(ProgressConfigError):
        progress_config({"assessment": "missing.yaml"}, tmp_path)


# --------------------------------------------------------------------------
# The CSV
# --------------------------------------------------------------------------


def test_the_csv_opens_with_the_right_labels(tmp_path: Path) -> None:
    late = edit(R2021, ("published_date: 2022-01-20", "published_date: 2022-02-05"))
    portal = portal_of(tmp_path / "p", r2020=R2020, r2021=late)
    data = progress_csv(year_progress(portal, 2021, dt.date(2022, 3, 1), min_sample=4), rulepack(tmp_path))
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == list(HEADER)
    assert HEADER[:8] == ("机关代码", "机关名称", "机关类型", "报告年度", "状态", "发布期限", "发布日期", "逾期天数")
    row = rows[0]
    assert (row["机关名称"], row["机关类型"], row["状态"], row["发布期限"], row["发布日期"], row["逾期天数"]) == (
        "测试市教育局",
        "政府部门",
        "逾期发布",
        "2022-01-31",
        "2022-02-05",
        "5",
    )
    assert (row["公开率"], row["公开率分子"], row["公开率分母"], row["问题代码"]) == ("61.0%", "25", "41", "E15")
    assert row["扣分明细"].startswith("逾期 0.5分；")


# --------------------------------------------------------------------------
# A large year is split into pages
# --------------------------------------------------------------------------


def test_a_large_year_is_split_by_group_and_every_agency_is_on_one_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import REPO
    from nianbao.site import progress as site_progress

    monkeypatch.setattr(site_progress, "PAGE_ROWS", 2)
    portal = build_portal(REPO / "data", REPO)
    config = progress_config({"progress": "public", "progress_as_of": "2026-02-20"}, REPO)
    supervision = supervise(portal, config)
    progress = site_progress.progress_of(supervision)
    parts = progress.parts[2025]
    assert parts and all(len(p.entries) <= 2 for p in parts)
    listed = [e.agency.id for p in parts for e in p.entries]
    assert sorted(listed) == sorted(e.agency.id for e in progress.years[2025].entries)  # each once
    assert len({p.url for p in parts}) == len(parts) and all(p.url.startswith("progress/2025/") for p in parts)
    pages = {p.url: p for p in site_progress.progress_pages(supervision)}
    year_page = pages["progress/2025/"].body()
    assert 'id="nb-progress-groups-2025"' in year_page and 'id="nb-progress-2025"' not in year_page
    for part in parts:
        assert f'href="{part.url.removeprefix("progress/2025/")}"' in year_page
        body = pages[part.url].body()
        assert body.count('<tr class="nb-row-') == len(part.entries)
    # A year within the limit stays one page.
    monkeypatch.setattr(site_progress, "PAGE_ROWS", 200)
    assert site_progress.year_parts(portal, progress.years[2025]) == []


def test_every_plugin_option_is_documented_in_the_maintainers_guide() -> None:
    from conftest import REPO
    from nianbao.engine.plugin import NianbaoConfig

    guide = (REPO / "docs/guide/maintaining.md").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name, _ in NianbaoConfig._schema if f"`nianbao` → `{name}`" not in guide]
    assert missing == []
    for fact in ("late", "similarity", "corrected_cases", "findings", "empty_sections", "rate"):
        assert f"`{fact}`" in guide and f"`{fact}`" in readme, fact
    assert "nianbao progress --out" in guide and "nianbao progress" in readme


def test_a_years_rates_are_the_agencies_counts_summed(tmp_path: Path) -> None:
    agency = fixture("agency.yaml")
    files = {f"{AGENCY_ID}/agency.yaml": agency, f"{AGENCY_ID}/2021.yaml": R2021, "ceshi-two/agency.yaml": agency, "ceshi-two/2021.yaml": R2021}
    root = write_tree(tmp_path, files)
    portal = build_portal(root / "data", root)
    year = year_progress(portal, 2021, dt.date(2022, 6, 1), min_sample=50)
    both = rates([d.report for d in portal.reports], 50)
    assert {k: (r.numerator, r.denominator, r.value) for k, r in year.rates.items()} == {k: (r.numerator, r.denominator, r.value) for k, r in both.items()}
    assert (year.rates["disclosure"].numerator, year.rates["disclosure"].denominator, year.rates["disclosure"].percent) == (50, 82, "61.0%")
    assert all(e.rates["disclosure"].value is None for e in year.entries)  # 41 cases each: under 50, over it together
