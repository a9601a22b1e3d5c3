"""Render: report and page bodies as HTML fragments, from the model only.

Data is only ever a variable here: Jinja autoescaping is on, so prose that
contains `<script>` or `{{ config }}` is printed as those characters.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

from nianbao.build import Build
from nianbao.model import labels as L
from nianbao.model.load import ReportDoc
from nianbao.model.prose import prose
from nianbao.model.tables import Cell, Table, tables
from nianbao.urls import ANCHORED_TABLES, agency_url, cell_anchor, relative, report_url

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("nianbao.site", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


_ENV.filters["prose"] = prose


@cache
def _header_html(cell: Cell) -> str:
    # Header cells are the same labels in every report: built once per process.
    attrs = f' scope="{cell.scope}"' if cell.scope else ""
    attrs += f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
    attrs += f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    return f"<th{attrs}>{escape(cell.text)}</th>"


@lru_cache(maxsize=4096)
def _data_html(text: str, colspan: int) -> str:
    # Most figures are small numbers that recur in every report: escaped and formatted once.
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    return f"<td{span}>{escape(text)}</td>"


def _cell_html(cell: Cell) -> str:
    if cell.header:
        return _header_html(cell)
    html = _data_html(cell.text, cell.colspan)
    if cell.path and cell.path[0] in ANCHORED_TABLES:
        # The id is made from model keys (ASCII, never data).
        html = html.replace("<td", f'<td id="{cell_anchor(cell.path)}"', 1)
    return html


def table_html(table: Table) -> Markup:
    """One national table as accessible HTML. Plain Python: this runs hundreds of cells per report."""
    caption = escape(table.caption)
    parts = [
        f'<div class="nb-table-wrap" tabindex="0" role="region" aria-label="{caption}">',
        f'<table class="nb-table nb-{table.key}">',
        f'<caption class="nb-sr-only">{caption}</caption>',
    ]
    if table.head:
        parts.append("<thead>")
        parts.extend("<tr>" + "".join(map(_cell_html, row)) + "</tr>" for row in table.head)
        parts.append("</thead>")
    parts.append("<tbody>")
    parts.extend("<tr>" + "".join(map(_cell_html, row)) + "</tr>" for row in table.body)
    parts.append("</tbody>\n</table>\n</div>")
    return Markup("\n".join(parts))


_ENV.filters["table_html"] = table_html


def render(template: str, **context: Any) -> str:
    # No blank lines: Markdown must see the fragment as one raw HTML block.
    html = _ENV.get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())


def report_body(build: Build, doc: ReportDoc) -> str:
    """The whole report page body: title, opening, sections 一 to 六, contact, neighbours, downloads."""
    portal = build.portal
    url = report_url(doc.agency_id, doc.year)
    prev, nxt = portal.neighbours(doc)
    agency = portal.agency(doc)

    def link(other: ReportDoc | None) -> dict[str, str] | None:
        if other is None:
            return None
        return {"href": relative(url, report_url(other.agency_id, other.year)), "text": f"{other.year}年度报告"}

    t2, t3, t4 = tables(doc.report)
    return render(
        "report.html",
        title=portal.title(doc),
        doc=doc,
        report=doc.report,
        agency=agency.agency,
        agency_href=relative(url, agency_url(doc.agency_id)),
        sections=L.SECTIONS,
        table2=t2,
        table3=t3,
        table4=t4,
        previous=link(prev),
        next=link(nxt),
        downloads=[(relative(url, d.path), d.label) for d in build.report_downloads(doc)],
        format_document=L.FORMAT_DOCUMENTS[doc.format_version],
    )
