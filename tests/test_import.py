"""`nianbao import`: the seed text and the fixtures under tests/fixtures/import/.

The seed report (樟树市机关事务管理局 2020, copied from its web page) must import
to the same figures and prose as the hand transcription in data/zhangshu-jgswj,
pass `nianbao check`, and build a page showing every figure in its cell.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import FIXTURES, REPO, make_project, run_build
from htmltable import grid, lookup, tables
from nianbao.cli import main
from nianbao.importer import PLACEHOLDER, import_file
from nianbao.model import labels as L
from nianbao.model.load import load_report

SEED = FIXTURES / "seed-zhangshu-2020.txt"
IMPORT = FIXTURES / "import"


@pytest.fixture(scope="module")
def seed_import(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("seed-import")
    result = import_file(SEED, root / "data", agency="zhangshu-jgswj")
    assert result.error is None
    return root, result


def _report(path: Path, agency: str = "zhangshu-jgswj"):
    doc, findings = load_report(path, path.name, agency, int(path.stem))
    assert doc is not None, [f.format_text() for f in findings]
    return doc.report


def test_seed_figures_equal_the_hand_transcription(seed_import) -> None:
    root, _ = seed_import
    imported = _report(root / "data" / "zhangshu-jgswj" / "2020.yaml")
    seed = _report(REPO / "data" / "zhangshu-jgswj" / "2020.yaml")
    assert imported.active_disclosure == seed.active_disclosure
    assert imported.applications == seed.applications
    assert imported.review_litigation == seed.review_litigation
    assert imported.format_version == "2019"
    assert imported.status == "archived"
    # The prose as well: opening, 一 with its five subsections, 五 and 六.
    assert imported.opening == seed.opening
    assert imported.overview == seed.overview
    assert (imported.problems, imported.other_matters) == (seed.problems, seed.other_matters)
    assert imported.title == "樟树市机关事务管理局2020年政府信息公开工作年度报告"


def test_seed_draft_is_readable_yaml_like_the_hand_transcription(seed_import) -> None:
    root, _ = seed_import
    text = (root / "data" / "zhangshu-jgswj" / "2020.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/report-2019.schema.json\n")
    assert "  regulations:         {new_made: 0, new_published: 0, total_published: 0}\n" in text
    assert "  procurement:         {projects: 1, amount: 3000644.004}\n" in text
    assert "status: archived\n" in text


def test_seed_variants_and_lost_columns_are_reported(seed_import) -> None:
    _, result = seed_import
    tolerated = [n.message for n in result.notes if n.kind == "tolerated"]
    assert "表四“结果维护”按“结果维持”读取（“结果维护”应为“结果维持”）" in tolerated
    assert "表三“1.信访投诉举报类申请”按“1.信访举报投诉类申请”读取（“信访投诉举报”应为“信访举报投诉”）" in tolerated
    assert "表三“合计”按“总计”读取（“合计”应为“总计”）" in tolerated
    assert any("“只记”应为“只计”" in m for m in tolerated)
    assert "表二“规    章”按“规章”读取（多了空格）" in tolerated
    # Table 三 lost two columns in copying: the zeros are deduced from rows 一 and 二, and said so.
    deduced = [n for n in result.notes if n.kind == "deduced"]
    assert len(deduced) == 1 and "表三有 21 行的数不足 7 个（5 个" in deduced[0].message
    assert result.placeholders == 0
    assert result.contact == {"address": "药都南大道25号樟树市政府707", "phone": "7333735", "contact_office": "市机关事务管理局办公室"}


def test_seed_import_passes_check(seed_import, capsys: pytest.CaptureFixture[str]) -> None:
    root, result = seed_import
    assert result.findings == []
    assert main(["--root", str(root), "check"]) == 0


def test_seed_import_builds_a_page_with_every_figure_in_its_cell(seed_import, tmp_path: Path) -> None:
    root, _ = seed_import
    project = make_project(tmp_path / "site-project")
    shutil.copytree(root / "data" / "zhangshu-jgswj", project / "data" / "zhangshu-jgswj")
    shutil.copy(REPO / "data" / "zhangshu-jgswj" / "agency.yaml", project / "data" / "zhangshu-jgswj" / "agency.yaml")
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    html = (tmp_path / "site" / "reports" / "zhangshu-jgswj" / "2020" / "index.html").read_text(encoding="utf-8")
    t2, t3, t4 = (grid(t) for t in tables(html))
    assert lookup(t2, "规范性文件", "本年新制作数量") == "1"
    assert lookup(t2, "规范性文件", "对外公开总数量") == "1"
    assert lookup(t2, "政府集中采购", "采购项目数量") == "1"
    assert lookup(t2, "政府集中采购", "采购总金额") == "3000644.004"
    for line in ("规章", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制"):
        for column in ("本年新制作数量", "上一年项目数量", "本年增/减", "处理决定数量"):
            try:
                assert lookup(t2, line, column) == "0"
            except AssertionError as err:
                assert str(err).startswith("no cell"), err
    for row in L.table3_rows("2019"):
        for column in L.T3_COLUMNS.values():
            assert lookup(t3, row.label, column) == "0", (row.label, column)
    data = [c.text for c in t4[-1]]
    assert data == ["0"] * 15
    assert "结果维持" in lxml.html.fromstring(html).text_content()


# --------------------------------------------------------------------------
# Fixtures: text (GB18030, PDF-style), HTML, Word, tables missing
# --------------------------------------------------------------------------


def _import(tmp_path: Path, name: str, agency: str):
    result = import_file(IMPORT / name, tmp_path / "data", agency=agency)
    assert result.error is None, result.error
    return result, _report(tmp_path / "data" / agency / f"{result.year}.yaml", agency) if not result.placeholders else None


def test_gb18030_text_2021_with_an_arithmetic_error_kept(tmp_path: Path) -> None:
    result, report = _import(tmp_path, "shengtai-2022-gb18030.txt", "shili-sthjj")
    assert report is not None and report.format_version == "2021"
    assert any("GB18030" in n.message for n in result.notes if n.kind == "notice")
    a = report.active_disclosure
    assert (a.normative_documents.issued, a.normative_documents.repealed, a.normative_documents.in_force) == (5, 2, 31)
    assert (a.licensing, a.punishment, a.enforcement, str(a.fees)) == (1204, 87, 0, "12.5")
    apps = report.applications
    # Published as 25 although the six columns add up to 24: kept, and reported.
    assert apps.received.total == 25 and apps.received.sum == 24
    assert apps.not_processed.complaints.person == 1
    assert apps.unavailable.not_held.cells() == (4, 1, 0, 0, 0, 0, 5)
    assert apps.refused.security_stability.person == 1
    assert report.review_litigation.review.cells() == (1, 0, 0, 1, 2)
    codes = {f.code for f in result.findings}
    assert {"R3-3", "R3-1"} <= codes
    assert not any(f.blocks for f in result.findings)  # archived: listed, not blocking
    tolerated = " ".join(n.message for n in result.notes if n.kind == "tolerated")
    for variant in ("商 业 企 业", "第二十条第(一)项", '3.危及"三安全一稳定"', "1、申请人无正当理由逾期不补正，", "行政机关主动公开政府信息情况", "1,204"):
        assert variant in tolerated, variant
    assert "表二“行政强制”·本年处理决定数量原文为“-”，按 0 读取" in [n.message for n in result.notes]
    assert report.signature is not None and report.signature.name == "示例市生态环境局"
    assert report.overview.subsections[1].text == "全年共收到政府信息公开申请24件，其中自然人申请20件，法人或其他组织申请4件，均已按时答复。"
    assert result.contact["postcode"] == "330100" and result.contact["email"] == "sthjj@shili.gov.cn"
    agency = (tmp_path / "data" / "shili-sthjj" / "agency.yaml").read_text(encoding="utf-8")
    assert 'name: "示例市生态环境局"' in agency and 'postcode: "330100"' in agency


def test_docx_2021_with_merged_cells_units_and_typos(tmp_path: Path) -> None:
    result, report = _import(tmp_path, "jiaotong-2023.docx", "shili-jtysj")
    assert report is not None and report.format_version == "2021"
    a = report.active_disclosure
    assert (a.licensing, a.punishment, a.enforcement) == (36, 142, 0)
    assert str(a.fees) == "25.1"  # "251000元" under a 万元 header
    apps = report.applications
    assert apps.received.cells() == (9, 2, 0, 0, 1, 0, 12)
    assert apps.granted.cells() == (6, 1, 0, 0, 1, 0, 8)
    assert apps.total is not None and apps.total.cells() == (8, 2, 0, 0, 1, 0, 11)
    assert report.review_litigation.review.total == 3  # 1 + 1 published as 3: kept
    assert [f.code for f in result.findings] == ["R4-1"]
    messages = [n.message for n in result.notes]
    assert "表二“行政事业性收费”·本年收费金额（单位：万元）“251000元”按表头单位换算为 25.1 万元" in messages
    assert "表三“一、本年新收政府信息公开申请数量”·科研机构原文为空白，按 0 读取" in messages
    assert "表三“（七）合计”按“（七）总计”读取（“合计”应为“总计”）" in messages
    assert "表三“商业 企业”按“商业企业”读取（多了空格）" in messages


def test_html_2019_page_with_merged_cells_annotations_and_a_local_row(tmp_path: Path) -> None:
    result = import_file(IMPORT / "shiliqu-2020.html", tmp_path / "data", agency="shiliqu-zfb")
    assert result.error is None and result.version == "2019"
    text = (tmp_path / "data" / "shiliqu-zfb" / "2020.yaml").read_text(encoding="utf-8")
    assert "  licensing:           {previous: 12, change: -2, decisions: 2340}\n" in text
    assert "  enforcement:         {previous: 1, change: 0, decisions: 0}\n" in text
    # An unreadable cell: a visible placeholder, its position reported.
    assert '  other_services:      {previous: "待填写", change: 0, decisions: 15}  # 原文“见附件”无法读取\n' in text
    assert "published_date: 2021-01-25\n" in text
    notes = {n.message: n.where for n in result.notes}
    assert notes["表二“其他对外管理服务事项”·上一年项目数量原文“见附件”无法读成数字：已写为“待填写”，请对照原报告填写"] == "第 1 个表格第 8 行第 2 列"
    # 采购总金额 has no unit in its header: the figure as printed, its unit beside it.
    assert '  procurement:         {projects: 6, amount: 251000, unit: "元"}' in text
    assert notes["表二“政府集中采购”·采购总金额“251000元”按 251000 读取，单位“元”记入 unit（表头没有注明单位，不换算）"] == "第 1 个表格第 19 行第 3 列"
    assert any("“其他主动公开文件”不是国家格式的行" in m for m in notes)
    blank = next(m for m in notes if m.startswith("表三 19 行的总计为空白"))
    assert "“（一）予以公开”原文总计为空，各项之和为 24" in blank
    assert any("带有括注“设区的市、自治州人民政府应提供相关数据”" in m for m in notes)
    blocking = [f for f in result.findings if f.blocks]
    assert [(f.code, f.field) for f in blocking] == [
        ("S003", "active_disclosure.other_services.previous（二、主动公开政府信息情况 / 其他对外管理服务事项 / 上一年项目数量）"),
    ]
    assert blocking[0].message.startswith(f"“{PLACEHOLDER}”不是件数")
    assert "opening" not in text.split("opening:")[1][:5]  # the page chrome is not in the opening
    assert "浏览次数" not in text and "ICP" not in text


def test_report_with_tables_published_as_images_fails_check_until_filled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = import_file(IMPORT / "hunnan-2022-no-tables.txt", tmp_path / "data", agency="shili-gzj")
    assert result.error is None
    missing = [n.message for n in result.notes if n.kind == "missing"]
    assert "原文没有表三的文字（可能以图片发布）：表三各格已写为“待填写”，请对照原报告填写" in missing
    assert result.placeholders == 10 + 25 * 6 + 12
    assert result.findings and all(f.blocks for f in result.findings)
    (tmp_path / "data" / "shili-gzj" / "agency.yaml").write_text("name: 示例区国资局\ntype: department\nregion: 示例区\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "check"]) == 1
    assert f"（二、主动公开政府信息情况 / 规章 / 本年制发件数）：“{PLACEHOLDER}”不是件数" in capsys.readouterr().out


def test_folder_import_shows_progress_and_a_summary_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("shengtai-2022-gb18030.txt", "jiaotong-2023.docx", "shiliqu-2020.html"):
        shutil.copy(IMPORT / name, folder / name)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    code = main(["--root", str(tmp_path), "import", str(folder)])
    out = capsys.readouterr()
    assert code == 1  # the .doc could not be imported
    assert "导入汇总" in out.out
    assert "✗ " in out.out and "旧版 Word（.doc）文件请先用 Word 或 WPS 另存为 .docx" in out.out
    assert {p.name for p in (tmp_path / "data").iterdir()} == {"jiaotong", "shengtai-gb18030", "shiliqu"}
    assert "导入了 3 个文件，1 个未导入" in out.err


def test_existing_draft_is_not_overwritten(tmp_path: Path) -> None:
    first = import_file(SEED, tmp_path / "data", agency="zhangshu-jgswj")
    again = import_file(SEED, tmp_path / "data", agency="zhangshu-jgswj")
    assert first.error is None
    assert again.error == "data/zhangshu-jgswj/2020.yaml 已存在，未覆盖（确需覆盖请加 --force）"
