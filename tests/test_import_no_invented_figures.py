"""Acceptance: over every import fixture, each figure written into a draft appears in the source.

Covers every file under tests/fixtures/ that `nianbao import` reads (new input
kinds are covered as soon as the importer reads them). PDFs are compared with
the text PDFium extracts (pypdfium2, not the importer's pdfplumber), zeros
included. The checker is shown to fail on tampered drafts, so a pass means
something.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sourcefigures
from conftest import FIXTURES
from nianbao.importer import import_file
from nianbao.importer.run import SUPPORTED
from nianbao.model.load import read_document
from sourcefigures import invented

SOURCES = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED and p.parent.name != "golden")


def _draft(tmp_path: Path, source: Path) -> dict:
    result = import_file(source, tmp_path / "data", agency="fixture")
    assert result.error is None, result.error
    values, _, findings = read_document(result.target, "draft.yaml")
    assert values is not None, findings
    return values


def test_there_are_fixtures_of_every_kind() -> None:
    assert {p.suffix for p in SOURCES} >= {".txt", ".html", ".docx"}
    assert len(SOURCES) >= 10


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_no_figure_in_a_draft_is_missing_from_its_source(tmp_path: Path, source: Path) -> None:
    assert invented(source, _draft(tmp_path, source)) == []


def test_the_checker_finds_a_figure_that_is_not_in_the_source(tmp_path: Path) -> None:
    source = FIXTURES / "import" / "layouts" / "tabs-2023.txt"
    values = _draft(tmp_path, source)
    values["active_disclosure"]["licensing"] = 3180
    assert invented(source, values) == ["active_disclosure.licensing = 3180"]


def test_the_checker_finds_a_printed_figure_used_more_often_than_printed(tmp_path: Path) -> None:
    source = FIXTURES / "import" / "layouts" / "tabs-2023.txt"
    values = _draft(tmp_path, source)
    values["active_disclosure"]["enforcement"] = 318  # printed once, for 行政许可
    assert invented(source, values) == ["active_disclosure.enforcement = 318"]


def test_the_checker_finds_a_filled_placeholder(tmp_path: Path) -> None:
    source = FIXTURES / "import" / "hunnan-2022-no-tables.txt"
    values = _draft(tmp_path, source)
    values["applications"]["received"]["person"] = 17  # a figure typed where the source had no table
    assert invented(source, values) == ["applications.received.person = 17"]


PDF = FIXTURES / "import" / "pdf" / "export-2021.pdf"
HONGZE = FIXTURES / "import" / "hongze-2023" / "report.pdf"


def test_a_pdf_is_checked_against_text_the_importer_did_not_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    def importer_reader(path: Path):
        raise AssertionError("the checker must not use the importer's reader for a PDF")

    monkeypatch.setattr(sourcefigures, "read_document", importer_reader)
    text = sourcefigures.source_text(PDF)
    assert "5999" in text and "344.24" in text


def test_the_checker_finds_a_figure_a_pdf_does_not_print(tmp_path: Path) -> None:
    values = _draft(tmp_path, PDF)
    values["active_disclosure"]["licensing"] = 3180
    assert invented(PDF, values) == ["active_disclosure.licensing = 3180"]


def test_the_checker_counts_the_zeros_a_pdf_prints(tmp_path: Path) -> None:
    values = _draft(tmp_path, PDF)
    values["active_disclosure"]["licensing"] = 0  # one 0 more than the PDF prints
    problems = invented(PDF, values)
    assert len(problems) == 1 and problems[0].endswith(" = 0"), problems


def test_zeros_under_a_printed_zero_row_are_zeros_only(tmp_path: Path) -> None:
    """洪泽 prints the 2019 row （六）其他处理 as seven 0s: its 2021 sub-rows may be 0, and only 0."""
    values = _draft(tmp_path, HONGZE)
    assert invented(HONGZE, values) == []
    values["applications"]["other_handling"]["no_correction"]["person"] = 4321
    assert invented(HONGZE, values) == ["applications.other_handling.no_correction.person = 4321"]
