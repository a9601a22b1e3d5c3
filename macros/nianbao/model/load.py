"""Load: the data tree to typed documents, or findings that say what is wrong.

This is the one validation boundary. Everything after it handles `AgencyDoc`
and `ReportDoc` objects only; everything wrong before it becomes a `Finding`
with file, line, column, field, message and fix, all problems of a file at once.
"""

from __future__ import annotations

import difflib
import re
import stat
import types
import typing
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from nianbao.model import known_cells
from nianbao.model import labels as L
from nianbao.model.documents import REPORT_MODELS, Agency, Report
from nianbao.model.figures import Number
from nianbao.model.figures import values as figure_values
from nianbao.model.findings import Finding
from nianbao.model.source import MAX_BYTES, SourceMap, SourceProblem, decode, parse, too_big

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REPORT_FILE = re.compile(r"(\d{4})\.ya?ml")
AGENCY_FILES = ("agency.yaml", "agency.yml")


@dataclass(frozen=True)
class AgencyDoc:
    id: str
    path: str
    agency: Agency
    source: SourceMap


@dataclass(frozen=True)
class ReportDoc:
    agency_id: str
    path: str
    report: Report
    source: SourceMap

    @property
    def year(self) -> int:
        return self.report.year

    @property
    def format_version(self) -> L.FormatVersion:
        return self.report.format_version

    @property
    def archived(self) -> bool:
        return self.report.status == "archived"

    @cached_property
    def figure_values(self) -> tuple[Number, ...]:
        """figures.values(report), kept with the report: a build's downloads read them eight times
        (its JSON, three CSVs, two workbooks and two portal CSVs; 1.7 CPU seconds at 2,500 reports)."""
        return figure_values(self.report)

    @property
    def draft(self) -> bool:
        """Being written: checked and previewed, never published."""
        return self.report.status == "draft"


@dataclass
class Loaded:
    agencies: dict[str, AgencyDoc] = field(default_factory=dict)
    reports: list[ReportDoc] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Report files that could not become a ReportDoc: nothing is published from them.
    rejected: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------
# One file
# --------------------------------------------------------------------------


def read_document(path: Path, rel: str) -> tuple[Any, SourceMap | None, list[Finding]]:
    """Raw values and positions of one YAML file, or the finding that stops it."""
    try:
        raw = _read_small(path)
        # Positions are worked out only when a finding needs them, from the file read again.
        values, smap = parse(decode(raw), lambda: decode(path.read_bytes()))
    except SourceProblem as p:
        return None, None, [Finding.of(rel, p.line, p.col, p.code, p.message, p.fix)]
    except OSError as err:
        return None, None, [Finding.of(rel, 1, 1, "Y009", f"无法读取文件：{err.strerror}", "请检查文件权限")]
    if not isinstance(values, dict):
        return None, None, [Finding.of(rel, 1, 1, "S006", "文件内容应为“键: 值”形式的字段列表", "请参照示例文件的结构填写")]
    return values, smap, []


