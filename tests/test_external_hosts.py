"""No built file makes the visitor's browser contact another host.

Every HTML, CSS, JS, XML and SVG file of the built portal is scanned:
- HTML: anything loaded (src, srcset, link href, form action, inline CSS url()) must
  stay on this site; links a visitor may follow (<a href>) may leave only to the
  reviewed hosts below, each with its reason;
- CSS: url() and @import, comments removed;
- JS: URL literals outside comments, each foreign one reviewed below;
- XML/SVG: namespace names (identifiers, never fetched) from a reviewed list.
The site's own host (site_url) counts as this site.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import yaml

from conftest import REPO, Build

OWN_HOSTS = {urlsplit(yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0])["site_url"]).hostname}

# <a href> to another host: a visitor's choice to leave, never a request made by the page.
LINK_HOSTS = {
    "beian.miit.gov.cn": "ICP备案号 must link to the MIIT record system (footer identity, extra.footer.icp)",
    "beian.mps.gov.cn": "公安机关备案号 links to the MPS record query (footer identity, extra.footer.police_url)",
}


def _agency_websites() -> dict[str, str]:
    """Each agency's own website, shown as a link on its contact page."""
    hosts = {}
    for path in REPO.glob("data/*/agency.y*ml"):
        website = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("website")
        if website and urlsplit(website).hostname:
            hosts[urlsplit(website).hostname] = f"website of the agency in {path.parent.name}/"
    return hosts


# Namespace names in XML and SVG: identifiers, not addresses a browser fetches.
NAMESPACES = {
    "http://www.w3.org/2000/svg": "SVG namespace of inline icons",
    "http://www.w3.org/1999/xlink": "XLink namespace of SVG icons",
    "http://www.sitemaps.org/schemas/sitemap/0.9": "sitemap.xml namespace",
}

# Foreign URLs in the code (not comments) of theme and search scripts, each reviewed.
JS_URLS = {
    ("bundle.", "https://unpkg.com/resize-observer-polyfill"): "fetched only when window.ResizeObserver is missing; "
    "the theme (nianbao/engine/theme/main.html) loads the local polyfill first (tests/test_browser.py checks it)",
    ("bundle.", "https://unpkg.com/mermaid@"): "fetched only for Mermaid diagrams (pre.mermaid), which no page has (checked below)",
    ("bundle.", "https://api.github.com/"): "fetched only when repo_url names a GitHub repository; mkdocs.yml sets no repo_url (checked below)",
    ("bundle.", "https://gitlab.com"): "fetched only when repo_url names a GitLab repository; mkdocs.yml sets no repo_url (checked below)",
    ("pagefind", "https://example.com"): "dummy base for parsing result URLs with new URL(), never fetched",
}

URL = re.compile(r"""https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'`)<>\\]*""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
# A "/" after one of these starts a regular expression literal, not a division.
REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^")


def _foreign(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("", "http", "https") and parts.netloc:
        host = parts.hostname or ""
        return None if host in OWN_HOSTS else host
    return None


def _css_refs(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(CSS_COMMENT.sub("", text))]


def _skip_literal(text: str, i: int, end: str) -> int:
    """Index just past the literal opened at i and closed by `end` (backslash escapes honoured)."""
    j, in_class = i + 1, False
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if end == "/" and c in "[]":
            in_class = c == "["
        elif c == end and not in_class:
            return j + 1
        elif end == "/" and c == "\n":
            return j
        j += 1
    return j


def _js_code(text: str) -> str:
    """The script without its comments: strings, template and regex literals are kept whole,
    so a "//" inside them (as in /^https?:\\/\\//) never starts a comment."""
    out, i, prev = [], 0, ""
    while i < len(text):
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
        elif text.startswith("//", i):  # never an empty regex: always a comment here
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif c in "\"'`" or (c == "/" and (prev == "" or prev in REGEX_AFTER)):
            j = _skip_literal(text, i, c)
            out.append(text[i:j])
            i, prev = j, c
        else:
            out.append(c)
            prev = c if not c.isspace() else prev
            i += 1
    return "".join(out)


def _html_problems(path: str, text: str, link_hosts: dict[str, str]) -> list[str]:
    problems = []
    html = lxml.html.fromstring(text)
    for el in html.iter():
        if not isinstance(el.tag, str):
            continue
        loaded = [el.get(a) for a in ("src", "data", "poster", "action") if el.get(a)]
        loaded += [part.split()[0] for part in (el.get("srcset") or "").split(",") if part.strip()]
        if el.tag == "link" and el.get("href") and el.get("rel") not in ("canonical", "alternate"):
            loaded.append(el.get("href"))
        loaded += _css_refs(el.get("style") or "")
        if el.tag == "style":
            loaded += _css_refs(el.text or "")
        for ref in loaded:
            if _foreign(ref):
                problems.append(f"{path}: <{el.tag}> 加载了外部地址 {ref}")
        if el.tag == "a" and el.get("href") and (host := _foreign(el.get("href"))) and host not in link_hosts:
            problems.append(f"{path}: 链接到未审核的外部主机 {el.get('href')}")
        for attr in ("xmlns", "xmlns:xlink"):
            if el.get(attr) and el.get(attr) not in NAMESPACES:
                problems.append(f"{path}: 未审核的命名空间 {el.get(attr)}")
        if el.tag == "link" and el.get("rel") in ("canonical", "alternate") and _foreign(el.get("href") or ""):
            problems.append(f"{path}: <link rel={el.get('rel')}> 指向外部主机 {el.get('href')}")
    return problems


def _scan(site: Path) -> list[str]:
    link_hosts = {**LINK_HOSTS, **_agency_websites()}
    problems = []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = file.relative_to(site).as_posix()
        suffix = file.suffix
        if suffix not in (".html", ".css", ".js", ".mjs", ".xml", ".svg"):
            continue
        text = file.read_text(encoding="utf-8")
        if suffix == ".html":
            problems += _html_problems(rel, text, link_hosts)
        elif suffix == ".css":
            problems += [f"{rel}: url() 指向外部地址 {ref}" for ref in _css_refs(text) if _foreign(ref)]
        elif suffix in (".js", ".mjs"):
            for url in URL.findall(_js_code(text)):
                if _foreign(url) and not any(name in file.name and url.startswith(prefix) for name, prefix in JS_URLS):
                    problems.append(f"{rel}: 脚本中有未审核的外部地址 {url}")
        else:
            for url in URL.findall(text):
                if url in NAMESPACES:
                    continue
                if _foreign(url):
                    problems.append(f"{rel}: 外部地址 {url}")
    return problems


def test_no_built_file_reaches_another_host(repo_site: Build) -> None:
    assert _scan(repo_site.site) == []


def test_conditions_behind_the_reviewed_script_urls_hold(repo_site: Build) -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"(?m)^repo_url:", config)
    for page in repo_site.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in text, page
        assert 'data-md-component="source"' not in text, page
    assert not list(repo_site.site.glob("assets/javascripts/lunr/*")), "Material's search assets were not removed"
    assert not list(repo_site.site.rglob("*.map")), "source maps were not removed"


def test_the_scanner_catches_foreign_references(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css"></head>'
        '<body><img src="//cdn.example.net/x.png"><a href="https://evil.example.org/">x</a>'
        '<a href="https://beian.miit.gov.cn/">ICP</a><div style="background:url(https://cdn.example.net/b.png)"></div></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "a.css").write_text('/* https://ok.example.com */ @import "https://cdn.example.net/c.css"; a{background:url(data:x)}', encoding="utf-8")
    (tmp_path / "a.js").write_text('// https://comment.example.com\nfetch("https://api.example.net/q"); var u = "/local";', encoding="utf-8")
    problems = _scan(tmp_path)
    assert len(problems) == 6, problems
    assert not any("beian.miit.gov.cn" in p or "comment.example.com" in p or "ok.example.com" in p for p in problems)
