"""The report's title, the agency it names and the year it covers.

Titles are printed on one line or two ("示例市生态环境局" / "2024年政府信息公开工作
年度报告"), as "……年度报告" or "……关于2023年政府信息公开工作的报告", and a
web page repeats the title in its <title> (often with the site's name). The
agency is the text before the year ("大路镇人民政府2019年信息公开年度报告" →
大路镇人民政府), never a guess. The year comes from the title, else from the
statistics period ("统计期限为2024年1月1日至2024年12月31日") wherever it stands.
"""

from __future__ import annotations

import re

from nianbao.importer.traditional import simplified

_TITLE_END = re.compile(r"(年度报告|年报|工作的?报告|情况的?报告)\s*$")
_YEAR = re.compile(r"(20\d{2})\s*年度?")
_PERIOD = re.compile(r"(20\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*(?:至|到|—|－|-|~|～)\s*(20\d{2})\s*年\s*12\s*月\s*31\s*日")
_SUFFIX = re.compile(r"(?:政府)?(?:信息公开|政务公开)?(?:工作)?(?:年度)?(?:的)?(?:报告|年报)$")
_PAGE_SEPARATORS = re.compile(r"\s*[_|｜—–\-]+\s*|\s{2,}")


def is_title(text: str) -> bool:
    t = simplified(text).strip()
    return bool(_TITLE_END.search(t)) and len(t) <= 70 and "。" not in t and "，" not in t


def title_lines(texts: list[str], at: int) -> str:
    """The title ending at line `at`, with the line before when the title continues from it."""
    title = texts[at]
    if at > 0:
        before = texts[at - 1].strip()
        own_agency = agency_name(title) is not None
        # Not a breadcrumb ("首页 > 政务公开"), a date or a sentence: digits only in a year.
        plain = not re.search(r"[。，,；;：:>＞»/|\d]", _YEAR.sub("", before))
        if before and len(before) <= 40 and plain and not is_title(before) and not own_agency:
            title = before + title  # "示例市生态环境局" / "2024年政府信息公开工作年度报告"
    return re.sub(r"\s+", "", title)


def page_title(text: str | None) -> str | None:
    """A web page's <title>: the part that is the report's title ("……年度报告_示例市人民政府")."""
    if not text:
        return None
    for part in _PAGE_SEPARATORS.split(text.strip()):
        if is_title(part):
            return re.sub(r"\s+", "", part)
    return None


def agency_name(title: str | None) -> str | None:
    """The agency a title names, whole; None when the title names none."""
    if not title:
        return None
    t = re.sub(r"\s+", "", title)
    m = re.search(r"^(.+?)关于", t)  # "示例县人民政府办公室关于2023年……的报告"
    if m and not _YEAR.search(m.group(1)):
        return m.group(1)
    t = re.sub(r"^关于", "", t)
    m = _YEAR.search(t)
    if m:
        name = t[: m.start()]
    else:
        name = _SUFFIX.sub("", t)
        # "大路镇人民政府信息公开年度报告": 政府 belongs to the agency, not to the words after it.
        if name.endswith("人民") and t[len(name) :].startswith("政府"):
            name += "政府"
    name = name.strip('“”"《》')
    return name if 2 <= len(name) <= 40 else None


def year_of_title(title: str | None) -> int | None:
    m = _YEAR.search(title or "")
    return int(m.group(1)) if m else None


def period_year(text: str) -> int | None:
    """The year of a statistics period "2024年1月1日至2024年12月31日" anywhere in the text."""
    for m in _PERIOD.finditer(re.sub(r"\s+", "", text)):
        if m.group(1) == m.group(2):
            return int(m.group(1))
    return None
