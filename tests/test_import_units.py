"""Units printed in cells become numbers, with a note (issue 15 point 4, spec §4 and E6)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import FIXTURES
from nianbao.importer import import_file
from nianbao.model.load import read_document

SPACES = (FIXTURES / "import" / "layouts" / "spaces-2023.txt").read_text(encoding="utf-8")


def _import(tmp_path: Path, text: str):
    source = tmp_path / "shili-2023.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, tmp_path / "data", agency="shili-x")
    assert result.error is None, result.error
    values, _, _ = read_document(tmp_path / "data" / "shili-x" / "2023.yaml", "2023.yaml")
    return result, values


def test_count_with_its_unit_attached_or_apart(tmp_path: Path) -> None:
    text = SPACES.replace("行政许可      318", "行政许可      318件").replace("行政处罚      42", "行政处罚      42 件")
    result, values = _import(tmp_path, text)
    assert values["active_disclosure"]["licensing"] == 318
    assert values["active_disclosure"]["punishment"] == 42
    units = [n.message for n in result.notes if n.kind == "unit"]
    assert "表二“行政许可”·本年处理决定数量“318件”去掉单位“件”，按 318 读取" in units
    assert "表二“行政处罚”·本年处理决定数量“42件”去掉单位“件”，按 42 读取" in units
    assert result.placeholders == 0


def test_yuan_under_a_wanyuan_header_is_converted_exactly(tmp_path: Path) -> None:
    result, values = _import(tmp_path, SPACES.replace("行政事业性收费      7.0487", "行政事业性收费      70487元"))
    assert Decimal(str(values["active_disclosure"]["fees"])) == Decimal("7.0487")
    assert any("“70487元”按表头单位换算为 7.0487 万元" in n.message for n in result.notes if n.kind == "unit")
    assert not [f for f in result.findings if f.blocks]


def test_an_amount_in_a_count_cell_is_never_converted(tmp_path: Path) -> None:
    """元 in a cell that counts decisions: no unit that fits, so the text stays and check names it."""
    result, values = _import(tmp_path, SPACES.replace("行政许可      318", "行政许可      318元"))
    assert values["active_disclosure"]["licensing"] == "318元"
    assert [f.code for f in result.findings if f.blocks] == ["S008"]
