"""The README's two commands work as written (make test is what CI runs; make serve is tried here)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_names_exactly_two_setup_commands() -> None:
    block = re.search(r"## 开始使用.*?```bash\n(.*?)```", README, re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["make serve", "make test"]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_readme_says_how_to_install_what_the_tests_need() -> None:
    """A fresh machine: one command installs every tool the tests would otherwise skip for (issue 18, item 19)."""
    assert "`make deps`" in README
    for needed in ("apt-get install chromium", "npm ci --prefix tests/browser", "libreoffice-writer-nogui poppler-utils fonts-noto-cjk"):
        assert needed in README
        assert needed.split()[-1] in (REPO / ".ci" / "deps").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^deps:.*\n\t\.ci/deps$", makefile, re.M)
    assert ".ci/deps" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert os.access(REPO / ".ci" / "deps", os.X_OK)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_make_serve_serves_the_sample_portal() -> None:
    port = _free_port()
    venv = Path(sys.executable).parent.parent
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"VENV={venv}", f"ADDR=127.0.0.1:{port}"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        deadline = time.monotonic() + 120
        body = ""
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/reports/zhangshu-jgswj/2020/", timeout=5) as response:
                    body = response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
        assert "樟树市机关事务管理局2020年政府信息公开工作年度报告" in body
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
