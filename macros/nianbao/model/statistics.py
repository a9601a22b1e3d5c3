"""Statistics: totals across agencies per year, and series year over year.

A series is one figure followed over the years. The 2019 and 2021 formats
share tables 三 and 四, so those rows chain across 2020→2021; table 二
changed meaning (spec §6: 本年新制作数量 is not 本年制发件数, 对外公开总数量 is
not 现行有效件数, 2019 （八） counts fee items where 2021 （八） is money), so
each format's table 二 figures are separate series that exist only in the
years of reports in that format — never one line.

Totals are plain sums of what each report states (its totals as written,
computed when left out), over the reports that have the figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from nianbao.model import labels as L
from nianbao.model.documents import ApplicantRow, Report
from nianbao.model.figures import Number, table_figures
from nianbao.model.load import ReportDoc
from nianbao.model.portal import Portal


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    table: str  # a key of figures.TABLES
    format: L.FormatVersion | None  # None: same meaning in both formats
    value: Callable[[Report], Number]

    def applies(self, doc: ReportDoc) -> bool:
        return self.format is None or doc.format_version == self.format


def _t3(path: tuple[str, ...]) -> Callable[[Report], Number]:
    return lambda r: r.applications.row(path).shown_total


def _t3_group(key: str) -> Callable[[Report], Number]:
    def value(r: Report) -> int:
        node = getattr(r.applications, key)
        if isinstance(node, ApplicantRow):  # the 2019 format's single （六）其他处理 row
            return node.shown_total
        return sum(getattr(node, item).shown_total for item in type(node).model_fields)

    return value


def _t4(group: str, column: str) -> Callable[[Report], Number]:
    return lambda r: getattr(getattr(r.review_litigation, group), "shown_total" if column == "total" else column)


def _litigation(r: Report) -> int:
    rl = r.review_litigation
    return rl.litigation_direct.shown_total + rl.litigation_after_review.shown_total


def _outcome_series() -> list[Series]:
    """（一）to（六）: a group's figure is the sum of its items, so 2019 （六） chains with 2021 Σ（六）1–3."""
    out = []
    for outcome in L.T3_OUTCOMES["2021"]:
        label = outcome.label.split("（区分")[0]
        value = _t3_group(outcome.key) if isinstance(outcome, L.Group) else _t3((outcome.key,))
        out.append(Series(f"applications.{outcome.key}", label, "applications", None, value))
    return out


def _table2_series(version: L.FormatVersion) -> list[Series]:
    out = []
    for fig in table_figures(version, "active_disclosure"):
        if fig.path == ("active_disclosure", "procurement", "amount"):
            continue  # agencies state 采购总金额 in different units: no sum is meaningful
        path = fig.path[1:]
        out.append(Series(f"{version}:{fig.key}", f"{fig.row} {fig.column}", "active_disclosure", version, _getter(path)))
    return out


def _getter(path: tuple[str, ...]) -> Callable[[Report], Number]:
    def value(r: Report) -> Number:
        node: object = r.active_disclosure
        for key in path:
            node = getattr(node, key)
        assert isinstance(node, int | Decimal)
        return node

    return value


def _other_handling_items() -> list[Series]:
    group = next(o for o in L.T3_OUTCOMES["2021"] if isinstance(o, L.Group) and o.key == "other_handling")
    return [Series(f"applications.other_handling.{i.key}", f"{group.label} {i.label}", "applications", "2021", _t3((group.key, i.key))) for i in group.items]


APPLICATIONS: tuple[Series, ...] = (
    Series("applications.received", "本年新收申请", "applications", None, _t3((L.T3_RECEIVED.key,))),
    Series("applications.carried_over", "上年结转", "applications", None, _t3((L.T3_CARRIED_OVER.key,))),
    *_outcome_series(),
    Series("applications.total", "办理结果总计", "applications", None, lambda r: r.applications.results_total.shown_total),
    Series("applications.carried_forward", "结转下年度继续办理", "applications", None, _t3((L.T3_CARRIED_FORWARD.key,))),
)
OTHER_HANDLING_2021: tuple[Series, ...] = tuple(_other_handling_items())
REVIEW_LITIGATION: tuple[Series, ...] = tuple(
    Series(f"review_litigation.{g}.{c}", f"{L.T4_GROUPS[g]} {label}", "review_litigation", None, _t4(g, c))
    for g in L.T4_GROUPS
    for c, label in L.T4_COLUMNS.items()
)
LITIGATION_TOTAL = Series("litigation", "行政诉讼总计", "review_litigation", None, _litigation)
ACTIVE_DISCLOSURE: dict[L.FormatVersion, tuple[Series, ...]] = {v: tuple(_table2_series(v)) for v in L.FORMAT_VERSIONS}

# The figures compared across agencies on a year's page and followed on an agency's page.
KEY_SERIES: tuple[Series, ...] = (*APPLICATIONS, REVIEW_LITIGATION[4], LITIGATION_TOTAL)


def all_series() -> tuple[Series, ...]:
    return (*APPLICATIONS, *OTHER_HANDLING_2021, *REVIEW_LITIGATION, LITIGATION_TOTAL, *ACTIVE_DISCLOSURE["2019"], *ACTIVE_DISCLOSURE["2021"])


# --------------------------------------------------------------------------
# Totals
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Total:
    value: Number | None  # None: no report of the year has this figure
    reports: int  # how many reports the sum covers


def total(series: Series, docs: Sequence[ReportDoc]) -> Total:
    covered = [d for d in docs if series.applies(d)]
    if not covered:
        return Total(None, 0)
    return Total(sum((series.value(d.report) for d in covered), start=0), len(covered))


@dataclass(frozen=True)
class YearTotals:
    year: int
    reports: int
    formats: dict[L.FormatVersion, int]  # reports per format version
    totals: dict[str, Total]  # by series key

    def value(self, key: str) -> Number | None:
        return self.totals[key].value


def year_totals(portal: Portal, series: Sequence[Series] | None = None) -> list[YearTotals]:
    """Per year, the sum of each series over that year's reports."""
    chosen = series or all_series()
    out = []
    for year in portal.years:
        docs = portal.by_year[year]
        formats = {v: sum(1 for d in docs if d.format_version == v) for v in L.FORMAT_VERSIONS}
        out.append(YearTotals(year, len(docs), {v: n for v, n in formats.items() if n}, {s.key: total(s, docs) for s in chosen}))
    return out


def series_years(totals: Sequence[YearTotals], series: Series) -> list[YearTotals]:
    """The years in which a series has a value: a 2019-format series never runs into 2021-format years."""
    return [t for t in totals if t.totals[series.key].reports]


def agency_values(doc: ReportDoc, series: Sequence[Series]) -> dict[str, Number | None]:
    """One report's value of each series (None where its format lacks the figure)."""
    return {s.key: s.value(doc.report) if s.applies(doc) else None for s in series}


def versions_present(docs: Sequence[ReportDoc]) -> list[L.FormatVersion]:
    return [v for v in L.FORMAT_VERSIONS if any(d.format_version == v for d in docs)]
