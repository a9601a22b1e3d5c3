"""Helpers for the checks tests: a data tree in a temp dir, and `nianbao check` run in-process.

The baseline fixtures in tests/fixtures/checks/ pass every check; a test
mutates one thing with `edit` and asserts the exact lines `nianbao check`
prints and its exit status.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from nianbao import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "checks"
AGENCY_ID = "ceshi-jyj"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def edit(text: str, *changes: tuple[str, str]) -> str:
    """Replace each `old` (which must occur exactly once) by `new`."""
    for old, new in changes:
        assert text.count(old) == 1, f"expected exactly one {old!r}"
        text = text.replace(old, new)
    return text


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Files under root/data/, by path relative to data/."""
    for rel, content in files.items():
        path = root / "data" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (root / "data").mkdir(parents=True, exist_ok=True)
    return root


def agency_tree(root: Path, **reports: str) -> Path:
    """The test agency with the given reports, e.g. agency_tree(p, r2021=text)."""
    files: dict[str, str | bytes] = {f"{AGENCY_ID}/agency.yaml": fixture("agency.yaml")}
    for key, text in reports.items():
        files[f"{AGENCY_ID}/{key.lstrip('r')}.yaml"] = text
    return write_tree(root, files)


@dataclass
class Run:
    status: int
    lines: list[str]  # stdout: one line per finding
    summary: str  # stderr


def check(root: Path, *args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(["--root", str(root), "check", *args])
    return Run(status, out.getvalue().splitlines(), err.getvalue().strip())
