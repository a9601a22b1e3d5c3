"""One place for each fact: the model's field titles are the labels of `labels`, and agree with them.

The JSON Schema (and so the editor's Chinese hints) shows these titles; the
pages, tables and exports show `labels`. Were a title typed a second time, the
two could drift apart; these tests fail when they do.
"""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from nianbao.model import labels as L
from nianbao.model.checks.disclosure import DOCUMENT_ROWS, ITEM_ROWS
from nianbao.model.documents import REPORT_MODELS, ApplicantRow, Outcomes, ReviewLitigation


def _title(model: type[BaseModel], key: str) -> str | None:
    return model.model_fields[key].title


def _submodel(model: type[BaseModel], key: str) -> type[BaseModel]:
    annotation = model.model_fields[key].annotation
    assert isinstance(annotation, type) and issubclass(annotation, BaseModel), (model, key)
    return annotation


@pytest.mark.parametrize("version", L.FORMAT_VERSIONS)
def test_table_2_titles_are_the_labels(version: L.FormatVersion) -> None:
    table = _submodel(REPORT_MODELS[version], "active_disclosure")
    for block in L.TABLE2[version].blocks:
        for line in block.lines:
            title = _title(table, line.key)
            assert title is not None and title.startswith(line.label), (line, title)
            if block.columns[0].key is None:  # a 2021 row with one unnamed column: its label in brackets
                assert title == f"{line.label}（{block.columns[0].label.replace('（', '，').replace('）', '')}）"
                continue
            assert title == line.label
            row = _submodel(table, line.key)
            assert {c.key: _title(row, c.key) for c in block.columns} == {c.key: c.label for c in block.columns}


def test_table_3_and_4_titles_are_the_labels() -> None:
    assert {k: _title(ApplicantRow, k) for k in L.T3_COLUMNS} == L.T3_COLUMNS
    assert {k: _title(Outcomes, k) for k in L.T4_COLUMNS} == L.T4_COLUMNS
    assert _title(ReviewLitigation, "review") == L.T4_GROUPS["review"]
    for key in ("litigation_direct", "litigation_after_review"):
        assert _title(ReviewLitigation, key) == f"{L.T4_LITIGATION}：{L.T4_GROUPS[key]}"


@pytest.mark.parametrize("version", L.FORMAT_VERSIONS)
def test_table_3_row_titles_are_the_labels(version: L.FormatVersion) -> None:
    apps = _submodel(REPORT_MODELS[version], "applications")
    for outcome in L.T3_OUTCOMES[version]:
        assert _title(apps, outcome.key) == outcome.label
        if isinstance(outcome, L.Group):
            group = _submodel(apps, outcome.key)
            assert {i.key: _title(group, i.key) for i in outcome.items} == {i.key: i.label for i in outcome.items}


def test_table_2_rule_rows_come_from_the_layout() -> None:
    # R2-3 and RY-2..4 read the rows that have 本年增/减 and the rows of documents.
    assert tuple(ln.key for b in L.TABLE2["2019"].blocks if any(c.label == "本年增/减" for c in b.columns) for ln in b.lines) == ITEM_ROWS
    assert tuple(ln.key for ln in L.TABLE2["2021"].blocks[0].lines) == DOCUMENT_ROWS
    assert set(DOCUMENT_ROWS) <= set(L.table2_row_labels("2019"))
