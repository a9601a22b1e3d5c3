"""What a preview server (`nianbao preview`, `mkdocs serve`) shows about data errors, in the browser.

The clerk edits in an editor and looks at the browser: errors only in the terminal go unseen, and
the page they are looking at would silently stay as it was. Every page of a preview therefore
carries the blocking findings, in the very words the terminal prints (`Finding.format_text`), and a
report file that cannot be read at all still gets a page at its address saying why. A rebuild
without errors drops both; a published build (never a preview) stops on the first error instead.
"""

from __future__ import annotations

from nianbao.build import Build
from nianbao.model.load import REPORT_FILE, SLUG
from nianbao.site.page import Page
from nianbao.site.render import render
from nianbao.urls import agency_url, report_url


def problems(build: Build) -> list[str]:
    """The terminal's lines for every finding that blocks publishing; none outside a preview.

    A draft's errors are left to the terminal: a portal holding a half-written draft would otherwise
    show them above every page of the preview.
    """
    if not build.preview:
        return []
    return [f.format_text() for f in build.portal.findings if f.blocks]


def unreadable_reports(build: Build) -> list[Page]:
    """A page at the address of each report file that could not be read, with its errors."""
    if not build.preview:
        return []
    pages = []
    for rel in build.portal.rejected:
        parts = rel.split("/")
        match = REPORT_FILE.fullmatch(parts[-1])
        if len(parts) != 3 or not match or not SLUG.fullmatch(parts[1]):
            continue  # agency.yaml and misplaced files: listed in the banner only
        agency_id, year = parts[1], int(match.group(1))
        lines = [f.format_text() for f in build.portal.findings_by_file().get(rel, []) if f.blocks]
        pages.append(
            Page(
                report_url(agency_id, year),
                f"{year}年度报告（数据文件有错误）",
                "report-unreadable",
                lambda r=rel, y=year, ls=lines: render("unreadable.html", file=r, year=y, lines=ls),
                crumb=f"{year}年度报告",
                parent=agency_url(agency_id),
            )
        )
    return pages
