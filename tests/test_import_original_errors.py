"""Errors in the original are reported at import and by `nianbao check`, even while cells are 待填写.

The rules R3-1, R3-2, R3-3 and R4-1 are evaluated on a draft that does not
validate yet wherever all the cells a rule needs are known (`known_cells`),
with the same words as `checks.arithmetic`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES
from nianbao.cli import main
from nianbao.importer import import_file
from nianbao.importer.summary import summary_lines
from nianbao.model.checks import arithmetic
from nianbao.model.known_cells import check as known_check
from nianbao.model.load import load_report, read_document

IMPORT = FIXTURES / "import"
RULES = {"R3-1", "R3-2", "R3-3", "R4-1"}


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    result = import_file(IMPORT / "jiaotong-2023.docx", tmp_path / "data", agency="shili-jtysj")
    assert result.error is None and result.placeholders == 0
    return tmp_path / "data" / "shili-jtysj" / "2023.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _shown(findings) -> list[tuple]:
    return sorted((f.line, f.col, f.code, f.message, f.fix, f.field) for f in findings if f.code in RULES)


@pytest.mark.parametrize(
    "old,new",
    [
        ("", ""),  # as imported: R4-1 only
        ("granted:         {person: 6,", "granted:         {person: 7,"),  # R3-3, R3-2 and R3-1 at once
        ("carried_forward: {person: 2,", "carried_forward: {person: 3,"),  # R3-3 and R3-1
        ("total:           {person: 8,", "total:           {person: 9,"),  # R3-2, R3-3 and R3-1
        ("litigation_direct:       {upheld: 0,", "litigation_direct:       {upheld: 2,"),  # R4-1 twice
    ],
)
def test_rules_on_known_cells_say_exactly_what_the_checks_say(draft: Path, old: str, new: str) -> None:
    if old:
        _edit(draft, old, new)
    doc, _ = load_report(draft, "d.yaml", "shili-jtysj", 2023)
    values, smap, _ = read_document(draft, "d.yaml")
    assert doc is not None and smap is not None
    expected = _shown(arithmetic.check(doc, None))  # type: ignore[arg-type]
    assert expected  # every case has an error in the original
    assert _shown(known_check(values, smap, "d.yaml", doc.format_version)) == expected


def test_a_draft_with_placeholders_still_lists_the_originals_errors(draft: Path) -> None:
    _edit(draft, "licensing:", 'licensing: "待填写" #')
    doc, findings = load_report(draft, "d.yaml", "shili-jtysj", 2023)
    assert doc is None
    codes = [f.code for f in findings]
    assert "S003" in codes and "R4-1" in codes
    r41 = next(f for f in findings if f.code == "R4-1")
    assert not r41.blocks and "表四“行政复议”的总计为 3，但结果维持、结果纠正、其他结果、尚未审结之和为 2" in r41.message


def test_a_rule_whose_cells_are_not_all_known_is_not_evaluated(draft: Path) -> None:
    _edit(draft, "review:                  {upheld: 1,", 'review:                  {upheld: "待填写",')
    _edit(draft, "received:        {person: 9,", 'received:        {person: "待填写",')
    _, findings = load_report(draft, "d.yaml", "shili-jtysj", 2023)
    assert "R4-1" not in {f.code for f in findings}
    # R3-1 in the 自然人 column and R3-3 on row 一 need the missing cell; other columns are still checked.
    assert not any(f.code == "R3-1" and f.field.endswith(".person") for f in findings)
    assert not any(f.code == "R3-3" and "received" in (f.field or "") for f in findings)


def test_check_lists_the_originals_errors_beside_the_placeholders(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(draft, "licensing:", 'licensing: "待填写" #')
    root = draft.parent.parent.parent
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"2023\.yaml:\d+:\d+: 错误 \[S003\] .*“待填写”不是件数", out)
    assert re.search(r"2023\.yaml:64:\d+: 错误（历史报告，不阻止发布） \[R4-1\] review_litigation\.review\.total：表四“行政复议”的总计为 3", out)


def test_import_summary_lists_the_originals_errors_beside_the_placeholders(tmp_path: Path) -> None:
    """A report whose table 二 is lost but whose tables 三 and 四 are read: R3-3 and R3-1 in the summary."""
    text = (IMPORT / "shengtai-2022-gb18030.txt").read_bytes().decode("gb18030")
    text = re.sub(r"行政规范性文件 5 2 31\n", "行政规范性文件 见附件\n", text)
    source = tmp_path / "shengtai-2022.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, tmp_path / "data", agency="shili-sthjj")
    assert result.error is None and result.placeholders == 3
    lines = summary_lines(result, tmp_path)
    listed = "\n".join(lines)
    assert "待填写：3 格写为“待填写”" in listed
    assert "[R3-3] applications.received.total：表三“一、本年新收政府信息公开申请数量”一行的总计为 25，但六类申请人之和 20+3+0+1+0+0 = 24" in listed
    assert "[R3-1]" in listed


def test_a_blank_printed_total_is_reported_with_the_sum(tmp_path: Path) -> None:
    text = (IMPORT / "shengtai-2022-gb18030.txt").read_bytes().decode("gb18030")
    text = text.replace("（一）予以公开 12 2 0 1 0 0 15", "（一）予以公开\t12\t2\t0\t1\t0\t0\t")  # a tab-separated row, 总计 cell empty
    source = tmp_path / "shengtai-2022.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, tmp_path / "data", agency="shili-sthjj")
    assert result.error is None
    draft = (tmp_path / "data" / "shili-sthjj" / "2022.yaml").read_text(encoding="utf-8")
    assert "granted:" in draft and "原文总计为空，各项之和为 15" in draft.split("granted:")[1].split("\n")[0]
    assert any("“（一）予以公开”原文总计为空，各项之和为 15" in n.message for n in result.notes)
