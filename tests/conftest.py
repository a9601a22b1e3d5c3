"""Shared fixtures: the repository, scenario mini-sites and site builds.

Builds run MkDocs in a subprocess exactly as a maintainer would, always into
temporary directories, so tests never touch the repository's own site/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

# The browser fixtures (one Chromium per session) for every browser test module.
pytest_plugins = ("browser_harness",)

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
MKDOCS = Path(sys.executable).parent / "mkdocs"
EPOCH = "1700000000"


@dataclass
class Build:
    returncode: int
    output: str  # stdout and stderr together, as a maintainer sees them
    site: Path


def missing(what: str, packages: str) -> None:
    """A tool a test needs is not installed: skip with the reason in Chinese locally, fail in CI.

    `make deps` (.ci/deps) installs every one of them; the reason says so, and which package it is.
    """
    reason = f"{what} 未安装，本测试跳过（运行 make deps 一次安装全部测试工具；或单独安装：{packages}）"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}；CI 中不允许跳过。")
    print(reason)
    pytest.skip(reason)


def run_build(project: Path, site: Path) -> Build:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def make_project(root: Path, files: dict[str, str | bytes] | None = None, with_data: bool = False) -> Path:
    """A scenario mini-site: the repository's config, docs and theme, with the given data files."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(REPO / "assessment.yaml", root / "assessment.yaml")  # mkdocs.yml names the sample's rulepack
    shutil.copytree(REPO / "docs", root / "docs")
    if with_data:
        shutil.copytree(REPO / "data", root / "data")
    (root / "data").mkdir(exist_ok=True)
    for rel, content in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own portal, built once per test session."""
    out = tmp_path_factory.mktemp("repo-site")
    build = run_build(REPO, out / "site")
    assert build.returncode == 0, build.output
    return build


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
