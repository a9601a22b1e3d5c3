"""Downloads: the data files the site offers besides its pages.

Each provider returns `Download`s for one report or for the whole portal; the
MkDocs plugin writes them into the site and the report page links them. A
`nianbao export` command can write the same files without a site build.
Providers are listed in `REPORT_PROVIDERS` / `PORTAL_PROVIDERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .load import ReportDoc
from .portal import Portal


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
