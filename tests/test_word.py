"""The Word export: every figure in the right row and column, the spec's merges, same bytes.

Each .docx is opened with python-docx and read back the way a person reads the
printed tables: by row label and column label. Expected labels and spans come
from the spec (`labels` and the numbers below), not from `tables.py`, so a
layout mistake there is caught here too.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import docx
import lxml.etree
import lxml.html
import pytest
from docx.oxml.ns import qn

from conftest import missing
from nianbao.downloads import new_build
from nianbao.downloads.word import report_docx
from nianbao.model import labels as L
from nianbao.model.load import ReportDoc
from nianbao.model.pipeline import build_portal
from nianbao.model.portal import Portal
from nianbao.urls import report_file

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "zhangshu-jgswj"
SAMPLE_2021 = REPO / "tests" / "fixtures" / "word" / "data" / "shili-gaj"


def portal_of(folder: Path, tmp: Path) -> Portal:
    """A portal holding one agency folder only, so other data cannot interfere."""
    data = tmp / "data"
    shutil.copytree(folder, data / folder.name)
    return build_portal(data, tmp)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Portal, ReportDoc]:
    portal = portal_of(SEED, tmp_path_factory.mktemp("seed"))
    (doc,) = [d for d in portal.reports if d.year == 2020]
    return portal, doc


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Portal, ReportDoc]:
    portal = portal_of(SAMPLE_2021, tmp_path_factory.mktemp("sample"))
    (doc,) = portal.reports
    assert not [f for f in portal.findings if f.blocks], portal.findings
    return portal, doc


@pytest.fixture(params=["seed", "sample"])
def report(request: pytest.FixtureRequest) -> tuple[Portal, ReportDoc]:
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def opened(portal: Portal, doc: ReportDoc) -> docx.document.Document:
    return docx.Document(io.BytesIO(report_docx(portal, doc)))


# --------------------------------------------------------------------------
# Reading a Word table as a grid
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class WCell:
    text: str
    origin: tuple[int, int]
    colspan: int  # w:gridSpan
    vmerge: str | None  # None, "restart" or "continue"


def grid(table: docx.table.Table) -> list[list[WCell]]:
    """Every (row, grid column) position with the merged cell that covers it."""
    out: list[list[WCell]] = []
    for r, tr in enumerate(table._tbl.tr_lst):
        row: list[WCell] = []
        for tc in tr.tc_lst:
            c = len(row)
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
            vmerge = None if merge is None else merge.get(qn("w:val"), "continue")
            if vmerge == "continue":
                above = out[r - 1][c]
                assert text == "", f"text in a continued cell at {(r, c)}"
                cell = WCell(above.text, above.origin, tc.grid_span, vmerge)
            else:
                cell = WCell(text, (r, c), tc.grid_span, vmerge)
            row.extend([cell] * tc.grid_span)
        out.append(row)
    widths = {len(row) for row in out}
    assert len(widths) == 1, f"rows of unequal width: {widths}"
    return out


def rowspan(g: list[list[WCell]], r: int, c: int) -> int:
    n = 1
    while r + n < len(g) and g[r + n][c].origin == (r, c):
        n += 1
    return n


def find(g: list[list[WCell]], text: str) -> tuple[int, int]:
    hits = sorted({cell.origin for row in g for cell in row if cell.text == text})
    assert len(hits) == 1, f"{text!r} found at {hits}"
    return hits[0]


def shown(value: int | Decimal) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


# --------------------------------------------------------------------------
# Figures by row and column label
# --------------------------------------------------------------------------


def table2_cells(g: list[list[WCell]]) -> dict[tuple[str, str, str], str]:
    """(caption, row label, column label) -> text, for table 二."""
    cells: dict[tuple[str, str, str], str] = {}
    caption = header = None
    for r, row in enumerate(g):
        if len({c.origin for c in row}) == 1:
            caption, header = row[0].text, None
        elif row[0].text == L.CONTENT:
            header = r
        else:
            assert caption is not None and header is not None
            for c in sorted({cell.origin[1] for cell in row[1:]}):
                cells[(caption, row[0].text, g[header][c].text)] = g[r][c].text
    return cells


def expected_table2(doc: ReportDoc) -> dict[tuple[str, str, str], str]:
    data = doc.report.active_disclosure
    expected = {}
    for block in L.TABLE2[doc.format_version].blocks:
        for line in block.lines:
            for column in block.columns:
                value = getattr(data, line.key)
                if column.key is not None:
                    value = getattr(value, column.key)
                expected[(block.caption, line.label, column.label)] = shown(value)
    return expected


def table3_cells(g: list[list[WCell]]) -> dict[tuple[tuple[str, ...], str], str]:
    """(row labels, column label) -> text; row labels outermost first, without 三、本年度办理结果."""
    cells = {}
    for r in range(3, len(g)):
        labels = tuple(dict.fromkeys(g[r][c].text for c in range(3)))
        labels = tuple(t for t in labels if t != L.RESULTS_LABEL)
        for c in range(3, 10):
            cells[(labels, g[2][c].text)] = g[r][c].text
    return cells


def expected_table3(doc: ReportDoc) -> dict[tuple[tuple[str, ...], str], str]:
    apps = doc.report.applications
    rows: list[tuple[tuple[str, ...], object]] = [
        ((L.T3_RECEIVED.label,), apps.received),
        ((L.T3_CARRIED_OVER.label,), apps.carried_over),
    ]
    for outcome in L.T3_OUTCOMES[doc.format_version]:
        if isinstance(outcome, L.Group):
            group = getattr(apps, outcome.key)
            rows += [((outcome.label, item.label), getattr(group, item.key)) for item in outcome.items]
        else:
            rows.append(((outcome.label,), getattr(apps, outcome.key)))
    rows += [((L.T3_RESULTS_TOTAL.label,), apps.results_total), ((L.T3_CARRIED_FORWARD.label,), apps.carried_forward)]
    expected = {}
    for labels, row in rows:
        for key, label in L.T3_COLUMNS.items():
            value = row.shown_total if key == "total" else getattr(row, key)  # type: ignore[attr-defined]
            expected[(labels, label)] = str(value)
    return expected


def table4_cells(g: list[list[WCell]]) -> dict[tuple[str, str], str]:
    """(group, column label) -> text; the group is 行政复议 or one of the two 诉讼 kinds."""
    assert len(g) == 4
    cells = {}
    for c in range(15):
        group = g[0][c].text if c < 5 else g[1][c].text
        cells[(group, g[2][c].text)] = g[3][c].text
    return cells


def expected_table4(doc: ReportDoc) -> dict[tuple[str, str], str]:
    data = doc.report.review_litigation
    expected = {}
    for key, group in L.T4_GROUPS.items():
        outcomes = getattr(data, key)
        for column, label in L.T4_COLUMNS.items():
            value = outcomes.shown_total if column == "total" else getattr(outcomes, column)
            expected[(group, label)] = str(value)
    return expected


def test_every_figure_in_its_row_and_column(report: tuple[Portal, ReportDoc]) -> None:
    portal, doc = report
    t2, t3, t4 = opened(portal, doc).tables
    assert table2_cells(grid(t2)) == expected_table2(doc)
    assert table3_cells(grid(t3)) == expected_table3(doc)
    assert table4_cells(grid(t4)) == expected_table4(doc)


def test_sample_figures_literally(sample: tuple[Portal, ReportDoc]) -> None:
    """A few cells checked against the fixture's own numbers, computed totals included."""
    t2, t3, t4 = (grid(t) for t in opened(*sample).tables)
    assert table2_cells(t2)[("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）")] == "96171.6"
    cells3 = table3_cells(t3)
    assert cells3[(("一、本年新收政府信息公开申请数量",), "总计")] == "8007"
    assert cells3[(("（七）总计",), "总计")] == "8001"  # left out in the data: computed
    assert cells3[(("（六）其他处理", "3.其他"), "其他")] == "126"
    assert cells3[(("四、结转下年度继续办理",), "总计")] == "27"
    assert table4_cells(t4)[("未经复议直接起诉", "总计")] == "9"  # computed


