"""Index pages from the model, without MkDocs: year groups, 逾期未发布 / 期限未到, agency figures, breadcrumbs, no empty page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from conftest import FIXTURES
from nianbao.downloads import new_build
from nianbao.model.pipeline import build_portal
from nianbao.model.portal import Portal
from nianbao.site.indexes import Missing, key_figures, missing_years, year_groups
from nianbao.site.pages import portal_pages

AGENCY = (FIXTURES / "reports" / "agency.yaml").read_text(encoding="utf-8")
REPORT = (FIXTURES / "reports" / "2021.yaml").read_text(encoding="utf-8")
GOVERNMENT = "name: 测试市人民政府\ntype: government\nregion: 测试市\n"


def _report(year: int) -> str:
    return REPORT.replace("year: 2021", f"year: {year}").replace("2021年", f"{year}年").replace("published_date: 2022-", f"published_date: {year + 1}-")


def _portal(tmp_path: Path, files: dict[str, str]) -> Portal:
    for rel, text in files.items():
        path = tmp_path / "data" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    portal = build_portal(tmp_path / "data", tmp_path)
    assert portal.rejected == []
    return portal


@pytest.fixture
def portal(tmp_path: Path) -> Portal:
    return _portal(
        tmp_path,
        {
            "ceshi-shi/agency.yaml": GOVERNMENT,
            "ceshi-jyj/agency.yaml": AGENCY + "parent: ceshi-shi\n",
            "ceshi-jyj/2021.yaml": _report(2021),
            "ceshi-jyj/2022.yaml": _report(2022),
            # Set up in 2022: owes no 2021 report.
            "ceshi-xin/agency.yaml": AGENCY.replace("测试市教育局", "测试市新设局") + "parent: ceshi-shi\nactive_from: 2022\n",
            # Abolished after 2021: owes no 2022 report.
            "ceshi-jiu/agency.yaml": AGENCY.replace("测试市教育局", "测试市撤销局") + "active_until: 2021\n",
            "qita-ju/agency.yaml": AGENCY.replace("测试市教育局", "其他县某局").replace("region: 测试市", "region: 其他县"),
        },
    )


LATER = dt.date(2026, 2, 20)  # every deadline of 2021 and 2022 long past
# 2022's reports: past the departments' deadline (2023-01-31), within the governments' (2023-03-31).
BETWEEN = dt.date(2023, 2, 15)


def _listing(portal: Portal, year: int) -> list[tuple[str, list[tuple[str, bool]]]]:
    return [(g.label, [(e.agency.id, e.report is not None) for e in g.entries]) for g in year_groups(portal, year, LATER)]


def _page(portal: Portal, url: str, as_of: dt.date) -> lxml.html.HtmlElement:
    return lxml.html.fromstring({p.url: p for p in portal_pages(new_build(portal, as_of=as_of))}[url].body())


def test_year_lists_every_agency_due_a_report_grouped_by_parent_or_region(portal: Portal) -> None:
    assert _listing(portal, 2021) == [
        ("其他县", [("qita-ju", False)]),
        ("测试市", [("ceshi-jiu", False)]),
        ("测试市人民政府", [("ceshi-shi", False), ("ceshi-jyj", True)]),
    ]
    assert _listing(portal, 2022) == [
        ("其他县", [("qita-ju", False)]),
        ("测试市人民政府", [("ceshi-shi", False), ("ceshi-jyj", True), ("ceshi-xin", False)]),
    ]


def test_year_page_marks_missing_reports_past_their_deadline_as_overdue(portal: Portal) -> None:
    html = _page(portal, "years/2022/", LATER)
    missing = [li.text_content().split() for li in html.xpath("//li[contains(@class,'nb-missing')]")]
    assert missing == [["其他县某局", "逾期未发布"], ["测试市人民政府", "逾期未发布"], ["测试市新设局", "逾期未发布"]]
    assert "共发布 1 份报告，3 个机关逾期未发布。" in html.text_content()
    assert "未发布" not in html.text_content().replace("逾期未发布", "")


def test_year_page_does_not_call_a_report_within_its_deadline_unpublished(portal: Portal) -> None:
    """The government's deadline (3月31日) is not past: 期限未到, as the 报送进度 page would say; the departments' is."""
    html = _page(portal, "years/2022/", BETWEEN)
    overdue = [li.text_content().split() for li in html.xpath("//li[contains(@class,'nb-missing')]")]
    pending = [li.text_content().split() for li in html.xpath("//li[contains(@class,'nb-pending')]")]
    assert overdue == [["其他县某局", "逾期未发布"], ["测试市新设局", "逾期未发布"]]
    assert pending == [["测试市人民政府", "期限未到（2023年3月31日）"]]
    assert "共发布 1 份报告，2 个机关逾期未发布，1 个机关的报告发布期限未到。" in html.text_content()
    # The home page's and the years page's counts are of the overdue only.
    assert "2 个机关逾期未发布" in _page(portal, "years/", BETWEEN).text_content()
    # On the last day itself the report is still on time.
    assert not _page(portal, "years/2022/", dt.date(2023, 1, 31)).xpath("//li[contains(@class,'nb-missing')]")


def test_agency_page_lists_overdue_years_and_says_when_the_next_is_due(portal: Portal) -> None:
    html = _page(portal, "agencies/ceshi-shi/", BETWEEN)
    assert html.xpath("//p[@class='nb-missing']")[0].text_content() == "以下年度的报告逾期未发布：2021年度。"
    assert html.xpath("//p[@class='nb-pending']")[0].text_content() == "2022年度报告：期限未到（2023年3月31日）。"
    html = _page(portal, "agencies/ceshi-shi/", LATER)
    assert html.xpath("//p[@class='nb-missing']")[0].text_content() == "以下年度的报告逾期未发布：2021年度、2022年度。"
    assert not html.xpath("//p[@class='nb-pending']")


def test_agency_page_has_contact_details_and_key_figures_by_year(portal: Portal) -> None:
    page = {p.url: p for p in portal_pages(new_build(portal))}["agencies/ceshi-jyj/"]
    html = lxml.html.fromstring(page.body())
    contact = dict(zip(html.xpath("//dl[@class='nb-contact']/dt/text()"), html.xpath("//dl[@class='nb-contact']/dd"), strict=True))
    assert contact["地址"].text_content() == "测试市人民路1号"
    assert contact["邮政编码"].text_content() == "010010"
    assert contact["联系电话"].text_content() == "0471-1234567"
    assert contact["电子邮箱"].text_content() == "gk@jyj.ceshi.gov.cn"
    assert contact["办公时间"].text_content() == "工作日 9:00—17:00"
    assert contact["上级机关"].text_content() == "测试市人民政府"
    assert "向局办公室提交书面申请。" in html.xpath("//h2[@id='how-to-apply']/following-sibling::p[1]")[0].text_content()
    rows = html.xpath("//table[contains(@class,'nb-figures')]/tbody/tr")
    assert [r.xpath("th")[0].text_content() for r in rows] == ["2022", "2021"]
    doc = portal.by_agency["ceshi-jyj"][0]
    figures = key_figures(doc)
    assert [int(td.text_content()) for td in rows[1].xpath("td")] == list(figures.values())
    assert figures["received"] == doc.report.applications.received.shown_total
    # Table headers are associated with their cells.
    assert all(th.get("scope") in ("col", "row") for th in html.xpath("//table//th"))


def test_missing_years_honour_active_from_and_until(portal: Portal) -> None:
    assert missing_years(portal, "ceshi-xin", LATER) == [Missing(2022, dt.date(2023, 1, 31), True)]
    assert missing_years(portal, "ceshi-jiu", LATER) == [Missing(2021, dt.date(2022, 1, 31), True)]
    assert missing_years(portal, "ceshi-jyj", LATER) == []


def test_every_page_has_breadcrumbs_a_heading_and_text(portal: Portal) -> None:
    pages = portal_pages(new_build(portal))
    kinds = {p.kind for p in pages}
    assert {"home", "years", "year", "agencies", "agency", "report", "search"} <= kinds
    for page in pages:
        html = lxml.html.fromstring(page.body())
        crumbs = html.xpath("//nav[@class='nb-breadcrumbs']//li")
        assert crumbs and crumbs[-1].get("aria-current") == "page", page.url
        assert html.xpath("//h1"), page.url
        assert len(html.text_content().strip()) > 20, page.url
    report = {p.url: p for p in pages}["reports/ceshi-jyj/2021/"]
    trail = lxml.html.fromstring(report.body()).xpath("//nav[@class='nb-breadcrumbs']//li")
    assert [li.text_content() for li in trail] == ["首页", "按机关浏览", "测试市教育局", "2021年度报告"]
    hrefs = [a.get("href") for a in lxml.html.fromstring(report.body()).xpath("//nav[@class='nb-breadcrumbs']//a")]
    assert hrefs == ["../../../", "../../../agencies/", "../../../agencies/ceshi-jyj/"]


def test_a_portal_without_reports_still_has_no_empty_page(tmp_path: Path) -> None:
    portal = _portal(tmp_path, {"ceshi-jyj/agency.yaml": AGENCY})
    for page in portal_pages(new_build(portal)):
        text = lxml.html.fromstring(page.body()).text_content()
        assert len(text.strip()) > 20, page.url
    home = {p.url: p for p in portal_pages(new_build(portal))}[""]
    assert "尚未发布任何报告" in home.body()
