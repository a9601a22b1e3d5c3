"""What `make serve` watches besides docs/ and mkdocs.yml: the data folder and the rulepack (assessment.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from conftest import make_project


class Server:
    """Stands in for MkDocs' LiveReloadServer: records what the plugin asks it to watch."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def watch(self, path: str, *args: Any, **kwargs: Any) -> None:
        self.paths.append(path)


def _watched(project: Path) -> set[Path]:
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["nianbao"]
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    server = Server()
    plugin.on_serve(server, config=config, builder=None)
    return {Path(p) for p in server.paths}


def test_serve_watches_the_data_folder_and_the_rulepack(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    assert _watched(project) == {project / "data", project / "assessment.yaml"}


def test_a_rulepack_named_in_the_settings_is_the_one_watched(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "rules").mkdir()
    (project / "assessment.yaml").rename(project / "rules" / "kaohe.yaml")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("assessment: assessment.yaml", "assessment: rules/kaohe.yaml")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert _watched(project) == {project / "data", project / "rules" / "kaohe.yaml"}


def test_without_a_rulepack_only_the_data_is_watched(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "assessment.yaml").unlink()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("      assessment: assessment.yaml\n", "")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert _watched(project) == {project / "data"}
