"""A published report read into blocks: paragraphs and tables of cells, each with its position.

Every reader (`text`, `html`, `docx`) produces a `Document`; everything after
reading works on these blocks only, so a report copied as text and the same
report saved as a web page are imported by the same code.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    text: str
    where: str
    # True for a cell of a real table row (web page, Word, tab-separated text): within its
    # row, a cell after the row label is a figure even when it cannot be read as one.
    grid: bool = False


@dataclass(frozen=True)
class Paragraph:
    text: str
    where: str
    # True for a line that was a table cell in the source (tab-separated text): never a heading.
    in_table: bool = False


@dataclass
class Table:
    """Rows of cells; a merged cell appears once, in the row where it starts."""

    rows: list[list[Cell]]
    where: str

    def text(self) -> str:
        return " ".join(c.text for row in self.rows for c in row)


Block = Paragraph | Table


@dataclass
class Document:
    source: str
    blocks: list[Block]
    notices: list[str] = field(default_factory=list)  # e.g. the encoding used
    page_title: str | None = None  # a web page's <title>, which often repeats the report's title

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]
