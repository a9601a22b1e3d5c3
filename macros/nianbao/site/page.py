"""A page the portal publishes: URL, title, kind, and its body rendered on demand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nianbao.urls import src_uri


@dataclass(frozen=True)
class Page:
    url: str
    title: str
    kind: str  # home | years | year | agencies | agency | report | search (others may add more)
    body: Callable[[], str]
    crumb: str = ""  # shorter label in breadcrumbs; the title when empty
    parent: str | None = None  # URL of the breadcrumb parent; found from the URL when None

    @property
    def src_uri(self) -> str:
        return src_uri(self.url)
