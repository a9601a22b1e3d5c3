"""`nianbao import` of PDF reports: the 洪泽 2023 report as published, and one PDF per layout feature.

The feature PDFs (tests/fixtures/import/pdf/, made by make_pdfs.py) are the
Word documents nianbao exports, converted by LibreOffice, each changed to show
one feature; the YAML they were made from sits beside them, so every figure
the PDF holds is known.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
import yaml

from conftest import FIXTURES
from nianbao.cli import main
from nianbao.importer import PLACEHOLDER, import_file
from nianbao.importer.document import Cell, Table
from nianbao.importer.figures import table3
from nianbao.importer.notes import ImportProblem
from nianbao.importer.pdf import read_pdf
from nianbao.importer.rows import Collector, stream_of
from nianbao.importer.variants import LabelIndex
from nianbao.model import labels as L
from nianbao.model.load import load_report, read_document
from sourcefigures import invented

HONGZE = FIXTURES / "import" / "hongze-2023"
PDFS = FIXTURES / "import" / "pdf"


def _import(tmp_path: Path, pdf: Path, year: int | None = None, agency: str = "shili"):
    result = import_file(pdf, tmp_path / "data", agency=agency, year=year)
    assert result.error is None, result.error
    return result


def _draft(result) -> dict[str, Any]:
    return yaml.safe_load(result.target.read_text(encoding="utf-8"))


def _notes(result, kind: str | None = None) -> list[str]:
    return [n.message for n in result.notes if kind is None or n.kind == kind]


def _figures(result, source: Path, year: int) -> tuple[Any, Any]:
    """The imported tables and the source's, totals filled in where the source leaves them to the system."""
    imported, findings = load_report(result.target, result.target.name, "shili", result.year)
    assert imported is not None, [f.format_text() for f in findings]
    original, _ = load_report(source, source.name, "shili", year)
    assert original is not None

    def dump(doc: Any) -> list[dict[str, Any]]:
        return [getattr(doc.report, k).model_dump() for k in ("active_disclosure", "applications", "review_litigation")]

    def fill(got: Any, want: Any) -> Any:
        if isinstance(want, dict):
            return {k: fill(got[k], v) for k, v in want.items()} if isinstance(got, dict) else want
        return got if want is None else want  # a total the source omits: the import keeps the printed one

    a, b = dump(imported), dump(original)
    return a, [fill(x, y) for x, y in zip(a, b, strict=True)]


# --------------------------------------------------------------------------
# 洪泽区人民政府 2023 (WPS PDF as published)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hongze(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hongze")
    result = import_file(HONGZE / "report.pdf", root / "data", agency="hongze", year=None)
    assert result.error is None, result.error
    return root, result


