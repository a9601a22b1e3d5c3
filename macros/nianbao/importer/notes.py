"""What an import tells its user: every tolerated variant, zero, unit and gap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Written into the draft for a figure that could not be read. The model refuses it
# ("“待填写”不是件数…"), so the draft fails `nianbao check` until a person fills it in.
PLACEHOLDER = "待填写"

Kind = Literal["read", "tolerated", "zero", "unit", "deduced", "missing", "notice"]

KIND_WORDS: dict[Kind, str] = {
    "read": "读取",
    "tolerated": "容错",
    "zero": "按 0 读取",
    "unit": "单位",
    "deduced": "推定",
    "missing": "缺失待填",
    "notice": "提示",
}


@dataclass(frozen=True)
class Note:
    kind: Kind
    where: str  # position in the source: "第 12 行", "第 2 个表格第 3 行第 4 列"
    message: str

    def format_text(self) -> str:
        where = f"{self.where}：" if self.where else ""
        return f"[{KIND_WORDS[self.kind]}] {where}{self.message}"


class ImportProblem(Exception):
    """A file that cannot be imported at all; the message is for the user, in Chinese."""
