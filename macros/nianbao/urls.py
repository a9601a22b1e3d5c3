"""Where each generated page lives in the site, and links between them.

Pages are written with directory URLs (`reports/<agency>/<year>/`). Generated
HTML is not rewritten by MkDocs, so links are made relative here, which keeps
the site working under any path prefix and straight from the file system.
"""

from __future__ import annotations


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
    """Link from the page at from_url to to_url (both site-relative, directory style).

    What posixpath.relpath gives, worked out on the path segments: relpath
    makes both paths absolute against the working directory first, and pages
    ask for tens of thousands of links.
    """
    here = from_url.strip("/").split("/") if from_url.strip("/") else []
    there = to_url.strip("/").split("/") if to_url.strip("/") else []
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    if to_url.endswith("/") or to_url == "":
        target += "/"
    return target
