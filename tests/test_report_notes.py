"""What a report page says about its own figures: the unit of 采购总金额 (issue 18, item 6)."""

from __future__ import annotations

import lxml.html

from conftest import REPO
from nianbao.downloads import new_build
from nianbao.model.pipeline import build_portal
from nianbao.site.render import report_body

NOTE = "//p[contains(@class, 'nb-unit-note')]"


def _page(agency: str, year: int) -> lxml.html.HtmlElement:
    portal = build_portal(REPO / "data", REPO)
    (doc,) = [d for d in portal.reports if d.agency_id == agency and d.year == year]
    return lxml.html.fromstring(report_body(new_build(portal), doc))


def _procurement_row(page: lxml.html.HtmlElement) -> list[str]:
    (row,) = page.xpath("//table[contains(@class, 'nb-active_disclosure')]//tr[th[@scope='row'][.='政府集中采购']]")
    return [c.text_content() for c in row.xpath("td")]


def test_an_archived_report_without_a_unit_says_so_and_keeps_the_number() -> None:
    page = _page("zhangshu-jgswj", 2020)
    assert _procurement_row(page) == ["1", "3000644.004"]  # as the source printed it: no unit guessed
    assert [p.text_content() for p in page.xpath(NOTE)] == ["原报告未注明“采购总金额”的单位，表中照录数字，未补单位、未换算。"]


def test_a_report_with_its_unit_shows_it_in_the_cell() -> None:
    page = _page("shili-shi", 2019)
    assert _procurement_row(page) == ["246", "38615.56万元"]
    assert page.xpath(NOTE) == []


def test_the_2021_format_states_the_fee_unit_in_its_header() -> None:
    page = _page("shili-shi", 2021)
    assert page.xpath("//table[contains(@class, 'nb-active_disclosure')]//th[.='本年收费金额（单位：万元）']")
    assert page.xpath(NOTE) == []
