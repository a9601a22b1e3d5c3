"""Value types of the data files: what a cell, a name, a date or a link may hold.

Each type is a pydantic annotation with a validator of our own, because the
words it raises are what a clerk reads when a value is wrong: Chinese, with the
fix, and strict where pydantic would quietly convert ('2021' as a year,
1642636800 as a date, 1e30 as a count).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from nianbao.model.source import LeadingZero

# No real report reaches these: a count of 1e30 is a typing accident, and the XLSX would store it as a float.
MAX_COUNT = 100_000_000
MAX_AMOUNT = Decimal(10) ** 12
# Line breaks a single-line field may not hold: in a log line they start a new (possibly forged) line.
_LINE_BREAK = re.compile(r"[\r\n\x85\u2028\u2029]")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．－", "0123456789.-")
_PLACEHOLDERS = {"-", "/", "—", "－", "／", "——", "无", "空"}


def _error(kind: str, message: str, fix: str, **ctx: Any) -> PydanticCustomError:
    # The fix travels in the context: the loader prints message and fix apart, as every finding does.
    return PydanticCustomError(kind, message, {**ctx, "fix": fix.format(**ctx)})


def _number_text_error(value: str, expected: str, fix: str) -> PydanticCustomError:
    text = value.strip()
    if isinstance(value, LeadingZero):
        number = re.sub(r"^([-+]?)0+(?=[0-9])", r"\1", text)
        return _error("leading_zero", "“{text}”以 0 开头，会被当作文字", "请去掉开头的 0，写成 {number}", text=text, number=number)
    if text == "":
        return _error("blank", "此处不能留空", "没有请填 0")
    if text in _PLACEHOLDERS:
        return _error("placeholder", "不能用“{text}”代替数字", "没有请填 0", text=text)
    if re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", text):
        return _error("quoted_number", "数字“{text}”加了引号，会被当作文字", "数字不要加引号，请直接写 {text}", text=text)
    if re.fullmatch(r"[0-9]{1,3}(?:[_,，][0-9]+)+", text):
        number = re.sub(r"[_,，]", "", text)
        return _error("not_a_number", "“{text}”中有分隔符", "请去掉分隔符，写成 {number}", text=text, number=number)
    half = text.translate(_FULLWIDTH_DIGITS)
    if half != text and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", half):
        return _error("fullwidth", "“{text}”使用了全角数字", "请改为半角数字 {half}", text=text, half=half)
    unit = re.fullmatch(r"(-?[0-9]+(?:\.[0-9]+)?)\s*([^0-9\s.].*)", half)
    if unit:
        return _error("unit_in_cell", "“{text}”中带有单位或文字", "只填数字 {number}，单位由表头说明", text=text, number=unit.group(1))
    return _error("not_a_number", "“{text}”不是{expected}", fix, text=text, expected=expected)


def _count(value: Any) -> int:
    if value is None:
        raise _error("blank", "此处不能留空", "没有请填 0")
    if isinstance(value, bool):
        raise _error("not_a_number", "应为件数", "请填写 0 或正整数，如 12")
    if isinstance(value, int):
        if value < 0:
            raise _error("negative", "件数不能为负数 {value}", "请填写 0 或正整数", value=value)
        if value > MAX_COUNT:
            raise _error("too_large", "件数 {value} 超出合理范围（上限 {limit}）", "请核对这个数字，是否多打了几位", value=value, limit=MAX_COUNT)
        return value
    if isinstance(value, Decimal):
        raise _error("decimal_count", "件数应为整数，不能是 {value}", "请填写整数", value=str(value))
    if isinstance(value, str):
        raise _number_text_error(value, "件数", "请改用阿拉伯数字，如 12")
    raise _error("not_a_number", "应为件数", "请填写 0 或正整数，如 12")


def _signed(value: Any) -> int:
    if isinstance(value, str) and not isinstance(value, LeadingZero) and re.fullmatch(r"\+[0-9]+", value.strip()):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > MAX_COUNT:
            raise _error("too_large", "增减数 {value} 超出合理范围（上限 {limit}）", "请核对这个数字，是否多打了几位", value=value, limit=MAX_COUNT)
        return value
    if value is None:
        raise _error("blank", "此处不能留空", "没有增减请填 0")
    if isinstance(value, Decimal):
        raise _error("decimal_count", "增减数应为整数，不能是 {value}", "请填写整数，减少用负数，如 -8", value=str(value))
    if isinstance(value, str):
        raise _number_text_error(value, "整数", "请改用阿拉伯数字，减少用负数，如 -8")
    raise _error("not_a_number", "应为整数", "请填写整数，减少用负数，如 -8")


def _amount(value: Any) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise _error("blank", "此处不能留空", "没有请填 0")
    if isinstance(value, int):
        value = Decimal(value)
    if isinstance(value, Decimal):
        if value < 0:
            raise _error("negative", "金额不能为负数 {value}", "请填写 0 或正数", value=str(value))
        if value > MAX_AMOUNT:
            raise _error("too_large", "金额 {value} 超出合理范围", "请核对这个数字和单位，是否多打了几位", value=str(value))
        return value
    if isinstance(value, str):
        raise _number_text_error(value, "金额", "请改用阿拉伯数字，如 12.5")
    raise _error("not_a_number", "应为金额", "请填写数字，如 12.5")


def _one_line(value: Any) -> Any:
    if isinstance(value, str) and _LINE_BREAK.search(value):
        raise _error("line_break", "这一项只能写一行，不能换行", "请删去换行，写在同一行内")
    return value


def _safe_line(value: Any) -> Any:
    # Names and titles end up in <title>, navigation and breadcrumbs, which the
    # theme prints without escaping: markup characters are refused up front.
    # A character reference (&lt;) would show decoded in the browser tab and
    # literally in the page: refused too, so both always show the same text.
    if isinstance(value, str) and re.search(r"[<>]|\{\{|\{%|\{#|&#?[0-9A-Za-z]+;", value):
        raise _error("markup", "名称和标题中不能含有 < > &lt; 或 {{ {% 等标记字符", "请删去这些字符")
    return _one_line(value)


def _year(value: Any) -> Any:
    # Only a number as written: pydantic would also take '2021', 2021.0 and 20_21.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        raise _error("decimal_count", "年度应为整数，不能是 {value}", "请填写四位年度，如 2021", value=str(value))
    if isinstance(value, str):
        raise _number_text_error(value, "年度", "请填写四位年度，如 2021")
    raise _error("not_a_number", "应为年度", "请填写四位年度，如 2021")


def _date(value: Any) -> Any:
    # Only YYYY-MM-DD: pydantic would read 1642636800 as a Unix time, and answer 20220120 in English.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = str(value).strip() if value is not None else ""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise _error("bad_date", "日期“{text}”不存在", "请核对年、月、日", text=text) from None
    raise _error("bad_date", "日期格式不对", "请按 2022-01-20 的格式填写")


def _website(value: Any) -> Any:
    # Shown as a link: javascript:, data: and vbscript: would run in the visitor's browser.
    if isinstance(value, str) and not re.fullmatch(r"https?://[^\s<>\"']+", value.strip(), re.IGNORECASE):
        raise _error("bad_url", "网站地址应以 http:// 或 https:// 开头", "请填写完整的网址，如 https://www.example.gov.cn/")
    return _one_line(value)


def _agency_code(value: Any) -> Any:
    if isinstance(value, str) and not _SLUG.fullmatch(value):
        raise _error("bad_code", "“{text}”不是机关代码", "请填写上级机关在 data/ 下的文件夹名，如 shili-shi", text=value)
    return value


Count = Annotated[int, BeforeValidator(_count), Field(json_schema_extra={"type": "integer", "minimum": 0})]
Signed = Annotated[int, BeforeValidator(_signed), Field(json_schema_extra={"type": "integer"})]
Amount = Annotated[Decimal, BeforeValidator(_amount), Field(json_schema_extra={"type": "number", "minimum": 0})]
Line = Annotated[str, BeforeValidator(_safe_line)]
OneLine = Annotated[str, BeforeValidator(_one_line)]
Year = Annotated[int, BeforeValidator(_year)]
Date = Annotated[dt.date, BeforeValidator(_date)]
Website = Annotated[str, BeforeValidator(_website)]
AgencyCode = Annotated[str, BeforeValidator(_agency_code)]
Prose = Annotated[str, Field(description="纯文本；空行或换行分段，以“- ”开头的行为列表项。")]
