"""`nianbao preview`: serves one report and its agency page on 127.0.0.1, nothing else; stops cleanly."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from browser_harness import Tab
from nianbao.cli import main
from nianbao.model.pipeline import build_portal
from nianbao.workflow.preview import PreviewError, locate, prepare

REPO = Path(__file__).resolve().parent.parent
NIANBAO = str(Path(sys.executable).parent / "nianbao")


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    """A copy of the project: its mkdocs.yml, docs and every agency's data."""
    root = tmp_path / "portal"
    root.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy2(REPO / "assessment.yaml", root / "assessment.yaml")
    for name in ("docs", "data"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    return root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, ""


def wait_ready(proc: subprocess.Popen[str]) -> str:
    """Read the preview's output up to its 「预览已就绪」 line; a watchdog ends a preview that never gets there."""
    watchdog = threading.Timer(300, proc.kill)
    watchdog.start()
    seen = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            seen.append(line)
            if line.startswith("预览已就绪"):
                return "".join(seen)
    finally:
        watchdog.cancel()
    pytest.fail(f"预览进程没有就绪就退出了：{''.join(seen)}")


def stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    return out


def start(root: Path, report: str, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [NIANBAO, "preview", report, "--port", str(port)],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_preview_serves_the_report_and_its_agency_only(portal: Path) -> None:
    port = free_port()
    proc = start(portal, "data/zhangshu-jgswj/2020.yaml", port)
    base = f"http://127.0.0.1:{port}/"
    try:
        ready = wait_ready(proc)
        status, html = fetch(base + "reports/zhangshu-jgswj/2020/")
        assert status == 200
        assert "樟树市机关事务管理局2020年政府信息公开工作年度报告" in html
        assert "三、本年度办理结果" in html
        status, html = fetch(base + "agencies/zhangshu-jgswj/")
        assert status == 200 and "樟树市机关事务管理局" in html
        # other agencies are not part of the preview build
        others = [p.name for p in (portal / "data").iterdir() if p.is_dir() and p.name != "zhangshu-jgswj"]
        for other in others[:2]:
            assert fetch(base + f"agencies/{other}/")[0] == 404
    finally:
        out = stop(proc)
    assert f"：http://127.0.0.1:{port}/reports/zhangshu-jgswj/2020/\n" in ready
    assert "预览已停止。" in out
    assert proc.returncode == 0


def test_preview_shows_an_unfinished_report(portal: Path) -> None:
    """A report still being filled (empty prose: errors) previews anyway; the errors are printed; a real build would stop."""
    assert main(["--root", str(portal), "new", "zhangshu-jgswj", "2021"]) == 0
    port = free_port()
    proc = start(portal, "data/zhangshu-jgswj/2021.yaml", port)
    url = f"http://127.0.0.1:{port}/reports/zhangshu-jgswj/2021/"
    try:
        ready = wait_ready(proc)
        status, html = fetch(url)
        assert status == 200 and "樟树市机关事务管理局2021年政府信息公开工作年度报告" in html
    finally:
        out = stop(proc)
    out = ready + out
    assert "data/zhangshu-jgswj/2021.yaml" in out and "错误（草稿，发布前须改正） [E13]" in out
    assert "预览模式：数据还有错误" in out


def test_preview_project_holds_one_agency(portal: Path) -> None:
    target = locate(portal, portal / "data/zhangshu-jgswj/2020.yaml")
    work = prepare(target)
    try:
        assert sorted(p.name for p in (work / "data").iterdir()) == ["zhangshu-jgswj"]
        assert sorted(p.name for p in (work / "data/zhangshu-jgswj").iterdir()) == ["2020.yaml", "agency.yaml"]
        assert (work / "data/zhangshu-jgswj/2020.yaml").resolve() == (portal / "data/zhangshu-jgswj/2020.yaml").resolve()
        assert (work / "mkdocs.yml").read_bytes() == (portal / "mkdocs.yml").read_bytes()
        assert (work / "docs").resolve() == (portal / "docs").resolve()
    finally:
        shutil.rmtree(work)


def test_preview_refuses_what_is_not_a_report(portal: Path) -> None:
    for bad, words in (
        ("data/zhangshu-jgswj/agency.yaml", "不是年度报告文件"),
        ("data/zhangshu-jgswj/1999.yaml", "找不到文件"),
        ("mkdocs.yml", "不是年度报告文件"),
    ):
        with pytest.raises(PreviewError, match=words):
            locate(portal, portal / bad)


def test_preview_shows_data_errors_in_the_browser_and_clears_them(portal: Path, browser: Any) -> None:
    """The clerk looks at the browser, not the terminal: errors appear on the page as they are saved, and go when fixed (issue 18, item 14)."""
    port = free_port()
    report = portal / "data/shili-shi/2021.yaml"
    good = report.read_text(encoding="utf-8")
    proc = start(portal, "data/shili-shi/2021.yaml", port)
    base = f"http://127.0.0.1:{port}/"
    tab = Tab(browser, base, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        wait_ready(proc)
        page = tab.goto("reports/shili-shi/2021/")
        banner = page.locator(".nb-problems")
        assert banner.count() == 0
        # 五 reduced to "无": an error, the page still builds and now carries it in the terminal's words.
        report.write_text(re.sub(r"(?ms)^problems: .*?(?=^\w)", "problems: 无\n", good), encoding="utf-8")
        banner.wait_for(state="visible", timeout=60000)
        expected = [f.format_text() for f in build_portal(portal / "data", portal).findings if f.blocks and f.file == "data/shili-shi/2021.yaml"]
        assert [e for e in expected if "[E13]" in e]
        assert banner.locator("li").all_inner_texts() == expected
        assert page.locator("h1").inner_text() == "示例市人民政府2021年政府信息公开工作年度报告"
        # A file that cannot be read: its page says so, in place of the report.
        report.write_text(good.replace("year: 2021\n", "year: [2021\n", 1), encoding="utf-8")
        page.locator("h1", has_text="2021年度报告（数据文件有错误）").wait_for(timeout=60000)
        assert any("[Y001]" in line for line in banner.locator("li").all_inner_texts())
        assert any("[Y001]" in line for line in page.locator(".nb-problem-list li").all_inner_texts())
        # Fixed: the report is back and the banner gone.
        report.write_text(good, encoding="utf-8")
        page.locator("h1", has_text="示例市人民政府2021年政府信息公开工作年度报告").wait_for(timeout=60000)
        assert banner.count() == 0
        tab.close()
    finally:
        stop(proc)
