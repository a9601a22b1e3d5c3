"""One table cell's text → a figure, exactly as published, or a visible placeholder.

- digits (also full-width, with thousands separators) are read as written;
- a blank, "-", "/", "—" or "无" is read as 0, and noted;
- a unit is removed only when it is certain: 件/个/项/条/次 in a count cell;
  万元, 元 or 亿元 in a cell whose header says 万元 (converted exactly, 251000元 → 25.1);
  元, 万元 or 亿元 in the 2019 采购总金额, whose header states no unit (kept with its unit);
  elsewhere the text is kept as published, so the draft fails its check and a person decides;
- anything else becomes `PLACEHOLDER`, noted with its position.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from nianbao.importer.document import Cell
from nianbao.importer.notes import PLACEHOLDER, Note

Kind = Literal["count", "signed", "wanyuan", "amount"]
Value = int | Decimal | str

ZERO_MARKS = {"", "-", "/", "—", "–", "－", "／", "——", "─", "\\", "无", "空", "--", "－－"}
COUNT_UNITS = ("件", "个", "项", "条", "次")
UNIT_WORDS = frozenset((*COUNT_UNITS, "万元", "亿元", "元"))
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_WITH_UNIT = re.compile(r"([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万元|亿元|元|件|个|项|条|次|%|％)")
_WANYUAN_FACTOR = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10000)}


def normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u3000", " ").strip()


def is_valueish(text: str) -> bool:
    """A figure, a zero mark or a figure with a unit (not a label)."""
    t = normal(text)
    return t in ZERO_MARKS or bool(_NUMBER.fullmatch(t) or _WITH_UNIT.fullmatch(t))


@dataclass(frozen=True)
class Reading:
    value: Value
    notes: tuple[Note, ...] = ()
    comment: str = ""  # shown next to the row in the draft
    unit: str | None = None  # the unit printed in the cell, kept beside the figure (2019 采购总金额)


def _number(text: str) -> int | Decimal:
    plain = text.replace(",", "").lstrip("+")
    return Decimal(plain) if "." in plain else int(plain)


def read_value(cell: Cell, kind: Kind, what: str) -> Reading:
    """`what` names the cell for the user: '表三“（一）予以公开”·自然人'."""
    raw = cell.text
    t = normal(raw)
    notes: list[Note] = []
    if t in ZERO_MARKS:
        shown = "空白" if t == "" else f"“{raw.strip()}”"
        return Reading(0, (Note("zero", cell.where, f"{what}原文为{shown}，按 0 读取"),))
    if t != raw.strip() and _NUMBER.fullmatch(t):
        notes.append(Note("tolerated", cell.where, f"{what}“{raw.strip()}”为全角数字，按 {t} 读取"))
    if _NUMBER.fullmatch(t):
        if "," in t:
            notes.append(Note("tolerated", cell.where, f"{what}“{raw.strip()}”带千位分隔符，按 {t.replace(',', '')} 读取"))
        value = _number(t)
        if kind in ("count",) and isinstance(value, Decimal):
            notes.append(Note("missing", cell.where, f"{what}为小数 {t}，件数应为整数：照录，请核对原报告"))
        if kind == "count" and isinstance(value, int) and value < 0:
            notes.append(Note("missing", cell.where, f"{what}为负数 {t}，件数不能为负：照录，请核对原报告"))
        return Reading(value, tuple(notes))
    unit = _WITH_UNIT.fullmatch(t)
    if unit:
        number, word = unit.group(1), unit.group(2)
        if kind in ("count", "signed") and word in COUNT_UNITS:
            notes.append(Note("unit", cell.where, f"{what}“{raw.strip()}”去掉单位“{word}”，按 {number.replace(',', '')} 读取"))
            return Reading(_number(number), tuple(notes))
        if kind == "wanyuan" and word in _WANYUAN_FACTOR:
            value = Decimal(number.replace(",", "").lstrip("+")) * _WANYUAN_FACTOR[word]
            shown = format(value.normalize(), "f")
            message = f"{what}“{raw.strip()}”" + ("去掉单位“万元”" if word == "万元" else f"按表头单位换算为 {shown} 万元")
            notes.append(Note("unit", cell.where, message))
            return Reading(_number(shown), tuple(notes))
        if kind == "amount" and word in _WANYUAN_FACTOR:
            # 2019 采购总金额: the header states no unit, so the figure is kept as printed and its unit beside it.
            notes.append(Note("unit", cell.where, f"{what}“{raw.strip()}”按 {number.replace(',', '')} 读取，单位“{word}”记入 unit（表头没有注明单位，不换算）"))
            return Reading(_number(number), tuple(notes), unit=word)
        notes.append(Note("unit", cell.where, f"{what}“{raw.strip()}”带有单位，无法确定应换算成什么：原样保留，请核对后只填数字"))
        return Reading(raw.strip(), tuple(notes), f"原文“{raw.strip()}”带单位，请核对")
    notes.append(Note("missing", cell.where, f"{what}原文“{raw.strip()}”无法读成数字：已写为“{PLACEHOLDER}”，请对照原报告填写"))
    return Reading(PLACEHOLDER, tuple(notes), f"原文“{raw.strip()}”无法读取")
