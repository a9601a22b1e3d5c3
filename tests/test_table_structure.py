"""Rendered tables match the national formats cell by cell (spec §3.2–3.4, §4.3–4.5).

The expected layouts below are transcribed from the spec, independently of
nianbao.model.labels, so a wrong label, order or merge in the code fails here.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from conftest import FIXTURES, REPO
from htmltable import grid, lookup
from nianbao.downloads import new_build
from nianbao.model.load import load_agency, load_report
from nianbao.model.portal import Loaded, index
from nianbao.site.render import report_body

Row = list[tuple[str, str, int, int]]  # (tag, text, rowspan, colspan)


def th(text: str, rowspan: int = 1, colspan: int = 1) -> tuple[str, str, int, int]:
    return ("th", text, rowspan, colspan)


def td(colspan: int = 1) -> tuple[str, str, int, int]:
    return ("td", "*", 1, colspan)


def values(n: int, colspan: int = 1) -> Row:
    return [td(colspan) for _ in range(n)]


def _block(caption: str, width: int, columns: list[str], lines: list[str]) -> list[Row]:
    span = (width - 1) // len(columns)
    rows: list[Row] = [[th(caption, colspan=width)], [th("信息内容"), *(th(c, colspan=span) for c in columns)]]
    rows += [[th(line), *values(len(columns), span)] for line in lines]
    return rows


T2_2021 = [
    *_block("第二十条第（一）项", 4, ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
    *_block("第二十条第（五）项", 4, ["本年处理决定数量"], ["行政许可"]),
    *_block("第二十条第（六）项", 4, ["本年处理决定数量"], ["行政处罚", "行政强制"]),
    *_block("第二十条第（八）项", 4, ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
]
T2_2019 = [
    *_block("第二十条第（一）项", 7, ["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
    *_block("第二十条第（五）项", 7, ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "其他对外管理服务事项"]),
    *_block("第二十条第（六）项", 7, ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]),
    *_block("第二十条第（八）项", 7, ["上一年项目数量", "本年增/减"], ["行政事业性收费"]),
    *_block("第二十条第（九）项", 7, ["采购项目数量", "采购总金额"], ["政府集中采购"]),
]

T3_HEAD = [
    [th("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), th("申请人情况", colspan=7)],
    [th("自然人", rowspan=2), th("法人或其他组织", colspan=5), th("总计", rowspan=2)],
    [th("商业企业"), th("科研机构"), th("社会公益组织"), th("法律服务机构"), th("其他")],
]
REFUSED = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
           "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]  # fmt: skip
UNAVAILABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOT_PROCESSED = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]
OTHER_2021 = [
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
]


def _group(label: str, items: list[str]) -> list[Row]:
    return [[*([th(label, rowspan=len(items))] if i == 0 else []), th(item), *values(7)] for i, item in enumerate(items)]


def t3_body(version: str) -> list[Row]:
    other = _group("（六）其他处理", OTHER_2021) if version == "2021" else [[th("（六）其他处理", colspan=2), *values(7)]]
    results = [
        [th("（一）予以公开", colspan=2), *values(7)],
        [th("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2), *values(7)],
        *_group("（三）不予公开", REFUSED),
        *_group("（四）无法提供", UNAVAILABLE),
        *_group("（五）不予处理", NOT_PROCESSED),
        *other,
        [th("（七）总计", colspan=2), *values(7)],
    ]
    results[0] = [th("三、本年度办理结果", rowspan=len(results)), *results[0]]
    return [
        [th("一、本年新收政府信息公开申请数量", colspan=3), *values(7)],
        [th("二、上年结转政府信息公开申请数量", colspan=3), *values(7)],
        *results,
        [th("四、结转下年度继续办理", colspan=3), *values(7)],
    ]


OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T4 = [
    [th("行政复议", colspan=5), th("行政诉讼", colspan=10)],
    [*(th(o, rowspan=2) for o in OUTCOMES), th("未经复议直接起诉", colspan=5), th("复议后起诉", colspan=5)],
    [*(th(o) for o in OUTCOMES), *(th(o) for o in OUTCOMES)],
    values(15),
]


def _rows(table: lxml.html.HtmlElement) -> list[Row]:
    out = []
    for tr in table.xpath("./thead/tr|./tbody/tr"):
        out.append(
            [
                (el.tag, el.text_content().strip() if el.tag == "th" else "*", int(el.get("rowspan", 1)), int(el.get("colspan", 1)))
                for el in tr.xpath("./th|./td")
            ]
        )
    return out


def _render(report_path: Path, year: int) -> str:
    loaded = Loaded()
    agency, _ = load_agency(FIXTURES / "reports" / "agency.yaml", "agency.yaml", "ceshi-jyj")
    assert agency is not None
    loaded.agencies["ceshi-jyj"] = agency
    doc, findings = load_report(report_path, report_path.name, "ceshi-jyj", year)
    assert doc is not None, findings
    loaded.reports.append(doc)
    portal = index(loaded, REPO, [])
    return report_body(new_build(portal), doc)


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[lxml.html.HtmlElement]]:
    html = {"2021": _render(FIXTURES / "reports" / "2021.yaml", 2021), "2019": _render(REPO / "data" / "zhangshu-jgswj" / "2020.yaml", 2020)}
    return {v: lxml.html.fromstring(h).xpath("//table") for v, h in html.items()}


@pytest.mark.parametrize("version,expected", [("2019", T2_2019), ("2021", T2_2021)])
def test_table2_layout(rendered: dict[str, list[lxml.html.HtmlElement]], version: str, expected: list[Row]) -> None:
    assert _rows(rendered[version][0]) == expected


@pytest.mark.parametrize("version,body_rows,span", [("2019", 23, 20), ("2021", 25, 22)])
def test_table3_layout(rendered: dict[str, list[lxml.html.HtmlElement]], version: str, body_rows: int, span: int) -> None:
    rows = _rows(rendered[version][1])
    assert rows[:3] == T3_HEAD
    assert rows[3:] == t3_body(version)
    assert len(rows) - 3 == body_rows
    assert rows[5][0] == th("三、本年度办理结果", rowspan=span)
    # No invented subtotal rows or columns (spec E19).
    text = "".join(cell[1] for row in rows for cell in row)
    assert "小计" not in text


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_table4_layout(rendered: dict[str, list[lxml.html.HtmlElement]], version: str) -> None:
    assert _rows(rendered[version][2]) == T4


def test_headers_are_accessible(rendered: dict[str, list[lxml.html.HtmlElement]]) -> None:
    for table in rendered["2021"]:
        assert table.xpath("./caption")
        assert all(el.get("scope") in {"row", "col", "rowgroup", "colgroup"} for el in table.xpath(".//th")[1:])


def test_2021_figures_in_their_cells(rendered: dict[str, list[lxml.html.HtmlElement]]) -> None:
    t2, t3, t4 = (grid(t) for t in rendered["2021"])
    assert lookup(t2, "行政规范性文件", "现行有效件数") == "26"
    assert lookup(t2, "行政许可", "本年处理决定数量") == "1520"
    assert lookup(t2, "行政事业性收费", "本年收费金额（单位：万元）") == "12.35"
    assert lookup(t3, "一、本年新收政府信息公开申请数量", "总计") == "39"
    assert lookup(t3, "二、上年结转政府信息公开申请数量", "总计") == "3"  # computed: 2 + 1
    assert lookup(t3, "1.本机关不掌握相关政府信息", "商业企业") == "2"
    assert lookup(t3, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "自然人") == "2"
    assert lookup(t3, "（七）总计", "总计") == "41"
    assert [c.text for c in t4[-1]] == ["2", "1", "0", "1", "4", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0"]
