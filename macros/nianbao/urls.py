"""The URL scheme: where every generated page and file lives in the site, and links between them.

This is the one place a generated path is written: pages, the downloads of a
report and of the portal, the Word document (the same name on the site and
from `nianbao export --docx`), the scripts generated pages load. Pages are
written with directory URLs (`reports/<agency>/<year>/`). Generated HTML is not
rewritten by MkDocs, so links are made relative here, which keeps the site
working under any path prefix and straight from the file system.
"""

from __future__ import annotations

HOME_URL = ""
YEARS_URL = "years/"
AGENCIES_URL = "agencies/"
SEARCH_URL = "search/"
STATISTICS_URL = "statistics/"
DOWNLOADS_URL = "downloads/"  # the downloads page, and the folder its files are in
SEARCH_INDEX = "pagefind"  # the Pagefind bundles: pagefind/ (agency pages) and pagefind/<year>/
ASSETS_URL = "assets/"  # the package's scripts and styles (site/assets/) are published under this
SORT_SCRIPT = f"{ASSETS_URL}sort.js"
STYLESHEETS = tuple(f"{ASSETS_URL}{css}" for css in ("nianbao.css", "nianbao/portal.css", "nianbao/print.css", "nianbao/progress.css"))
PROGRESS_URL = "progress/"  # 报送进度与考核, when the portal publishes it


def report_url(agency_id: str, year: int) -> str:
    return f"reports/{agency_id}/{year}/"


def agency_url(agency_id: str) -> str:
    return f"agencies/{agency_id}/"


def year_url(year: int) -> str:
    return f"years/{year}/"


def statistics_year_url(year: int) -> str:
    return f"{STATISTICS_URL}{year}/"


# A report's files: JSON, a CSV per table, the Word document. Each is named after the agency and
# year, so a file saved from the site or written by the CLI says whose report it is.
REPORT_FILE_SUFFIXES = {"json": ".json", "table2": "-table2.csv", "table3": "-table3.csv", "table4": "-table4.csv", "docx": ".docx"}


def progress_year_url(year: int) -> str:
    return f"{PROGRESS_URL}{year}/"


def progress_file(year: int) -> str:
    """The year's 报送进度 CSV, beside its page."""
    return f"{progress_year_url(year)}progress-{year}.csv"


def report_file_name(agency_id: str, year: int, kind: str) -> str:
    """kind: json, table2, table3, table4 or docx."""
    return f"{agency_id}-{year}{REPORT_FILE_SUFFIXES[kind]}"


def report_file(agency_id: str, year: int, kind: str) -> str:
    return f"{DOWNLOADS_URL}reports/{agency_id}/{report_file_name(agency_id, year, kind)}"


def portal_file(kind: str, year: int | None = None) -> str:
    """kind: csv, xlsx or index (JSON); year None for the whole portal."""
    if kind == "index":
        return f"{DOWNLOADS_URL}reports.json"
    if year is None:
        return f"{DOWNLOADS_URL}nianbao-all.{kind}"
    return f"{DOWNLOADS_URL}{year}/nianbao-{year}.{kind}"


# Tables whose figure cells carry an id on the report page, so evidence can link the very cell
# (the assessment's 结果纠正 cases). Table 四 only: ids on every cell of table 三 would add about
# 9 KB to each report page.
ANCHORED_TABLES = ("review_litigation",)


def cell_anchor(path: tuple[str, ...]) -> str:
    """The id of a figure's cell on its report page, e.g. "cell-review_litigation-review-corrected"."""
    return "cell-" + "-".join(path)


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
