"""The arithmetic rules (R3-1, R3-2, R3-3, R4-1) on a report that does not validate yet.

An imported draft keeps "待填写" in the cells the importer could not read, so
it fails validation and the rules in `checks.arithmetic` never run on it: the
clerk would learn of the original's own errors (a printed 总计 that disagrees
with its parts) only after typing every missing cell. Here each rule is
evaluated on the raw values wherever all the cells it needs are known numbers,
with the same codes, messages and fixes as `checks.arithmetic` (a test holds
the two to each other). Only archived reports, imported as published, are
checked this way, and their findings never block (as in `checks`).
"""

from __future__ import annotations

from typing import Any

from nianbao.model import arithmetic_wording as W
from nianbao.model import labels as L
from nianbao.model.codes import severity
from nianbao.model.findings import Finding
from nianbao.model.source import SourceMap

Raw = dict[str, Any]


def check(values: Raw, smap: SourceMap, rel: str, version: L.FormatVersion) -> list[Finding]:
    if values.get("status") != "archived":
        return []
    found: list[tuple[tuple[str, ...], str, str, str]] = []
    apps = values.get("applications")
    if isinstance(apps, dict):
        found += _row_totals(apps, version) + _results_total(apps, version) + _balance(apps, version)
    review = values.get("review_litigation")
    if isinstance(review, dict):
        found += _table4(review)
    findings = []
    for path, code, message, fix in found:
        pos = smap.value(path)
        findings.append(Finding(rel, pos.line, pos.col, code, severity(code), message, fix, ".".join(path), blocking=False))
    return findings


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _node(data: Raw, path: tuple[str, ...]) -> Raw | None:
    node: Any = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else None


def _known(cells: list[int | None]) -> list[int] | None:
    """The cells when every one is a number, else None (a rule needs all of its cells)."""
    known = [c for c in cells if c is not None]
    return known if len(known) == len(cells) else None


def _parts(row: Raw | None) -> list[int] | None:
    return _known([_number(row.get(k)) for k in L.T3_PARTS]) if row is not None else None


def _shown_total(row: Raw | None) -> int | None:
    """The 总计 as printed, or the sum when it is left out (as the model computes it)."""
    if row is None:
        return None
    if row.get("total") is not None:
        return _number(row["total"])
    parts = _parts(row)
    return sum(parts) if parts is not None else None


def _cell(row: Raw | None, key: str) -> int | None:
    if row is None:
        return None
    return _shown_total(row) if key == "total" else _number(row.get(key))


def _outcome_paths(version: L.FormatVersion) -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    for outcome in L.T3_OUTCOMES[version]:
        if isinstance(outcome, L.Group):
            paths.extend((outcome.key, item.key) for item in outcome.items)
        else:
            paths.append((outcome.key,))
    return paths


def _column_sum(apps: Raw, version: L.FormatVersion, key: str) -> int | None:
    """One column of （一）…（六） added up: the computed （七）总计."""
    cells = _known([_cell(_node(apps, path), key) for path in _outcome_paths(version)])
    return sum(cells) if cells is not None else None


Found = list[tuple[tuple[str, ...], str, str, str]]


def _row_totals(apps: Raw, version: L.FormatVersion) -> Found:
    """R3-3: a printed 总计 against the six applicant columns of its row."""
    found: Found = []
    for row in L.table3_rows(version):
        values = _node(apps, row.path)
        parts = _parts(values)
        total = _number(values.get("total")) if values is not None else None
        if parts is None or total is None or total == sum(parts):
            continue
        found.append((("applications", *row.path, "total"), "R3-3", *W.row_total(row.label, total, parts)))
    return found


def _results_total(apps: Raw, version: L.FormatVersion) -> Found:
    """R3-2: the printed （七）总计 against （一）…（六）, column by column."""
    total = _node(apps, ("total",))
    if total is None:
        return []
    found: Found = []
    for key, label in L.T3_COLUMNS.items():
        written, expected = _cell(total, key), _column_sum(apps, version, key)
        if written is None or expected is None or written == expected:
            continue
        found.append((("applications", "total", key), "R3-2", *W.results_total(label, written, expected)))
    return found


def _balance(apps: Raw, version: L.FormatVersion) -> Found:
    """R3-1: 一 + 二 = （七）总计 + 四, in each column whose four cells are known."""
    total = _node(apps, ("total",))
    found: Found = []
    for key, label in L.T3_COLUMNS.items():
        a, b = _cell(_node(apps, ("received",)), key), _cell(_node(apps, ("carried_over",)), key)
        c = _cell(total, key) if total is not None else _column_sum(apps, version, key)
        d = _cell(_node(apps, ("carried_forward",)), key)
        if a is None or b is None or c is None or d is None or a + b == c + d:
            continue
        found.append((("applications", "carried_forward", key), "R3-1", *W.balance(label, a, b, c, d)))
    return found


def _table4(review: Raw) -> Found:
    """R4-1: each printed 总计 of table 四 against its four outcomes."""
    found: Found = []
    for key, label in L.T4_GROUPS.items():
        group = _node(review, (key,))
        if group is None:
            continue
        parts = _known([_number(group.get(k)) for k in L.T4_PARTS])
        total = _number(group.get("total"))
        if total is None or parts is None or total == sum(parts):
            continue
        found.append((("review_litigation", key, "total"), "R4-1", *W.table4_total(label, total, sum(parts))))
    return found
