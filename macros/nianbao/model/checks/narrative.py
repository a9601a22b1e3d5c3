"""The prose sections: present where required, and their figures agree with the tables.

N-1, N-2 and E13 (一, each of its subsections, and 五 must say something) are
errors; V-6-1, V-6-2 (the
信息处理费 statement in 六 from 2021) and RX-1 (figures quoted in the prose vs
the tables) are warnings, because prose may legitimately cover another scope.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nianbao.model import labels as L
from nianbao.model.checks.rule import at, at_key
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc
from nianbao.model.source import Path

if TYPE_CHECKING:
    from nianbao.model.portal import Portal

# What a clerk writes when there is "nothing": compared after dropping whitespace and punctuation.
_NOTHING = {"", "无", "暂无", "没有", "无问题", "暂无问题", "无其他事项", "暂无其他事项"}
_PUNCT = re.compile(r"[\s。，、；：！？.,;:!?“”\"'（）()—\-…]+")
FEE_WORD = "信息处理费"


def check(doc: ReportDoc, portal: Portal) -> list[Finding]:
    return [*_required(doc), *_other_matters(doc), *_figures(doc)]


def _is_nothing(text: str) -> bool:
    return _PUNCT.sub("", text) in _NOTHING


def overview_texts(doc: ReportDoc) -> Iterator[tuple[Path, str]]:
    """Every paragraph block of 一, with its path in the file."""
    overview = doc.report.overview
    yield ("overview", "text"), overview.text
    for i, sub in enumerate(overview.subsections):
        yield ("overview", "subsections", i, "text"), sub.text


def _blank(text: str) -> bool:
    return _PUNCT.sub("", text) == ""


def _required(doc: ReportDoc) -> list[Finding]:
    findings = []
    if all(_is_nothing(text) for _, text in overview_texts(doc)):
        findings.append(
            at_key(
                doc,
                ("overview",),
                "N-1",
                f"“{L.SECTIONS['overview']}”没有内容",
                "请填写总体情况：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障",
            )
        )
    else:
        # A subheading left blank (as `nianbao new` leaves them) would be published as an empty heading.
        for i, sub in enumerate(doc.report.overview.subsections):
            if _blank(sub.text):
                findings.append(
                    at_key(
                        doc,
                        ("overview", "subsections", i, "text"),
                        "N-2",
                        f"“{L.SECTIONS['overview']}”的“{sub.title}”没有内容",
                        f"请填写“{sub.title}”的情况；本单位确无此项工作的，请写明“本年度无……”，或删除这一小标题",
                    )
                )
    if _is_nothing(doc.report.problems):
        findings.append(
            at_key(
                doc,
                ("problems",),
                "E13",
                f"“{L.SECTIONS['problems']}”{_said(doc.report.problems)}，这一部分不能空缺或只写“无”",
                "请写明本年度政府信息公开工作存在的主要问题和改进措施",
            )
        )
    return findings


def _said(text: str) -> str:
    """What the clerk wrote, for the message: "只写了“无”", or "为空" when nothing at all."""
    written = text.strip()
    return f"只写了“{written}”" if written else "为空"


def _other_matters(doc: ReportDoc) -> list[Finding]:
    if doc.format_version != "2021":
        return []  # 2019 format: "无" is accepted practice and there was no fee scheme yet
    text = doc.report.other_matters
    if _is_nothing(text):
        return [
            at_key(
                doc,
                ("other_matters",),
                "V-6-2",
                f"“{L.SECTIONS['other_matters']}”{_said(text)}，2021 年度起至少应报告信息处理费收取情况",
                "请写明信息处理费收取情况，如“本年度未收取信息处理费”，以及其他需要报告的事项",
            )
        ]
    if FEE_WORD not in text:
        return [
            at_key(
                doc,
                ("other_matters",),
                "V-6-1",
                f"“{L.SECTIONS['other_matters']}”中没有信息处理费收取情况",
                "请按《政府信息公开信息处理费管理办法》写明收费情况，如“本年度未收取信息处理费”",
            )
        ]
    return []


# --------------------------------------------------------------------------
# RX-1: figures quoted in 一 and 五
# --------------------------------------------------------------------------

# A short stretch of text inside one clause: no punctuation, no digits.
_GAP = r"[^，。；！？,;\d]{0,12}?"
# The same, but it must not run into the other of 复议/诉讼 ("行政复议及行政诉讼1件" is ambiguous).
_GAP_LAW = r"(?:(?!诉讼|复议)[^，。；！？,;\d]){0,12}?"
_COUNT = r"(\d+)\s*件"


@dataclass(frozen=True)
class Quote:
    """A kind of figure clerks quote in prose, and where the table holds it."""

    pattern: re.Pattern[str]
    table: str  # the table cell named in the message
    value: Callable[[ReportDoc], int]


def _t4_total(doc: ReportDoc, *keys: str) -> int:
    return sum(getattr(doc.report.review_litigation, k).shown_total for k in keys)


QUOTES: tuple[Quote, ...] = (
    Quote(
        re.compile(r"(?:收到|新收|受理)" + _GAP_LAW + r"申请(?!人)" + _GAP + _COUNT),
        f"表三“{L.T3_RECEIVED.label}”的总计",
        lambda d: d.report.applications.received.shown_total,
    ),
    Quote(
        re.compile(r"上年结转" + _GAP + _COUNT),
        f"表三“{L.T3_CARRIED_OVER.label}”的总计",
        lambda d: d.report.applications.carried_over.shown_total,
    ),
    Quote(
        re.compile(r"结转(?:至|到)?下一?年度?" + _GAP + _COUNT),
        f"表三“{L.T3_CARRIED_FORWARD.label}”的总计",
        lambda d: d.report.applications.carried_forward.shown_total,
    ),
    Quote(
        re.compile(r"予以公开(?:及|和|与|、)部分公开" + _GAP + _COUNT),
        "表三“（一）予以公开”与“（二）部分公开”的总计之和",
        lambda d: d.report.applications.granted.shown_total + d.report.applications.partly_granted.shown_total,
    ),
    Quote(
        re.compile(r"行政复议(?!后)" + _GAP_LAW + _COUNT),
        "表四“行政复议”的总计",
        lambda d: _t4_total(d, "review"),
    ),
    Quote(
        re.compile(r"行政诉讼" + _GAP_LAW + _COUNT),
        "表四“未经复议直接起诉”与“复议后起诉”的总计之和",
        lambda d: _t4_total(d, "litigation_direct", "litigation_after_review"),
    ),
)


def _figures(doc: ReportDoc) -> list[Finding]:
    """RX-1: "收到申请N件" and the like must match the table they quote."""
    texts = [*overview_texts(doc), (("problems",), doc.report.problems)]
    findings = []
    for path, text in texts:
        if "件" not in text:
            continue  # most paragraphs quote no counts: skip the regexes
        section = L.SECTIONS["problems"] if path[0] == "problems" else L.SECTIONS["overview"]
        for quote in QUOTES:
            expected: int | None = None
            for match in quote.pattern.finditer(text):
                expected = quote.value(doc) if expected is None else expected
                stated = int(match.group(1))
                if stated != expected:
                    findings.append(
                        at(
                            doc,
                            path,
                            "RX-1",
                            f"“{section}”中写“{match.group(0)}”，但{quote.table}为 {expected}",
                            "请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围",
                        )
                    )
    return findings
