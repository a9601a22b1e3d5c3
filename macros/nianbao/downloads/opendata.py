"""Open data: which files the portal offers, where they live, and their providers.

Per report (linked from its page): the whole report as JSON and tables 二, 三,
四 as CSV. For the whole portal and for each year: one CSV and one XLSX with a
line per report and a column per figure, and a JSON index of every report.

Bytes are produced lazily, when a file is written; whole-portal files are
built once per build and kept (`Build.once`), so the downloads page can print
their sizes without building them twice. Paths come from `nianbao.urls`.
"""

from __future__ import annotations

from typing import Any

from nianbao.build import Build, Download, links
from nianbao.downloads import exports
from nianbao.model.figures import TABLE_TITLES, TABLES
from nianbao.model.load import ReportDoc
from nianbao.urls import portal_file, report_file, report_url

TABLE_FILES = {"active_disclosure": "table2", "applications": "table3", "review_litigation": "table4"}


def report_files(build: Build, doc: ReportDoc) -> list[Download]:
    """Download provider: the JSON and the three table CSVs of one report."""

    def json_bytes() -> bytes:
        files = links(build.report_downloads(doc))
        return exports.report_json(build.portal, doc, build.portal.findings_for(doc), files)

    out = [Download(report_file(doc.agency_id, doc.year, "json"), "JSON（全部数据）", json_bytes)]
    for table, kind in TABLE_FILES.items():
        out.append(
            Download(
                report_file(doc.agency_id, doc.year, kind),
                f"CSV：{TABLES[table]} {TABLE_TITLES[table]}",
                lambda t=table: exports.table_csv(doc, t),
            )
        )
    return out


def _index_entries(build: Build) -> list[dict[str, Any]]:
    portal = build.portal
    return [
        {
            "agency": doc.agency_id,
            "agency_name": portal.agency(doc).agency.name,
            "year": doc.year,
            "format": doc.format_version,
            "status": doc.report.status,
            "title": portal.title(doc),
            "page": report_url(doc.agency_id, doc.year),
            "downloads": links(build.report_downloads(doc)),
        }
        for doc in portal.reports
    ]


def portal_files(build: Build) -> list[Download]:
    """Download provider: whole-portal and per-year CSV and XLSX, and the JSON index of every report."""
    portal, once = build.portal, build.once
    out = [
        Download(portal_file("csv"), "全部报告 CSV", once("all.csv", lambda: exports.wide_csv(portal, portal.reports))),
        Download(portal_file("xlsx"), "全部报告 XLSX", once("all.xlsx", lambda: exports.workbook_xlsx(portal, portal.reports))),
    ]
    for year in portal.years:
        docs = portal.by_year[year]
        out.append(Download(portal_file("csv", year), f"{year}年度 CSV", once(f"{year}.csv", lambda d=docs: exports.wide_csv(portal, d))))
        out.append(Download(portal_file("xlsx", year), f"{year}年度 XLSX", once(f"{year}.xlsx", lambda d=docs: exports.workbook_xlsx(portal, d))))

    def index() -> bytes:
        files = links([d for d in build.portal_downloads() if d.path != portal_file("index")])
        return exports.index_json(portal, _index_entries(build), files)

    out.append(Download(portal_file("index"), "报告索引 JSON（数据接口）", once("index.json", index)))
    return out
