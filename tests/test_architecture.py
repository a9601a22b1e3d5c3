"""The package's boundaries ([tool.importlinter] in pyproject.toml) hold, and the contract can fail.

`make test` runs `lint-imports` on the package; here the same contracts are run
on a copy of the package with one forbidden import added, to show they catch it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(package_parent: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), str(REPO / "pyproject.toml"), "--no-cache"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _copy(tmp_path: Path) -> Path:
    parent = tmp_path / "src"
    shutil.copytree(REPO / "macros" / "nianbao", parent / "nianbao", ignore=shutil.ignore_patterns("__pycache__"))
    return parent


def test_the_package_keeps_its_contracts(tmp_path: Path) -> None:
    done = _lint(_copy(tmp_path), tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("model/labels.py", "import mkdocs.config", "Only the engine imports MkDocs"),
        ("model/figures.py", "from nianbao.site import render", "The pipeline runs one way"),
        ("importer/values.py", "from nianbao.site import pages", "The pipeline runs one way"),
        ("model/checks/rule.py", "from nianbao.model import pipeline", "No import cycles"),
    ],
)
def test_a_forbidden_import_breaks_the_contract(tmp_path: Path, module: str, line: str, contract: str) -> None:
    parent = _copy(tmp_path)
    target = parent / "nianbao" / module
    # Under TYPE_CHECKING for the cycle: an import made only for type checking counts too.
    addition = f"\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    {line}\n" if "cycles" in contract else f"\n{line}\n"
    target.write_text(target.read_text(encoding="utf-8") + addition, encoding="utf-8")
    done = _lint(parent, tmp_path)
    assert done.returncode != 0
    assert f"{contract}" in done.stdout and "BROKEN" in done.stdout, done.stdout
