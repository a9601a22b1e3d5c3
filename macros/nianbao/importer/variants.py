"""Label wording as published → the canonical labels of `labels`.

Real reports write the national labels with stray spaces ("商业 企业"),
half-width brackets, "1、" for "1.", other punctuation, annotations in
brackets (湖北's "规章(设区的市…)"), known typos (结果维护, 只记, 合计) and
section headings in the wording of Article 50. Each label is compared in
tiers, from exact to loose; anything but an exact match is a tolerated
variant, and `Match.reason` says which kind, in Chinese, for the report.
Canonical wording is never typed here: every target comes from `labels`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from nianbao.importer.traditional import simplified
from nianbao.model import labels as L

T = TypeVar("T")

# Typos seen in real reports (spec §10; the example report), on normalised keys.
TYPOS: dict[str, str] = {
    "结果维护": "结果维持",
    "只记": "只计",
    "不记": "不计",
    "信访投诉举报": "信访举报投诉",
    "合计": "总计",
}

_SPACE = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
_PUNCT = re.compile(r"[“”\"'‘’「」『』、,，.．。:：;；·・]")
_BRACKETS = re.compile(r"[()（）\[\]【】〔〕]")
_NUMBERING = re.compile(r"^(?:\d+|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+(?=[^一二三四五六七八九十]))")


@functools.lru_cache(maxsize=8192)  # labels repeat in every table and every report of a batch
def key(text: str) -> str:
    """Width, spaces, quotes and punctuation removed, Traditional characters read as Simplified; brackets kept."""
    return _PUNCT.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", simplified(text))))


def loose(text: str) -> str:
    """`key` without brackets either."""
    return _BRACKETS.sub("", key(text))


def fix_typos(k: str) -> tuple[str, list[str]]:
    fixed: list[str] = []
    for wrong, right in TYPOS.items():
        if wrong in k:
            k = k.replace(wrong, right)
            fixed.append(f"“{wrong}”应为“{right}”")
    return k, fixed


@dataclass(frozen=True)
class Match(Generic[T]):
    target: T
    canonical: str
    reason: str  # "" for an exact match

    @property
    def exact(self) -> bool:
        return not self.reason


class LabelIndex(Generic[T]):
    """Canonical labels → targets, looked up tolerantly."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self.exact: dict[str, tuple[str, T]] = {}
        self.keys: dict[str, tuple[str, T]] = {}
        self.loose: dict[str, tuple[str, T]] = {}
        for label, target in entries:
            self.exact.setdefault(label, (label, target))
            self.keys.setdefault(key(label), (label, target))
            self.loose.setdefault(loose(label), (label, target))

    def match(self, text: str, annotations: bool = True) -> Match[T] | None:
        text = text.strip()
        if not text:
            return None
        if text in self.exact:
            label, target = self.exact[text]
            return Match(target, label, "")
        k = key(text)
        hit = self.keys.get(k)
        if hit:
            return Match(hit[1], hit[0], _describe(text, hit[0]))
        fixed, typos = fix_typos(k)
        hit = self.keys.get(fixed) or self.loose.get(_BRACKETS.sub("", fixed))
        if hit:
            reason = "；".join(typos) if typos else "括号不同"
            return Match(hit[1], hit[0], reason)
        if annotations:
            # "规章(设区的市、自治州人民政府应提供相关数据)": a label followed by a bracketed note.
            m = re.fullmatch(r"(.+?)\((.+)\)", fixed)
            if m and m.group(1) in self.keys:
                label, target = self.keys[m.group(1)]
                note = re.search(r"[（(](.+)[）)]\s*$", text)
                return Match(target, label, f"带有括注“{note.group(1) if note else m.group(2)}”")
        return None

    def match_unnumbered(self, text: str) -> Match[T] | None:
        """Last resort: the same words with the numbering left out or different."""
        bare = _NUMBERING.sub("", fix_typos(loose(text))[0])
        if len(bare) < 4:
            return None
        hits = [(label, target) for k, (label, target) in self.loose.items() if _NUMBERING.sub("", k) == bare]
        if len(hits) == 1:
            return Match(hits[0][1], hits[0][0], "编号不同或缺少编号")
        return None

    def match_garbled(self, text: str) -> Match[T] | None:
        """Last resort for a printed typo that drops or garbles characters ("2.其他法律行政止公开").

        Taken only when the numbering is the same, nearly every printed character
        appears in order in the canonical label, most of the label is there, and no
        other label comes close: a row is never given another row's figures.
        """
        k = fix_typos(loose(text))[0]
        number = _NUMBERING.match(k)
        if number is None or len(k) < 6:
            return None
        scored = []
        for label_key, (label, target) in self.loose.items():
            if not label_key.startswith(number.group(0)) or _NUMBERING.match(label_key) is None:
                continue
            common = _common(k, label_key)
            scored.append((common / len(k), common / len(label_key), label, target))
        good = [s for s in scored if s[0] >= 0.85 and s[1] >= 0.7]
        near = [s for s in scored if s[0] >= 0.6 and s[1] >= 0.5]
        if len(good) == 1 and len(near) == 1:
            return Match(good[0][3], good[0][2], "字有错漏")
        return None


