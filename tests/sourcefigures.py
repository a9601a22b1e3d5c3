"""The no-invented-figure checker: every figure of a draft must be a number printed in its source.

For a PDF the source text comes from pypdfium2 (Google's PDFium), a library
the importer does not use (it reads PDFs with pdfplumber/pdfminer), so a bug
in the importer's PDF reading cannot also hide in the check. Text, HTML and
Word sources are read by the importer's readers, which do no more than decode
the file. Figures are compared as a multiset: a draft may not use a printed
number more often than the source prints it. A figure in 万元 converted from a
cell in 元 is found as itself × 10 000.

Zeros: for a PDF every 0, too, must be printed. The one exception is a rule
of the national format the checker applies itself: a 2021-format draft of a
source that prints the 2019 row "（六）其他处理" as seven 0s may hold 0 in the
three 2021 sub-rows (non-negative cells under a zero parent), and those seven
printed 0s are used up by it. In text, HTML and Word sources a blank, "-" or
"/" cell is read as 0 and has no digit to find, so zeros are not compared there.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdfium2

from nianbao.importer.document import Table
from nianbao.importer.run import read_document

# A sign only where it stands alone before the number ("-2"), not in "0791-8888".
NUMBER = re.compile(r"(?<![\d.])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
TABLES = ("active_disclosure", "applications", "review_litigation")
ZERO = Decimal(0)
# The 2019 row printed whole and all zero, e.g. "（六）其他处理 0 0 0 0 0 0 0"
ZERO_OTHER_HANDLING = re.compile(r"[（(]六[）)]\s*其他处理\s+0(?:\s+0){6}(?![\d.])")
OTHER_HANDLING_ROWS = "applications.other_handling."


def source_text(path: Path) -> str:
    if path.suffix.lower() == ".pdf":
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        finally:
            pdf.close()
    doc = read_document(path)
    return "\n".join(b.text() if isinstance(b, Table) else b.text for b in doc.blocks)


def source_numbers(text: str) -> Counter[Decimal]:
    found: Counter[Decimal] = Counter()
    for token in NUMBER.findall(text):
        found[Decimal(token.replace(",", "").replace("−", "-")).normalize()] += 1
    return found


def draft_figures(values: dict[str, Any], zeros: bool) -> list[tuple[str, Decimal]]:
    """(field path, figure) of every figure in tables 二, 三 and 四 (zeros only when asked)."""
    out: list[tuple[str, Decimal]] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, (int, float, Decimal)) and not isinstance(node, bool) and (zeros or node != 0):
            out.append((path, Decimal(str(node)).normalize()))

    for table in TABLES:
        walk(values.get(table), table)
    return out


def invented(path: Path, values: dict[str, Any]) -> list[str]:
    """The draft's figures the source does not print (or prints fewer times), in words."""
    text = unicodedata.normalize("NFKC", source_text(path))
    pdf = path.suffix.lower() == ".pdf"
    available = source_numbers(text)
    figures = draft_figures(values, zeros=pdf)
    other = (values.get("applications") or {}).get("other_handling")
    split_rows = isinstance(other, dict) and all(isinstance(v, dict) for v in other.values())
    zero_parent = pdf and split_rows and ZERO_OTHER_HANDLING.search(unicodedata.normalize("NFKC", text)) is not None
    if zero_parent:
        available[ZERO] -= 7  # the printed parent row accounts for its sub-rows' zeros
    problems = []
    for where, figure in figures:
        if zero_parent and figure == ZERO and where.startswith(OTHER_HANDLING_ROWS):
            continue
        for candidate in (figure, (figure * 10000).normalize()):
            if available[candidate] > 0:
                available[candidate] -= 1
                break
        else:
            problems.append(f"{where} = {figure:f}")
    return problems
