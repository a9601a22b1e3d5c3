"""`nianbao preview data/AGENCY/YEAR.yaml`: build and serve one report with its agency page, rebuilt on every save."""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from nianbao.workflow.preview import PreviewError, Target, locate, page_url, prepare

HOST = "127.0.0.1"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "preview",
        help="预览一份年度报告",
        description="只构建这一份报告（连同机关页面和上年度报告），在本机浏览器中预览；保存文件后页面自动刷新。按 Ctrl+C 停止。",
    )
    p.add_argument("report", metavar="报告文件", help="如 data/zhangshu-jgswj/2020.yaml")
    p.add_argument("--port", type=int, default=8000, help="端口，默认 8000")
    p.set_defaults(func=run)


def _announce_when_ready(url: str, started: float, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # our own 127.0.0.1 server
                if response.status == 200:
                    print(f"预览已就绪（用时 {time.monotonic() - started:.1f} 秒）：{url}", flush=True)
                    print("修改并保存报告文件后页面会自动刷新；按 Ctrl+C 停止预览。", flush=True)
                    return
        except OSError:
            pass
        stop.wait(0.1)


def _stop_on_sigterm(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    root = Path(args.root).resolve()
    try:
        target: Target = locate(root, args.report)
    except PreviewError as err:
        print(f"错误：{err}", file=sys.stderr)
        return 1
    from nianbao.engine.serve import serve  # imported late: the other commands do not need MkDocs

    url = page_url(target, HOST, args.port)
    print(f"正在构建 {target.rel} 的预览……", flush=True)
    work = prepare(target)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    stop = threading.Event()
    threading.Thread(target=_announce_when_ready, args=(url, started, stop), daemon=True).start()
    try:
        serve(str(work / "mkdocs.yml"), watch=[str(target.folder)], dev_addr=f"{HOST}:{args.port}")
    except OSError as err:
        print(f"错误：无法在 {HOST}:{args.port} 启动预览（{err.strerror}）；端口可能已被占用，请用 --port 换一个端口，如 --port 8001", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    except Exception as err:  # MkDocs aborts (e.g. a broken mkdocs.yml): say so in Chinese, no traceback
        print(f"错误：预览构建失败：{err}", file=sys.stderr)
        return 1
    finally:
        stop.set()
        shutil.rmtree(work, ignore_errors=True)
    print("预览已停止。")
    return 0
