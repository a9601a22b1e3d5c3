"""The model's pipeline: the data tree loaded, indexed and checked into one `Portal`.

Here rather than in `portal`: the rules (`checks`) read the portal, so the
portal's own module must not call them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nianbao.model.checks import check_all
from nianbao.model.datatree import load_tree
from nianbao.model.deadlines import Deadlines
from nianbao.model.findings import sort_findings
from nianbao.model.portal import Portal, index
from nianbao.model.rates import DEFAULT_MIN_SAMPLE


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the portal is built.

    Loading makes about 400 objects a report (YAML nodes, values, models),
    almost all kept and none in cycles; every collector pass walks the whole
    growing heap, which cost more than the loading itself (1.1 against 2.4
    ms a report at 2,500 reports). Whatever cycles there are wait for the
    next pass after this one.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_portal(
    data_dir: Path,
    root: Path | None = None,
    follow_links: bool = False,
    with_drafts: bool = False,
    deadlines: Deadlines | None = None,
    min_sample: int = DEFAULT_MIN_SAMPLE,
) -> Portal:
    """Load, check and index the whole data tree (symbolic links in it refused unless follow_links: see `datatree`).

    Drafts are held apart from the published reports unless `with_drafts` (a preview shows them).
    """
    root = root or data_dir.parent
    with _collector_paused():
        loaded = load_tree(data_dir, root, follow_links)
        portal = index(loaded, root, loaded.findings, with_drafts, deadlines)
        portal.min_sample = min_sample
        portal.findings = sort_findings([*portal.findings, *check_all(portal)])
        # The portal is read until the process ends (a build, an export): keep later collector
        # passes, while pages are rendered, from walking it again and again. Frozen before the
        # collector resumes, or its first pass would walk all of it once more. It holds no
        # cycles, so reference counting still frees it if it is dropped (a preview's rebuild).
        gc.freeze()
    return portal
