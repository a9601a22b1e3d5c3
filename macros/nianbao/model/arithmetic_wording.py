"""The words of the arithmetic rules (R3-1, R3-2, R3-3, R4-1): one message and one fix each.

Two places evaluate these rules — `checks.arithmetic` on a report that
validates, `known_cells` on an imported draft that still has 待填写 cells — and
a clerk must read the same sentence from both. Each function returns
(message, fix).
"""

from __future__ import annotations

from collections.abc import Sequence

Wording = tuple[str, str]


def row_total(row_label: str, total: int, parts: Sequence[int]) -> Wording:
    """R3-3: a row's 总计 against its six applicant columns."""
    summed = sum(parts)
    return (
        f"表三“{row_label}”一行的总计为 {total}，但六类申请人之和 {'+'.join(str(p) for p in parts)} = {summed}",
        f"请核对这一行：总计应为 {summed}，或改正各类申请人的数字；也可删去 total 由系统计算",
    )


def results_total(column_label: str, written: int, expected: int) -> Wording:
    """R3-2: （七）总计 against （一）…（六）, in one column."""
    return (
        f"表三（七）总计“{column_label}”列为 {written}，但（一）至（六）各项办理结果之和为 {expected}",
        f"请核对“{column_label}”列各办理结果的数字，或把（七）总计改为 {expected}；也可删去 total 由系统计算",
    )


def balance(column_label: str, received: int, carried_over: int, total: int, carried_forward: int) -> Wording:
    """R3-1, the table's own note: 一 + 二 = （七）总计 + 四, in one column."""
    return (
        f"表三“{column_label}”列不平衡：一、本年新收 {received} + 二、上年结转 {carried_over} = {received + carried_over}，"
        f"而（七）总计 {total} + 四、结转下年度继续办理 {carried_forward} = {total + carried_forward}",
        "按表头勾稽关系，第一项加第二项之和应等于第三项加第四项之和，请核对这一列",
    )


def table4_total(group_label: str, total: int, summed: int) -> Wording:
    """R4-1: a 总计 of table 四 against 维持 + 纠正 + 其他 + 尚未审结."""
    return (
        f"表四“{group_label}”的总计为 {total}，但结果维持、结果纠正、其他结果、尚未审结之和为 {summed}",
        f"请把总计改为 {summed}，或改正四项结果；也可删去 total 由系统计算",
    )