def _read_small(path: Path) -> bytes:
    """The bytes of a regular file no larger than MAX_BYTES: the size is known before anything is read."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise SourceProblem("F009", 1, 1, "不是普通文件，无法作为数据读取", "数据文件夹中只能放 .yaml 数据文件，请删除或移走它")
    if info.st_size > MAX_BYTES:
        raise too_big(info.st_size)
    return path.read_bytes()


def load_agency(path: Path, rel: str, agency_id: str) -> tuple[AgencyDoc | None, list[Finding]]:
    values, smap, findings = read_document(path, rel)
    if values is None or smap is None:
        return None, findings
    try:
        agency = Agency.model_validate(values)
    except ValidationError as err:
        return None, _schema_findings(err, Agency, None, smap, rel)
    return AgencyDoc(agency_id, rel, agency, smap), []


def load_report(path: Path, rel: str, agency_id: str, file_year: int | None = None) -> tuple[ReportDoc | None, list[Finding]]:
    values, smap, findings = read_document(path, rel)
    if values is None or smap is None:
        return None, findings
    version = _version_of(values, file_year)
    override = _override_problem(values, version, smap, rel)
    if override is not None:
        return None, [override]
    model = REPORT_MODELS[version]
    other = REPORT_MODELS["2021" if version == "2019" else "2019"]
    try:
        report = model.model_validate(values)
    except ValidationError as err:
        # An imported draft with cells still 待填写: the original's own errors are listed beside them.
        return None, _schema_findings(err, model, other, smap, rel, version) + known_cells.check(values, smap, rel, version)
    findings = []
    if file_year is not None and report.year != file_year:
        pos = smap.value(("year",))
        findings.append(
            Finding.of(
                rel,
                pos.line,
                pos.col,
                "F002",
                f"文件名年度 {file_year} 与文件内 year: {report.year} 不一致",
                f"请把文件改名为 {report.year}.yaml，或改正 year",
                "year",
            )
        )
        return None, findings
    return ReportDoc(agency_id, rel, report, smap), findings


def _version_of(values: dict[str, Any], file_year: int | None) -> L.FormatVersion:
    declared = values.get("format")
    if declared in L.FORMAT_VERSIONS:
        return declared  # type: ignore[no-any-return]
    year = values.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return L.format_for_year(year)
    return L.format_for_year(file_year or 2021)


def _override_problem(values: dict[str, Any], version: L.FormatVersion, smap: SourceMap, rel: str) -> Finding | None:
    """V-1: a declared `format` other than the year's exists only for archived reports published that way."""
    year = values.get("year")
    if "format" not in values or values.get("status") == "archived" or not isinstance(year, int) or isinstance(year, bool):
        return None
    expected = L.format_for_year(year)
    if version == expected:
        return None
    pos = smap.value(("format",))
    return Finding.of(
        rel,
        pos.line,
        pos.col,
        "V-1",
        f'{year} 年度报告应使用 {expected} 年格式（{L.FORMAT_DOCUMENTS[expected]}），不能声明 format: "{version}"',
        "请删去 format 并按本年度的格式填写；只有按原样导入、确以另一格式发布的历史报告（status: archived）才能声明格式",
        "format（格式版本）",
    )


# --------------------------------------------------------------------------
# Schema errors in Chinese
# --------------------------------------------------------------------------

# pydantic error type -> (code, message, fix). Custom types from `model` bring their own message.
_SCHEMA: dict[str, tuple[str, str | None, str]] = {
    "missing": ("S002", "缺少必填项", "请补上这一项"),
    "extra_forbidden": ("S001", None, "请删除或改正这个键名"),
    "blank": ("S003", None, "没有请填 0"),
    "placeholder": ("S003", None, "没有请填 0"),
    "not_a_number": ("S003", None, "请改用阿拉伯数字，如 12"),
    "quoted_number": ("S003", None, "数字不要加引号"),
    "fullwidth": ("S003", None, "请改为半角数字"),
    "unit_in_cell": ("S008", None, "只填数字，单位由表头说明"),
    "negative": ("S004", None, "请填写 0 或正数"),
    "decimal_count": ("S005", None, "件数请填写整数"),
    "markup": ("S007", None, "请删去这些字符"),
    "leading_zero": ("S003", None, "请去掉开头的 0"),
    "line_break": ("S009", None, "请删去换行"),
    "bad_url": ("S010", None, "请填写 http:// 或 https:// 开头的网址"),
    "too_large": ("S011", None, "请核对这个数字"),
    "bad_date": ("S006", None, "请按 2022-01-20 的格式填写"),
    "bad_code": ("S006", None, "请填写机关代码"),
    "string_type": ("S006", "应为文字", "请填写文字内容"),
    "model_type": ("S006", "此处应为下一级字段（键: 值）", "请参照示例文件在下一行缩进填写各项"),
    "dict_type": ("S006", "此处应为下一级字段（键: 值）", "请参照示例文件在下一行缩进填写各项"),
    "list_type": ("S006", "此处应为列表（每项以“- ”开头）", "请改成列表形式"),
    "literal_error": ("S006", None, "请从可选值中选择"),
    "int_type": ("S006", "应为整数", "请填写整数，如 2021"),
    "int_parsing": ("S006", "应为整数", "请填写整数，如 2021"),
    "greater_than_equal": ("S006", None, "请改正数值"),
    "less_than_equal": ("S006", None, "请改正数值"),
    "date_from_datetime_parsing": ("S006", "日期格式不对", "请按 2022-01-20 的格式填写"),
    "date_parsing": ("S006", "日期格式不对", "请按 2022-01-20 的格式填写"),
    "date_type": ("S006", "日期格式不对", "请按 2022-01-20 的格式填写"),
}


