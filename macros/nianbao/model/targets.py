"""Where `nianbao new`, `new-agency`, `import` and `export --docx` may write, and writing there whole.

The no-overwrite guards asked `exists()`, which is False for a dangling
symbolic link: writing to it created the file wherever the link pointed,
outside the repository. Every part of the path below data/ is checked with
`lstat` semantics (`is_symlink`), and a part that should be a folder but is a
file is named instead of failing with a traceback.

A file is written to a temporary file beside its target and then linked (a new
file) or renamed (overwriting) into place, so an interrupted command leaves no
0-byte `2020.yaml` that a rerun would refuse to overwrite, two commands writing
the same file at once cannot both win, and a link at the target is replaced,
never written through. A folder the write created is removed again when it fails.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def unsafe_target(target: Path, data_dir: Path) -> str | None:
    """Why target (a path under data_dir) must not be written; None when it may be."""
    root = data_dir.parent
    current = data_dir
    for part in target.relative_to(data_dir).parts:
        current = current / part
        shown = _show(current, root)
        if current.is_symlink():
            return f"{shown} 是符号链接，不会通过它写入（请删除这个链接，数据文件夹中只放真实的文件和文件夹）"
        if current != target and current.exists() and not current.is_dir():
            return f"{shown} 已存在但不是文件夹（请删除或改名这个文件）"
    if target.exists() and not target.is_file():
        return f"{_show(target, root)} 已存在但不是普通文件（请删除或改名）"
    return None


def _show(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _file_mode() -> int:
    """What open() would give a new file: rw for all, less the umask (mkstemp makes its files rw------)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_whole(target: Path, data: bytes, *, overwrite: bool) -> bool:
    """Write `data` to `target`, whole or not at all; False when the target exists and `overwrite` is off."""
    created = _make_folders(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _file_mode())
            handle.write(data)
        if overwrite:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)  # fails when the target exists, even when it appeared a moment ago
            except FileExistsError:
                return False
        return True
    finally:  # Ctrl-C included: no temporary file is left behind
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
        with contextlib.suppress(OSError):  # not empty: another command wrote into it meanwhile
            path.rmdir()
