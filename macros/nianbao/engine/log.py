"""The build log keeps to what matters to a maintainer: our findings, the count of pages, real warnings.

A newcomer reads every INFO line of `make serve` as a possible error. Two kinds say nothing to them:
MkDocs listing every generated page as "not included in the nav" (reports are reached through
index pages by design, DESIGN.md "Pages and URLs"), and mkdocs-macros describing its own set-up.
Both come back with `mkdocs -v`. A hand-written page left out of the nav is still listed.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

NAV_LOGGER = "mkdocs.structure.nav"
MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros.util"
_ITEM = "\n  - "


class QuietLog(logging.Filter):
    def __init__(self, generated: Collection[str]) -> None:
        super().__init__()
        self.generated = frozenset(generated)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO or logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
            return True
        if record.name == MACROS_LOGGER:
            return False
        message = record.getMessage()
        if record.name == NAV_LOGGER and _ITEM in message:
            head, *pages = message.split(_ITEM)
            left = [p for p in pages if p not in self.generated]
            if not left:
                return False
            record.msg, record.args = _ITEM.join([head, *left]), None
        return True


def quiet(generated: Collection[str]) -> None:
    """Install the filter for this build, replacing the one a previous build (`mkdocs serve`) installed."""
    for name in (NAV_LOGGER, MACROS_LOGGER):
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, QuietLog)]:
            logger.removeFilter(old)
        logger.addFilter(QuietLog(generated))
