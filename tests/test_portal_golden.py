"""A golden copy of the whole sample portal, in the manner of Pelican's functional tests.

The repository's portal is built once; what it publishes is compared with
`tests/golden/portal/`:

- every HTML page by its body (the `<article>` Material wraps the content in), not the themed
  page, so a theme upgrade does not rewrite every file;
- every JSON and CSV download as it is;
- every other file we publish (XLSX, Word, our scripts and styles, the sitemap) by SHA-256 in
  `MANIFEST`, which also pins the list of published files: a file that appears or goes missing fails.

Material's own assets and the Pagefind index belong to those tools and are left out.
Refresh after an intended change (and review the diff like code) with `make golden`.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, Build

GOLDEN = REPO / "tests" / "golden" / "portal"
MANIFEST = GOLDEN / "MANIFEST"
# Published by Material or Pagefind, not by nianbao; their bytes change with those tools' versions.
FOREIGN = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "pagefind/", "sitemap.xml.gz")
TEXT_SUFFIXES = (".json", ".csv")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def published(site: Path) -> list[str]:
    files = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return sorted(f for f in files if not f.startswith(FOREIGN))


def golden_view(site: Path) -> dict[str, str]:
    """What the golden holds for a built site: golden file name → text."""
    view: dict[str, str] = {}
    manifest: list[str] = []
    for rel in published(site):
        path = site / rel
        if rel.endswith(".html"):
            match = ARTICLE.search(path.read_text(encoding="utf-8"))
            assert match, f"{rel}：没有找到页面正文 <article>"
            view[rel + ".body"] = match.group(1).strip() + "\n"
            manifest.append(f"body {rel}")
        elif rel.endswith(TEXT_SUFFIXES):
            view[rel] = path.read_text(encoding="utf-8")
            manifest.append(f"text {rel}")
        else:
            manifest.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()} {rel}")
    view["MANIFEST"] = "\n".join(manifest) + "\n"
    return view


def write_golden(view: dict[str, str]) -> None:
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for name, text in view.items():
        target = GOLDEN / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")


def test_whole_portal_matches_golden(repo_site: Build) -> None:
    view = golden_view(repo_site.site)
    if os.environ.get("NIANBAO_UPDATE_GOLDEN") == "1":
        write_golden(view)
    if not MANIFEST.exists():
        pytest.fail("缺少 tests/golden/portal/：运行 make golden 生成，并像代码一样审阅")
    # The manifest first: it names every published file, so a missing or extra file reads plainly.
    assert view["MANIFEST"] == MANIFEST.read_text(encoding="utf-8")
    differing = [name for name, text in view.items() if (GOLDEN / name).read_text(encoding="utf-8") != text]
    assert not differing, f"与黄金副本不同的文件（运行 make golden 后审阅差异）：{differing}"
