"""Writing a draft into data/: whole or not at all, never over an existing file by accident.

Each file is written to a temporary file beside its target and then linked
(new file) or renamed (--force) into place, so an interrupted import leaves no
0-byte `2020.yaml` that a rerun would refuse to overwrite, and two imports of
the same agency and year running at once cannot both win. A folder this write
created is removed again when the write fails.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from nianbao.importer.notes import ImportProblem


def write_file(target: Path, text: str, overwrite: bool, shown: str) -> bool:
    """Write `text` to `target`; False when the target exists and `overwrite` is off."""
    created = _make_folders(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if target.is_symlink():
            raise ImportProblem(f"{shown} 是符号链接，不会通过它写入；请删除这个链接后再导入")
        if overwrite:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)  # fails when the target exists, even when it appeared a moment ago
            except FileExistsError:
                return False
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if not target.exists():  # failed or interrupted: the folders made for it go too
            _remove_created(created)


def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; the ones created, deepest first."""
    created: list[Path] = []
    current = folder
    while not current.exists():
        created.append(current)
        current = current.parent
    for path in reversed(created):
        with contextlib.suppress(FileExistsError):
            path.mkdir()
    return created


def _remove_created(created: list[Path]) -> None:
    for path in created:
        with contextlib.suppress(OSError):  # not empty: another import wrote into it meanwhile
            path.rmdir()
