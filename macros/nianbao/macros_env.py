"""mkdocs-macros module: exposes the core's page bodies as the `nianbao_page` macro."""

from __future__ import annotations

from typing import Any

from .guide import codes_markdown


def define_env(env: Any) -> None:
    @env.macro
    def nianbao_page(uri: str) -> str:
        """The rendered body of a generated page (HTML, data already escaped)."""
        return str(env.conf["plugins"]["nianbao"].render_page(uri))

    @env.macro
    def nianbao_codes() -> str:
        """The clerks' error list in docs/guide/editing.md, generated from the code registry."""
        return codes_markdown()
