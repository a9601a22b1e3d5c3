"""Prose: the one shape report text takes — paragraphs, and at most simple lists.

Data is never markup: a line is a paragraph, lines starting "- " or "* " make a
list. The site and the Word document both lay text out from these blocks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    kind: str  # "p" or "ul"
    items: tuple[str, ...]


def prose(text: str | None) -> list[Block]:
    """Plain text to paragraphs and simple lists: each line is a paragraph, '- ' lines a list."""
    blocks: list[Block] = []
    items: list[str] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if line.startswith(("- ", "* ")):
            items.append(line[2:].strip())
            continue
        if items:
            blocks.append(Block("ul", tuple(items)))
            items = []
        if line:
            blocks.append(Block("p", (line,)))
    if items:
        blocks.append(Block("ul", tuple(items)))
    return blocks
