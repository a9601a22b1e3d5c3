"""Builds that overlap or are killed (issue 16).

Two `mkdocs build` runs into the same site/ crashed each other
(FileNotFoundError in the download writer or Pagefind) or left a mixed site;
after a SIGKILL of the build, its download writers and Pagefind kept running
and writing. Now a second build waits for the first and both finish with a
whole site, and the children die with their build.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import EPOCH, MKDOCS, Build, make_project


def _project(tmp_path: Path) -> Path:
    # The whole sample portal: a build long enough (seconds) for the two to overlap.
    return make_project(tmp_path / "p", with_data=True)


def _env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def _digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_into_one_site_folder_both_finish_with_one_whole_site(tmp_path: Path, repo_site: Build) -> None:
    project = _project(tmp_path)
    site = tmp_path / "site"
    command = [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    # Started together: whichever reaches the site folder second finds the first building it.
    first, second = (subprocess.Popen(command, cwd=project, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2))
    outputs = [first.communicate(timeout=180)[0], second.communicate(timeout=180)[0]]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert "Traceback" not in "".join(outputs)
    assert sum("另一个构建正在写入同一个网站文件夹，等待它完成" in output for output in outputs) == 1
    assert _digest(site) == _digest(repo_site.site)  # the same bytes as one build alone


# Run in its own process: it becomes the "subreaper" of the build, so the build's children, orphaned by
# the SIGKILL, are re-parented to it and their exit status can be read (killed, or finished writing).
REAPER = textwrap.dedent(
    """
    import ctypes, json, os, signal, subprocess, sys, time
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    mkdocs, config, site, wanted = sys.argv[1:5]
    build = subprocess.Popen([mkdocs, "build", "--strict", "-f", config, "-d", site], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def children():
        found = []
        for task in os.listdir(f"/proc/{build.pid}/task"):
            with open(f"/proc/{build.pid}/task/{task}/children") as f:
                found += [int(p) for p in f.read().split()]
        return found

    def cmdline(pid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                return f.read().replace(b"\\0", b" ").decode()
        except OSError:
            return ""

    deadline = time.monotonic() + 120
    seen = []
    while time.monotonic() < deadline and build.poll() is None and not seen:
        if any(wanted in cmdline(p) for p in children()):
            # A forked writer sets its death signal first thing: let it get past that. Pagefind has it from
            # before its exec (preexec_fn) and may finish in a fraction of a second: kill at once.
            time.sleep(0.2 if wanted == "mkdocs" else 0)
            seen = [p for p in children() if wanted in cmdline(p)]  # still running: kill the build now
        time.sleep(0.005)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    statuses = {}
    while True:
        try:
            pid, status = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        if pid in seen:
            statuses[pid] = os.WTERMSIG(status) if os.WIFSIGNALED(status) else -os.WEXITSTATUS(status)
    print(json.dumps({"seen": seen, "statuses": statuses}))
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
@pytest.mark.parametrize("child", ["mkdocs", "pagefind"], ids=["download-writer", "pagefind"])
def test_the_builds_children_die_with_it(tmp_path: Path, child: str) -> None:
    project = make_project(tmp_path / "p", with_data=True)
    done = subprocess.run(
        [sys.executable, "-c", REAPER, str(MKDOCS), str(project / "mkdocs.yml"), str(tmp_path / "site"), child],
        cwd=project,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["seen"], f"no {child} child was seen running"
    # Killed by SIGKILL (9) the moment the build died, not left to finish writing (exit status 0 → 0 here).
    assert set(result["statuses"].values()) == {9}, result
