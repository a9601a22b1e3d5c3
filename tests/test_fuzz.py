"""Fuzzing the loader and `nianbao check` over mutated sample files (issue 16), and what check accepts.

Properties, for every mutant (see `mutants`):
- `nianbao check` returns 0 or 1, never a traceback, within the deadline;
- every line it prints is one finding, on one line, naming file:line:col, in Chinese;
- check passes ⇒ every page body renders and every export (JSON, CSV, XLSX,
  Word) builds: what check accepts, the build must accept.

`make test` runs a small budget with a fixed seed (derandomized: the same
mutants every run, a few seconds); `make fuzz` runs thousands of random ones
(NIANBAO_FUZZ=1). `test_accepted_mutants_build_with_mkdocs` runs one real
`mkdocs build --strict` over a few accepted mutants.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkrun import AGENCY_ID, check, write_tree
from conftest import make_project, run_build
from mutants import mutant
from nianbao.downloads import new_build
from nianbao.model.pipeline import build_portal
from nianbao.site.pages import portal_pages

LONG = os.environ.get("NIANBAO_FUZZ") == "1"
FUZZ = settings(
    max_examples=3000 if LONG else 120,
    derandomize=not LONG,  # make test: a fixed seed, the same mutants every run
    deadline=5000,  # ms for one mutant: a hang or a blow-up fails the property
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LINE = re.compile(r"data/[^\n]+?:\d+:\d+: (错误|警告)(（历史报告，不阻止发布）)? \[[A-Z0-9-]+\] [^\n]+")
HAN = re.compile(r"[\u4e00-\u9fff]")
SUMMARY = re.compile(r"检查了 \d+ 份报告：\d+ 个错误，\d+ 个警告(；\d+ 个文件因错误未能读取)?。")


def _accepted_and_built(root: Path) -> bool:
    """Check the tree; when it passes, render every page and build every export (raises on failure)."""
    run = check(root)
    assert run.status in (0, 1), run
    for line in run.lines:
        assert LINE.fullmatch(line), line
        assert HAN.search(line.split("] ", 1)[1]), line  # a Chinese sentence, never only a parser's English
    assert SUMMARY.fullmatch(run.summary), run.summary
    portal = build_portal(root / "data", root)
    assert portal.blocked == (run.status == 1)
    if portal.blocked:
        return False
    build = new_build(portal)
    for page in portal_pages(build):
        page.body()
    for download in build.all_downloads():
        assert download.build(), download.path
    return True


@FUZZ
@given(mutant())
def test_check_never_fails_on_a_mutant_and_what_it_accepts_builds(files: dict[str, str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _accepted_and_built(write_tree(Path(tmp), files))


def test_accepted_mutants_build_with_mkdocs(tmp_path: Path) -> None:
    # A few mutants check accepts, each as its own agency in one project, through a real strict build.
    accepted: list[dict[str, str | bytes]] = []

    @settings(max_examples=200, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutant())
    def collect(files: dict[str, str | bytes]) -> None:
        if len(accepted) < 3:
            with tempfile.TemporaryDirectory() as tmp:
                if _accepted_and_built(write_tree(Path(tmp), files)):
                    accepted.append(files)

    collect()
    assert accepted, "no mutant passed check: the corpus no longer exercises the build"
    project_files: dict[str, str | bytes] = {}
    for i, files in enumerate(accepted):
        for rel, content in files.items():
            project_files["data/" + rel.replace(AGENCY_ID, f"{AGENCY_ID}-{i}", 1)] = content
    build = run_build(make_project(tmp_path / "p", project_files), tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output


def test_the_fixed_seed_corpus_reaches_both_outcomes() -> None:
    # The property above is only worth its budget if the mutants are both refused and accepted.
    outcomes: set[bool] = set()

    @settings(max_examples=40, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutant())
    def collect(files: dict[str, str | bytes]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            root = write_tree(Path(tmp), files)
            outcomes.add(check(root).status == 0)

    collect()
    assert outcomes == {True, False}


_ = st  # strategies are composed in `mutants`