def _at(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def test_hongze_every_figure_of_the_transcription_imported_none_invented(hongze) -> None:
    _, result = hongze
    expected = json.loads((HONGZE / "expected.json").read_text(encoding="utf-8"))
    draft = _draft(result)
    assert result.year == 2023 and result.version == "2021" and result.placeholders == 0

    t2 = draft["active_disclosure"]
    rows2 = {"规章": "regulations", "行政规范性文件": "normative_documents"}
    for label, figures in expected["tables"]["二"].items():
        got = t2[rows2[label]] if label in rows2 else t2[next(k for k, v in _t2_labels().items() if v == label)]
        got = [got[c] for c in ("issued", "repealed", "in_force")] if isinstance(got, dict) else [got]
        assert [Decimal(str(g)) for g in got] == [Decimal(str(f)) for f in figures], label

    paths = {r.label: r.path for r in L.table3_rows("2021")}
    for label, figures in expected["tables"]["三"].items():
        row_label = re.sub(r"^（[三四五六]）(?=\d)", "", label)
        cells = _at(draft["applications"], paths[row_label])
        got = [cells[k] for k in L.T3_COLUMNS]
        if figures is None:  # （六）1–3: not printed; 0 only because the printed （六）其他处理 is 0 everywhere
            assert label in expected["zero_by_parent"]
            assert got == [0] * 7
        else:
            assert got == figures, label

    t4 = draft["review_litigation"]
    got4 = [t4[g][c] for g in L.T4_GROUPS for c in L.T4_COLUMNS]
    assert got4 == expected["tables"]["四"]


def _t2_labels() -> dict[str, str]:
    return {line.key: line.label for block in L.TABLE2["2021"].blocks for line in block.lines}


def test_hongze_2019_single_other_handling_row_is_read_as_the_spec_says(hongze) -> None:
    _, result = hongze
    deduced = _notes(result, "deduced")
    assert any("按 2019 年格式印了一行“（六）其他处理”（0 0 0 0 0 0 0）" in m and "三项必全为 0" in m for m in deduced)
    assert "原文按 2019 年格式只有一行（六）其他处理，全为 0，按 0 导入" in result.target.read_text(encoding="utf-8")


def test_hongze_r4_1_failures_as_printed_in_the_summary_and_in_check(hongze, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, result = hongze
    r41 = sorted(f.field for f in result.findings if f.code == "R4-1")
    assert r41 == ["review_litigation.litigation_after_review.total", "review_litigation.review.total"]
    capsys.readouterr()
    main(["--root", str(tmp_path), "import", str(HONGZE / "report.pdf"), "--agency", "hongze", "--year", "2023"])
    summary = capsys.readouterr().out
    assert summary.count("[R4-1]") == 2 and "表四“行政复议”的总计为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 11" in summary
    capsys.readouterr()
    main(["--root", str(root), "check"])
    out = capsys.readouterr().out
    assert "[R4-1] review_litigation.review.total：表四“行政复议”的总计为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 11" in out
    assert "[R4-1] review_litigation.litigation_after_review.total：表四“复议后起诉”的总计为 0" in out and "之和为 5" in out


def test_hongze_typo_label_read_with_a_note_and_title_over_two_lines_joined(hongze) -> None:
    _, result = hongze
    assert "表三“2.其他法律行政止公开”按“2.其他法律行政法规禁止公开”读取（字有错漏）" in _notes(result, "tolerated")
    draft = _draft(result)
    assert draft["title"] == "洪泽区人民政府2023年政府信息公开工作年度报告"
    assert draft["applications"]["refused"]["prohibited_by_law"]["person"] == 0


def test_hongze_footers_inside_sections_and_tables_are_not_content(hongze) -> None:
    _, result = hongze
    text = result.target.read_text(encoding="utf-8")
    assert not re.search(r"-\s*\d\s*-", text.split("problems:")[0].split("opening:")[1].replace("0517-87222589", ""))
    assert "去掉了 5 行页码或页眉页脚（如“-3-”），它们不是正文" in _notes(result, "notice")
    # The paragraph broken by the page-1 footer reads on: "严格执行“分" / -1- / "级审核、先审后发”".
    assert "严格执行“分级审核、先审后发”程序" in text


def test_hongze_stacked_header_fragments_and_vertical_label_are_single_cells() -> None:
    doc = read_pdf((HONGZE / "report.pdf").read_bytes(), "report.pdf")
    cells = {c.text for b in doc.blocks if isinstance(b, Table) for row in b.rows for c in row}
    assert {"商业企业", "社会公益组织", "法律服务机构", "三、本年度办理结果"} <= cells
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in cells  # wrapped, with a stray space


# --------------------------------------------------------------------------
# One fixture per PDF feature, each against the YAML it was made from
# --------------------------------------------------------------------------

FEATURES = {
    "export-2021.pdf": "ruling lines as drawn by LibreOffice; two-line title; “— 3 —” footers; vertical group labels",
    "narrow.pdf": "every long label wraps over two or three lines inside its cell",
    "split-repeated.pdf": "table 三 continues on the next page with its header repeated",
    "split-plain.pdf": "table 三 continues on the next page without a header",
    "unruled.pdf": "tables drawn without any line: read from word positions",
    "spaced.pdf": "spaces typed between Chinese characters",
    "turned.pdf": "group labels in vertical writing (Word's 文字方向), two columns read right to left",
    "radicals.pdf": "Kangxi radicals in the text layer for common ideographs (⼀ ⼆ ⼈ ⼯ ⽉ ⽇)",
    "split-row.pdf": "a row of table 三 broken by the page end: its label on two pages, its figures on the first",
}


@pytest.mark.parametrize("name", sorted(FEATURES))
def test_feature_pdf_imports_every_figure_of_its_source(tmp_path: Path, name: str) -> None:
    result = _import(tmp_path, PDFS / name)
    assert result.placeholders == 0, _notes(result, "missing")
    imported, source = _figures(result, PDFS / "dongcheng-2023.yaml", 2023)
    assert imported == source
    assert result.figures_read == 200
    assert not [f for f in result.findings if f.blocks], [f.format_text() for f in result.findings]


def test_2019_export_imports_every_figure(tmp_path: Path) -> None:
    result = _import(tmp_path, PDFS / "export-2019.pdf", agency="shili")
    assert result.version == "2019" and result.placeholders == 0
    imported, source = _figures(result, PDFS / "zhangshu-2020.yaml", 2020)
    assert imported == source


def test_a_2019_report_typeset_by_reportlab_imports_every_figure(tmp_path: Path) -> None:
    """Not our Word export: uneven columns, stacked header cells, table 三 split with its header repeated (make_typeset_2019.py)."""
    pdf = PDFS / "typeset-2019.pdf"
    pages = pypdfium2.PdfDocument(str(pdf))
    texts = [pages[i].get_textpage().get_text_range() for i in range(len(pages))]
    assert sum("申请人情况" in t for t in texts) == 2  # the layout the fixture claims: table 三's header on two pages
    assert all(f"— {i + 1} —" in t for i, t in enumerate(texts))
    result = _import(tmp_path, pdf, agency="shili")
    assert result.version == "2019" and result.year == 2020
    assert result.placeholders == 0, _notes(result, "missing")
    imported, source = _figures(result, PDFS / "typeset-2019.yaml", 2020)
    assert imported == source
    assert result.figures_read == 198
    assert result.findings == [], [f.format_text() for f in result.findings]
    values, _, _ = read_document(result.target, "draft.yaml")
    assert invented(pdf, values) == []


def test_prose_in_reading_order_without_footers(tmp_path: Path) -> None:
    draft = _draft(_import(tmp_path, PDFS / "export-2021.pdf"))
    source = yaml.safe_load((PDFS / "dongcheng-2023.yaml").read_text(encoding="utf-8"))
    assert draft["title"] == "示例市东城区人民政府2023年政府信息公开工作年度报告"  # printed over two lines
    # LibreOffice drops a comma that hangs past the right margin from the text layer: compare without punctuation.
    def bare(text: str) -> str:
        return re.sub(r"[，。、；：,.;:\s]", "", text)

    assert bare(draft["opening"]) == bare(source["opening"])
    assert [s["title"] for s in draft["overview"]["subsections"]] == [s["title"] for s in source["overview"]["subsections"]]
    assert bare(draft["problems"]) == bare(source["problems"])
    assert "—" not in draft["problems"] + draft["other_matters"]


def test_title_in_body_type_centred_over_two_lines_is_one_title(tmp_path: Path) -> None:
    result = _import(tmp_path, PDFS / "plain-title.pdf")
    assert _draft(result)["title"] == "示例市东城区人民政府2023年政府信息公开工作年度报告"
    assert (tmp_path / "data" / "shili" / "agency.yaml").read_text(encoding="utf-8").count('name: "示例市东城区人民政府"') == 1


def test_spaces_between_chinese_characters_removed_with_a_note(tmp_path: Path) -> None:
    result = _import(tmp_path, PDFS / "spaced.pdf")
    text = result.target.read_text(encoding="utf-8")
    assert "政 府" not in text and "政府信息" in text
    assert any(re.fullmatch(r"PDF 在汉字之间留有空格（如“政 府信息”），共去掉 \d+ 处", m) for m in _notes(result, "notice"))


def test_vertical_writing_in_two_columns_is_read_right_to_left() -> None:
    doc = read_pdf((PDFS / "turned.pdf").read_bytes(), "turned.pdf")
    cells = {c.text for b in doc.blocks if isinstance(b, Table) for row in b.rows for c in row}
    assert {"三、本年度办理结果", "（四）无法提供", "（五）不予处理", "（六）其他处理"} <= cells


def test_table_split_over_pages_is_one_table_with_the_repeated_header_dropped() -> None:
    doc = read_pdf((PDFS / "split-repeated.pdf").read_bytes(), "split-repeated.pdf")
    tables = [b for b in doc.blocks if isinstance(b, Table) and "本年新收" in b.text()]
    assert len(tables) == 1
    texts = [c.text for row in tables[0].rows for c in row]
    assert texts.count("申请人情况") == 1 and "（七）总计" in texts


# --------------------------------------------------------------------------
# Pages without text: reported, never guessed
# --------------------------------------------------------------------------


def test_image_only_pdf_yields_only_placeholders(tmp_path: Path) -> None:
    result = _import(tmp_path, PDFS / "scanned-2023.pdf")
    draft = _draft(result)
    figures = [v for k in ("active_disclosure", "applications", "review_litigation") for v in _leaves(draft[k])]
    assert figures and set(figures) == {PLACEHOLDER}
    assert result.figures_read == 0
    assert "这个 PDF 没有文字层（6 页都是图片，可能是扫描件）：表二、表三、表四的数字需要对照原件手工填写，不做识别、不推测" in _notes(result)


def test_one_image_page_names_the_tables_to_fill_in(tmp_path: Path) -> None:
    result = _import(tmp_path, PDFS / "scanned-page.pdf")
    assert "第 4 页是图片，没有文字：表三、表四需要手工填写（不做识别、不推测）" in _notes(result)
    draft = _draft(result)
    assert set(_leaves(draft["applications"])) == {PLACEHOLDER}
    assert draft["active_disclosure"]["licensing"] == 5999  # page 3, with text, is read


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _leaves(v)]
    return [value]


# --------------------------------------------------------------------------
# No invented figure; damaged files
# --------------------------------------------------------------------------


@pytest.mark.parametrize("pdf", [HONGZE / "report.pdf", *sorted(PDFS.glob("*.pdf"))], ids=lambda p: p.name)
def test_every_figure_in_a_pdf_draft_is_printed_in_the_pdf(tmp_path: Path, pdf: Path) -> None:
    """Against the text PDFium extracts (not pdfplumber, the importer's library), zeros included."""
    result = import_file(pdf, tmp_path / "data", agency="shili")
    assert result.error is None
    values, _, findings = read_document(result.target, "draft.yaml")
    assert values is not None, findings
    assert invented(pdf, values) == []


def test_damaged_pdf_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken-2023.pdf"
    broken.write_bytes((PDFS / "export-2021.pdf").read_bytes()[:3000])
    result = import_file(broken, tmp_path / "data", agency="shili")
    assert result.error is not None and result.error.startswith(("无法打开这个 PDF 文件", "PDF 文件的内容无法解析"))
    with pytest.raises(ImportProblem):
        read_pdf(b"%PDF-1.7\nnot a pdf", "x.pdf")


def test_pdf_with_an_open_password_says_so(tmp_path: Path) -> None:
    locked = tmp_path / "password-2023.pdf"
    locked.write_bytes((PDFS / "password-2023.pdf.bin").read_bytes())
    result = import_file(locked, tmp_path / "data", agency="shili")
    assert result.error == "PDF 文件有打开密码，无法读取：请先在阅读器中输入密码后另存为无密码的 PDF 再导入"


# --------------------------------------------------------------------------
# The label rules the PDFs needed, on their own
# --------------------------------------------------------------------------


def test_garbled_label_matches_only_one_close_label_with_the_same_number() -> None:
    index = LabelIndex([(r.label, r.path) for r in L.table3_rows("2021")])
    assert index.match_garbled("2.其他法律行政止公开").target == ("refused", "prohibited_by_law")
    assert index.match_garbled("3.其他法律行政止公开") is None  # numbering differs
    assert index.match_garbled("2.其他") is None  # too little of any label
    assert index.match_garbled("1.本机关不掌握") is None  # most of the label is missing


def test_nonzero_2019_other_handling_row_in_a_2021_table_is_left_to_fill_in() -> None:
    rows = (("一、本年新收政府信息公开申请数量", "3 0 0 0 0 0 3"), ("（六）其他处理", "2 0 0 0 0 0 2"))
    table = Table([[Cell(t, "x", grid=True) for t in [label, *figures.split()]] for label, figures in rows], "x")
    out = Collector()
    result = table3(stream_of([table]), "2021", out)
    assert result.data["other_handling"]["no_correction"]["person"] == PLACEHOLDER
    assert any("无法确定各项的数" in n.message and "（2 0 0 0 0 0 2）" in n.message for n in out.finish())


def test_text_in_a_font_without_unicode_map_is_reported_like_a_picture() -> None:
    from types import SimpleNamespace

    from nianbao.importer.pdf import _assemble, _read_page

    glyphs = [{"text": f"(cid:{i})", "x0": 10.0 * i, "x1": 10.0 * i + 9, "top": 100.0, "bottom": 110.0, "size": 10.0} for i in range(40)]
    garbled = _read_page(SimpleNamespace(chars=glyphs, images=[], height=842.0, width=595.0), 1)
    assert not garbled.has_text and garbled.undecodable
    doc = _assemble([garbled], "x.pdf")
    assert doc.blocks == []
    assert doc.notices == ["这个 PDF 的文字无法解码（字体缺少编码表）：表二、表三、表四的数字需要对照原件手工填写，不做识别、不推测"]


def test_slanted_watermark_glyphs_are_not_text() -> None:
    from nianbao.importer.pdf import _level

    assert _level({"matrix": (1, 0, 0, 1, 0, 0)}) and _level({"matrix": (0, 1, -1, 0, 0, 0)})  # upright, turned 90°
    assert not _level({"matrix": (0.707, 0.707, -0.707, 0.707, 0, 0)})  # a diagonal “样本”


def test_kangxi_radicals_read_as_the_ideographs_they_stand_for(tmp_path: Path) -> None:
    result = _import(tmp_path, PDFS / "radicals.pdf")
    text = result.target.read_text(encoding="utf-8")
    assert not re.search("[\u2e80-\u2fdf]", text)
    assert _draft(result)["title"] == "示例市东城区人民政府2023年政府信息公开工作年度报告"
    assert "PDF 用形近的康熙部首字符代替了 68 个汉字（如“⼀”代替“一”），已换成正常汉字" in _notes(result, "notice")
    from nianbao.importer.pdf import _unradical

    assert _unradical({"text": "⼀"})["text"] == "一" and _unradical({"text": "⼆"})["text"] == "二"
    assert _unradical({"text": "一"}) == {"text": "一"}


def test_a_folder_holding_pdfs_is_imported_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(HONGZE / "report.pdf", folder / "hongze-2023.pdf")
    shutil.copy(PDFS / "export-2019.pdf", folder / "zhangshu-2020.pdf")
    main(["--root", str(tmp_path), "import", str(folder)])
    assert sorted(p.relative_to(tmp_path / "data").as_posix() for p in (tmp_path / "data").glob("*/*.yaml") if p.stem.isdigit()) == [
        "hongze/2023.yaml",
        "zhangshu/2020.yaml",
    ]
    assert "PDF 文件请在阅读器中全选复制" not in capsys.readouterr().out


def test_figures_of_several_columns_in_one_cell_are_split(tmp_path: Path) -> None:
    """A rule after the label column but none between the figures: the cell's figures are its columns."""
    result = _import(tmp_path, PDFS / "partly-ruled-2023.pdf")
    t2 = _draft(result)["active_disclosure"]
    assert t2["regulations"] == {"issued": 0, "repealed": 1, "in_force": 2}
    assert t2["normative_documents"] == {"issued": 3, "repealed": 4, "in_force": 15}
    assert t2["licensing"] == PLACEHOLDER  # not printed: never guessed


def test_a_table_printed_as_a_picture_on_a_text_page_is_reported_and_left_to_fill_in(tmp_path: Path) -> None:
    result = _import(tmp_path, PDFS / "table-picture.pdf")
    assert "第 4 页有大幅图片：图片中的表格或数字不会导入，请对照原件核对" in _notes(result, "notice")
    draft = _draft(result)
    assert set(_leaves(draft["applications"])) == {PLACEHOLDER}
    assert draft["review_litigation"]["review"]["upheld"] == 4  # table 四, in text under the picture, is read


def test_two_rows_at_a_page_break_are_never_joined_into_one() -> None:
    from nianbao.importer.pdf import _joined_row

    def row(*texts: str) -> list[Cell]:
        return [Cell(t, "x", grid=True) for t in texts]

    # Two rows of table 二, one on each page: both have figures, so they stay two rows.
    assert _joined_row(row("行政许可", "5999"), [0, 1], row("行政处罚", "1235"), [0, 1]) is None
    # A row cut in two, its figures under the second half of its label.
    joined = _joined_row(row("5.要求行政机关确认", "", ""), [2, 3, 4], row("", "", "或重新出具已获取信息", "1", "0"), [0, 1, 2, 3, 4])
    assert joined is not None and [c.text for c in joined[0]] == ["", "", "5.要求行政机关确认或重新出具已获取信息", "1", "0"]
    # A figure in one half and text in the other in the same column: not one row.
    assert _joined_row(row("规章", "0"), [0, 1], row("", "见附件"), [0, 1]) is None
