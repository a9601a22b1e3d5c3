"""考核 (assessment): a portal's own rulepack, applied to each agency's year.

A portal writes its assessment items in `assessment.yaml` beside mkdocs.yml;
each item names one fact nianbao computes and the points deducted, fixed or
per case with a cap. The facts (`fact:`):

- late: published after the deadline, or not published once it has passed;
- similarity: section 一 or 五 repeats last year's text above `above` (0.5 = 50 %);
- corrected_cases: table 四's 结果纠正 cases (行政复议 and 行政诉讼);
- findings: check findings of the given `codes`, or of a `severity` (error / warning);
- empty_sections: the named text sections left empty;
- rate: a rate of `rates` (disclosure, refusal, unavailable, correction) `above` or
  `below` a threshold; a rate over too few cases is never rated.

Every deduction carries its evidence: the words and the report, finding or
field it rests on, so the page can link it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from nianbao.model import labels as L
from nianbao.model.findings import Finding
from nianbao.model.load import _schema_findings, read_document
from nianbao.model.progress import STATES, Entry
from nianbao.model.rates import KIND_BY_KEY

RULEPACK_FILE = "assessment.yaml"
Fact = Literal["late", "similarity", "corrected_cases", "findings", "empty_sections", "rate"]
FACT_WORDS: dict[str, str] = {
    "late": "逾期发布或逾期未发布",
    "similarity": "与上年文字重复率",
    "corrected_cases": "行政复议、行政诉讼结果纠正件数",
    "findings": "检查发现的问题",
    "empty_sections": "文字部分为空",
    "rate": "比率",
}
TEXT_SECTIONS: dict[str, str] = {
    "opening": "开头段落",
    "overview": L.SECTIONS["overview"],
    "problems": L.SECTIONS["problems"],
    "other_matters": L.SECTIONS["other_matters"],
}


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(title="考核项名称", description="如“未及时发布年度报告”")
    fact: Fact = Field(title="考核依据", description="late / similarity / corrected_cases / findings / empty_sections / rate")
    points: Decimal | None = Field(None, title="扣分", gt=0, description="出现即扣的固定分值")
    per_case: Decimal | None = Field(None, title="每例扣分", gt=0, description="按件数或问题数扣分")
    cap: Decimal | None = Field(None, title="最多扣分", gt=0, description="按例扣分时的上限")
    above: Decimal | None = Field(None, title="高于", ge=0, description="similarity、rate：超过此值扣分（0.5 即 50%）")
    below: Decimal | None = Field(None, title="低于", ge=0, description="rate：低于此值扣分")
    rate: Literal["disclosure", "refusal", "unavailable", "correction"] | None = Field(None, title="比率")
    codes: list[str] = Field(default_factory=list, title="问题代码", description="findings：如 [R3-1, RY-1]")
    severity: Literal["error", "warning"] | None = Field(None, title="问题级别", description="findings：error 或 warning")
    sections: list[Literal["opening", "overview", "problems", "other_matters"]] = Field(default_factory=list, title="文字部分")

    @model_validator(mode="after")
    def _complete(self) -> Item:
        problem = self._problem()
        if problem is not None:
            raise PydanticCustomError("rulepack", "考核项“{name}”不完整", {"name": self.name, "fix": problem})
        return self

    def _problem(self) -> str | None:
        if (self.points is None) == (self.per_case is None):
            return "请填写 points（固定扣分）或 per_case（每例扣分）其中之一"
        if self.cap is not None and self.per_case is None:
            return "cap（最多扣分）只用于 per_case（每例扣分）"
        if self.fact == "similarity" and self.above is None:
            return "similarity 需要 above（重复率高于多少扣分，如 0.5）"
        if self.fact == "rate" and (self.rate is None or (self.above is None) == (self.below is None)):
            return "rate 需要 rate（比率名称）和 above 或 below 其中之一"
        if self.fact == "findings" and not self.codes and self.severity is None:
            return "findings 需要 codes（问题代码列表）或 severity（error 或 warning）"
        if self.fact == "empty_sections" and not self.sections:
            return "empty_sections 需要 sections，如 [problems, other_matters]"
        return None


class Rulepack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(title="考核细则名称")
    note: str = Field("", title="说明", description="依据、适用范围；示例细则请注明“示例”")
    items: list[Item] = Field(title="考核项", min_length=1)


@dataclass(frozen=True)
class Evidence:
    text: str
    report: str | None = None  # report file (data/…/YYYY.yaml): the page links the report
    field: str | None = None  # the field in that report, when the evidence is one value
    code: str | None = None  # the finding code, when the evidence is a finding


@dataclass(frozen=True)
class Deduction:
    item: Item
    cases: int
    points: Decimal
    evidence: tuple[Evidence, ...]


def load_rulepack(path: Path, rel: str) -> tuple[Rulepack | None, list[Finding]]:
    values, smap, findings = read_document(path, rel)
    if values is None or smap is None:
        return None, findings
    try:
        return Rulepack.model_validate(values), []
    except ValidationError as err:
        return None, _schema_findings(err, Rulepack, None, smap, rel)


def _points(item: Item, cases: int) -> Decimal:
    if item.points is not None:
        return item.points
    assert item.per_case is not None
    total = item.per_case * cases
    return min(total, item.cap) if item.cap is not None else total


def _percent(value: Decimal | float) -> str:
    return f"{Decimal(str(value)) * 100:.1f}%"


def _evidence(item: Item, entry: Entry) -> list[Evidence]:
    """One Evidence per case of the item's fact in this agency's year (none: nothing to deduct)."""
    doc = entry.report
    where = doc.path if doc else None
    if item.fact == "late":
        if entry.state not in ("late", "overdue"):
            return []
        if entry.state == "late" and doc is not None and doc.report.published_date is not None:
            text = f"{STATES['late']}：{doc.report.published_date.isoformat()} 发布，期限 {entry.due.isoformat()}，晚 {entry.days_late} 天"
            return [Evidence(text, where, "published_date")]
        return [Evidence(f"{STATES['overdue']}：期限 {entry.due.isoformat()} 已过 {entry.days_late} 天", entry.draft.path if entry.draft else None)]
    if doc is None:
        return []  # the report's content is assessed once it is published
    if item.fact == "similarity":
        assert item.above is not None
        if entry.similarity is None or Decimal(str(entry.similarity)) <= item.above:
            return []
        return [Evidence(f"与上年报告文字相似度 {_percent(entry.similarity)}，超过 {_percent(item.above)}", where, code="RY-6")]
    if item.fact == "corrected_cases":
        rl = doc.report.review_litigation
        out = []
        for key, label in L.T4_GROUPS.items():
            count = getattr(rl, key).corrected
            out += [Evidence(f"{label}结果纠正（共 {count} 件）", where, f"review_litigation.{key}.corrected")] * count
        return out
    if item.fact == "findings":
        return [
            Evidence(f"[{f.code}] {f.file}:{f.line} {f.message}", where, f.field, f.code)
            for f in entry.findings
            if (not item.codes or f.code in item.codes) and (item.severity is None or f.severity == item.severity)
        ]
    if item.fact == "empty_sections":
        out = []
        for key in item.sections:
            text = doc.report.overview.text if key == "overview" else getattr(doc.report, key)
            if not text.strip():
                out.append(Evidence(f"“{TEXT_SECTIONS[key]}”未填写", where, key))
        return out
    assert item.rate is not None  # fact == "rate"
    rate = entry.rates[item.rate]
    value = rate.value
    if value is None:
        return []  # too few cases to rate
    if (item.above is not None and value > item.above) or (item.below is not None and value < item.below):
        bound = f"高于 {_percent(item.above)}" if item.above is not None else f"低于 {_percent(item.below or 0)}"
        return [Evidence(f"{KIND_BY_KEY[item.rate].label} {rate.text}，{bound}", where)]
    return []


def assess(rulepack: Rulepack, entry: Entry) -> list[Deduction]:
    """Every item that deducts points from this agency's year, with its evidence."""
    deductions = []
    for item in rulepack.items:
        evidence = _evidence(item, entry)
        if evidence:
            deductions.append(Deduction(item, len(evidence), _points(item, len(evidence)), tuple(evidence)))
    return deductions


def total(deductions: list[Deduction]) -> Decimal:
    return sum((d.points for d in deductions), Decimal(0))
