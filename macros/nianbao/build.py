"""The build: one object per site build or export, made once by the MkDocs plugin or the CLI.

It owns what belongs to one build and to nothing longer: the portal model, the
download providers (an explicit tuple, given by `nianbao.downloads.new_build`),
whether this is a preview, and every per-build cache. Nothing of a build lives in
a module global, so two builds in one process (the tests, a preview's rebuilds)
never see each other's data. Paths come from `nianbao.urls`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from nianbao.model.load import ReportDoc
from nianbao.model.portal import Portal
from nianbao.model.progress import build_date
from nianbao.model.supervision import Supervision


@dataclass(frozen=True)
class Download:
    """A file the site offers besides its pages; its bytes are produced only when written."""

    path: str  # site-relative, from nianbao.urls
    label: str  # link text, e.g. "JSON（全部数据）"
    build: Callable[[], bytes]


ReportProvider = Callable[["Build", ReportDoc], list[Download]]
PortalProvider = Callable[["Build"], list[Download]]


@dataclass
class Build:
    portal: Portal
    report_providers: Sequence[ReportProvider] = ()
    portal_providers: Sequence[PortalProvider] = ()
    preview: bool = False  # `nianbao preview`: data errors are shown, the pages still built
    supervision: Supervision | None = None  # the 报送进度 and 考核 view, when the portal publishes it
    # The day deadlines are judged on (progress_as_of, else the build date), for every page, public or not:
    # the year and agency pages call a report 逾期未发布 only when the 报送进度 page would.
    as_of: dt.date = field(default_factory=build_date)
    _bytes: dict[str, bytes] = field(default_factory=dict, repr=False)

    def report_downloads(self, doc: ReportDoc) -> list[Download]:
        return [d for provider in self.report_providers for d in provider(self, doc)]

    def portal_downloads(self) -> list[Download]:
        return [d for provider in self.portal_providers for d in provider(self)]

    def all_downloads(self) -> list[Download]:
        """Every file a site build publishes besides its pages (the export command writes the same).

        The whole-portal files come first: they are the largest, and writers that take files in
        list order then share the work evenly.
        """
        return [*self.portal_downloads(), *(d for doc in self.portal.reports for d in self.report_downloads(doc))]

    def once(self, name: str, make: Callable[[], bytes]) -> Callable[[], bytes]:
        """make(), run the first time the bytes are asked for and kept for the rest of the build.

        The whole-portal files: the downloads page prints their sizes, and the writer writes them.
        """

        def build() -> bytes:
            if name not in self._bytes:
                self._bytes[name] = make()
            return self._bytes[name]

        return build


def links(downloads: Sequence[Download]) -> list[dict[str, Any]]:
    """Downloads as the JSON files list them."""
    return [{"label": d.label, "path": d.path} for d in downloads]
