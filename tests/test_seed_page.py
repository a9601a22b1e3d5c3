"""The seed report (a real published report) appears on its page exactly: every figure, every sentence.

Expectations are read from the seed text as published (tests/fixtures), not
from our own YAML, so a transcription or rendering slip fails here.
"""

from __future__ import annotations

import re

import lxml.html
import pytest

from conftest import Build, fixture_text
from htmltable import grid, lookup, tables

SEED = fixture_text("seed-zhangshu-2020.txt")
PAGE = "reports/zhangshu-jgswj/2020/index.html"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")

# Table 二 of the 2019 format, in reading order (spec §11), to pair with the seed's figures.
T2_CELLS = [
    ("规章", "本年新制作数量"), ("规章", "本年新公开数量"), ("规章", "对外公开总数量"),
    ("规范性文件", "本年新制作数量"), ("规范性文件", "本年新公开数量"), ("规范性文件", "对外公开总数量"),
    ("行政许可", "上一年项目数量"), ("行政许可", "本年增/减"), ("行政许可", "处理决定数量"),
    ("其他对外管理服务事项", "上一年项目数量"), ("其他对外管理服务事项", "本年增/减"), ("其他对外管理服务事项", "处理决定数量"),
    ("行政处罚", "上一年项目数量"), ("行政处罚", "本年增/减"), ("行政处罚", "处理决定数量"),
    ("行政强制", "上一年项目数量"), ("行政强制", "本年增/减"), ("行政强制", "处理决定数量"),
    ("行政事业性收费", "上一年项目数量"), ("行政事业性收费", "本年增/减"),
    ("政府集中采购", "采购项目数量"), ("政府集中采购", "采购总金额"),
]  # fmt: skip


def _between(start: str, end: str) -> str:
    return SEED[SEED.index(start) : SEED.index(end, SEED.index(start) + len(start))]


def _seed_numbers(start: str, end: str) -> list[str]:
    return [line.strip() for line in _between(start, end).splitlines() if NUMBER.fullmatch(line.strip())]


@pytest.fixture(scope="module")
def page(repo_site: Build) -> str:
    return (repo_site.site / PAGE).read_text(encoding="utf-8")


def test_table2_every_seed_figure_in_its_cell(page: str) -> None:
    figures = _seed_numbers("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况")
    assert len(figures) == len(T2_CELLS)
    g = grid(tables(page)[0])
    for (row, col), figure in zip(T2_CELLS, figures, strict=True):
        assert lookup(g, row, col) == figure, (row, col)


def test_table3_figures_and_labels(page: str) -> None:
    figures = _seed_numbers("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议")
    # The copied seed lost some columns of this table, but every figure it kept is 0.
    assert figures and set(figures) == {"0"}
    g = grid(tables(page)[1])
    data = [cell.text for row in g for cell in row if not cell.header]
    assert data and set(data) == {"0"}
    assert lookup(g, "一、本年新收政府信息公开申请数量", "总计") == "0"
    assert lookup(g, "1.属于国家秘密", "商业企业") == "0"
    assert lookup(g, "四、结转下年度继续办理", "自然人") == "0"


def test_table4_fifteen_figures_in_order(page: str) -> None:
    figures = _seed_numbers("四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况")
    g = grid(tables(page)[2])
    data_row = [cell.text for cell in g[-1]]
    assert figures == data_row and len(data_row) == 15


def test_canonical_label_printed_not_the_seed_typo(page: str) -> None:
    assert "结果维护" in SEED
    assert "结果维护" not in page
    assert page.count("结果维持") == 3


def test_all_six_sections_text(page: str) -> None:
    text = re.sub(r"\s+", "", lxml.html.fromstring(page).xpath("//div[contains(@class,'nb-report')]")[0].text_content())
    title = re.sub(r"\s+", "", "".join(SEED.strip().splitlines()[:2]))
    assert title in text
    prose = [line.strip() for line in SEED.splitlines() if len(line.strip()) >= 30 and not line.startswith("\t")]
    assert len(prose) == 8  # opening, 一 and its five subsections, 五
    for line in prose:
        assert re.sub(r"\s+", "", line) in text, line[:30]
    for heading in ("一、总体情况", "（一）主动公开", "（五）监督保障", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert heading in text
    assert "六、其他需要报告的事项无" in text  # section 六 reads just 无 in the seed
