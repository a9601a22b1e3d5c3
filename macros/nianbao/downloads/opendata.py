"""Open data: which files the portal offers, where they live, and their providers.

Per report (linked from its page): the whole report as JSON and tables 二, 三,
四 as CSV. For the whole portal and for each year: one CSV and one XLSX with a
line per report and a column per figure, and a JSON index of every report.

Bytes are produced lazily, when a file is written; whole-portal files are
built once per portal and kept, so the downloads page can print their sizes
without building them twice.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from nianbao.downloads import exports
from nianbao.downloads.providers import PORTAL_PROVIDERS, REPORT_PROVIDERS, Download, portal_downloads, report_downloads
from nianbao.model.figures import TABLE_TITLES, TABLES
from nianbao.model.findings import Finding
from nianbao.model.load import ReportDoc
from nianbao.model.portal import Portal
from nianbao.urls import report_url

DOWNLOADS_DIR = "downloads/"
TABLE_FILES = {"active_disclosure": "table2", "applications": "table3", "review_litigation": "table4"}


def report_file(agency_id: str, year: int, kind: str) -> str:
    """kind: json, table2, table3 or table4."""
    suffix = ".json" if kind == "json" else f"-{kind}.csv"
    return f"{DOWNLOADS_DIR}reports/{agency_id}/{agency_id}-{year}{suffix}"


def portal_file(kind: str, year: int | None = None) -> str:
    """kind: csv, xlsx or index (JSON); year None for the whole portal."""
    if kind == "index":
        return f"{DOWNLOADS_DIR}reports.json"
    if year is None:
        return f"{DOWNLOADS_DIR}nianbao-all.{kind}"
    return f"{DOWNLOADS_DIR}{year}/nianbao-{year}.{kind}"


# --------------------------------------------------------------------------
# Per-portal memo: whole-portal bytes and the findings index, built once
# --------------------------------------------------------------------------

_MEMO: dict[int, dict[str, Any]] = {}


def _memo(portal: Portal) -> dict[str, Any]:
    key = id(portal)
    if key not in _MEMO:
        _MEMO[key] = {}
        weakref.finalize(portal, _MEMO.pop, key, None)
    return _MEMO[key]


def _once(portal: Portal, name: str, make: Callable[[], bytes]) -> Callable[[], bytes]:
    def build() -> bytes:
        memo = _memo(portal)
        if name not in memo:
            memo[name] = make()
        return memo[name]  # type: ignore[no-any-return]

    return build


def findings_by_file(portal: Portal) -> dict[str, list[Finding]]:
    """Findings grouped by data file, computed once: reports ask for theirs thousands of times."""
    memo = _memo(portal)
    if "findings" not in memo:
        grouped: dict[str, list[Finding]] = {}
        for f in portal.findings:
            grouped.setdefault(f.file, []).append(f)
        memo["findings"] = grouped
    return memo["findings"]  # type: ignore[no-any-return]


# --------------------------------------------------------------------------
# Providers
# --------------------------------------------------------------------------


def report_files(portal: Portal, doc: ReportDoc) -> list[Download]:
    """The JSON and the three table CSVs of one report."""

    def json_bytes() -> bytes:
        links = [{"label": d.label, "path": d.path} for d in report_downloads(portal, doc)]
        return exports.report_json(portal, doc, findings_by_file(portal).get(doc.path, []), links)

    out = [Download(report_file(doc.agency_id, doc.year, "json"), "JSON（全部数据）", json_bytes)]
    for table, kind in TABLE_FILES.items():
        out.append(
            Download(
                report_file(doc.agency_id, doc.year, kind),
                f"CSV：{TABLES[table]} {TABLE_TITLES[table]}",
                lambda t=table: exports.table_csv(doc.report, t),
            )
        )
    return out


def _index_entries(portal: Portal) -> list[dict[str, Any]]:
    return [
        {
            "agency": doc.agency_id,
            "agency_name": portal.agency(doc).agency.name,
            "year": doc.year,
            "format": doc.format_version,
            "status": doc.report.status,
            "title": portal.title(doc),
            "page": report_url(doc.agency_id, doc.year),
            "downloads": [{"label": d.label, "path": d.path} for d in report_downloads(portal, doc)],
        }
        for doc in portal.reports
    ]


def portal_files(portal: Portal) -> list[Download]:
    """Whole-portal and per-year CSV and XLSX, and the JSON index of every report."""
    out = [
        Download(portal_file("csv"), "全部报告 CSV", _once(portal, "all.csv", lambda: exports.wide_csv(portal, portal.reports))),
        Download(portal_file("xlsx"), "全部报告 XLSX", _once(portal, "all.xlsx", lambda: exports.workbook_xlsx(portal, portal.reports))),
    ]
    for year in portal.years:
        docs = portal.by_year[year]
        out.append(Download(portal_file("csv", year), f"{year}年度 CSV", _once(portal, f"{year}.csv", lambda d=docs: exports.wide_csv(portal, d))))
        out.append(Download(portal_file("xlsx", year), f"{year}年度 XLSX", _once(portal, f"{year}.xlsx", lambda d=docs: exports.workbook_xlsx(portal, d))))

    def index() -> bytes:
        files = [{"label": d.label, "path": d.path} for d in portal_downloads(portal) if d.path != portal_file("index")]
        return exports.index_json(portal, _index_entries(portal), files)

    out.append(Download(portal_file("index"), "报告索引 JSON（数据接口）", _once(portal, "index.json", index)))
    return out


def register() -> None:
    """Add the providers once (importing this module twice must not list the files twice)."""
    if report_files not in REPORT_PROVIDERS:
        REPORT_PROVIDERS.append(report_files)
    if portal_files not in PORTAL_PROVIDERS:
        PORTAL_PROVIDERS.append(portal_files)


register()
