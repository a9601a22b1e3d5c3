"""Deadlines: by when each agency's report for a year must be published (spec §8.1).

Regulation Art. 49: a department (政府部门) publishes last year's report by
1月31日, a government (人民政府) its own by 3月31日. A portal may set other
dates for a year — as in 2020, when the deadlines were moved — in mkdocs.yml:

    plugins:
      - nianbao:
          deadlines:
            2019: {department: 2020-02-29, government: 2020-04-30}

A year or type not listed keeps the statutory date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

AgencyType = Literal["department", "government"]
# (month, day) in the year after the report year, and the words used in messages.
STATUTORY: dict[AgencyType, tuple[int, int, str]] = {
    "department": (1, 31, "政府部门"),
    "government": (3, 31, "人民政府"),
}
TYPE_WORDS: dict[AgencyType, str] = {k: v[2] for k, v in STATUTORY.items()}


class DeadlineConfigError(ValueError):
    """A deadline override that cannot be read; the message says where and how to fix it, in Chinese."""


@dataclass(frozen=True)
class Deadlines:
    overrides: Mapping[tuple[int, AgencyType], dt.date] = field(default_factory=dict)

    def due(self, year: int, kind: AgencyType) -> dt.date:
        """The last day on which the report for `year` counts as published on time."""
        if (year, kind) in self.overrides:
            return self.overrides[(year, kind)]
        month, day, _ = STATUTORY[kind]
        return dt.date(year + 1, month, day)

    def overridden(self, year: int, kind: AgencyType) -> bool:
        return (year, kind) in self.overrides


def parse_deadlines(raw: Any, where: str = "mkdocs.yml 的 nianbao 插件设置 deadlines") -> Deadlines:
    """`{year: {department: date, government: date}}` as written in mkdocs.yml; DeadlineConfigError when it is not that."""
    if raw is None:
        return Deadlines()
    example = "如 2019: {department: 2020-02-29, government: 2020-04-30}"
    if not isinstance(raw, Mapping):
        raise DeadlineConfigError(f"{where}：应为“年度: {{机关类型: 日期}}”的列表，{example}")
    overrides: dict[tuple[int, AgencyType], dt.date] = {}
    for year, kinds in raw.items():
        if not isinstance(year, int) or isinstance(year, bool) or not 2019 <= year <= 2100:
            raise DeadlineConfigError(f"{where}：“{year}”不是报告年度，请写四位年度，{example}")
        if not isinstance(kinds, Mapping) or not kinds:
            raise DeadlineConfigError(f"{where}.{year}：应写出机关类型和日期，{example}")
        for kind, date in kinds.items():
            if kind not in STATUTORY:
                raise DeadlineConfigError(f"{where}.{year}：未知的机关类型“{kind}”，只能是 department（政府部门）或 government（人民政府）")
            if isinstance(date, str):
                try:
                    date = dt.date.fromisoformat(date)
                except ValueError:
                    date = None
            if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
                raise DeadlineConfigError(f"{where}.{year}.{kind}：应为日期，请按 {year + 1}-01-31 的格式填写")
            if date.year <= year:
                raise DeadlineConfigError(f"{where}.{year}.{kind}：期限 {date.isoformat()} 不在 {year} 年度结束之后，请改为 {year + 1} 年的日期")
            overrides[(year, kind)] = date
    return Deadlines(overrides)
