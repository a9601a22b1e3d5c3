"""Issue 17 on the built sample portal: the draft is nowhere public; the 报送进度 pages and CSV are; internal keeps them out."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path

import lxml.html

from conftest import REPO, Build, make_project, run_build
from nianbao import cli
from nianbao.model.pipeline import build_portal

DRAFT = ("shili-shi", 2025)
DRAFT_TITLE = "示例市人民政府2025年政府信息公开工作年度报告"
DRAFT_URL = "reports/shili-shi/2025"


def _text_files(site: Path) -> dict[str, str]:
    out = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".js"):
            out[path.relative_to(site).as_posix()] = path.read_text(encoding="utf-8", errors="replace")
    return out


def test_the_draft_appears_in_no_public_page_download_total_sitemap_or_search_index(repo_site: Build) -> None:
    site = repo_site.site
    assert (REPO / "data/shili-shi/2025.yaml").read_text(encoding="utf-8").count("\nstatus: draft\n") == 1
    assert not (site / DRAFT_URL).exists()
    assert not list(site.glob("downloads/reports/shili-shi/2025*")) and not list(site.glob("downloads/**/shili-shi-2025*"))
    draft_file = "data/shili-shi/2025.yaml"
    for rel, text in _text_files(site).items():
        # Public pages say 起草中 and nothing more: no page, title or file of the draft (its file only in `nianbao progress --out`).
        assert DRAFT_URL not in text, rel
        assert DRAFT_TITLE not in text, rel
        assert draft_file not in text, rel
    # Nor the draft's findings: its row in the progress page and CSV holds no code, no count, no deduction.
    codes = {f.code for f in build_portal(REPO / "data", REPO).findings if f.draft}
    assert codes >= {"E13", "N-1", "R3-1"}
    page = lxml.html.fromstring((site / "progress/2025/index.html").read_bytes())
    (row,) = page.xpath("//table[@id='nb-progress-2025']/tbody/tr[th[normalize-space()='示例市人民政府']]")
    cells = [td.text_content().strip() for td in row.xpath("td")]
    assert cells[1] == "起草中" and cells[5:8] == ["0", "0", ""], cells
    assert not any(re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", " ".join(cells)) for code in codes)
    assert not page.xpath("//h3[starts-with(normalize-space(), '示例市人民政府：')]")  # no deductions from the draft
    rows_csv = list(csv.DictReader(io.StringIO((site / "progress/2025/progress-2025.csv").read_text(encoding="utf-8-sig"))))
    (draft_row,) = [r for r in rows_csv if r["机关代码"] == "shili-shi"]
    assert draft_row["状态"] == "起草中" and draft_row["问题代码"] == "" and draft_row["错误数"] == "" and draft_row["扣分明细"] == ""
    # Sitemap, open-data index and the year's totals count the two published 2025 reports only.
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "reports/shili-shi-bgs/2025/" in sitemap and "reports/shili-shi/2025/" not in sitemap
    assert json.loads((site / "downloads/reports.json").read_text(encoding="utf-8"))["count"] == 38
    year_csv = (site / "downloads/2025/nianbao-2025.csv").read_text(encoding="utf-8-sig")
    assert len(list(csv.reader(io.StringIO(year_csv)))) == 1 + 2
    assert "2025年度共 2 份报告" in (site / "statistics/2025/index.html").read_text(encoding="utf-8")
    assert "已发布 38 份年度报告" in repo_site.output
    # Search: the 2025 bundle indexes the two published pages, and no fragment anywhere holds the draft.
    entry = json.loads((site / "pagefind/2025/pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == 2
    for fragment in site.glob("pagefind/**/*.pf_fragment"):
        assert b"/reports/shili-shi/2025/" not in gzip.decompress(fragment.read_bytes())


def test_the_progress_pages_are_published_with_every_state(repo_site: Build) -> None:
    site = repo_site.site
    overview = lxml.html.fromstring((site / "progress/index.html").read_bytes())
    bars = [li.text_content().split() for li in overview.xpath("//ul[@class='nb-progress-years']/li")]
    assert [b[0] for b in bars] == [f"{y}年度" for y in range(2025, 2018, -1)]  # a bar per year, newest first
    html = (site / "progress/2025/index.html").read_text(encoding="utf-8")
    page = lxml.html.fromstring(html)
    trs = page.xpath("//table[@id='nb-progress-2025']/tbody/tr")
    rows = {tr.xpath("string(th)").strip(): [td.text_content().strip() for td in tr.xpath("td")] for tr in trs}
    states = {tr.xpath("string(th)").strip(): tr.xpath("string(td/span[contains(@class, 'nb-state')])") for tr in trs}
    assert states == {
        "示例市东城区人民政府": "未开始",
        "示例市东城区财政局": "逾期未发布",
        "示例市人民政府": "起草中",
        "示例市人民政府办公室": "已发布",
        "示例市教育局": "逾期发布",
        "示例市生态环境局": "逾期未发布",
    }
    late = rows["示例市教育局"]
    assert late[2:5] == ["2026-01-31", "2026-02-10", "10"]  # deadline, published, days late
    assert "RY-6×2" in late[7] and "E15" in late[7] and late[8] == "100.0%"
    assert "按期发布 1" in page.text_content() and "逾期发布 1" in page.text_content()
    # Deductions with their evidence linked to the report page: a 结果纠正 case to its very cell of table 四.
    links = page.xpath("//ul[@class='nb-deductions']//a/@href")
    cell = "../../reports/shili-shi-jyj/2025/#cell-review_litigation-review-corrected"
    assert cell in links
    report = lxml.html.parse(str(site / "reports/shili-shi-jyj/2025/index.html")).getroot()
    (target,) = report.xpath("//td[@id='cell-review_litigation-review-corrected']")
    assert target.text_content().strip() == "1"  # the one corrected case the rulepack deducts for
    assert "../../reports/shili-shi-jyj/2025/" in page.xpath("//table[@id='nb-progress-2025']//a/@href")
    # The CSV beside the page, linked from it.
    assert 'href="progress-2025.csv"' in html
    data = (site / "progress/2025/progress-2025.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows_csv = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["机关代码"]: r["状态"] for r in rows_csv}["shili-shi-jyj"] == "逾期发布"
    assert {r["机关代码"]: r["考核扣分"] for r in rows_csv}["shili-shi-jyj"] == "3.5"


def test_public_pages_call_only_overdue_agencies_unpublished(repo_site: Build) -> None:
    """As of 2026-02-20 the governments' 2025 reports are not yet due (2026-03-31): the year and agency pages agree with 报送进度."""
    site = repo_site.site
    year = lxml.html.fromstring((site / "years/2025/index.html").read_bytes())
    overdue = {li.xpath("string(a)"): li.xpath("string(span)") for li in year.xpath("//li[contains(@class, 'nb-missing')]")}
    pending = {li.xpath("string(a)"): li.xpath("string(span)") for li in year.xpath("//li[contains(@class, 'nb-pending')]")}
    assert overdue == {"示例市东城区财政局": "逾期未发布", "示例市生态环境局": "逾期未发布"}
    assert pending == {"示例市人民政府": "期限未到（2026年3月31日）", "示例市东城区人民政府": "期限未到（2026年3月31日）"}
    assert "2 个机关逾期未发布，2 个机关的报告发布期限未到" in year.text_content()
    agency = lxml.html.fromstring((site / "agencies/shili-shi/index.html").read_bytes()).text_content()
    assert "2025年度报告：期限未到（2026年3月31日）。" in agency
    assert "应发布而" not in agency and "逾期未发布" not in agency
    overdue_agency = lxml.html.fromstring((site / "agencies/shili-shi-sthjj/index.html").read_bytes()).text_content()
    assert "以下年度的报告逾期未发布：" in overdue_agency and "2025年度" in overdue_agency


