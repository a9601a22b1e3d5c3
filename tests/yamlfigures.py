"""The figures of a report read straight from its YAML, independently of nianbao's loader.

The export and statistics tests compare what nianbao publishes with these
numbers: plain `yaml.safe_load`, totals summed here when the file leaves them
out. Labels come from `nianbao.model.labels` (the canonical wording, tested by the
core's table tests); values never go through nianbao's model.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from nianbao.model import labels as L

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
COLS = ("person", "business", "research", "social", "legal", "other")
T4_PARTS = ("upheld", "corrected", "other", "pending")
EDGES = ("received", "carried_over", "carried_forward")

Number = int | Decimal


def num(value: Any) -> Number:
    if isinstance(value, bool):
        raise TypeError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        return int(value)  # a signed change written "+5"
    raise TypeError(f"not a number: {value!r}")


def _cells(row: dict[str, Any], parts: tuple[str, ...]) -> dict[str, Number]:
    values = {k: num(row[k]) for k in parts}
    values["total"] = num(row["total"]) if "total" in row else sum(values.values())
    return values


@dataclass(frozen=True)
class Expected:
    agency: str
    year: int
    version: str
    status: str
    figures: dict[str, Number]  # dotted model path -> number (totals as written, else summed)
    omitted_totals: frozenset[str]  # figure keys whose total the file leaves out


def expected(path: Path) -> Expected:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    year = int(raw["year"])
    version = str(raw.get("format") or ("2019" if year <= 2020 else "2021"))
    out: dict[str, Number] = {}
    omitted: set[str] = set()
    for key, value in raw["active_disclosure"].items():
        if isinstance(value, dict):
            for sub, v in value.items():
                if sub != "unit":
                    out[f"active_disclosure.{key}.{sub}"] = num(v)
        else:
            out[f"active_disclosure.{key}"] = num(value)
    apps = raw["applications"]
    rows: dict[str, dict[str, Any]] = {}
    for key, value in apps.items():
        if key == "total":
            continue
        if "person" in value:
            rows[key] = value
        else:
            rows.update({f"{key}.{sub}": v for sub, v in value.items()})
    outcome_cells = []
    for name, row in rows.items():
        cells = _cells(row, COLS)
        if "total" not in row:
            omitted.add(f"applications.{name}.total")
        if name not in EDGES:
            outcome_cells.append(cells)
        out.update({f"applications.{name}.{col}": v for col, v in cells.items()})
    if "total" in apps:
        total = _cells(apps["total"], COLS)
        if "total" not in apps["total"]:
            omitted.add("applications.total.total")
    else:
        total = {col: sum(c[col] for c in outcome_cells) for col in (*COLS, "total")}
        omitted.update(f"applications.total.{col}" for col in (*COLS, "total"))
    out.update({f"applications.total.{col}": v for col, v in total.items()})
    for group, row in raw["review_litigation"].items():
        out.update({f"review_litigation.{group}.{col}": v for col, v in _cells(row, T4_PARTS).items()})
        if "total" not in row:
            omitted.add(f"review_litigation.{group}.total")
    return Expected(path.parent.name, year, version, str(raw.get("status", "current")), out, frozenset(omitted))


def all_expected(data: Path = DATA) -> list[Expected]:
    """Every published report file: drafts (status: draft) are never in a download or a total."""
    found = [expected(p) for p in sorted(data.glob("*/[0-9][0-9][0-9][0-9].yaml"))]
    return [e for e in found if e.status != "draft"]


# --------------------------------------------------------------------------
# Labels -> model paths, for reading CSV and XLSX headers
# --------------------------------------------------------------------------

T4_ROW_LABELS = {"行政复议": "review", "行政诉讼 未经复议直接起诉": "litigation_direct", "行政诉讼 复议后起诉": "litigation_after_review"}
T3_COLUMN_KEYS = {label: key for key, label in L.T3_COLUMNS.items()}
T4_COLUMN_KEYS = {label: key for key, label in L.T4_COLUMNS.items()}


def table2_cells(version: str) -> dict[tuple[str, str], str]:
    """(row label, column label) -> dotted path, for table 二 of one format."""
    out = {}
    for block in L.TABLE2[version].blocks:  # type: ignore[index]
        for line in block.lines:
            for column in block.columns:
                out[(line.label, column.label)] = f"active_disclosure.{line.key}" + (f".{column.key}" if column.key else "")
    return out


def table3_rows(version: str) -> dict[str, str]:
    """Row label -> dotted row path, for table 三 of one format."""
    return {label: "applications." + ".".join(path) for path, label in L.table3_row_labels(version).items()}  # type: ignore[arg-type]


def wide_headers(version: str, prefix: bool = True) -> dict[str, str]:
    """Header of a whole-portal column -> dotted path, for the figures of one format."""
    out = {}
    t = ("表二 ", "表三 ", "表四 ") if prefix else ("", "", "")
    for (row, col), path in table2_cells(version).items():
        out[f"{t[0]}{row} {col}"] = path
    for row, path in table3_rows(version).items():
        for col, key in T3_COLUMN_KEYS.items():
            out[f"{t[1]}{row} {col}"] = f"{path}.{key}"
    for row, group in T4_ROW_LABELS.items():
        for col, key in T4_COLUMN_KEYS.items():
            out[f"{t[2]}{row} {col}"] = f"review_litigation.{group}.{key}"
    return out
