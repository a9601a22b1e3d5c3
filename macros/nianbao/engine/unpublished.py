"""Theme assets the portal does not publish.

With Material's own search off (the portal uses Pagefind), its lunr search
worker and language files are dead weight, and source maps serve no visitor;
some of these files also name foreign hosts. They are dropped from the build.
"""

from __future__ import annotations

from collections.abc import Iterable

UNUSED_PREFIXES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
UNUSED_SUFFIXES = (".map",)
MATERIAL_SEARCH = ("search", "material/search")


def material_search_on(plugin_names: Iterable[str]) -> bool:
    return any(name in MATERIAL_SEARCH for name in plugin_names)


def unused(src_uri: str, material_search: bool) -> bool:
    """True for a theme file the built site never loads."""
    if src_uri.endswith(UNUSED_SUFFIXES):
        return True
    return not material_search and src_uri.startswith(UNUSED_PREFIXES)
