"""Read plain values from mkdocs.yml without MkDocs (ownership, preview).

mkdocs.yml may hold tags such as `!ENV` or `!!python/name:`; they read as None
here, which is enough for the plain settings these callers need.
"""

from __future__ import annotations

from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    pass


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_Loader.add_multi_constructor("!", _any_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read_config(text: str) -> dict[str, Any]:
    """The top-level mapping of a mkdocs.yml (empty when the file holds none); raises yaml.YAMLError."""
    values = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    return values if isinstance(values, dict) else {}


def lookup(config: dict[str, Any], *keys: str) -> Any:
    """config['extra']['nianbao'][...] without failing on missing levels."""
    node: Any = config
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node
