"""The portal's nav (mkdocs.yml) without the 报送进度 pages when they are not published.

The sample's mkdocs.yml lists `报送进度: progress.md`. With `progress: internal`
that page is not built, and MkDocs would warn in English that the nav points at
a missing file (and --strict would stop the build): a maintainer switching to
internal should not also have to edit the nav.
"""

from __future__ import annotations

from typing import Any

from nianbao.urls import PROGRESS_URL, src_uri

_PAGE = src_uri(PROGRESS_URL)  # progress.md
_FOLDER = PROGRESS_URL  # progress/2025.md, progress/2025/… (a portal may list a year's page)


def _is_progress(target: Any) -> bool:
    if not isinstance(target, str):
        return False
    path = target.strip().lstrip("/")
    return path == _PAGE or path.startswith(_FOLDER)


def without_progress(nav: Any) -> Any:
    """The nav with every entry that points at a 报送进度 page left out (and a section left empty by that)."""
    if not isinstance(nav, list):
        return nav  # None (MkDocs builds the nav itself) or a shape MkDocs will report on
    kept = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, target),) = item.items()
            if isinstance(target, list):
                children = without_progress(target)
                if children or not target:
                    kept.append({title: children})
                continue
            if _is_progress(target):
                continue
        elif _is_progress(item):
            continue
        kept.append(item)
    return kept