def _schema_findings(
    err: ValidationError,
    model: type[BaseModel],
    other: type[BaseModel] | None,
    smap: SourceMap,
    rel: str,
    version: L.FormatVersion | None = None,
) -> list[Finding]:
    placed: list[tuple[tuple[Any, ...], Finding]] = []
    suggestions: list[tuple[tuple[Any, ...], str]] = []
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        kind = e["type"]
        code, message, fix = _SCHEMA.get(kind, ("S006", None, "请对照数据格式说明改正"))
        dotted = ".".join(str(p) for p in loc)
        title = _titles(model, loc)
        if kind == "extra_forbidden":
            key = str(loc[-1])
            pos = smap.key(loc)
            other_title = _titles(other, loc, strict=True) if other is not None and version is not None else ""
            if other_title and version is not None:
                right = "2021" if version == "2019" else "2019"
                label = other_title.split(" / ")[-1]
                code, message = "V-1", f"“{key}”（{label}）是 {right} 年格式的字段，本报告（{_year_text(smap, version)}）应使用 {version} 年格式"
                fix = f"请按 {version} 年格式填写表格（可用 nianbao new 生成模板）"
            else:
                message = f"未知的键“{key}”"
                near = difflib.get_close_matches(key, _field_names(model, loc[:-1]), n=1, cutoff=0.6)
                if near:
                    fix = f"是不是“{near[0]}”？"
                    suggestions.append((loc, near[0]))
        elif kind == "missing":
            pos = smap.value(loc[:-1])
        else:
            pos = smap.value(loc)
        if message is None:
            message = _message_of(e)
        if kind in _OWN_WORDS and (e.get("ctx") or {}).get("fix"):
            fix = e["ctx"]["fix"]
        where = f"{dotted}（{title}）" if title else dotted
        placed.append((loc, Finding.of(rel, pos.line, pos.col, code, message, fix, where)))
    # "licencing" unknown (did you mean "licensing"?) already tells the clerk that "licensing" is missing.
    suggested = {(*loc[:-1], hint) for loc, hint in suggestions}
    placed = [(loc, f) for loc, f in placed if not (f.code == "S002" and loc in suggested)]
    # A block written in the other format lacks this format's keys and holds values shaped for the
    # other one: its V-1 lines already say what is wrong, the rest would only be noise.
    other_format = {loc[:-1] for loc, f in placed if f.code == "V-1"}
    if not other_format:
        return [f for _, f in placed]
    return [
        f
        for loc, f in placed
        if f.code == "V-1" or not (loc[:-1] in other_format and (f.code == "S002" or (other is not None and _titles(other, loc, strict=True))))
    ]


def _year_text(smap: SourceMap, version: L.FormatVersion) -> str:
    return "2019、2020 年度" if version == "2019" else "2021 年度起"


# Error kinds raised by the model's own value types: their message and fix are the model's words.
_OWN_WORDS = {
    "rulepack",
    "blank",
    "placeholder",
    "quoted_number",
    "not_a_number",
    "fullwidth",
    "unit_in_cell",
    "negative",
    "decimal_count",
    "markup",
    "leading_zero",
    "line_break",
    "bad_url",
    "too_large",
    "bad_date",
    "bad_code",
}


def _message_of(e: Any) -> str:
    kind = e["type"]
    ctx = e.get("ctx") or {}
    if kind == "literal_error":
        return f"取值不在可选范围内，可选值：{ctx.get('expected', '')}"
    if kind == "greater_than_equal":
        return f"数值应不小于 {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"数值应不大于 {ctx.get('le')}"
    if kind in _OWN_WORDS:
        return str(e["msg"])
    # pydantic's own words are English: the clerk gets the field, its title and a Chinese sentence instead.
    return "取值不正确"


def _unwrap(annotation: Any) -> Any:
    """The model class behind Optional[...], list[...] and Annotated[...]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            inner = _unwrap(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return annotation


def _titles(model: type[BaseModel], loc: tuple[Any, ...], strict: bool = False) -> str:
    """Chinese titles along a path: '一、本年新收政府信息公开申请数量 / 自然人'."""
    titles: list[str] = []
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return "" if strict else " / ".join(titles)
        info = current.model_fields[part]
        if info.title:
            titles.append(info.title)
        current = _unwrap(info.annotation)
    return " / ".join(titles)


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = _unwrap(current.model_fields[part].annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []
