"""mkdocs-macros module: exposes the core's page bodies as the `nianbao_page` macro."""

from __future__ import annotations

from typing import Any

from nianbao.site.guide import codes_markdown

# The Markdown of every generated page: one text, compiled once (see NianbaoPlugin.on_files).
PAGE_SOURCE = "{{ nianbao_page() }}\n"


def define_env(env: Any) -> None:
    @env.macro
    def nianbao_page() -> str:
        """Where the generated page's body goes: the core renders it (HTML, data escaped) as the page is written."""
        return str(env.conf["plugins"]["nianbao"].render_page(env.page.file.src_uri))

    @env.macro
    def nianbao_codes() -> str:
        """The clerks' error list in docs/guide/editing.md, generated from the code registry."""
        return codes_markdown()
