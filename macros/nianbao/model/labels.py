"""Canonical labels and table layouts of the national formats.

This module is the one place where the wording of the 2019 format
(国办公开办函〔2019〕60号) and the 2021 format (国办公开办函〔2021〕30号) lives.
Everything that prints, exports, imports or checks a label reads it from here.
The layouts are data, not markup: the renderer, the exports and the importer
each walk the same structures.

Source: the project's format reference, sections 2, 3, 4 and 11.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FormatVersion = Literal["2019", "2021"]
FORMAT_VERSIONS: tuple[FormatVersion, ...] = ("2019", "2021")

FORMAT_DOCUMENTS: dict[FormatVersion, str] = {
    "2019": "国办公开办函〔2019〕60号",
    "2021": "国办公开办函〔2021〕30号",
}


def format_for_year(year: int) -> FormatVersion:
    """Rule V-1: reports on 2019 and 2020 use the 2019 format, later ones 2021."""
    return "2019" if year <= 2020 else "2021"


TITLE_SUFFIX = "政府信息公开工作年度报告"

# Section titles, identical in both formats (spec §2).
SECTIONS: dict[str, str] = {
    "overview": "一、总体情况",
    "active_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other_matters": "六、其他需要报告的事项",
}

# The five areas real reports use for the subsections of 一 (G-1: not enforced).
OVERVIEW_AREAS: tuple[str, ...] = ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障")


# --------------------------------------------------------------------------
# Table 二 — 主动公开政府信息情况
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str | None  # None: the block has a single value stored directly on the row
    label: str


@dataclass(frozen=True)
class Line:
    key: str
    label: str


@dataclass(frozen=True)
class Block:
    caption: str
    columns: tuple[Column, ...]
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Table2Layout:
    blocks: tuple[Block, ...]
    value_units: int  # width of the value area in grid units (spec §4.3)


CONTENT = "信息内容"

TABLE2: dict[FormatVersion, Table2Layout] = {
    "2019": Table2Layout(
        value_units=6,
        blocks=(
            Block(
                "第二十条第（一）项",
                (
                    Column("new_made", "本年新制作数量"),
                    Column("new_published", "本年新公开数量"),
                    Column("total_published", "对外公开总数量"),
                ),
                (Line("regulations", "规章"), Line("normative_documents", "规范性文件")),
            ),
            Block(
                "第二十条第（五）项",
                (
                    Column("previous", "上一年项目数量"),
                    Column("change", "本年增/减"),
                    Column("decisions", "处理决定数量"),
                ),
                (Line("licensing", "行政许可"), Line("other_services", "其他对外管理服务事项")),
            ),
            Block(
                "第二十条第（六）项",
                (
                    Column("previous", "上一年项目数量"),
                    Column("change", "本年增/减"),
                    Column("decisions", "处理决定数量"),
                ),
                (Line("punishment", "行政处罚"), Line("enforcement", "行政强制")),
            ),
            Block(
                "第二十条第（八）项",
                (Column("previous", "上一年项目数量"), Column("change", "本年增/减")),
                (Line("fees", "行政事业性收费"),),
            ),
            Block(
                "第二十条第（九）项",
                (Column("projects", "采购项目数量"), Column("amount", "采购总金额")),
                (Line("procurement", "政府集中采购"),),
            ),
        ),
    ),
    "2021": Table2Layout(
        value_units=3,
        blocks=(
            Block(
                "第二十条第（一）项",
                (
                    Column("issued", "本年制发件数"),
                    Column("repealed", "本年废止件数"),
                    Column("in_force", "现行有效件数"),
                ),
                (Line("regulations", "规章"), Line("normative_documents", "行政规范性文件")),
            ),
            Block(
                "第二十条第（五）项",
                (Column(None, "本年处理决定数量"),),
                (Line("licensing", "行政许可"),),
            ),
            Block(
                "第二十条第（六）项",
                (Column(None, "本年处理决定数量"),),
                (Line("punishment", "行政处罚"), Line("enforcement", "行政强制")),
            ),
            Block(
                "第二十条第（八）项",
                (Column(None, "本年收费金额（单位：万元）"),),
                (Line("fees", "行政事业性收费"),),
            ),
        ),
    ),
}


def table2_row_labels(version: FormatVersion) -> dict[str, str]:
    """Row key of table 二 → its canonical label."""
    return {line.key: line.label for block in TABLE2[version].blocks for line in block.lines}


def table2_rows_with(version: FormatVersion, column: str) -> tuple[str, ...]:
    """Keys of the table 二 rows whose block has the column, e.g. "change" (本年增/减)."""
    return tuple(line.key for block in TABLE2[version].blocks if any(c.key == column for c in block.columns) for line in block.lines)


# --------------------------------------------------------------------------
# Table 三 — 收到和处理政府信息公开申请情况
# --------------------------------------------------------------------------

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_LEGAL_ENTITIES = "法人或其他组织"

# Column keys in the national order; "total" is the 总计 column.
T3_COLUMNS: dict[str, str] = {
    "person": "自然人",
    "business": "商业企业",
    "research": "科研机构",
    "social": "社会公益组织",
    "legal": "法律服务机构",
    "other": "其他",
    "total": "总计",
}
T3_PARTS: tuple[str, ...] = ("person", "business", "research", "social", "legal", "other")
T3_LEGAL_ENTITY_COLUMNS: tuple[str, ...] = ("business", "research", "social", "legal", "other")


@dataclass(frozen=True)
class Item:
    """One body row of table 三 (a leaf: seven numbers)."""

    key: str
    label: str


@dataclass(frozen=True)
class Group:
    """A labelled group of rows: （三）不予公开 and its numbered sub-items."""

    key: str
    label: str
    items: tuple[Item, ...]


RESULTS_LABEL = "三、本年度办理结果"

T3_RECEIVED = Item("received", "一、本年新收政府信息公开申请数量")
T3_CARRIED_OVER = Item("carried_over", "二、上年结转政府信息公开申请数量")
T3_CARRIED_FORWARD = Item("carried_forward", "四、结转下年度继续办理")
T3_RESULTS_TOTAL = Item("total", "（七）总计")

_REFUSED = Group(
    "refused",
    "（三）不予公开",
    (
        Item("state_secret", "1.属于国家秘密"),
        Item("prohibited_by_law", "2.其他法律行政法规禁止公开"),
        Item("security_stability", "3.危及“三安全一稳定”"),
        Item("third_party_rights", "4.保护第三方合法权益"),
        Item("internal_affairs", "5.属于三类内部事务信息"),
        Item("process_information", "6.属于四类过程性信息"),
        Item("enforcement_files", "7.属于行政执法案卷"),
        Item("query_matters", "8.属于行政查询事项"),
    ),
)
_UNAVAILABLE = Group(
    "unavailable",
    "（四）无法提供",
    (
        Item("not_held", "1.本机关不掌握相关政府信息"),
        Item("needs_creation", "2.没有现成信息需要另行制作"),
        Item("unclear", "3.补正后申请内容仍不明确"),
    ),
)
_NOT_PROCESSED = Group(
    "not_processed",
    "（五）不予处理",
    (
        Item("complaints", "1.信访举报投诉类申请"),
        Item("repeated", "2.重复申请"),
        Item("publications", "3.要求提供公开出版物"),
        Item("excessive", "4.无正当理由大量反复申请"),
        Item("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    ),
)
_OTHER_2021 = Group(
    "other_handling",
    "（六）其他处理",
    (
        Item("no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        Item("unpaid_fees", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        Item("other", "3.其他"),
    ),
)
_OTHER_2019 = Item("other_handling", "（六）其他处理")

_GRANTED = Item("granted", "（一）予以公开")
_PARTLY = Item("partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")

# The outcome rows of 三、本年度办理结果, in order, without （七）总计.
T3_OUTCOMES: dict[FormatVersion, tuple[Item | Group, ...]] = {
    "2019": (_GRANTED, _PARTLY, _REFUSED, _UNAVAILABLE, _NOT_PROCESSED, _OTHER_2019),
    "2021": (_GRANTED, _PARTLY, _REFUSED, _UNAVAILABLE, _NOT_PROCESSED, _OTHER_2021),
}


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class BodyRow:
    """A table 三 body row: its label cells (with spans) and the data path."""

    path: tuple[str, ...]
    labels: tuple[Cell, ...]

    @property
    def label(self) -> str:
        """The row's own label (the innermost one), e.g. 1.属于国家秘密."""
        return self.labels[-1].text


