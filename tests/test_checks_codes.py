"""The registry of finding codes: complete, in Chinese, and every code pinned by a test.

`codes.CODES` feeds the clerks' error guide, so a code the loader or a rule
can emit but the registry lacks, or a registered code no test pins, fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checkrun import check, write_tree
from nianbao.model import codes, load

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "macros" / "nianbao"
TESTS = Path(__file__).resolve().parent
HAN = re.compile(r"[\u3400-\u9fff]")
# A string literal that is a finding code: Y001, S003, P001, F004, V-1, R3-1, RX-1, RY-6, V-6-2, E13, N-1.
CODE_LITERAL = re.compile(r"""["']((?:[YSFP]\d{3})|(?:R\d-\d)|(?:R[XY]-\d)|(?:V-\d(?:-\d)?)|(?:E\d{1,2})|(?:N-\d))["']""")


def _emitted() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):  # the whole package: loader, rules, importer, Word, commands
        if path.name == "codes.py":
            continue
        found |= set(CODE_LITERAL.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_the_code_emits_is_registered() -> None:
    emitted = _emitted()
    assert {"Y001", "S003", "F004", "V-1", "R3-1", "RY-1", "RY-6", "E13"} <= emitted  # the scan sees the codes
    assert sorted(emitted - set(codes.CODES)) == []


def test_no_module_writes_a_severity_itself() -> None:
    """Severities come from the registry (`Finding.of`, `codes.severity`), never typed at a finding."""
    typed = re.compile(r"""Finding\((?:[^()]|\([^()]*\))*?["'](?:error|warning)["']""", re.S)
    offenders = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if typed.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_registered_code_is_pinned_by_a_test() -> None:
    pinned = "".join(p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py"))
    assert sorted(c for c in codes.CODES if f"[{c}]" not in pinned) == []


@pytest.mark.parametrize("code", list(codes.CODES))
def test_each_code_is_described_in_chinese(code: str) -> None:
    entry = codes.CODES[code]
    assert entry.code == code
    assert entry.severity in ("error", "warning")
    for text in (entry.title, entry.explain, entry.fix):
        assert HAN.search(text), f"{code}: {text!r}"
    assert entry.example.strip()


def test_severities_follow_spec_5_3() -> None:
    errors = {"R3-1", "R3-2", "R3-3", "R4-1", "V-1", "RY-1", "E13", "E17", "N-1", "S003", "S004", "S005", "S008"}
    warnings = {"RX-1", "RY-2", "RY-3", "RY-4", "RY-6", "V-6-1", "V-6-2", "E15", "R2-3", "R2-4", "E6"}
    assert {c for c in errors if codes.severity(c) != "error"} == set()
    assert {c for c in warnings if codes.severity(c) != "warning"} == set()
    # The loader can only stop a file, never warn about it.
    assert {c for c in codes.CODES if c[0] in "YSF" and codes.severity(c) != "error"} == set()


def test_no_data_folder(tmp_path: Path) -> None:
    run = check(tmp_path)
    assert run.status == 1
    assert run.lines == ["data:1:1: 错误 [F005] 找不到数据文件夹 (请在项目根目录下创建 data/ 文件夹)"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_tree(tmp_path, {"ceshi-jyj/agency.yaml": (TESTS / "fixtures" / "checks" / "agency.yaml").read_text(encoding="utf-8")})
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "agency.yaml":
            raise PermissionError(13, "权限不足")
        return original(self)

    monkeypatch.setattr(load.Path, "read_bytes", refuse)
    run = check(root)
    assert run.status == 1
    assert run.lines == ["data/ceshi-jyj/agency.yaml:1:1: 错误 [Y009] 无法读取文件：权限不足 (请检查文件权限)"]
