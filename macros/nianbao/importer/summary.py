"""The summary a user reads after each imported file, as plain lines (the CLI adds colour)."""

from __future__ import annotations

from pathlib import Path

from nianbao.importer.notes import KIND_WORDS, PLACEHOLDER
from nianbao.importer.run import ImportResult
from nianbao.model.findings import Finding

CONTACT_WORDS = {
    "address": "地址",
    "postcode": "邮编",
    "phone": "电话",
    "email": "电子邮箱",
    "website": "网站",
    "contact_office": "联系科室",
}


def summary_lines(result: ImportResult, root: Path) -> list[str]:
    name = _show(result.source, root)
    if result.error:
        return [f"✗ {name}：未导入。{result.error}"]
    lines = [f"✓ {name} → {_show(result.target, root) if result.target else ''}（{result.version} 年格式，{result.year} 年度，历史报告 archived）"]
    lines.append(f"  读取：{'、'.join(result.read)}")
    lines += [f"  格式：{n.message}" for n in result.notes if n.kind == "read"]
    for kind in ("tolerated", "zero", "unit", "deduced", "missing", "notice"):
        notes = [n for n in result.notes if n.kind == kind]
        if notes:
            lines.append(f"  {KIND_WORDS[kind]}（{len(notes)}）：")
            lines += [f"    - {n.where + '：' if n.where else ''}{n.message}" for n in notes]
    if result.placeholders:
        lines.append(f"  待填写：{result.placeholders} 格写为“待填写”，填好之前 nianbao check 不通过")
    # Errors on "待填写" cells are counted in the line above, not listed one by one.
    blocking = [f for f in result.findings if f.blocks and f"“{PLACEHOLDER}”" not in f.message]
    kept = [f for f in result.findings if not f.blocks]
    if kept:
        lines.append(f"  勾稽与一致性检查（{len(kept)}，按原文保留，不阻止发布）：")
        lines += [f"    - {f.format_text()}" for f in kept]
    if blocking:
        lines.append(f"  必须处理的错误（{len(blocking)}，nianbao check 不通过）：")
        lines += [f"    - {f.format_text()}" for f in blocking[:30]]
        if len(blocking) > 30:
            lines.append(f"    …… 另有 {len(blocking) - 30} 个，运行 nianbao check 查看全部")
    if result.placeholders and not blocking:
        lines.append("  检查：除“待填写”的格外，没有其他必须处理的错误")
    if not result.findings:
        lines.append("  检查：通过 nianbao check 的全部检查")
    if result.contact:
        found = "，".join(f"{CONTACT_WORDS[k]}：{v}" for k, v in result.contact.items())
        where = f"已写入新建的 {_show(result.agency_written, root)}" if result.agency_written else "可核对后填入 agency.yaml"
        lines.append(f"  开头段落中的联系方式（{where}）：{found}")
    elif result.agency_written:
        lines.append(f"  已新建 {_show(result.agency_written, root)}，请补全机关信息")
    return lines


def original_errors(result: ImportResult) -> list[Finding]:
    """Findings on what the original printed (its sums, its totals): kept in the archived draft, listed."""
    return [f for f in result.findings if not f.blocks]


def outcome(result: ImportResult) -> str:
    if result.error:
        return "未导入"
    if any(f.blocks for f in result.findings) or result.placeholders:
        return "已导入，待完成"  # 待填写 cells or other errors: nianbao check fails until a person finishes it
    return "已导入，通过检查"


def result_line(result: ImportResult, root: Path) -> str:
    """One line per file of a folder import."""
    name = _show(result.source, root)
    if result.error:
        return f"✗ {name}：未导入。{result.error}"
    blocking = [f for f in result.findings if f.blocks and f"“{PLACEHOLDER}”" not in f.message]
    parts = [f"{result.version} 年格式", f"读取 {result.figures_read} 个数"]
    if result.placeholders:
        parts.append(f"待填写 {result.placeholders} 格")
    if original := original_errors(result):
        parts.append(f"原文勾稽问题 {len(original)} 个（{'、'.join(dict.fromkeys(f.code for f in original))}）")
    if blocking:
        parts.append(f"其他必须处理的错误 {len(blocking)} 个")
    return f"✓ {name} → {_show(result.target, root)}：{'，'.join(parts)}"


def _show(path: Path | None, root: Path) -> str:
    if path is None:
        return ""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
