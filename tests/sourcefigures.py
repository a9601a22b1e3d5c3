"""The no-invented-figure checker: every figure of a draft must be a number printed in its source.

The source is the text the importer's own reader extracted (`read_document`), so
every input kind it reads, PDF included, is covered the same way. Figures are
compared as a multiset: a draft may not use a printed number more often than
the source prints it. A figure in 万元 converted from a cell in 元 is found as
itself × 10 000. Zeros are not compared: a blank, "-" or "/" cell is read as 0
and has no digit to find (the importer notes each such cell instead).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from nianbao.importer.document import Table
from nianbao.importer.run import read_document

# A sign only where it stands alone before the number ("-2"), not in "0791-8888".
NUMBER = re.compile(r"(?<![\d.])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
TABLES = ("active_disclosure", "applications", "review_litigation")


def source_numbers(path: Path) -> Counter[Decimal]:
    doc = read_document(path)
    texts = [b.text() if isinstance(b, Table) else b.text for b in doc.blocks]
    found: Counter[Decimal] = Counter()
    for text in texts:
        for token in NUMBER.findall(unicodedata.normalize("NFKC", text)):
            found[Decimal(token.replace(",", "").replace("−", "-")).normalize()] += 1
    return found


def draft_figures(values: dict[str, Any]) -> list[tuple[str, Decimal]]:
    """(field path, figure) of every non-zero figure in tables 二, 三 and 四."""
    out: list[tuple[str, Decimal]] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, (int, float, Decimal)) and not isinstance(node, bool) and node != 0:
            out.append((path, Decimal(str(node)).normalize()))

    for table in TABLES:
        walk(values.get(table), table)
    return out


def invented(path: Path, values: dict[str, Any]) -> list[str]:
    """The draft's figures the source does not print (or prints fewer times), in words."""
    available = source_numbers(path)
    problems = []
    for where, figure in draft_figures(values):
        for candidate in (figure, (figure * 10000).normalize()):
            if available[candidate] > 0:
                available[candidate] -= 1
                break
        else:
            problems.append(f"{where} = {figure:f}")
    return problems
