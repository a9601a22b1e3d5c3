"""The data-format reference page (docs/reference/data-format.md), generated from the JSON Schemas.

The page and the schemas come from the same model, so the page cannot
describe a key the loader rejects or miss one it requires. `nianbao schema`
rewrites it; a test fails when the committed page drifts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nianbao.model.schema import TARGETS, schema_for

PAGE = "docs/reference/data-format.md"

_HEADER = """---
title: 数据格式说明
render_macros: false
---

<!-- 本页由 nianbao schema 根据数据模型自动生成，请勿手工修改。 -->

# 数据格式说明

每个机关一个文件夹 `data/<机关代码>/`：`agency.yaml` 是机关信息，`<年度>.yaml` 是一份年度报告。
2019、2020 年度的报告用 2019 年格式，2021 年度起用 2021 年格式。

- 键名一律用下表中的英文；写错、多写或漏写都会被 `nianbao check` 指出。
- 件数只填阿拉伯数字，没有填 `0`；不要写“-”“/”“无”或单位。
- 电话、邮编等以 0 开头的号码请加引号，如 `"0795-7333735"`。
- 可以省略的“总计”省略时由系统计算；填写时必须与各项之和一致。
- 在文件第一行写上 `# yaml-language-server: $schema=../../schema/report-2021.schema.json`（或 `report-2019`、`agency`），
  VS Code 等编辑器就能在输入时补全键名、显示中文说明并标出错误。
"""


def _ref(prop: dict[str, Any]) -> str | None:
    for variant in prop.get("anyOf", [prop]):
        if "$ref" in variant:
            return str(variant["$ref"]).rsplit("/", 1)[-1]
        if variant.get("type") == "array" and "$ref" in variant.get("items", {}):
            return str(variant["items"]["$ref"]).rsplit("/", 1)[-1]
    return None


def _cell(text: str) -> str:
    # Plain text in a Markdown table: no raw HTML, no column breaks.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\n", " ")


def _table(node: dict[str, Any]) -> list[str]:
    required = set(node.get("required", []))
    lines = ["| 键 | 名称 | 必填 | 说明 |", "|---|---|---|---|"]
    for key, prop in node.get("properties", {}).items():
        note = prop.get("description", "")
        if "enum" in prop:
            note += "（可选值：" + "、".join(f"`{v}`" for v in prop["enum"]) + "）"
        lines.append(f"| `{key}` | {_cell(prop['title'])} | {'是' if key in required else '否'} | {_cell(note)} |")
    return lines


def _section(name: str) -> list[str]:
    schema = schema_for(name)
    defs = schema.get("$defs", {})
    out = [f"## {schema['title']}", "", _cell(schema["description"]), "", f"JSON Schema：`schema/{name}`", "", *_table(schema), ""]
    # Each nested block once, in the order a reader meets it, titled by the key that first uses it.
    queue: list[tuple[str, str, str]] = [(k, p["title"], d) for k, p in schema["properties"].items() if (d := _ref(p))]
    seen: dict[str, list[str]] = {}
    order: list[tuple[str, str]] = []
    while queue:
        key, title, ref = queue.pop(0)
        if ref in seen:
            seen[ref].append(key)
            continue
        seen[ref] = [key]
        order.append((ref, title))
        for sub, prop in defs[ref].get("properties", {}).items():
            if (d := _ref(prop)) is not None:
                queue.append((f"{key}.{sub}", prop["title"], d))
    for ref, title in order:
        users = "、".join(f"`{k}`" for k in seen[ref])
        out += [f"### {title}", "", f"用于：{users}", "", *_table(defs[ref]), ""]
    return out


def render() -> str:
    lines = _HEADER.splitlines()
    for name in TARGETS:
        lines += ["", *_section(name)]
    return "\n".join(lines).rstrip("\n") + "\n"


def write(root: Path) -> bool:
    path = root / PAGE
    text = render()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def is_stale(root: Path) -> bool:
    path = root / PAGE
    return not path.exists() or path.read_text(encoding="utf-8") != render()
