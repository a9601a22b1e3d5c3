"""Where `nianbao new`, `new-agency` and `import` may write: inside data/, never through a link.

The no-overwrite guards asked `exists()`, which is False for a dangling
symbolic link: writing to it created the file wherever the link pointed,
outside the repository. Every part of the path below data/ is checked with
`lstat` semantics (`is_symlink`), and a part that should be a folder but is a
file is named instead of failing with a traceback.
"""

from __future__ import annotations

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
