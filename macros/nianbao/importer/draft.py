"""The imported report → a readable YAML draft, written by hand for a person to review.

The layout follows the hand-made example (`data/zhangshu-jgswj/2020.yaml`):
the schema line, one flow mapping per table row with aligned keys, prose in
block scalars, and a comment beside every row that needs a person. Text is
always quoted or in a block scalar, so nothing in it can become YAML syntax.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from nianbao.model import labels as L


@dataclass
class Draft:
    year: int
    version: L.FormatVersion
    format_override: bool
    title: str | None
    published_date: dt.date | None
    opening: str
    overview_text: str
    subsections: list[tuple[str, str]]
    active_disclosure: dict[str, Any]
    applications: dict[str, Any]
    review_litigation: dict[str, Any]
    problems: str
    other_matters: str
    signature: tuple[str, dt.date] | None
    comments: dict[tuple[str, ...], str] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return json.dumps(str(value), ensure_ascii=False)


def prose(key: str, text: str, indent: int) -> list[str]:
    pad = " " * indent
    lines = [line.replace("\t", " ").strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return [f'{pad}{key}: ""']
    style = ">-" if len(lines) == 1 else "|-"
    return [f"{pad}{key}: {style}", *(f"{pad}  {line}" for line in lines)]


def flow(row: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in row.items()) + "}"


def _mapping(data: dict[str, Any], path: tuple[str, ...], indent: int, comments: dict[tuple[str, ...], str]) -> list[str]:
    pad = " " * indent
    leaves = [k for k, v in data.items() if not _is_group(v)]
    width = max((len(k) for k in leaves), default=0) + 1
    out: list[str] = []
    for k, v in data.items():
        note = comments.get((*path, k))
        suffix = f"  # {note}" if note else ""
        if _is_group(v):
            out.append(f"{pad}{k}:{suffix}")
            out.extend(_mapping(v, (*path, k), indent + 2, comments))
        else:
            value = flow(v) if isinstance(v, dict) else scalar(v)
            out.append(f"{pad}{(k + ':').ljust(width)} {value}{suffix}")
    return out


def _is_group(value: Any) -> bool:
    """A mapping of rows (refused, unavailable…), not a row of figures."""
    return isinstance(value, dict) and any(isinstance(v, dict) for v in value.values())


def report_yaml(d: Draft) -> str:
    lines = [f"# yaml-language-server: $schema=../../schema/report-{d.version}.schema.json"]
    lines += [f"# {h}" for h in d.header]
    lines.append(f"year: {d.year}")
    if d.format_override:
        lines.append(f'format: "{d.version}"')
    lines.append("status: archived")
    if d.title:
        lines.append(f"title: {scalar(d.title)}")
    if d.published_date:
        lines.append(f"published_date: {d.published_date.isoformat()}")
    lines += prose("opening", d.opening, 0)
    lines.append("overview:")
    lines += prose("text", d.overview_text, 2)
    if d.subsections:
        lines.append("  subsections:")
        for title, text in d.subsections:
            lines.append(f"    - title: {scalar(title)}")
            lines += prose("text", text, 6)
    for key, data in (("active_disclosure", d.active_disclosure), ("applications", d.applications), ("review_litigation", d.review_litigation)):
        note = d.comments.get((key,))
        lines.append(f"{key}:" + (f"  # {note}" if note else ""))
        lines += _mapping(data, (key,), 2, d.comments)
    lines += prose("problems", d.problems, 0)
    lines += prose("other_matters", d.other_matters, 0)
    if d.signature:
        lines.append("signature:")
        lines.append(f"  name: {scalar(d.signature[0])}")
        lines.append(f"  date: {d.signature[1].isoformat()}")
    return "\n".join(lines) + "\n"


AGENCY_KEYS = ("name", "type", "region", "contact_office", "address", "postcode", "phone", "email", "website")


def agency_yaml(fields: dict[str, str], source: str) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schema/agency.schema.json",
        f"# 由 nianbao import 根据 {source} 的标题和开头段落生成，请逐项核对。",
    ]
    if "region" not in fields:
        lines.append("# 所属地区（region）无法从机关名称推断，请补上，如 region: 樟树市")
    for k in AGENCY_KEYS:
        if k in fields:
            note = "  # 由机关名称推断，请核对" if k in ("region", "type") else ""
            lines.append(f"{k}: {scalar(fields[k])}{note}")
    return "\n".join(lines) + "\n"
