"""Rates from tables 三 and 四, always with the number of cases they rest on.

- 公开率: （一）予以公开 + （二）部分公开, over （七）总计;
- 不予公开率: （三）不予公开, over （七）总计;
- 无法提供率: （四）无法提供, over （七）总计;
- 纠错率: 结果纠正 over the concluded 行政复议 and 行政诉讼 cases (总计 − 尚未审结).

A rate over a handful of cases means little, so below a minimum sample (30
by default, the "observation only" line a peer system uses) only the counts
are shown: `value` is None and no rating or deduction is made from it. A zero
denominator gives no rate at any minimum.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from nianbao.model.documents import Report

DEFAULT_MIN_SAMPLE = 30


@dataclass(frozen=True)
class RateKind:
    key: str
    label: str
    numerator_label: str
    denominator_label: str
    parts: Callable[[Report], tuple[int, int]]  # (numerator, denominator) of one report


def _results(r: Report) -> int:
    return r.applications.results_total.shown_total


def _group(r: Report, key: str) -> int:
    node = getattr(r.applications, key)
    return sum(getattr(node, item).shown_total for item in type(node).model_fields)


def _concluded(r: Report) -> tuple[int, int]:
    rl = r.review_litigation
    groups = (rl.review, rl.litigation_direct, rl.litigation_after_review)
    return sum(g.corrected for g in groups), sum(g.shown_total - g.pending for g in groups)


KINDS: tuple[RateKind, ...] = (
    RateKind(
        "disclosure",
        "公开率",
        "予以公开与部分公开",
        "办理结果总计",
        lambda r: (r.applications.granted.shown_total + r.applications.partly_granted.shown_total, _results(r)),
    ),
    RateKind("refusal", "不予公开率", "不予公开", "办理结果总计", lambda r: (_group(r, "refused"), _results(r))),
    RateKind("unavailable", "无法提供率", "无法提供", "办理结果总计", lambda r: (_group(r, "unavailable"), _results(r))),
    RateKind("correction", "纠错率", "行政复议、行政诉讼结果纠正", "已审结的行政复议、行政诉讼", _concluded),
)
KIND_BY_KEY = {k.key: k for k in KINDS}


@dataclass(frozen=True)
class Rate:
    kind: RateKind
    numerator: int
    denominator: int
    min_sample: int

    @property
    def value(self) -> Decimal | None:
        """The rate as a fraction, or None when the cases are too few to mean anything (or none)."""
        if self.denominator == 0 or self.denominator < self.min_sample:
            return None
        return Decimal(self.numerator) / Decimal(self.denominator)

    @property
    def percent(self) -> str:
        """“62.5%”, or “—” when there is no rate."""
        value = self.value
        if value is None:
            return "—"
        return f"{(value * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"

    @property
    def text(self) -> str:
        """What a page shows: the rate with its sample, or the counts alone when the sample is small."""
        if self.denominator == 0:
            return f"无（{self.kind.denominator_label}为 0）"
        if self.value is None:
            return f"{self.numerator}/{self.denominator}（样本不足 {self.min_sample} 件，仅列件数）"
        return f"{self.percent}（{self.numerator}/{self.denominator}）"


def rate(kind: RateKind, reports: Iterable[Report], min_sample: int = DEFAULT_MIN_SAMPLE) -> Rate:
    """One rate over one report or many (a whole year of a portal): the counts are summed first."""
    numerator = denominator = 0
    for report in reports:
        n, d = kind.parts(report)
        numerator += n
        denominator += d
    return Rate(kind, numerator, denominator, min_sample)


def rates(reports: Iterable[Report], min_sample: int = DEFAULT_MIN_SAMPLE) -> dict[str, Rate]:
    chosen = list(reports)
    return {kind.key: rate(kind, chosen, min_sample) for kind in KINDS}


def combined(parts: Iterable[dict[str, Rate]], min_sample: int = DEFAULT_MIN_SAMPLE) -> dict[str, Rate]:
    """The rates of several reports' rates taken together: counts summed, then divided."""
    chosen = list(parts)
    return {
        kind.key: Rate(kind, sum(p[kind.key].numerator for p in chosen), sum(p[kind.key].denominator for p in chosen), min_sample) for kind in KINDS
    }
