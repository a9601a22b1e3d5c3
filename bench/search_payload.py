"""What a visitor downloads for one search query, on a portal of N report pages.

Takes a built site, adds synthetic report pages (the real report pages with
agency names drawn from a list of regions × departments, so the vocabulary
grows as on a real portal), re-runs the portal's Pagefind indexing, then types
a query into the header search box in Chromium and sums every /pagefind/ file
the page fetched.

    .venv/bin/mkdocs build --strict -d /tmp/nb-site
    .venv/bin/python bench/search_payload.py /tmp/nb-site --reports 2500 --query 机关事务
"""

from __future__ import annotations

import argparse
import functools
import shutil
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright
from synth import DEPARTMENTS, REGIONS

from nianbao.site.search import index_site


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def synthesize(site: Path, out: Path, count: int) -> None:
    shutil.copytree(site, out)
    shutil.rmtree(out / "pagefind", ignore_errors=True)
    sources = sorted(site.glob("reports/*/*/index.html"))
    texts = [(p, p.read_text(encoding="utf-8")) for p in sources]
    names = [f"示例市{r}{d}" for r in REGIONS for d in DEPARTMENTS]
    for i in range(count - len(sources)):
        path, text = texts[i % len(texts)]
        year = int(path.parent.name)
        agency = path.parent.parent.name
        title_name = text.split("<h1", 1)[1].split(">", 1)[1].split(str(year), 1)[0]
        new_name = names[i % len(names)]
        new_year = 2019 + (i // len(names)) % 6
        page = text.replace(title_name, new_name).replace(f"{year}年", f"{new_year}年")
        target = out / "reports" / f"gen-{i:04d}-{agency}" / str(new_year) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")


def measure(site: Path, query: str) -> list[tuple[str, int]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: list[tuple[str, int]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.on("response", lambda r: fetched.append((r.url[len(base) :], len(r.body()))) if "/pagefind/" in r.url else None)
        page.goto(base)
        box = page.locator(".md-header__inner #nb-header-search-input")
        box.click()
        box.press_sequentially(query, delay=30)
        page.locator("#nb-header-search-results a").first.wait_for(timeout=30000)
        page.wait_for_load_state("networkidle")
        browser.close()
    server.shutdown()
    return fetched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--reports", type=int, default=2500)
    parser.add_argument("--query", default="机关事务")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        synthesize(args.site, out, args.reports)
        index_site(out)
        pages = len(list(out.glob("reports/*/*/index.html")))
        bundle = sum(f.stat().st_size for f in (out / "pagefind").rglob("*") if f.is_file())
        fetched = measure(out, args.query)
    total = sum(n for _, n in fetched)
    print(f"报告页 {pages} 个；索引总大小 {bundle / 1024:.0f} KB；搜索“{args.query}”下载 {len(fetched)} 个文件，共 {total / 1024:.1f} KB：")
    for kind in ("pagefind.js", "pagefind-worker.js", "wasm", "entry.json", "pf_meta", "pf_index", "pf_fragment"):
        files = [(u, n) for u, n in fetched if kind in u]
        if files:
            print(f"  {kind:<20} {len(files):>3} 个  {sum(n for _, n in files) / 1024:8.1f} KB")


if __name__ == "__main__":
    main()