def test_seed_figures_literally(seed: tuple[Portal, ReportDoc]) -> None:
    t2 = grid(opened(*seed).tables[0])
    cells = table2_cells(t2)
    assert cells[("第二十条第（九）项", "政府集中采购", "采购总金额")] == "3000644.004"
    assert cells[("第二十条第（一）项", "规范性文件", "本年新公开数量")] == "1"
    # The seed's own header reads 结果维护; the document prints the canonical label.
    t4 = grid(opened(*seed).tables[2])
    assert [t4[2][c].text for c in range(4)] == ["结果维持", "结果纠正", "其他结果", "尚未审结"]


# --------------------------------------------------------------------------
# Merged cells where the spec puts them
# --------------------------------------------------------------------------


def test_table3_merges(report: tuple[Portal, ReportDoc]) -> None:
    portal, doc = report
    g = grid(opened(portal, doc).tables[1])
    assert len(g[0]) == 10
    assert len(g) == 3 + (25 if doc.format_version == "2021" else 23)
    note = find(g, L.T3_NOTE)
    assert note == (0, 0) and g[0][0].colspan == 3 and rowspan(g, 0, 0) == 3
    assert g[0][3].text == "申请人情况" and g[0][3].colspan == 7
    assert g[1][4].text == "法人或其他组织" and g[1][4].colspan == 5
    for label in ("自然人", "总计"):
        r, c = find(g, label)
        assert r == 1 and rowspan(g, r, c) == 2 and g[r][c].colspan == 1
    assert [g[2][c].text for c in range(4, 9)] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

    r, c = find(g, L.RESULTS_LABEL)
    assert (r, c) == (5, 0) and g[r][c].vmerge == "restart"
    assert rowspan(g, r, c) == (22 if doc.format_version == "2021" else 20)
    spans = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5}
    if doc.format_version == "2021":
        spans["（六）其他处理"] = 3
    for label, n in spans.items():
        r, c = find(g, label)
        assert c == 1 and rowspan(g, r, c) == n and g[r][c].colspan == 1, label
    colspan2 = ["（一）予以公开", L.T3_RESULTS_TOTAL.label, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
    if doc.format_version == "2019":
        colspan2.append("（六）其他处理")
    for label in colspan2:
        r, c = find(g, label)
        assert c == 1 and g[r][c].colspan == 2 and rowspan(g, r, c) == 1, label
    for item in (L.T3_RECEIVED, L.T3_CARRIED_OVER, L.T3_CARRIED_FORWARD):
        r, c = find(g, item.label)
        assert c == 0 and g[r][c].colspan == 3, item.label
    # No subtotal rows or columns (E19).
    texts = {cell.text for row in g for cell in row}
    assert "法人或其他组织小计" not in texts and "小计" not in texts


def test_table4_merges(report: tuple[Portal, ReportDoc]) -> None:
    g = grid(opened(*report).tables[2])
    assert len(g[0]) == 15 and len(g) == 4
    assert (g[0][0].text, g[0][0].colspan) == ("行政复议", 5)
    assert (g[0][5].text, g[0][5].colspan) == ("行政诉讼", 10)
    for c in range(5):
        assert g[1][c].origin == (1, c) and rowspan(g, 1, c) == 2
    assert (g[1][5].text, g[1][5].colspan, g[1][10].text, g[1][10].colspan) == ("未经复议直接起诉", 5, "复议后起诉", 5)
    assert [g[2][c].text for c in range(15)] == list(L.T4_COLUMNS.values()) * 3


def test_table2_merges(report: tuple[Portal, ReportDoc]) -> None:
    portal, doc = report
    g = grid(opened(portal, doc).tables[0])
    layout = L.TABLE2[doc.format_version]
    width = layout.value_units + 1
    assert len(g[0]) == width
    for block in layout.blocks:
        r, _ = find(g, block.caption)
        assert g[r][0].colspan == width, block.caption
        span = layout.value_units // len(block.columns)
        assert {g[r + 1][c].colspan for c in range(1, width)} == {span}
        assert all(rowspan(g, r, c) == 1 for r in range(len(g)) for c in range(width))
    if doc.format_version == "2021":
        assert [g[1][c].colspan for c in (1, 2, 3)] == [1, 1, 1]
        r, _ = find(g, "本年收费金额（单位：万元）")
        assert g[r][1].colspan == 3


# --------------------------------------------------------------------------
# Text, page and type
# --------------------------------------------------------------------------


def paragraphs(document: docx.document.Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_title_sections_and_signature(sample: tuple[Portal, ReportDoc]) -> None:
    portal, doc = sample
    paras = paragraphs(opened(portal, doc))
    assert paras[0] == ("Title", "示例市公安局2022年政府信息公开工作年度报告")
    assert paras[1][1].startswith("本报告依据《中华人民共和国政府信息公开条例》")
    headings = [text for style, text in paras if style == "Heading 1"]
    assert headings == list(L.SECTIONS.values())
    subheadings = [text for style, text in paras if style == "Heading 2"]
    assert subheadings == ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]
    assert ("List Bullet", "发布政策文件7件；") in paras
    assert paras[-2:] == [("落款", "示例市公安局"), ("落款", "2023年1月16日")]


def test_seed_text(seed: tuple[Portal, ReportDoc]) -> None:
    portal, doc = seed
    paras = paragraphs(opened(portal, doc))
    assert paras[0] == ("Title", "樟树市机关事务管理局2020年政府信息公开工作年度报告")
    assert ("Normal", doc.report.opening) in paras
    assert [t for s, t in paras if s == "Heading 1"] == list(L.SECTIONS.values())
    assert paras[-1] == ("Normal", "无")  # 六; the seed has no signature line


def test_data_is_text_not_markup(tmp_path: Path) -> None:
    report = (SAMPLE_2021 / "2022.yaml").read_text(encoding="utf-8")
    report = report.replace("other_matters: 本年度发出收费通知0件，", 'other_matters: "<w:p>{{ config }} & 0件，"\n# ')
    folder = tmp_path / "src" / "shili-gaj"
    shutil.copytree(SAMPLE_2021, folder)
    (folder / "2022.yaml").write_text(report, encoding="utf-8")
    portal = portal_of(folder, tmp_path / "out")
    assert paragraphs(opened(portal, portal.reports[0]))[-4] == ("Normal", "<w:p>{{ config }} & 0件，")


def test_a4_portrait_fonts_and_widths(report: tuple[Portal, ReportDoc]) -> None:
    portal, doc = report
    data = report_docx(portal, doc)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # A4 portrait
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        tbl_pr = table._tbl.tblPr
        assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid_width = sum(int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol")))
        assert grid_width * 635 <= text_width  # twips to EMU
        assert int(tbl_pr.find(qn("w:tblW")).get(qn("w:w"))) == grid_width

    def east_asia(style: str) -> str:
        return document.styles[style].element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asia("Title") == "方正小标宋简体"
    assert east_asia("Heading 1") == "黑体"
    assert east_asia("Normal") == "仿宋_GB2312"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        fonts = lxml.etree.fromstring(z.read("word/fontTable.xml"))
        alt = {f.get(qn("w:name")): f.find(qn("w:altName")).get(qn("w:val")) for f in fonts if f.find(qn("w:altName")) is not None}
        assert alt["仿宋_GB2312"] == "仿宋" and alt["方正小标宋简体"] == "宋体"
        assert not [n for n in z.namelist() if n.startswith("word/fonts/")]  # names only, nothing embedded
        assert b"embedTrueTypeFonts" not in z.read("word/settings.xml")


# --------------------------------------------------------------------------
# Same data, same bytes
# --------------------------------------------------------------------------


def test_same_data_same_bytes(report: tuple[Portal, ReportDoc], tmp_path: Path) -> None:
    portal, doc = report
    first = report_docx(portal, doc)
    assert report_docx(portal, doc) == first
    # A portal loaded afresh (another build) gives the same bytes too.
    again = portal_of(SEED if doc.agency_id == SEED.name else SAMPLE_2021, tmp_path)
    (other,) = [d for d in again.reports if d.year == doc.year]
    assert report_docx(again, other) == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"


def test_core_properties(sample: tuple[Portal, ReportDoc]) -> None:
    props = opened(*sample).core_properties
    assert props.title == "示例市公安局2022年政府信息公开工作年度报告"
    assert props.author == "示例市公安局"
    assert props.created.date().isoformat() == props.modified.date().isoformat() == "2023-01-18"  # published_date
    assert props.revision == 1


def test_download_path(sample: tuple[Portal, ReportDoc]) -> None:

    portal, doc = sample
    assert report_file(doc.agency_id, doc.year, "docx") == "downloads/reports/shili-gaj/shili-gaj-2022.docx"
    (word,) = [d for d in new_build(portal).report_downloads(doc) if d.path.endswith(".docx")]
    assert word.label == "Word 文档（电子版）"
    assert word.build() == report_docx(portal, doc)


# --------------------------------------------------------------------------
# LibreOffice: converted to PDF, each table fits the page width
# --------------------------------------------------------------------------


def _libreoffice() -> str:
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if found is None:
        missing("LibreOffice", "sudo apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk")
    assert found is not None
    return found


def test_a_missing_libreoffice_is_explained_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        _libreoffice()
    assert str(skipped.value) == (
        "LibreOffice 未安装，本测试跳过（运行 make deps 一次安装全部测试工具；"
        "或单独安装：sudo apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk）"
    )


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x0: float
    x1: float
    height: float


def pdf_words(pdf: Path) -> tuple[list[tuple[float, float]], list[Word]]:
    """Page sizes and positioned words, from poppler's pdftotext -bbox."""
    assert shutil.which("pdftotext"), "缺少 pdftotext（Debian 软件包 poppler-utils，make deps 会安装）"
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True).stdout
    root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
    pages, words = [], []
    for n, page in enumerate(root.iter("page")):
        pages.append((float(page.get("width")), float(page.get("height"))))
        for w in page.iter("word"):
            x0, y0, x1, y1 = (float(w.get(k)) for k in ("xmin", "ymin", "xmax", "ymax"))
            words.append(Word(w.text_content(), n, x0, x1, y1 - y0))
    return pages, words


def test_libreoffice_pdf_tables_fit_the_page(report: tuple[Portal, ReportDoc], tmp_path: Path) -> None:
    office = _libreoffice()
    portal, doc = report
    source = tmp_path / "report.docx"
    source.write_bytes(report_docx(portal, doc))
    profile = (tmp_path / "profile").as_uri()  # a private profile: parallel runs do not share a lock
    subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pages, words = pdf_words(tmp_path / "report.pdf")
    assert all(w < h and round(w) == 595 for w, h in pages), f"not A4 portrait: {pages}"
    left, right = 28 / 25.4 * 72, 595.28 - 26 / 25.4 * 72  # the margins in points
    # Table text is set in 五号/小五 (≤ 10.5 pt), body text in 三号: small words are table words.
    cells = [w for w in words if w.height < 16]  # about 1.3 em: 13.7 for 五号, 20.8 for 三号
    texts = {w.text for w in cells}
    for label in ("申请人情况", "未经复议直接起诉", "复议后起诉", "信息内容"):
        assert label in texts, f"{label} not found among the table words"
    outside = [w for w in cells if w.x0 < left - 1 or w.x1 > right + 1]
    assert not outside, f"table text outside the {left:.0f}–{right:.0f} pt text area: {outside[:5]}"
    # The rightmost columns (总计 of tables 三 and 四) are on the page, right of everything else in their rows.
    totals = [w for w in cells if w.text == "总计"]
    assert len(totals) >= 4 and max(w.x1 for w in totals) > right - 40


# --------------------------------------------------------------------------
# nianbao export --docx
# --------------------------------------------------------------------------


def test_export_docx_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from nianbao.cli import main

    files = [str(SEED / "2020.yaml"), str(SAMPLE_2021 / "2022.yaml")]
    assert main(["--root", str(REPO), "export", "--docx", *files, "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shili-gaj-2022.docx", "zhangshu-jgswj-2020.docx"]
    portal = portal_of(SAMPLE_2021, tmp_path / "p")
    assert (tmp_path / "shili-gaj-2022.docx").read_bytes() == report_docx(portal, portal.reports[0])
    err = capsys.readouterr().err
    assert f"已生成 Word 文档：{tmp_path / 'shili-gaj-2022.docx'}" in err


def test_export_docx_refuses_a_report_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from nianbao.cli import main

    folder = tmp_path / "data" / "shili-gaj"
    shutil.copytree(SAMPLE_2021, folder)
    text = (folder / "2022.yaml").read_text(encoding="utf-8").replace("total: 8007}", "total: 8000}")
    (folder / "2022.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--root", str(tmp_path), "export", "--docx", str(folder / "2022.yaml"), str(tmp_path / "2023.yaml"), "--out", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err.splitlines()
    printed = [line for line in err if line.startswith("data/shili-gaj/2022.yaml:")]
    assert any("[R3-3]" in line for line in printed), printed  # the row total written wrong
    assert err[-2:] == [
        f"{folder / '2022.yaml'}: 数据检查有 {len(printed)} 个错误，未生成 Word 文档（请按上面的提示改正后重试）",
        f"{tmp_path / '2023.yaml'}: 找不到文件（请检查路径，如 data/机关代码/2021.yaml）",
    ]


# --------------------------------------------------------------------------
# Golden copies of the document body; the package written by hand
# --------------------------------------------------------------------------

GOLDEN = REPO / "tests" / "golden"


def document_xml(data: bytes) -> str:
    """word/document.xml, indented so that a golden diff reads one element per line."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = lxml.etree.fromstring(z.read("word/document.xml"))
    return lxml.etree.tostring(root, encoding="unicode", pretty_print=True)


@pytest.mark.parametrize(("name", "case"), [("word-seed-2020.document.xml", "seed"), ("word-fixture-2022.document.xml", "sample")])
def test_document_xml_matches_golden(name: str, case: str, request: pytest.FixtureRequest) -> None:
    """The body as Word reads it, element for element. Refresh after an intended change with:

    NIANBAO_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_word.py -k golden
    """
    portal, doc = request.getfixturevalue(case)
    xml = document_xml(report_docx(portal, doc))
    golden = GOLDEN / name
    if os.environ.get("NIANBAO_UPDATE_GOLDEN") == "1":
        golden.write_text(xml, encoding="utf-8")
    assert golden.exists(), f"缺少 {golden}：先运行 NIANBAO_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_word.py -k golden"
    assert xml == golden.read_text(encoding="utf-8")


def test_package_entries_check_out(report: tuple[Portal, ReportDoc]) -> None:
    """Every entry's CRC and sizes are right, and every part a report shares is there."""
    with zipfile.ZipFile(io.BytesIO(report_docx(*report))) as z:
        assert z.testzip() is None
        assert {info.compress_type for info in z.infolist()} == {zipfile.ZIP_DEFLATED}
        names = z.namelist()
    for part in ("word/document.xml", "docProps/core.xml", "word/styles.xml", "word/fontTable.xml", "word/numbering.xml", "word/footer1.xml"):
        assert part in names, part


def test_control_character_refused(tmp_path: Path) -> None:
    """A character XML cannot hold never reaches the Word export: the loader refuses the file with where and what."""
    report = (SAMPLE_2021 / "2022.yaml").read_text(encoding="utf-8")
    report = report.replace("other_matters: 本年度发出收费通知0件，", 'other_matters: "\\a 0件，"\n# ')
    folder = tmp_path / "src" / "shili-gaj"
    shutil.copytree(SAMPLE_2021, folder)
    (folder / "2022.yaml").write_text(report, encoding="utf-8")
    portal = portal_of(folder, tmp_path / "out")
    assert portal.reports == []
    assert [(f.file, f.code) for f in portal.findings if f.blocks] == [("data/shili-gaj/2022.yaml", "Y010")]


@pytest.mark.parametrize("text", ["", "正文", " 前后有空格 ", "\u3000全角空格", "甲\t乙", "\t", "行一\n行二\r\n", "行\r", "& < > \" '", "<w:p>{{ x }}"])
@pytest.mark.parametrize("style_id", [None, "ListBullet", "落款"])
def test_paragraph_xml_is_what_python_docx_writes(text: str, style_id: str | None) -> None:
    """The body is written as XML text: each paragraph equals python-docx's add_paragraph, element for element."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from nianbao.downloads.word.text import paragraph

    made = docx.Document().add_paragraph(text)
    if style_id is not None:
        made._p.style = style_id
    (written,) = parse_xml(f"<w:body {nsdecls('w')}>{paragraph(text, style_id)}</w:body>")

    def c14n(element: lxml.etree._Element) -> bytes:
        return lxml.etree.tostring(element, method="c14n", exclusive=True)

    assert c14n(written) == c14n(made._p)
