"""The typed model of agency profiles and annual reports.

After loading, every other module handles these frozen objects only. Field
titles are the canonical Chinese labels from `labels`, so the JSON Schema an
editor shows while a clerk types speaks the clerk's language.

Derivable totals (row 总计, （七）总计, table 四 总计) are optional: when left
out they are computed; when written they are kept exactly as written so a
check can compare them and an archived report prints what was published.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from nianbao.model import labels as L
from nianbao.model.values import AgencyCode, Amount, Count, Date, Line, OneLine, Prose, Signed, Website, Year


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


# --------------------------------------------------------------------------
# Table 二 — field titles are the labels of `labels.TABLE2`, never typed twice
# --------------------------------------------------------------------------


def _line(version: L.FormatVersion, key: str) -> L.Line:
    return next(line for block in L.TABLE2[version].blocks for line in block.lines if line.key == key)


def _column(version: L.FormatVersion, line: str, key: str | None) -> str:
    block = next(b for b in L.TABLE2[version].blocks if any(ln.key == line for ln in b.lines))
    return next(c.label for c in block.columns if c.key == key)


def _t2(version: L.FormatVersion, line: str) -> str:
    """A 2021 line with its one unnamed column reads "行政许可（本年处理决定数量）"
    (and "行政事业性收费（本年收费金额，单位：万元）": no brackets inside brackets)."""
    label = _line(version, line).label
    block = next(b for b in L.TABLE2[version].blocks if any(ln.key == line for ln in b.lines))
    if block.columns[0].key is not None:
        return label
    return f"{label}（{block.columns[0].label.replace('（', '，').replace('）', '')}）"


class Documents2019(_Model):
    new_made: Count = Field(title=_column("2019", "regulations", "new_made"))
    new_published: Count = Field(title=_column("2019", "regulations", "new_published"))
    total_published: Count = Field(title=_column("2019", "regulations", "total_published"))


class Items2019(_Model):
    previous: Count = Field(title=_column("2019", "licensing", "previous"), description="上一年的事项（项目）数")
    change: Signed = Field(title=_column("2019", "licensing", "change"), description="本年增加或减少的事项数，减少用负数，如 -8")
    decisions: Count = Field(title=_column("2019", "licensing", "decisions"), description="本年办件量")


class Fees2019(_Model):
    previous: Count = Field(title=_column("2019", "fees", "previous"), description="收费项目数，不是金额")
    change: Signed = Field(title=_column("2019", "fees", "change"), description="收费项目增减数，减少用负数")


class Procurement2019(_Model):
    projects: Count = Field(title=_column("2019", "procurement", "projects"))
    amount: Amount = Field(title=_column("2019", "procurement", "amount"), description="只填数字；单位写在 unit 中")
    unit: Line | None = Field(None, title="金额单位", description="如 元 或 万元；原报告未注明时留空")


class ActiveDisclosure2019(_Model):
    regulations: Documents2019 = Field(title=_t2("2019", "regulations"))
    normative_documents: Documents2019 = Field(title=_t2("2019", "normative_documents"))
    licensing: Items2019 = Field(title=_t2("2019", "licensing"))
    other_services: Items2019 = Field(title=_t2("2019", "other_services"))
    punishment: Items2019 = Field(title=_t2("2019", "punishment"))
    enforcement: Items2019 = Field(title=_t2("2019", "enforcement"))
    fees: Fees2019 = Field(title=_t2("2019", "fees"))
    procurement: Procurement2019 = Field(title=_t2("2019", "procurement"))


class Documents2021(_Model):
    issued: Count = Field(title=_column("2021", "regulations", "issued"))
    repealed: Count = Field(title=_column("2021", "regulations", "repealed"))
    in_force: Count = Field(title=_column("2021", "regulations", "in_force"))


class ActiveDisclosure2021(_Model):
    regulations: Documents2021 = Field(title=_t2("2021", "regulations"))
    normative_documents: Documents2021 = Field(title=_t2("2021", "normative_documents"))
    licensing: Count = Field(title=_t2("2021", "licensing"))
    punishment: Count = Field(title=_t2("2021", "punishment"))
    enforcement: Count = Field(title=_t2("2021", "enforcement"))
    fees: Amount = Field(title=_t2("2021", "fees"), description="单位为万元，可带小数，如 96171.6")


# --------------------------------------------------------------------------
# Table 三
# --------------------------------------------------------------------------


class ApplicantRow(_Model):
    """Seven cells of table 三: six applicant types and their 总计."""

    person: Count = Field(title=L.T3_COLUMNS["person"])
    business: Count = Field(title=L.T3_COLUMNS["business"])
    research: Count = Field(title=L.T3_COLUMNS["research"])
    social: Count = Field(title=L.T3_COLUMNS["social"])
    legal: Count = Field(title=L.T3_COLUMNS["legal"])
    other: Count = Field(title=L.T3_COLUMNS["other"])
    total: Count | None = Field(None, title=L.T3_COLUMNS["total"], description="可省略，省略时自动计算；填写时必须等于前六项之和")

    def parts(self) -> tuple[int, ...]:
        return tuple(getattr(self, k) for k in L.T3_PARTS)

    @property
    def sum(self) -> int:
        return sum(self.parts())

    @property
    def shown_total(self) -> int:
        """The 总计 as the report states it (computed when omitted)."""
        return self.total if self.total is not None else self.sum

    def cells(self) -> tuple[int, ...]:
        return (*self.parts(), self.shown_total)

    @classmethod
    def summed(cls, rows: list[ApplicantRow]) -> ApplicantRow:
        """Column-wise sum; the 总计 is the sum of the rows' stated 总计."""
        values = {k: sum(getattr(r, k) for r in rows) for k in L.T3_PARTS}
        return cls(**values, total=sum(r.shown_total for r in rows))


