"""Read plain values from mkdocs.yml without MkDocs (ownership, preview, the progress settings of the CLI).

mkdocs.yml may hold tags such as `!ENV` or `!!python/name:`; they read as None
here, which is enough for the plain settings these callers need.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from nianbao.model.progress_config import ProgressConfig, ProgressConfigError, progress_config


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


def plugin_options(mkdocs_config: Mapping[str, Any]) -> dict[str, Any]:
    """The nianbao plugin's options as written in mkdocs.yml (empty when none)."""
    for entry in mkdocs_config.get("plugins") or []:
        if isinstance(entry, Mapping) and "nianbao" in entry:
            return dict(entry["nianbao"] or {})
    return {}


def progress_settings(root: Path) -> tuple[ProgressConfig, str | None]:
    """The portal's progress settings and site_url, as a build would read them; the defaults without a mkdocs.yml.

    Raises ProgressConfigError (Chinese) for a mkdocs.yml that cannot be read or settings that cannot be used.
    """
    path = root / "mkdocs.yml"
    if not path.is_file():
        return progress_config({}, root), None
    try:
        config = read_config(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ProgressConfigError(f"无法读取 {path.name}：{e}") from e
    site_url = config.get("site_url")
    return progress_config(plugin_options(config), root), site_url if isinstance(site_url, str) else None
