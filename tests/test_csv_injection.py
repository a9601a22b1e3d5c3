"""CSV cells no spreadsheet runs as a formula, whatever comes before or stands for the "=" (issue 16).

`inert` already quoted "=", "+", "-", "@"; a space before "=", the full-width
"＝" and the DDE pipe "|" got through.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nianbao.downloads import exports
from nianbao.model.pipeline import build_portal

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize("text", [" =1+1", '  =HYPERLINK("x")', "＝1+1", "＋1", "|calc!A0", "\u3000=1+1", "=1+1", "@SUM(A1)"])
def test_formula_starts_are_quoted(text: str) -> None:
    assert exports.inert(text) == "'" + text


@pytest.mark.parametrize("text", ["测试市教育局", "1 = 1", "a|b", "（一）主动公开"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert exports.inert(text) == text


def test_a_name_with_a_full_width_equals_is_quoted_in_the_csv(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA / "shili-shi", data / "shili-shi")
    agency = data / "shili-shi" / "agency.yaml"
    text = agency.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("name: "))
    agency.write_text(text.replace(name, "name: ＝HYPERLINK(1)"), encoding="utf-8")
    small = build_portal(data, tmp_path)
    assert not small.blocked
    csv_text = exports.wide_csv(small, small.reports).decode("utf-8-sig")
    assert "'＝HYPERLINK(1)" in csv_text
