"""The report's year, everywhere it is written, and when it was published.

E17 (error): the year in a title override and in the opening paragraph's
statistics period must be the report year, and nothing can be published or
signed before that year has ended. (The file name's year is F002, in `load`.)
E15 (warning): Regulation Art. 49 deadlines — departments by 1月31日,
governments by 3月31日 of the following year; a late report is still
published, so this only warns.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from nianbao.model.checks.rule import at
from nianbao.model.deadlines import TYPE_WORDS
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc

if TYPE_CHECKING:
    from nianbao.model.portal import Portal

_YEAR = re.compile(r"(\d{4})\s*年")
_SENTENCE = re.compile(r"[^。；;\n]+")


def check(doc: ReportDoc, portal: Portal) -> list[Finding]:
    return [*_title(doc), *_period(doc), *_dates(doc), *_deadline(doc, portal)]


def _title(doc: ReportDoc) -> list[Finding]:
    title = doc.report.title
    if title is None:
        return []  # the generated title always carries the right year
    years = [int(y) for y in _YEAR.findall(title)]
    if not years:
        message, fix = f"标题“{title}”中没有写年度", f"请在标题中写明“{doc.year}年”，或删去 title 使用自动生成的标题"
    elif any(y != doc.year for y in years):
        wrong = next(y for y in years if y != doc.year)
        message, fix = f"标题中的年度 {wrong} 与报告年度 year: {doc.year} 不一致", f"请把标题中的年度改为 {doc.year}，或改正 year"
    else:
        return []
    return [at(doc, ("title",), "E17", message, fix)]


def _period(doc: ReportDoc) -> list[Finding]:
    """The statistics period sentence: 统计期限自Y年1月1日起至Y年12月31日止 and its variants."""
    findings = []
    for sentence in _SENTENCE.findall(doc.report.opening):
        if "统计" not in sentence or not ("1月1日" in sentence or "12月31日" in sentence):
            continue
        for year in {int(y) for y in _YEAR.findall(sentence)} - {doc.year}:
            findings.append(
                at(
                    doc,
                    ("opening",),
                    "E17",
                    f"开头段落的统计期限“{sentence.strip()}”写的是 {year} 年，与报告年度 year: {doc.year} 不一致",
                    f"请把统计期限改为 {doc.year}年1月1日至 {doc.year}年12月31日，或改正 year",
                )
            )
    return findings


def _dates(doc: ReportDoc) -> list[Finding]:
    """A report on year Y cannot be published or signed before Y has ended."""
    year_end = dt.date(doc.year, 12, 31)
    findings = []
    dated = [(("published_date",), "发布日期", doc.report.published_date)]
    if doc.report.signature is not None:
        dated.append((("signature", "date"), "落款日期", doc.report.signature.date))
    for path, what, date in dated:
        if date is not None and date <= year_end:
            findings.append(
                at(
                    doc,
                    path,
                    "E17",
                    f"{what} {date.isoformat()} 早于统计年度结束（{doc.year}年12月31日），与报告年度 year: {doc.year} 不一致",
                    f"请核对{what}（应在 {doc.year + 1} 年），或改正 year",
                )
            )
    return findings


def _deadline(doc: ReportDoc, portal: Portal) -> list[Finding]:
    published = doc.report.published_date
    agency = portal.agencies.get(doc.agency_id)
    if published is None or agency is None:
        return []
    kind = agency.agency.type
    deadline = portal.deadlines.due(doc.year, kind)
    if published <= deadline:
        return []
    basis = "本门户规定" if portal.deadlines.overridden(doc.year, kind) else "法定"
    return [
        at(
            doc,
            ("published_date",),
            "E15",
            f"发布日期 {published.isoformat()} 晚于{TYPE_WORDS[kind]}年报的{basis}发布期限 "
            f"{deadline.year}年{deadline.month}月{deadline.day}日（《条例》第四十九条）",
            "请核对发布日期；确属逾期发布的，如实保留此日期",
        )
    ]