def _group_model(group: L.Group, name: str) -> type[_Model]:
    fields: dict[str, Any] = {item.key: (ApplicantRow, Field(title=item.label)) for item in group.items}
    model: type[_Model] = create_model(name, __base__=_Model, **fields)
    model.__doc__ = group.label
    return model


_GROUPS = {g.key: g for g in L.T3_OUTCOMES["2021"] if isinstance(g, L.Group)}
Refused = _group_model(_GROUPS["refused"], "Refused")
Unavailable = _group_model(_GROUPS["unavailable"], "Unavailable")
NotProcessed = _group_model(_GROUPS["not_processed"], "NotProcessed")
OtherHandling2021 = _group_model(_GROUPS["other_handling"], "OtherHandling2021")

_T = {item.key: item.label for item in L.T3_OUTCOMES["2019"]}


class _Applications(_Model):
    VERSION: ClassVar[L.FormatVersion]
    received: ApplicantRow = Field(title=L.T3_RECEIVED.label)
    carried_over: ApplicantRow = Field(title=L.T3_CARRIED_OVER.label)
    granted: ApplicantRow = Field(title=_T["granted"])
    partly_granted: ApplicantRow = Field(title=_T["partly_granted"])
    refused: Refused = Field(title=_T["refused"])  # type: ignore[valid-type]
    unavailable: Unavailable = Field(title=_T["unavailable"])  # type: ignore[valid-type]
    not_processed: NotProcessed = Field(title=_T["not_processed"])  # type: ignore[valid-type]
    total: ApplicantRow | None = Field(None, title=L.T3_RESULTS_TOTAL.label, description="可省略，省略时自动计算；填写时必须等于各办理结果之和")
    carried_forward: ApplicantRow = Field(title=L.T3_CARRIED_FORWARD.label)

    def row(self, path: tuple[str, ...]) -> ApplicantRow:
        """The row at a table3_rows() path; （七）总计 is computed when omitted."""
        if path == ("total",):
            return self.results_total
        node: Any = self
        for key in path:
            node = getattr(node, key)
        return node  # type: ignore[no-any-return]

    def outcome_rows(self) -> list[ApplicantRow]:
        rows: list[ApplicantRow] = []
        for path in self._outcome_paths():
            rows.append(self.row(path))
        return rows

    def _outcome_paths(self) -> list[tuple[str, ...]]:
        paths: list[tuple[str, ...]] = []
        for outcome in L.T3_OUTCOMES[self.VERSION]:
            if isinstance(outcome, L.Group):
                paths.extend((outcome.key, item.key) for item in outcome.items)
            else:
                paths.append((outcome.key,))
        return paths

    @cached_property  # a new validated row each time otherwise, and statistics, tables and checks all read it
    def computed_total(self) -> ApplicantRow:
        return ApplicantRow.summed(self.outcome_rows())

    @property
    def results_total(self) -> ApplicantRow:
        return self.total if self.total is not None else self.computed_total


class Applications2019(_Applications):
    VERSION = "2019"
    other_handling: ApplicantRow = Field(title=_T["other_handling"])


class Applications2021(_Applications):
    VERSION = "2021"
    other_handling: OtherHandling2021 = Field(title=_GROUPS["other_handling"].label)  # type: ignore[valid-type]


# --------------------------------------------------------------------------
# Table 四
# --------------------------------------------------------------------------


class Outcomes(_Model):
    upheld: Count = Field(title=L.T4_COLUMNS["upheld"])
    corrected: Count = Field(title=L.T4_COLUMNS["corrected"])
    other: Count = Field(title=L.T4_COLUMNS["other"])
    pending: Count = Field(title=L.T4_COLUMNS["pending"])
    total: Count | None = Field(None, title=L.T4_COLUMNS["total"], description="可省略，省略时自动计算；填写时必须等于前四项之和")

    @property
    def sum(self) -> int:
        return sum(getattr(self, k) for k in L.T4_PARTS)

    @property
    def shown_total(self) -> int:
        return self.total if self.total is not None else self.sum

    def cells(self) -> tuple[int, ...]:
        return (*(getattr(self, k) for k in L.T4_PARTS), self.shown_total)


