"""The clerks' error list in the 编辑指南, generated from the code registry (`codes`).

docs/guide/editing.md calls the `nianbao_codes` macro, which returns this
Markdown, so the guide lists exactly the codes the checks can report.
"""

from __future__ import annotations

import html

from nianbao.model.codes import CODES, Code

# Code families in the order a clerk meets them (codes.py's module docstring).
FAMILIES: tuple[tuple[str, str, str], ...] = (
    ("Y", "文件无法读取（Y）", "文件本身有问题，整个文件都读不出来，其他检查也无法进行。"),
    ("S", "填写格式不对（S）", "某一项的键名或取值不符合数据格式，例如键名拼错、数字格里写了文字。"),
    ("F", "文件夹和文件名（F）", "data/ 下的文件夹、文件的命名或摆放不对。"),
    ("rules", "国家格式的规则（V、R、RX、RY）", "表格之间、本年与上年之间的勾稽关系，以及国家格式对各部分内容的要求。"),
    ("typical", "常见问题（E、N）", "年报中常见的其他问题：必填部分空缺、年度不一致、逾期发布等。"),
)
SEVERITY = {"error": "错误：必须改正，否则不能发布", "warning": "警告：请核对；确认无误可以保留"}


def family(code: str) -> str:
    if code[0] in "YSF" and code[1:].isdigit():
        return code[0]
    if code.startswith(("E", "N-")):
        return "typical"
    return "rules"


def anchor(code: str) -> str:
    """The id of a code's entry on the guide page: R3-1 -> code-r3-1."""
    return "code-" + code.lower()


def _text(value: str) -> str:
    """Registry prose as Markdown text: HTML-escaped, emphasis characters taken literally."""
    escaped = html.escape(value, quote=False)
    for char in "\\`*_[]":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def _entry(c: Code) -> list[str]:
    lines = [
        # An anchor per code (no attr_list needed), so a message or a reviewer can link to it.
        f'<a id="{anchor(c.code)}"></a>',
        "",
        f"### {c.code} {_text(c.title)}",
        "",
        f"**{SEVERITY[c.severity]}**",
        "",
        _text(c.explain),
        "",
        "例如：",
        "",
        "```yaml" if ":" in c.example or "\n" in c.example else "```text",
        c.example,
        "```",
        "",
        f"改法：{_text(c.fix)}",
        "",
    ]
    return lines


def codes_markdown() -> str:
    """Every code of `CODES`, grouped by family, with severity, meaning, example and fix."""
    lines: list[str] = []
    for key, title, intro in FAMILIES:
        members = [c for c in CODES.values() if family(c.code) == key]
        if not members:
            continue
        lines += [f"## {title}", "", intro, ""]
        for c in members:
            lines += _entry(c)
    return "\n".join(lines)
