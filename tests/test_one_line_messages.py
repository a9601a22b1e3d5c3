"""Every message that quotes data quotes it on one line, escaped (issue 16).

A line break in a quoted value or a file name split one finding over several
lines, and in `mkdocs build`'s log GitHub Actions read "::warning ...::" and
"::stop-commands::" on the next line as workflow commands.
"""

from __future__ import annotations

import re
from pathlib import Path

from checkrun import AGENCY_ID, check, edit, fixture, write_tree
from conftest import make_project, run_build

A = fixture("agency.yaml")
R = fixture("2021.yaml")
INJECTION = "x\n::warning file=README.md,line=1::INJECTED\n::stop-commands::abc"
LINE = re.compile(r"data/.+:\d+:\d+: (错误|警告) \[[A-Z0-9-]+\] ")
# An unknown key, quoted in the message, and a file name, both holding line breaks.
BAD_KEY = edit(R, ("year: 2021\n", 'year: 2021\n"x\\n::warning file=README.md,line=1::INJECTED\\n::stop-commands::abc": 1\n'))
FILES: dict[str, str | bytes] = {f"{AGENCY_ID}/agency.yaml": A, f"{AGENCY_ID}/2021.yaml": BAD_KEY, f"{AGENCY_ID}/{INJECTION}.yaml": R}


def test_check_prints_each_finding_on_one_line(tmp_path: Path) -> None:
    run = check(write_tree(tmp_path, FILES))
    assert run.status == 1
    assert len(run.lines) == 2
    for line in run.lines:
        assert LINE.match(line), line
    assert "::warning file=README.md,line=1::INJECTED\\n::stop-commands::abc" in run.lines[0]


def test_github_format_escapes_the_file_name_too(tmp_path: Path) -> None:
    run = check(write_tree(tmp_path, FILES), "--format", "github")
    assert len(run.lines) == 2
    for line in run.lines:
        assert re.match(r"::error file=[^,:]*,line=\d+,col=\d+,title=[A-Z0-9-]+::", line), line


def test_the_build_log_never_starts_a_line_with_data(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {f"data/{k}": v for k, v in FILES.items()})
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "Traceback" not in build.output
    lines = build.output.splitlines()
    assert [line for line in lines if "INJECTED" in line and "nianbao: data/" not in line] == []
    assert [line for line in lines if line.lstrip().startswith("::")] == []
