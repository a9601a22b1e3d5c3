"""The guides inside the portal: in the navigation, and the error list generated from every code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao.model.codes import CODES
from nianbao.site.guide import anchor, codes_markdown
from nianbao.workflow.siteconfig import lookup, read_config

REPO = Path(__file__).resolve().parent.parent


def test_guides_are_in_the_nav() -> None:
    nav = lookup(read_config((REPO / "mkdocs.yml").read_text(encoding="utf-8")), "nav")
    guides = next(item["指南"] for item in nav if isinstance(item, dict) and "指南" in item)
    assert guides == [
        {"编辑指南": "guide/editing.md"},
        {"数据格式说明": "reference/data-format.md"},
        {"维护指南": "guide/maintaining.md"},
        {"规模与性能": "guide/scale.md"},
    ]


def test_editing_guide_embeds_the_generated_list() -> None:
    text = (REPO / "docs/guide/editing.md").read_text(encoding="utf-8")
    assert text.count("{{") == 1 and "{{ nianbao_codes() }}" in text
    assert "{{" not in (REPO / "docs/guide/maintaining.md").read_text(encoding="utf-8")


def test_every_code_is_listed() -> None:
    text = codes_markdown()
    for code in CODES.values():
        assert f'<a id="{anchor(code.code)}"></a>\n\n### {code.code} ' in text, code.code
        assert code.example in text, code.code


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("portal")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy2(REPO / "assessment.yaml", root / "assessment.yaml")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "data/zhangshu-jgswj", root / "data/zhangshu-jgswj")
    site = root / "site"
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    done = subprocess.run([mkdocs, "build", "--strict", "-d", str(site)], cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return site


def test_built_guides(built: Path) -> None:
    editing = (built / "guide/editing/index.html").read_text(encoding="utf-8")
    for code in CODES.values():
        assert f'id="{anchor(code.code)}"' in editing, code.code
    assert "nianbao new 机关代码 年度" in editing and "nianbao preview data/机关代码/年度.yaml" in editing
    maintaining = (built / "guide/maintaining/index.html").read_text(encoding="utf-8")
    assert "Require review from Code Owners" in maintaining and "GitLab Pages" in maintaining and "nginx" in maintaining
