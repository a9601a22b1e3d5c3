"""Downloads: the data files the site offers besides its pages.

Each provider returns `Download`s for one report or for the whole portal; the
MkDocs plugin writes them into the site and the report page links them. A
`nianbao export` command can write the same files without a site build.
Providers are listed in `REPORT_PROVIDERS` / `PORTAL_PROVIDERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nianbao.model.load import ReportDoc
from nianbao.model.portal import Portal


@dataclass(frozen=True)
class Download:
    path: str  # site-relative, e.g. "downloads/reports/<agency>/<year>.json"
    label: str  # link text on the report page, e.g. "JSON（全部数据）"
    build: Callable[[], bytes]  # produced only when written


ReportProvider = Callable[[Portal, ReportDoc], list[Download]]
PortalProvider = Callable[[Portal], list[Download]]

REPORT_PROVIDERS: list[ReportProvider] = []
PORTAL_PROVIDERS: list[PortalProvider] = []


def report_downloads(portal: Portal, doc: ReportDoc) -> list[Download]:
    return [d for provider in REPORT_PROVIDERS for d in provider(portal, doc)]


def portal_downloads(portal: Portal) -> list[Download]:
    return [d for provider in PORTAL_PROVIDERS for d in provider(portal)]


def all_downloads(portal: Portal) -> list[Download]:
    """Every file a site build publishes besides its pages (the export command writes the same).

    The whole-portal files come first: they are the largest, and writers that take files in
    list order then share the work evenly.
    """
    return [*portal_downloads(portal), *(d for doc in portal.reports for d in report_downloads(portal, doc))]


def _word_document(portal: Portal, doc: ReportDoc) -> list[Download]:
    # Imported on use: the Word export reads render.prose, and render imports this module.
    from nianbao.downloads.word import LABEL, docx_path, report_docx

    return [Download(docx_path(doc), LABEL, lambda: report_docx(portal, doc))]


REPORT_PROVIDERS.append(_word_document)


# Built-in providers register themselves when imported; importing them here means
# every consumer (site build, report page, export command, tests) sees the same files.
from nianbao.downloads import opendata  # noqa: E402, F401
