"""Where each generated page lives in the site, and links between them.

Pages are written with directory URLs (`reports/<agency>/<year>/`). Generated
HTML is not rewritten by MkDocs, so links are made relative here, which keeps
the site working under any path prefix and straight from the file system.
"""

from __future__ import annotations

import posixpath


def report_url(agency_id: str, year: int) -> str:
    return f"reports/{agency_id}/{year}/"


def agency_url(agency_id: str) -> str:
    return f"agencies/{agency_id}/"


def year_url(year: int) -> str:
    return f"years/{year}/"


def src_uri(url: str) -> str:
    """The virtual Markdown file that MkDocs turns into `url`."""
    return "index.md" if url == "" else url.rstrip("/") + ".md"


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at from_url to to_url (both site-relative, directory style)."""
    target = posixpath.relpath(to_url or ".", from_url or ".")
    if to_url.endswith("/") or to_url == "":
        target = target.rstrip("/") + "/"
    return "./" if target == "./" else target