def test_the_statistics_year_page_sorts_agencies_by_rate(repo_site: Build) -> None:
    page = lxml.html.fromstring((repo_site.site / "statistics/2024/index.html").read_bytes())
    table = page.xpath("//table[@id='nb-compare-rates-2024']")[0]
    assert "nb-sortable" in table.get("class")
    headers = [th.text_content().strip() for th in table.xpath("thead/tr/th")]
    assert headers == ["机关", "公开率（%）", "不予公开率（%）", "无法提供率（%）", "办理结果总计（件）", "纠错率（%）", "已审结复议诉讼（件）"]
    # Fewer than 30 cases: a dash, not a rate; the count is still there.
    for tr in table.xpath("tbody/tr"):
        cells = [td.text_content().strip() for td in tr.xpath("td")]
        assert (cells[0] == "—") == (int(cells[3]) < 30)


def test_internal_progress_is_not_published_but_written_by_the_command(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", with_data=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    # The sample's config as it is, nav entry 报送进度: progress.md included: only the setting changes.
    assert "  - 报送进度: progress.md\n" in config
    config = config.replace("      progress: public\n", "      progress: internal\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "progress.md" not in build.output and "WARNING" not in build.output, build.output
    assert not (build.site / "progress").exists()
    assert "报送进度" not in (build.site / "index.html").read_text(encoding="utf-8")  # nor in the nav
    assert not any("progress/" in text for text in _text_files(build.site).values() if re.search(r"progress/\d{4}", text))
    out = tmp_path / "office"
    assert cli.main(["--root", str(project), "progress", "--out", str(out)]) == 0
    html = (out / "progress/2025/index.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and '<html lang="zh-CN">' in html and "内部使用" in html
    # Report links point at the public portal; styles and the sorting script sit beside the pages.
    assert 'href="https://nianbao.example.gov.cn/reports/shili-shi-jyj/2025/"' in html
    assert (out / "progress/2025/progress-2025.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    for asset in ("assets/nianbao.css", "assets/nianbao/progress.css", "assets/sort.js"):
        assert (out / asset).is_file(), asset
    assert '<script src="../../assets/sort.js" defer></script>' in html


def test_a_wrong_progress_setting_stops_the_build_in_chinese(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("      progress: public\n", "      progress: yes\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0 and "Traceback" not in build.output
    assert "mkdocs.yml 的 nianbao 插件设置 progress：“True”不是可选值，请写 public（公开发布报送进度页）或 internal（只供内部使用）" in build.output