def _common(a: str, b: str) -> int:
    """Length of the longest common subsequence of two short labels."""
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _describe(text: str, canonical: str) -> str:
    if simplified(text) != text:
        return "繁体字"
    if _SPACE.sub("", text) == canonical:
        return "多了空格"
    if unicodedata.normalize("NFKC", text) == unicodedata.normalize("NFKC", canonical):
        return "全角半角不同"
    if _SPACE.sub("", unicodedata.normalize("NFKC", text)) == _SPACE.sub("", unicodedata.normalize("NFKC", canonical)):
        return "全角半角或空格不同"
    return "标点或编号写法不同"


# --------------------------------------------------------------------------
# The label sets the importer matches against, all built from `labels`
# --------------------------------------------------------------------------


def version_markers() -> dict[L.FormatVersion, set[str]]:
    """Keys of labels that exist in one format version only (spec §6)."""
    sets: dict[L.FormatVersion, set[str]] = {}
    for version in L.FORMAT_VERSIONS:
        words: set[str] = set()
        for block in L.TABLE2[version].blocks:
            words.update(key(c.label) for c in block.columns)
            words.update(key(line.label) for line in block.lines)
            words.add(key(block.caption))
        words.update(key(row.label) for row in L.table3_rows(version))
        sets[version] = words
    only: dict[L.FormatVersion, set[str]] = {}
    for version in L.FORMAT_VERSIONS:
        others = set().union(*(sets[v] for v in L.FORMAT_VERSIONS if v != version))
        only[version] = sets[version] - others
    return only


def detect_version(texts: Iterable[str]) -> tuple[L.FormatVersion | None, dict[L.FormatVersion, list[str]]]:
    """The format whose own labels occur in the tables; None when no label tells."""
    markers = version_markers()
    seen: dict[L.FormatVersion, list[str]] = {v: [] for v in L.FORMAT_VERSIONS}
    for text in texts:
        k = fix_typos(key(text))[0]
        stripped = re.sub(r"\(.*\)$", "", k)
        for version, words in markers.items():
            if (k in words or stripped in words) and text not in seen[version]:
                seen[version].append(text)
    counts = {v: len(seen[v]) for v in L.FORMAT_VERSIONS}
    best = max(L.FORMAT_VERSIONS, key=lambda v: counts[v])
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return None, seen
    return best, seen


_TABLE_WORDS = ("第二十条", "本年新收政府信息公开申请", "予以公开", "行政复议", "规章", "行政许可", "不予公开", "结果维持", "结果纠正")


def looks_like_report_table(text: str) -> bool:
    k = key(text)
    return sum(1 for w in _TABLE_WORDS if w in k) >= 2


# --------------------------------------------------------------------------
# Section headings (spec §2, §10.2)
# --------------------------------------------------------------------------

SECTION_ORDER = tuple(L.SECTIONS)
NUMERALS = "一二三四五六"

# Words that identify a section's heading when its wording differs from the format's,
# e.g. Article 50's "行政机关主动公开政府信息情况" or "其他事项".
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "overview": ("总体情况", "概述", "基本情况", "总体"),
    "active_disclosure": ("主动公开",),
    "applications": ("收到和处理", "依申请", "申请情况", "申请的情况"),
    "review_litigation": ("复议", "诉讼"),
    "problems": ("问题", "改进", "不足"),
    "other_matters": ("其他", "其它"),
}
_HEADING = re.compile(r"^\s*([一二三四五六])\s*[、.．,，]\s*(.{2,40}?)\s*$")


def section_heading(text: str) -> Match[str] | None:
    """'二、行政机关主动公开政府信息情况' → active_disclosure, with the variant noted."""
    m = _HEADING.match(text)
    if not m:
        return None
    section = SECTION_ORDER[NUMERALS.index(m.group(1))]
    canonical = L.SECTIONS[section]
    title = m.group(2).rstrip("。:：")
    if text.strip() == canonical:
        return Match(section, canonical, "")
    if key(canonical[2:]) == key(title):
        return Match(section, canonical, _describe(text.strip(), canonical) if text.strip() != canonical else "")
    if "。" in title or len(title) > 30:
        return None
    if any(word in key(title) for word in SECTION_WORDS[section]):
        return Match(section, canonical, "措辞与国家格式不同，如按《条例》第五十条的措辞")
    return None
