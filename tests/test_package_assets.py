"""The package brings its own theme overrides, scripts and styles (issue 14).

A portal repository holds only `mkdocs.yml`, `data/` and its own pages; a portal
made before the move, which lists the stylesheets and keeps copies of the
overrides in its own `custom_dir`, builds the same as before.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html

from conftest import FIXTURES, REPO, make_project, run_build
from nianbao.engine.plugin import ASSETS, THEME
from nianbao.urls import STYLESHEETS

MINIMAL = """\
site_name: 测试市政府信息公开工作年度报告
site_url: https://nianbao.example.gov.cn/
theme:
  name: material
  language: zh-CN
  font: false
plugins:
  - nianbao
  - macros:
      modules: [nianbao.engine.macros_env]
      on_error_fail: true
"""


def _data(root: Path) -> None:
    (root / "data" / "ceshi-jyj").mkdir(parents=True)
    for name in ("agency.yaml", "2021.yaml"):
        shutil.copy(FIXTURES / "reports" / name, root / "data" / "ceshi-jyj" / name)


def test_a_portal_of_config_and_data_only_gets_the_theme_scripts_and_styles(tmp_path: Path) -> None:
    root = tmp_path / "portal"
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MINIMAL, encoding="utf-8")
    _data(root)
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 0, build.output
    shipped = sorted(p.relative_to(ASSETS).as_posix() for p in ASSETS.rglob("*") if p.is_file() and p.suffix != ".md")
    assert [p for p in shipped if not (build.site / "assets" / p).is_file()] == []
    page = lxml.html.parse(str(build.site / "reports/ceshi-jyj/2021/index.html")).getroot()
    links = [href.split("assets/", 1)[-1] for href in page.xpath("//link[@rel='stylesheet']/@href")]
    assert [css.removeprefix("assets/") for css in STYLESHEETS if css.removeprefix("assets/") not in links] == []
    # The theme overrides are in force: the portal search in the header, the footer partial, our scripts.
    assert page.xpath("//form[@data-nb-search='header']")
    assert any(src.endswith("assets/nianbao/search.js") for src in page.xpath("//script/@src"))
    assert not (build.site / "assets/nianbao/vendor/resize-observer-polyfill/README").exists()


def test_a_portal_made_before_the_move_builds_as_before(tmp_path: Path) -> None:
    root = make_project(tmp_path / "old")
    # Its mkdocs-macros module under the name portals used before the package was regrouped.
    current = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "modules: [nianbao.engine.macros_env]" in current
    (root / "mkdocs.yml").write_text(current.replace("modules: [nianbao.engine.macros_env]", "modules: [nianbao.macros_env]"), encoding="utf-8")
    _data(root)
    # Its own copies: the stylesheets listed in mkdocs.yml, the overrides in custom_dir, a changed print.css.
    shutil.copytree(THEME, root / "overrides")
    (root / "docs" / "assets" / "nianbao").mkdir(parents=True)
    (root / "docs" / "assets" / "nianbao" / "print.css").write_text("/* 门户自己的打印样式 */\n", encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  language: zh-CN\n", "  language: zh-CN\n  custom_dir: overrides\n", 1)
    config = config.replace("\nextra:\n", "\nextra_css:\n" + "".join(f"  - {c}\n" for c in STYLESHEETS) + "\nextra:\n", 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = lxml.html.parse(str(build.site / "reports/ceshi-jyj/2021/index.html")).getroot()
    hrefs = page.xpath("//link[@rel='stylesheet']/@href")
    assert len([h for h in hrefs if "nianbao" in h]) == len(STYLESHEETS)  # listed once, not twice
    assert (build.site / "assets/nianbao/print.css").read_text(encoding="utf-8") == "/* 门户自己的打印样式 */\n"
    assert REPO.joinpath("mkdocs.yml").read_text(encoding="utf-8").count("extra_css") == 0