def table3_rows(version: FormatVersion) -> tuple[BodyRow, ...]:
    """Table 三's body rows with the label cells each row starts with (spec §3.3, §4.4)."""
    outcomes = T3_OUTCOMES[version]
    span = sum(len(o.items) if isinstance(o, Group) else 1 for o in outcomes) + 1
    rows = [
        BodyRow((T3_RECEIVED.key,), (Cell(T3_RECEIVED.label, colspan=3),)),
        BodyRow((T3_CARRIED_OVER.key,), (Cell(T3_CARRIED_OVER.label, colspan=3),)),
    ]
    lead: list[Cell] = [Cell(RESULTS_LABEL, rowspan=span)]
    for outcome in outcomes:
        if isinstance(outcome, Group):
            for i, item in enumerate(outcome.items):
                cells = [Cell(outcome.label, rowspan=len(outcome.items))] if i == 0 else []
                rows.append(BodyRow((outcome.key, item.key), (*lead, *cells, Cell(item.label))))
                lead = []
        else:
            rows.append(BodyRow((outcome.key,), (*lead, Cell(outcome.label, colspan=2))))
            lead = []
    rows.append(BodyRow((T3_RESULTS_TOTAL.key,), (Cell(T3_RESULTS_TOTAL.label, colspan=2),)))
    rows.append(BodyRow((T3_CARRIED_FORWARD.key,), (Cell(T3_CARRIED_FORWARD.label, colspan=3),)))
    return tuple(rows)


def table3_row_labels(version: FormatVersion) -> dict[tuple[str, ...], str]:
    """Full row names for exports: '（三）不予公开 1.属于国家秘密'."""
    groups = {o.key: o.label for o in T3_OUTCOMES[version] if isinstance(o, Group)}
    names: dict[tuple[str, ...], str] = {}
    for row in table3_rows(version):
        # A sub-item names its group too: the group cell only starts the first row.
        names[row.path] = f"{groups[row.path[0]]} {row.label}" if len(row.path) > 1 else row.label
    return names


# --------------------------------------------------------------------------
# Table 四 — 政府信息公开行政复议、行政诉讼情况 (identical in both formats)
# --------------------------------------------------------------------------

T4_REVIEW = "行政复议"
T4_LITIGATION = "行政诉讼"
T4_GROUPS: dict[str, str] = {
    "review": "行政复议",
    "litigation_direct": "未经复议直接起诉",
    "litigation_after_review": "复议后起诉",
}
T4_COLUMNS: dict[str, str] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}
T4_PARTS: tuple[str, ...] = ("upheld", "corrected", "other", "pending")
