"""RY-6: the narrative of 一 and 五 must not repeat last year's report (warning).

Measure: Jaccard similarity of the sets of adjacent character pairs (bigrams)
of the two texts, counting Chinese characters only, so that changed years and
figures, punctuation and spacing do not hide a copy. Two texts written
independently on the same subject by the same office score about 0.2–0.35;
last year's text with the year changed scores close to 1. Above 0.5 — the
line 宿迁's assessment uses for 重复 — is reported with the figure.

Bigram sets are linear to build and compare (difflib's ratio is quadratic on
long texts), and each text's set is built once even though a report is
compared both with its predecessor and, a year later, with its successor.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from nianbao.model import labels as L
from nianbao.model.checks.narrative import overview_texts
from nianbao.model.checks.rule import at_key
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc

if TYPE_CHECKING:
    from nianbao.model.portal import Portal

THRESHOLD = 0.5
_NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")


@lru_cache(maxsize=8192)
def bigrams(text: str) -> frozenset[int]:
    """Each pair of adjacent Chinese characters, as one 32-bit number.

    Every character kept is in the Basic Multilingual Plane, so in UTF-16 it is
    two bytes and a pair is four: read as 32-bit numbers from byte 0 and from
    byte 2, the text gives every pair, with no string made per pair (three
    times faster than slicing out two-character strings).
    """
    raw = memoryview(_NOT_HAN.sub("", text).encode("utf-16-le"))
    even, odd = len(raw) // 4 * 4, (len(raw) - 2) // 4 * 4
    pairs = set(raw[:even].cast("I"))
    if odd > 0:
        pairs.update(raw[2 : 2 + odd].cast("I"))
    return frozenset(pairs)


def similarity(a: str, b: str) -> float:
    """Bigram Jaccard similarity of two texts, 0.0 when either has no Chinese text."""
    sa, sb = bigrams(a), bigrams(b)
    if not sa or not sb:
        return 0.0
    shared = len(sa & sb)
    return shared / (len(sa) + len(sb) - shared)  # |A ∪ B| without building the union


def _overview(doc: ReportDoc) -> str:
    return "\n".join(text for _, text in overview_texts(doc))


def section_scores(doc: ReportDoc, last: ReportDoc) -> dict[str, float]:
    """Similarity of sections 一 and 五 to last year's (the progress page and the assessment read it too)."""
    texts = (("overview", _overview), ("problems", lambda d: d.report.problems))
    return {key: similarity(text(doc), text(last)) for key, text in texts}


def check(doc: ReportDoc, portal: Portal) -> list[Finding]:
    last = portal.previous_year(doc)
    if last is None:
        return []
    findings = []
    for key, score in section_scores(doc, last).items():
        if score > THRESHOLD:
            findings.append(
                at_key(
                    doc,
                    (key,),
                    "RY-6",
                    f"“{L.SECTIONS[key]}”与上年报告 {last.path} 的文字相似度为 {score * 100:.1f}%，超过 {THRESHOLD:.0%}",
                    "请按本年度的实际工作重写这一部分，不要沿用上年文字（国办公开办函〔2021〕30号将内容雷同列为追责情形）",
                )
            )
    return findings
