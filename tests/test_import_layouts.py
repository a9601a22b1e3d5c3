"""Every table layout seen in real copies of reports reads to the same figures (issue 15 point 3).

The fixtures (tests/fixtures/import/layouts/, made by make_layouts.py) are one
small 2021 report whose tables are copied in each layout; expected.json holds
its figures. Each layout must give every figure right, none 待填写, and a draft
that passes the checks (the figures are consistent, so a misplaced one would show).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES
from nianbao.importer import import_file
from nianbao.model.load import read_document

LAYOUTS = FIXTURES / "import" / "layouts"
EXPECTED = json.loads((LAYOUTS / "expected.json").read_text(encoding="utf-8"))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (float, Decimal)):
        return str(value)
    return value


def _import(tmp_path: Path, layout: str):
    result = import_file(LAYOUTS / f"{layout}-2023.txt", tmp_path / "data", agency="shili-zrzyj")
    assert result.error is None, result.error
    values, _, findings = read_document(tmp_path / "data" / "shili-zrzyj" / "2023.yaml", "2023.yaml")
    assert not findings
    return result, values


def _assert_all_figures_right(result, values, prose_checks: bool = True) -> None:
    missing = [n.format_text() for n in result.notes if n.kind == "missing"]
    assert result.placeholders == 0, missing
    for table in ("active_disclosure", "applications", "review_litigation"):
        assert _plain(values[table]) == EXPECTED[table], table
    assert result.version == "2021" and result.year == 2023
    findings = result.findings if prose_checks else [f for f in result.findings if f.code != "V-6-1"]
    assert findings == [], [f.format_text() for f in findings]


def test_one_cell_per_line(tmp_path: Path) -> None:
    _assert_all_figures_right(*_import(tmp_path, "cells-per-line"))


def test_one_cell_per_paragraph(tmp_path: Path) -> None:
    _assert_all_figures_right(*_import(tmp_path, "cells-per-paragraph"))


def test_pipes_with_outer_pipes(tmp_path: Path) -> None:
    _assert_all_figures_right(*_import(tmp_path, "pipes-outer"))


def test_pipes_without_outer_pipes_and_padded(tmp_path: Path) -> None:
    _assert_all_figures_right(*_import(tmp_path, "pipes-padded"))


def test_a_lone_pipe_on_the_line_between_two_cells(tmp_path: Path) -> None:
    _assert_all_figures_right(*_import(tmp_path, "pipes-lone"))


def test_space_separated_rows_as_pdftotext_layout_prints_them(tmp_path: Path) -> None:
    _assert_all_figures_right(*_import(tmp_path, "spaces"))


def test_tab_separated_rows(tmp_path: Path) -> None:
    _assert_all_figures_right(*_import(tmp_path, "tabs"))


def test_header_cells_split_over_two_lines(tmp_path: Path) -> None:
    _assert_all_figures_right(*_import(tmp_path, "split-headers"))


def test_header_cells_split_over_two_lines_in_space_separated_text(tmp_path: Path) -> None:
    _assert_all_figures_right(*_import(tmp_path, "split-headers-spaces"))


def test_wrapped_labels_stray_spaces_and_a_vertical_group_label(tmp_path: Path) -> None:
    result, values = _import(tmp_path, "wrapped-labels")
    _assert_all_figures_right(result, values)
    tolerated = [n.message for n in result.notes if n.kind == "tolerated"]
    assert any("是折行的标签，合并为“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”读取" in m for m in tolerated)
    assert any("逐字成行的竖排文字" in m for m in tolerated)


def test_traditional_characters_read_through_the_canonical_labels(tmp_path: Path) -> None:
    result, values = _import(tmp_path, "traditional")
    # The prose stays in Traditional characters, which the narrative check (V-6-1, a warning) does not read.
    _assert_all_figures_right(result, values, prose_checks=False)
    assert "表二“規章”按“规章”读取（繁体字）" in [n.message for n in result.notes]
    assert "政府信息公開" in values["title"]  # prose and title are kept as published


@pytest.mark.parametrize("layout", sorted(p.name.removesuffix("-2023.txt") for p in LAYOUTS.glob("*-2023.txt")))
def test_a_figure_changed_in_the_source_changes_in_the_draft(tmp_path: Path, layout: str) -> None:
    """The figures come from the file, not from anywhere else: 318 → 319 in every layout."""
    text = (LAYOUTS / f"{layout}-2023.txt").read_text(encoding="utf-8").replace("318", "319")
    source = tmp_path / f"{layout}-2023.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, tmp_path / "data", agency="shili-zrzyj")
    values, _, _ = read_document(tmp_path / "data" / "shili-zrzyj" / "2023.yaml", "2023.yaml")
    assert result.error is None and values["active_disclosure"]["licensing"] == 319
