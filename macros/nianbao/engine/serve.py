"""The preview server: MkDocs' own `serve`, with live reload, for `nianbao preview`."""

from __future__ import annotations

from mkdocs.commands.serve import serve as mkdocs_serve


def serve(config_file: str, watch: list[str], dev_addr: str) -> None:
    """Build and serve until interrupted; the plugin sees command "serve" and keeps serving on data errors."""
    mkdocs_serve(config_file=config_file, livereload=True, watch=watch, dev_addr=dev_addr, strict=False)
