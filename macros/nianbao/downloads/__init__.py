"""Downloads: the data files a portal offers besides its pages (open data, Word).

The providers are listed here, in one tuple per kind, like `checks.RULES` and
`cli.COMMANDS`: every consumer (the site build, a report page's links, the
export command, the tests) gets them from `new_build`.
"""

from __future__ import annotations

import datetime as dt

from nianbao.build import Build, PortalProvider, ReportProvider
from nianbao.downloads.opendata import portal_files, report_files
from nianbao.downloads.progress import progress_files
from nianbao.downloads.word import word_files
from nianbao.model.portal import Portal
from nianbao.model.progress import build_date
from nianbao.model.progress_config import ProgressConfig
from nianbao.model.supervision import Supervision, supervise

REPORT_PROVIDERS: tuple[ReportProvider, ...] = (word_files, report_files)
PORTAL_PROVIDERS: tuple[PortalProvider, ...] = (portal_files, progress_files)


def new_build(portal: Portal, *, preview: bool = False, supervision: Supervision | None = None, as_of: dt.date | None = None) -> Build:
    """The build object of a site build or an export, with every download provider; as_of: the build date unless given."""
    return Build(portal, REPORT_PROVIDERS, PORTAL_PROVIDERS, preview, supervision, as_of or build_date())


def site_build(portal: Portal, settings: ProgressConfig, *, preview: bool = False) -> Build:
    """The build of the portal as published (the site, `nianbao export`), or of its preview.

    Its 报送进度 pages and their CSV files exist only when the portal makes them public, and then
    show nothing of a draft but its state; deadlines are judged as of the portal's date.
    """
    supervision = supervise(portal, settings).without_drafts() if settings.public else None
    return new_build(portal, preview=preview, supervision=supervision, as_of=settings.as_of)
