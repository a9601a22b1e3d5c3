"""The cells of tables 二, 三 and 四 → figures by model key.

The rows come from `rows`, read the same way from every source shape.
Figures are kept exactly as published. What cannot be placed is written as the
placeholder and noted with its position; the only figures not read from a cell
are zeros forced by table 三's own identity (一 and 二 all 0: every row is 0; see `table3`) and the
three 2021 sub-rows of a 2019 single row （六）其他处理 printed as all 0 (`_other_as_2019`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nianbao.importer.document import Cell
from nianbao.importer.notes import PLACEHOLDER, Note
from nianbao.importer.rows import Collector, RowRead, Stream, read_cell, read_rows, row_values
from nianbao.importer.values import Kind, Value, is_valueish, normal
from nianbao.importer.variants import LabelIndex
from nianbao.model import labels as L

# How many figures a row of table 三 and the whole of table 四 hold, from the layouts in `labels`.
T3_ROW_CELLS = len(L.T3_COLUMNS)  # six applicant types and 总计
T4_GROUP_CELLS = len(L.T4_COLUMNS)  # four results and 总计
T4_CELLS = len(L.T4_GROUPS) * T4_GROUP_CELLS


# --------------------------------------------------------------------------
# Table 二
# --------------------------------------------------------------------------

T2_KINDS: dict[str, Kind] = {"change": "signed", "amount": "amount"}


@dataclass
class TableResult:
    data: dict[str, Any]
    comments: dict[tuple[str, ...], str]
    found: bool


def table2(stream: Stream, version: L.FormatVersion, out: Collector) -> TableResult:
    layout = L.TABLE2[version]
    entries: list[tuple[str, tuple[L.Block, L.Line]]] = []
    for block in layout.blocks:
        entries.extend((line.label, (block, line)) for line in block.lines)
    by_key = {line.key: (block, line) for block, line in (e[1] for e in entries)}
    for other in L.FORMAT_VERSIONS:  # "规范性文件" in a 2021 table still means normative_documents
        for block in L.TABLE2[other].blocks:
            entries.extend((line.label, by_key[line.key]) for line in block.lines if line.key in by_key)
    structure = LabelIndex(
        [(b.caption, "caption") for v in L.FORMAT_VERSIONS for b in L.TABLE2[v].blocks]
        + [(c.label, "column") for v in L.FORMAT_VERSIONS for b in L.TABLE2[v].blocks for c in b.columns]
        + [(L.CONTENT, "content")]
    )
    rows = read_rows(stream, LabelIndex([(label, line.key) for label, (_, line) in entries]), structure, "表二", out)
    data: dict[str, Any] = {}
    comments: dict[tuple[str, ...], str] = {}
    found = bool(rows)
    for block in layout.blocks:
        for line in block.lines:
            row = rows.get(line.key)
            cells: dict[str | None, Value] = {}
            expected = len(block.columns)
            values = row_values(row, expected) if row else []
            if expected == 1 and len(values) > 1 and len({normal(c.text) for c in values}) == 1:
                out.add(Note("tolerated", values[0].where, f"表二“{line.label}”的值在合并单元格中重复了 {len(values)} 次，按一个值读取"))
                values = values[:1]
            name = f"表二“{line.label}”"
            if not found:
                cells = {c.key: PLACEHOLDER for c in block.columns}
            elif row is None or len(values) != expected:
                reason = "在原文中找不到" if row is None else f"应有 {expected} 个数，原文有 {len(values)} 个，无法确定各数属于哪一列"
                out.add(Note("missing", row.label.where if row else "", f"{name}{reason}：已写为“{PLACEHOLDER}”，请对照原报告填写"))
                cells = {c.key: PLACEHOLDER for c in block.columns}
                comments[("active_disclosure", line.key)] = "待填写：原文无法读取"
            else:
                for column, cell in zip(block.columns, values, strict=True):
                    kind = T2_KINDS.get(column.key or "", "wanyuan" if line.key == "fees" and version == "2021" else "count")
                    reading = read_cell(cell, kind, f"{name}·{column.label}", out)
                    cells[column.key] = reading.value
                    if reading.unit:
                        cells["unit"] = reading.unit
                    if reading.comment:
                        comments[("active_disclosure", line.key)] = reading.comment
            data[line.key] = cells[None] if None in cells else dict(cells)
    if not found:
        comments[("active_disclosure",)] = "原文没有表二的文字（可能以图片发布），请对照原报告逐格填写"
    return TableResult(data, comments, found)


# --------------------------------------------------------------------------
# Table 三
# --------------------------------------------------------------------------

T3_KEYS = tuple(L.T3_COLUMNS)  # person … other, total


def table3(stream: Stream, version: L.FormatVersion, out: Collector) -> TableResult:
    body = L.table3_rows(version)
    structure_labels = [L.T3_NOTE, L.T3_APPLICANTS, L.T3_LEGAL_ENTITIES, L.RESULTS_LABEL, *L.T3_COLUMNS.values()]
    structure_labels += [o.label for o in L.T3_OUTCOMES[version] if isinstance(o, L.Group)]
    row_labels = [(r.label, r.path) for r in body]
    if version == "2021":  # the 2019 single row （六）其他处理 printed in a 2021 table: read it, see `_other_as_2019`
        row_labels.append((L.T3_OUTCOMES["2019"][-1].label, OTHER_2019))
    rows = read_rows(stream, LabelIndex(row_labels), LabelIndex([(s, s) for s in structure_labels]), "表三", out)
    by_parent = _other_as_2019(rows, out) if version == "2021" else {}
    found = bool(rows)
    data: dict[str, Any] = {}
    comments: dict[tuple[str, ...], str] = {}
    zero_balance = found and _all_zero(rows, [("received",), ("carried_over",)])
    deduced: list[tuple[str, str, int | None]] = []
    blank_totals: list[tuple[str, str, str]] = []
    for row in body:
        read = rows.get(row.path)
        values = row_values(read, T3_ROW_CELLS) if read else []
        cells: dict[str, Value] = {}
        name = f"表三“{row.label}”"
        if not found:
            cells = {k: PLACEHOLDER for k in L.T3_PARTS}
        elif row.path in by_parent:
            cells, comments[("applications", *row.path)] = by_parent[row.path]
        elif len(values) == T3_ROW_CELLS:
            for key, cell in zip(T3_KEYS, values, strict=True):
                if key == "total" and not normal(cell.text):
                    parts = [cells[k] for k in L.T3_PARTS if isinstance(cells.get(k), int)]
                    shown = f"各项之和为 {sum(parts)}" if len(parts) == len(L.T3_PARTS) else "各项未能全部读出"
                    blank_totals.append((cell.where, row.label, shown))
                    comments.setdefault(("applications", *row.path), f"原文总计为空，{shown}")
                    continue
                cells[key] = read_cell(cell, "count", f"{name}·{L.T3_COLUMNS[key]}", out).value
        elif zero_balance and all(normal(c.text) in ("0",) for c in values):
            cells = {k: 0 for k in L.T3_PARTS}
            deduced.append((read.label.where if read else "", row.label, len(values) if read else None))
            comments[("applications", *row.path)] = "原文缺列；按勾稽关系推定为 0"
        else:
            where = read.label.where if read else ""
            reason = f"：这一行应有 {T3_ROW_CELLS} 个数，原文有 {len(values)} 个，无法确定各数属于哪一列" if read else "：原文中找不到这一行"
            out.add(Note("missing", where, f"{name}{reason}，已写为“{PLACEHOLDER}”，请对照原报告填写"))
            cells = {k: PLACEHOLDER for k in L.T3_PARTS}
            comments[("applications", *row.path)] = "待填写：原文无法读取"
        _put(data, row.path, cells)
    if blank_totals:
        where = blank_totals[0][0] + (f"至{blank_totals[-1][0]}" if len(blank_totals) > 1 else "")
        rows_text = "；".join(f"“{label}”原文总计为空，{shown}" for _, label, shown in blank_totals)
        out.add(
            Note("notice", where, f"表三 {len(blank_totals)} 行的总计为空白（不照录为 0，草稿中省略，由系统按六类申请人之和计算，请核对原报告）：{rows_text}")
        )
    if deduced:
        counts = "、".join(sorted({f"{n} 个" if n is not None else "整行缺失" for _, _, n in deduced}))
        rows_text = "、".join(f"“{label}”" for _, label, _ in deduced)
        message = (
            f"表三有 {len(deduced)} 行的数不足 {T3_ROW_CELLS} 个（{counts}，复制时丢失了列）：{rows_text}。"
            "一、二两行全为 0，按表三勾稽关系（一+二=（七）总计+四，各格不为负）这些行必全为 0，已按 0 导入、总计省略"
        )
        wheres = [w for w, _, _ in deduced if w]
        out.add(Note("deduced", f"{wheres[0]}至{wheres[-1]}" if len(wheres) > 1 else "".join(wheres), message))
    if not found:
        comments[("applications",)] = "原文没有表三的文字（可能以图片发布），请对照原报告逐格填写"
    return TableResult(data, comments, found)


OTHER_2019 = ("other_handling", "(2019)")


def _other_as_2019(rows: dict[Any, RowRead[Any]], out: Collector) -> dict[tuple[str, ...], tuple[dict[str, Value], str]]:
    """A 2021 table printing the 2019 single row （六）其他处理 instead of its three sub-rows (spec §4.4, §6).

    The single row is the sum of the three (spec §6). When every printed figure
    is 0 the three sub-rows are 0 (no cell is negative): no figure is invented.
    Otherwise how the sum splits is unknown, so the sub-rows are left to fill in.
    """
    printed = rows.get(OTHER_2019)
    subs = [(OTHER_2019[0], item.key) for item in L.T3_OUTCOMES["2021"][-1].items]  # type: ignore[union-attr]
    if printed is None or any(p in rows for p in subs):
        return {}
    values = row_values(printed, T3_ROW_CELLS)
    shown = " ".join(normal(c.text) or "空白" for c in values)
    label = printed.label.text
    if len(values) == T3_ROW_CELLS and all(normal(c.text) == "0" for c in values):
        message = (
            f"表三按 2019 年格式印了一行“{label}”（{shown}），2021 年格式分为三项；原文这一行全为 0，"
            "三项各格不能为负，故三项必全为 0，已按 0 导入"
        )
        out.add(Note("deduced", printed.label.where, message))
        zero: dict[str, Value] = {k: 0 for k in L.T3_COLUMNS}
        return {p: (dict(zero), "原文按 2019 年格式只有一行（六）其他处理，全为 0，按 0 导入") for p in subs}
    message = (
        f"表三按 2019 年格式印了一行“{label}”（{shown}），2021 年格式分为三项，无法确定各项的数："
        f"（六）1–3 已写为“{PLACEHOLDER}”，请按原件填写，三项之和应等于原文这一行"
    )
    out.add(Note("missing", printed.label.where, message))
    blank: dict[str, Value] = {k: PLACEHOLDER for k in L.T3_PARTS}
    return {p: (dict(blank), f"待填写：原文只有（六）其他处理一行（{shown}）") for p in subs}


def _all_zero(rows: dict[Any, RowRead[Any]], paths: list[tuple[str, ...]]) -> bool:
    for path in paths:
        row = rows.get(path)
        if row is None:
            return False
        values = row_values(row, T3_ROW_CELLS)
        if len(values) != T3_ROW_CELLS or any(normal(c.text) != "0" for c in values):
            return False
    return True


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


# --------------------------------------------------------------------------
# Table 四
# --------------------------------------------------------------------------


def table4(stream: Stream, out: Collector) -> TableResult:
    structure = LabelIndex([(s, s) for s in (L.T4_REVIEW, L.T4_LITIGATION, *L.T4_GROUPS.values(), *L.T4_COLUMNS.values())])
    values: list[Cell] = []
    row: list[Cell] = []
    labelled = False
    for item in [*stream, None]:
        if item is not None:
            row.append(item)
            continue
        # One row (or, without row breaks, the whole stream): the figures after its last label.
        last = max((i for i, c in enumerate(row) if not is_valueish(c.text)), default=-1)
        for cell in row[: last + 1]:
            whole = structure.match(cell.text)
            parts = [(cell, whole)] if whole else [(Cell(w, cell.where), structure.match(w)) for w in cell.text.split()]
            for part, match in parts:
                if match is not None:
                    labelled = True
                    out.variant("表四", part, match)
        tail = row[last + 1 :]
        if labelled and any(normal(c.text) for c in tail):
            values.extend(tail)
        row = []
    while len(values) > T4_CELLS and not normal(values[-1].text):
        values.pop()
    found = labelled and bool(values)
    data: dict[str, Any] = {}
    comments: dict[tuple[str, ...], str] = {}
    if found and len(values) != T4_CELLS:
        message = f"表四应有 {T4_CELLS} 个数，原文有 {len(values)} 个，无法确定对应关系：已全部写为“{PLACEHOLDER}”，请对照原报告填写"
        out.add(Note("missing", values[0].where, message))
        comments[("review_litigation",)] = "待填写：原文表四的数字个数不对"
    for g, (group, group_label) in enumerate(L.T4_GROUPS.items()):
        cells: dict[str, Value] = {}
        for c, (key, label) in enumerate(L.T4_COLUMNS.items()):
            if not found or len(values) != T4_CELLS:
                if key != "total":
                    cells[key] = PLACEHOLDER
                continue
            cell = values[g * T4_GROUP_CELLS + c]
            if key == "total" and not normal(cell.text):
                parts = [cells[k] for k in L.T4_PARTS if isinstance(cells.get(k), int)]
                shown = f"各项之和为 {sum(parts)}" if len(parts) == len(L.T4_PARTS) else "各项未能全部读出"
                out.add(Note("notice", cell.where, f"表四“{group_label}”原文总计为空，{shown}：不照录为 0，草稿中省略，由系统按四项之和计算，请核对原报告"))
                comments.setdefault(("review_litigation", group), f"原文总计为空，{shown}")
                continue
            reading = read_cell(cell, "count", f"表四“{group_label}”·{label}", out)
            cells[key] = reading.value
            if reading.comment:
                comments[("review_litigation", group)] = reading.comment
        data[group] = cells
    if not found:
        comments[("review_litigation",)] = "原文没有表四的文字（可能以图片发布），请对照原报告逐格填写"
    return TableResult(data, comments, found)