class ReviewLitigation(_Model):
    review: Outcomes = Field(title=L.T4_GROUPS["review"])
    litigation_direct: Outcomes = Field(title=f"{L.T4_LITIGATION}：{L.T4_GROUPS['litigation_direct']}")
    litigation_after_review: Outcomes = Field(title=f"{L.T4_LITIGATION}：{L.T4_GROUPS['litigation_after_review']}")


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------


class Subsection(_Model):
    title: Line = Field(title="小标题", description="如“（一）主动公开”")
    text: Prose = Field(title="正文")


class Overview(_Model):
    text: Prose = Field("", title="总体情况综述")
    subsections: list[Subsection] = Field(
        default_factory=list,
        title="分项情况",
        description="通常为主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五项",
    )


class Signature(_Model):
    name: Line = Field(title="落款机关")
    date: Date = Field(title="落款日期")


class _Report(_Model):
    year: Year = Field(title="报告年度", ge=2019, le=2100, description="数据所属年度，如 2021")
    format: Literal["2019", "2021"] | None = Field(
        None,
        title="格式版本",
        description="一般省略：2019、2020 年度用 2019 年格式，2021 年度起用 2021 年格式。仅当原报告确用另一格式发布时填写",
    )
    status: Literal["draft", "current", "archived"] = Field(
        "current",
        title="状态",
        description=(
            "draft：起草中，检查并可预览，但不在门户上发布；current：已发布，必须填写发布日期并全部通过检查；"
            "archived：按原样导入的历史报告，检查问题只列出、不阻止发布"
        ),
    )
    title: Line | None = Field(None, title="标题", description="省略时为“机关全称+年度+政府信息公开工作年度报告”")
    published_date: Date | None = Field(None, title="发布日期", description="如 2022-01-20")
    opening: Prose = Field("", title="开头段落", description="编制依据、统计期限、全文构成、下载方式和联系方式")
    overview: Overview = Field(title=L.SECTIONS["overview"])
    review_litigation: ReviewLitigation = Field(title=L.SECTIONS["review_litigation"])
    problems: Prose = Field("", title=L.SECTIONS["problems"])
    other_matters: Prose = Field("", title=L.SECTIONS["other_matters"])
    carry_over_note: Prose | None = Field(
        None,
        title="结转差异说明",
        description="本年“上年结转”与上年“结转下年度继续办理”不一致时（如机构合并），在此说明原因",
    )
    signature: Signature | None = Field(None, title="落款")

    @property
    def format_version(self) -> L.FormatVersion:
        return self.format or L.format_for_year(self.year)


class Report2019(_Report):
    """2019 年格式（国办公开办函〔2019〕60号），适用于 2019、2020 年度报告。"""

    active_disclosure: ActiveDisclosure2019 = Field(title=L.SECTIONS["active_disclosure"])
    applications: Applications2019 = Field(title=L.SECTIONS["applications"])


class Report2021(_Report):
    """2021 年格式（国办公开办函〔2021〕30号），适用于 2021 年度起的报告。"""

    active_disclosure: ActiveDisclosure2021 = Field(title=L.SECTIONS["active_disclosure"])
    applications: Applications2021 = Field(title=L.SECTIONS["applications"])


Report = Report2019 | Report2021
REPORT_MODELS: dict[L.FormatVersion, type[Report2019] | type[Report2021]] = {
    "2019": Report2019,
    "2021": Report2021,
}


# --------------------------------------------------------------------------
# The agency profile
# --------------------------------------------------------------------------


class Agency(_Model):
    """机关信息（data/<机关代码>/agency.yaml）。"""

    name: Line = Field(title="机关全称", description="如“樟树市机关事务管理局”")
    short_name: Line | None = Field(None, title="简称")
    type: Literal["government", "department"] = Field(
        title="机关类型",
        description="government：人民政府（年报 3月31日前发布）；department：政府部门（1月31日前发布）",
    )
    parent: AgencyCode | None = Field(None, title="上级机关代码", description="上级机关在 data/ 下的文件夹名，如 shili-shi")
    region: Line = Field(title="所属地区", description="如“樟树市”，年度页按上级机关或地区分组")
    address: OneLine | None = Field(None, title="地址")
    postcode: OneLine | None = Field(None, title="邮政编码", description='六位数字，请加引号，如 "331200"')
    phone: OneLine | None = Field(None, title="联系电话", description='请加引号，如 "0795-7333735"')
    email: OneLine | None = Field(None, title="电子邮箱")
    website: Website | None = Field(None, title="网站")
    office_hours: OneLine | None = Field(None, title="办公时间")
    how_to_apply: Prose | None = Field(None, title="依申请公开办理方式", description="受理机构、申请方式、地址和联系电话")
    contact_office: Line | None = Field(None, title="联系科室", description="如“局办公室”")
    active_from: Year | None = Field(None, title="设立年度", description="该年度起应发布年报；省略表示一直存在")
    active_until: Year | None = Field(None, title="撤销年度", description="最后一个应发布年报的年度；省略表示仍存在")
    maintainers: list[OneLine] = Field(default_factory=list, title="维护人", description="负责本机关数据的 GitHub 用户或团队，如 @zhangsan 或 @org/team")

    @property
    def display_name(self) -> str:
        return self.name
