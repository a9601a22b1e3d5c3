"""Exports: the bytes of the open-data files (JSON, CSV, XLSX), from the portal model only.

Every function returns bytes and is deterministic: the same reports give the
same bytes (JSON keys in a fixed order, XLSX with fixed timestamps and zip
entry dates). Where the files live and what they are called is decided in
`opendata`; this module only knows their content.

- CSV is UTF-8 with a byte-order mark and CRLF line ends, so Excel opens the
  Chinese labels correctly. Numbers keep exactly the digits written.
- Text cells that a spreadsheet would run as a formula are written inert.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.writer.excel import ExcelWriter

from nianbao.downloads import zipfiles
from nianbao.model import labels as L
from nianbao.model.documents import Report
from nianbao.model.figures import TABLES, Figure, figures, merged, procurement_unit, table_figures
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc
from nianbao.model.portal import Portal
from nianbao.model.tables import number
from nianbao.urls import report_url

JSON_SCHEMA_REPORT = "nianbao.report/1"
JSON_SCHEMA_INDEX = "nianbao.index/1"
UNIT_HEADER = "采购总金额单位"
FORMAT_NAMES: dict[L.FormatVersion, str] = {"2019": "2019年格式", "2021": "2021年格式"}
STATUS_NAMES: dict[str, str] = {"draft": "草稿（仅预览）", "current": "本年度报告", "archived": "历史报告（按原文导入）"}

# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _json_str(text: str) -> str:
    # Keys and labels repeat in every report: encode each distinct string once.
    return json.dumps(text, ensure_ascii=False)


def to_json(value: Any, indent: int = 1) -> bytes:
    """JSON text with amounts as numbers of exactly the digits written (the json module would round via float)."""

    def enc(v: Any, level: int) -> str:
        if type(v) is int:
            return str(v)
        if v is None or isinstance(v, bool):
            return {None: "null", True: "true", False: "false"}[v]
        if isinstance(v, int | Decimal):
            return number(v)
        if isinstance(v, str):
            return _json_str(v) if len(v) < 64 else json.dumps(v, ensure_ascii=False)
        if isinstance(v, dt.date):
            return json.dumps(v.isoformat())
        pad, end = "\n" + " " * (indent * (level + 1)), "\n" + " " * (indent * level)
        if isinstance(v, dict):
            if not v:
                return "{}"
            return "{" + ",".join(f"{pad}{_json_str(str(k))}: {enc(x, level + 1)}" for k, x in v.items()) + end + "}"
        if isinstance(v, list | tuple):
            if not v:
                return "[]"
            return "[" + ",".join(f"{pad}{enc(x, level + 1)}" for x in v) + end + "]"
        raise TypeError(f"cannot write {type(v).__name__} as JSON")

    return (enc(value, 0) + "\n").encode("utf-8")


def _nested(pairs: Iterable[tuple[tuple[str, ...], Any]]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for path, value in pairs:
        node = root
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
    return root


def computed_keys(report: Report) -> list[str]:
    """Figure keys of the totals the file leaves out and the portal computes."""
    apps = report.applications
    out: list[str] = []
    for fig in figures(report.format_version):
        if not fig.total:
            continue
        if fig.table == "applications":
            path = fig.path[1:-1]
            if path == (L.T3_RESULTS_TOTAL.key,):
                written = apps.total
                if written is None or (fig.path[-1] == "total" and written.total is None):
                    out.append(fig.key)
            elif apps.row(path).total is None:
                out.append(fig.key)
        elif getattr(report.review_litigation, fig.path[1]).total is None:
            out.append(fig.key)
    return out


def finding_record(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "blocking": finding.blocking,
        "line": finding.line,
        "column": finding.col,
        "field": finding.field,
        "message": finding.message,
        "fix": finding.fix,
    }


def report_json(portal: Portal, doc: ReportDoc, findings: Sequence[Finding], downloads: list[dict[str, str]]) -> bytes:
    """The whole report: agency, format, status, prose, every figure with totals filled in, findings."""
    report = doc.report
    agency = portal.agency(doc)
    figs = figures(report.format_version)
    numbers = dict(zip((f.path for f in figs), doc.figure_values, strict=True))
    tables = _nested(numbers.items())
    unit = procurement_unit(report)
    if report.format_version == "2019":
        tables["active_disclosure"]["procurement"]["unit"] = unit
    record: dict[str, Any] = {
        "schema": JSON_SCHEMA_REPORT,
        "agency": {"id": doc.agency_id, **agency.agency.model_dump(exclude={"maintainers"})},
        "year": doc.year,
        "format": report.format_version,
        "format_document": L.FORMAT_DOCUMENTS[report.format_version],
        "status": report.status,
        "title": portal.title(doc),
        "published_date": report.published_date,
        "page": report_url(doc.agency_id, doc.year),
        "downloads": downloads,
        "opening": report.opening,
        "overview": report.overview.model_dump(),
        "active_disclosure": tables["active_disclosure"],
        "applications": tables["applications"],
        "review_litigation": tables["review_litigation"],
        "problems": report.problems,
        "other_matters": report.other_matters,
        "carry_over_note": report.carry_over_note,
        "signature": report.signature.model_dump() if report.signature else None,
        "computed_totals": computed_keys(report),
        "findings": [finding_record(f) for f in findings],
    }
    return to_json(record)


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------

# The full-width forms too: some spreadsheets read "＝" as "="; "|" starts a DDE link in Excel.
_FORMULA_START = ("=", "+", "-", "@", "|", "＝", "＋", "－", "＠", "｜", "\t", "\r", "\n")
Cell = str | int | Decimal | None


def inert(text: str) -> str:
    """A text cell no spreadsheet runs as a formula (OWASP CSV injection).

    Spreadsheets skip leading spaces before "=", so " =1+1" is a formula as well.
    """
    return "'" + text if text.lstrip(" \u3000").startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if c is None else inert(c) if isinstance(c, str) else number(c) for c in row])
    return out.getvalue().encode("utf-8-sig")


ROW_HEADER = "项目"
BLOCK_HEADER = "条款"


def table_csv(doc: ReportDoc, table: str) -> bytes:
    """One national table as a grid: one line per row label, one column per column label."""
    report = doc.report
    figs = table_figures(report.format_version, table)
    by_path = dict(zip((f.path for f in figures(report.format_version)), doc.figure_values, strict=True))
    columns = list(dict.fromkeys(f.column for f in figs))
    rows: dict[tuple[str, str], dict[str, Cell]] = {}
    row_keys: dict[tuple[str, str], str] = {}  # (block, row label) → the row's model key, e.g. "procurement"
    for fig in figs:
        rows.setdefault((fig.block, fig.row), {})[fig.column] = by_path[fig.path]
        row_keys[(fig.block, fig.row)] = fig.path[1]
    if table == "active_disclosure":
        header = [BLOCK_HEADER, L.CONTENT, *columns]
        unit = procurement_unit(report)
        if report.format_version == "2019":
            header.append(UNIT_HEADER)
        lines = []
        for (block, row), cells in rows.items():
            line: list[Cell] = [block, row, *(cells.get(c) for c in columns)]
            if report.format_version == "2019":
                line.append(unit if row_keys[(block, row)] == "procurement" else None)
            lines.append(line)
        return to_csv(header, lines)
    return to_csv([ROW_HEADER, *columns], ([row, *(cells.get(c) for c in columns)] for (_, row), cells in rows.items()))


# --------------------------------------------------------------------------
# Whole portal / one year: one line per report, one column per figure
# --------------------------------------------------------------------------


class Row(NamedTuple):
    doc: ReportDoc
    numbers: dict[tuple[str, ...], Cell]


class Column(NamedTuple):
    header: str
    get: Callable[[Row], Cell]


def _figure_column(fig: Figure, header: str) -> Column:
    return Column(header, lambda r: r.numbers.get(fig.path))


def id_columns(portal: Portal) -> list[Column]:
    return [
        Column("机关代码", lambda r: r.doc.agency_id),
        Column("机关名称", lambda r: portal.agency(r.doc).agency.name),
        Column("所属地区", lambda r: portal.agency(r.doc).agency.region),
        Column("年度", lambda r: r.doc.year),
        Column("格式", lambda r: FORMAT_NAMES[r.doc.format_version]),
        Column("状态", lambda r: STATUS_NAMES[r.doc.report.status]),
    ]


def figure_columns(table: str, version: L.FormatVersion | None = None, prefix: bool = True) -> list[Column]:
    """The columns of one table family (both formats when version is None)."""
    figs = merged(table) if version is None else table_figures(version, table)
    columns = []
    for fig in figs:
        columns.append(_figure_column(fig, fig.label if prefix else f"{fig.row} {fig.column}"))
        if fig.path == ("active_disclosure", "procurement", "amount"):
            columns.append(Column(f"{TABLES[table]} {UNIT_HEADER}" if prefix else UNIT_HEADER, lambda r: procurement_unit(r.doc.report)))
    return columns


def rows(docs: Iterable[ReportDoc]) -> list[Row]:
    out = []
    for doc in docs:
        figs = figures(doc.format_version)
        out.append(Row(doc, dict(zip((f.path for f in figs), doc.figure_values, strict=True))))
    return out


def wide_csv(portal: Portal, docs: Sequence[ReportDoc]) -> bytes:
    """One line per report, one column per figure of both formats (blank where a format lacks it)."""
    columns = id_columns(portal) + [c for table in TABLES for c in figure_columns(table)]
    return to_csv([c.header for c in columns], ([c.get(r) for c in columns] for r in rows(docs)))


# --------------------------------------------------------------------------
# XLSX
# --------------------------------------------------------------------------

def build_time() -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else a fixed instant."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(epoch) if epoch.isdigit() else 315532800  # 1980-01-01
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).replace(tzinfo=None)


def sheets(portal: Portal, docs: Sequence[ReportDoc]) -> list[tuple[str, list[Column], list[Row]]]:
    """Sheet name, columns and rows of each table family; table 二 split by format (spec §6)."""
    all_rows = rows(docs)
    report_columns = [
        *id_columns(portal),
        Column("标题", lambda r: portal.title(r.doc)),
        Column("发布日期", lambda r: r.doc.report.published_date.isoformat() if r.doc.report.published_date else None),
        Column("报告页面", lambda r: report_url(r.doc.agency_id, r.doc.year)),
    ]
    ids = id_columns(portal)
    out = [("报告", report_columns, all_rows)]
    for version in L.FORMAT_VERSIONS:
        chosen = [r for r in all_rows if r.doc.format_version == version]
        if chosen:
            out.append((f"表二（{FORMAT_NAMES[version]}）", ids + figure_columns("active_disclosure", version, prefix=False), chosen))
    out.append(("表三", ids + figure_columns("applications", prefix=False), all_rows))
    out.append(("表四", ids + figure_columns("review_litigation", prefix=False), all_rows))
    return out


def _xlsx_cell(ws: Any, value: Cell) -> Any:
    if not (isinstance(value, str) and value.startswith("=")):
        return value  # plain values are much faster in write-only mode
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"  # text, never a formula
    return cell


def workbook_xlsx(portal: Portal, docs: Sequence[ReportDoc]) -> bytes:
    """A sheet per table family, Chinese headers, numbers stored as numbers."""
    wb = Workbook(write_only=True)
    when = build_time()
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.creator = "nianbao"
    for name, columns, sheet_rows in sheets(portal, docs):
        ws = wb.create_sheet(name)
        ws.freeze_panes = "C2"
        ws.append([_xlsx_cell(ws, c.header) for c in columns])
        for r in sheet_rows:
            ws.append([_xlsx_cell(ws, c.get(r)) for c in columns])
    archive = zipfiles.Entries()
    # ExcelWriter directly: Workbook.save would stamp "modified" with the current time.
    ExcelWriter(wb, archive).save()
    return zipfiles.zip_bytes(archive.entries)


# --------------------------------------------------------------------------
# The static API index
# --------------------------------------------------------------------------


def index_json(portal: Portal, entries: Sequence[dict[str, Any]], files: list[dict[str, str]]) -> bytes:
    """Every report with its agency, year, format, page and download paths (relative to the site root)."""
    record = {
        "schema": JSON_SCHEMA_INDEX,
        "paths": "相对于网站根目录",
        "count": len(entries),
        "years": portal.years,
        "agencies": [{"id": a.id, "name": a.agency.name, "region": a.agency.region, "parent": a.agency.parent} for _, a in sorted(portal.agencies.items())],
        "files": files,
        # The Chinese name of every figure key of the report JSON files, per format.
        "figures": {v: [{"key": f.key, "table": TABLES[f.table], "row": f.row, "column": f.column} for f in figures(v)] for v in L.FORMAT_VERSIONS},
        "reports": list(entries),
    }
    return to_json(record)
