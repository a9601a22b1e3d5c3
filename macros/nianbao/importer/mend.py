"""Row labels put back together before rows are read: wrapped lines and vertical group labels.

Copied text (from a PDF above all) breaks a long label over lines
("（二）部分公开（区分处理的，只计这一情" / "形，不计其他情形） 3 0 0 0 0 0 3"),
sometimes with the figures between the two parts, and prints a vertical group
label one character per line ("本" / "年" / "度" …), alone or run into a row
label ("本（一）予以公开"). Fragments are joined only when the whole is a
label and the parts are not; a lone character is dropped only when it is no
label itself. Cells of a real table (web page, Word, tab- or |-separated
rows) have their own boundaries and are left alone. Nothing here reads a
figure: a wrong join can only fail to match, which leaves the row's cells
待填写, never moves a figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nianbao.importer.document import Cell
from nianbao.importer.notes import Note
from nianbao.importer.values import is_valueish

Stream = list[Cell | None]
_PUNCT = re.compile(r"[\s、，,。.．:：()（）]")
_MAX_PARTS = 4  # a label wraps over at most this many lines in the reports seen


def _lone_character(text: str) -> bool:
    """One character of a vertical label, e.g. "本" or "三、"."""
    bare = _PUNCT.sub("", text)
    if not bare:
        return bool(text.strip()) and len(text.strip()) <= 2  # "、" of "三、" on its own line
    return len(bare) == 1 and "\u4e00" <= bare <= "\u9fff"


def mend(stream: Stream, known: Callable[[str], bool]) -> tuple[Stream, list[Note]]:
    """`known(text)`: the text is a row, group, column or header label of this table."""
    items = list(stream)
    out: Stream = []
    dropped: list[Cell] = []
    joined: list[tuple[Cell, str]] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item is None or item.grid or is_valueish(item.text) or not item.text.strip() or known(item.text):
            out.append(item)
            i += 1
            continue
        if _lone_character(item.text):
            dropped.append(item)
            i += 1
            continue
        glued = _unglue(item, known)
        if glued is not None:
            dropped.append(Cell(item.text.strip().replace(glued.text, ""), item.where))
            out.append(glued)
            i += 1
            continue
        label, used = _join_following(items, i, known)
        if label is None:
            label, used = _join_after_figures(items, i, known)
        if label is not None:
            joined.append((label, "”“".join(items[k].text for k in used if items[k] is not None)))  # type: ignore[union-attr]
            out.append(label)
            out.extend(items[k] for k in range(i + 1, max(used) + 1) if k not in used and not _is_lone(items[k]))
            i = max(used) + 1
            continue
        out.append(item)
        i += 1
    notes = [Note("tolerated", cell.where, f"“{parts}”是折行的标签，合并为“{cell.text}”读取") for cell, parts in joined]
    if dropped:
        chars = "".join(_PUNCT.sub("", c.text) for c in dropped)
        notes.append(Note("tolerated", dropped[0].where, f"表格中逐字成行的竖排文字“{chars}”（分组标签）已略过"))
    return out, notes


def _is_lone(item: Cell | None) -> bool:
    return item is not None and _lone_character(item.text)


def _unglue(item: Cell, known: Callable[[str], bool]) -> Cell | None:
    label = _as_label(item.text, known)
    return Cell(label, item.where, item.grid) if label is not None else None


def _as_label(text: str, known: Callable[[str], bool]) -> str | None:
    """The text as a label: whole, or without a vertical label's character run into it
    ("本（一）予以公开", "（一）予以公开 本")."""
    text = text.strip()
    if known(text):
        return text
    for rest, char in ((text[1:], text[:1]), (text[:-1], text[-1:])):
        if _lone_character(char) and known(rest.strip()):
            return rest.strip()
    return None


def _join_following(items: Stream, start: int, known: Callable[[str], bool]) -> tuple[Cell | None, list[int]]:
    """The label wrapped over the next lines, vertical characters between them skipped."""
    first = items[start]
    assert first is not None
    text, used = first.text.strip(), [start]
    k = start + 1
    while k < len(items) and len(used) < _MAX_PARTS:
        nxt = items[k]
        if nxt is None or nxt.grid or is_valueish(nxt.text):
            break
        if _lone_character(nxt.text):
            k += 1
            continue
        if known(nxt.text):
            break
        text += nxt.text.strip()
        used.append(k)
        label = _as_label(text, known)
        if label is not None:
            return Cell(label, first.where, first.grid), used
        k += 1
    return None, []


def _join_after_figures(items: Stream, start: int, known: Callable[[str], bool]) -> tuple[Cell | None, list[int]]:
    """The label's first part, its figures, then the rest of the label on the next line."""
    first = items[start]
    assert first is not None
    k = start + 1
    while k < len(items) and items[k] is not None and is_valueish(items[k].text):  # type: ignore[union-attr]
        k += 1
    if k == start + 1 or k >= len(items) or items[k] is None:
        return None, []
    rest = items[k]
    assert rest is not None
    if rest.grid or known(rest.text) or _lone_character(rest.text):
        return None, []
    label = _as_label(first.text.strip() + rest.text.strip(), known)
    if label is not None:
        return Cell(label, first.where, first.grid), [start, k]
    return None, []
