"""Mutated sample files for the fuzz tests: hypothesis strategies over the checks fixtures.

A mutant is the test agency (agency.yaml, 2020.yaml, 2021.yaml from
tests/fixtures/checks/, which pass every check) with one to three edits drawn
from what probing found: a value replaced by hostile text (controls, U+FFFE,
line breaks, markup, huge or odd numbers, YAML syntax), a line dropped,
doubled or re-indented, a character inserted anywhere, the file cut short.
Many mutants are refused; the ones `nianbao check` accepts feed the invariant
"check passes ⇒ build and every export succeed".
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

from checkrun import AGENCY_ID, fixture

FILES = ("agency.yaml", "2020.yaml", "2021.yaml")
SAMPLES = {name: fixture(name) for name in FILES}
# "key: value" lines whose value can be replaced (block and flow mappings alike).
VALUE = re.compile(r"(?m)^(\s*-?\s*[a-z_]+:) (.+)$")
FLOW_CELL = re.compile(r"([a-z_]+): (-?\d+)")

NASTY = [
    "\ufffe",
    "\uffff",
    "\x85",
    "\u2028",
    "\u2029",
    "\x00",
    "\x1b[31m",
    "\r",
    "\n::warning file=README.md,line=1::INJECTED\n",
    "::stop-commands::abc",
    "<script>alert(1)</script>",
    "&lt;script&gt;",
    "{{ config }}",
    "{% raw %}",
    "=HYPERLINK(1)",
    " =1+1",
    "＝1",
    "|calc",
    "javascript:alert(1)",
    "../../etc/passwd",
    "010",
    "1e30",
    "10" * 20,
    "-0",
    "+5",
    "2021.0",
    "20_21",
    "1642636800",
    "20220120",
    "2022-02-30",
    ".nan",
    "yes",
    "~",
    "!!python/object:os.system",
    "*alias",
    "&anchor x",
    "<<: {a: 1}",
    "[1, 2",
    "{a: 1",
    "'unterminated",
    '"\\uFFFE"',
    '"\\x85"',
    '"\\L"',
    '"\\N"',
    '"\\ud800"',
    '"a\\nb"',
    "|\n  block\n  text",
    "\t1",
    "１２",
    "12件",
    "—",
    "",
    " ",
    "\u200b",
    "\U0001f600",
    "测" * 300,
]

# Text of any character, including the ones YAML and XML cannot hold.
# (Lone surrogates cannot be written to a UTF-8 file: they come as escapes, from NASTY.)
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)


def _quoted(text: str) -> str:
    # A YAML double-quoted scalar that can hold any character as an escape.
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08X}" if ord(c) > 0xFFFF else f"\\u{ord(c):04X}" for c in text)
    return f'"{escaped}"'


@st.composite
def value_text(draw: st.DrawFn) -> str:
    """A replacement value as written in the file."""
    kind = draw(st.sampled_from(["nasty", "nasty-quoted", "any-quoted", "any-raw", "number"]))
    if kind == "nasty":
        return draw(st.sampled_from(NASTY))
    if kind == "nasty-quoted":
        return _quoted(draw(st.sampled_from(NASTY)))
    if kind == "any-quoted":
        return _quoted(draw(ANY_TEXT))
    if kind == "any-raw":
        return draw(ANY_TEXT)
    return str(draw(st.integers(min_value=-(10**31), max_value=10**31)))


@st.composite
def edit(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    kind = draw(st.sampled_from(["value", "value", "cell", "char", "drop", "double", "indent", "cut", "prose"]))
    if kind in ("value", "prose"):
        matches = list(VALUE.finditer(text))
        if kind == "prose":
            # Long text values: where the Word and XML writers meet what a clerk pasted.
            matches = [m for m in matches if len(m.group(2)) > 20] or matches
        if not matches:  # an earlier edit cut the file short
            return text
        m = draw(st.sampled_from(matches))
        new = _quoted(draw(ANY_TEXT) + m.group(2)) if kind == "prose" else draw(value_text())
        return text[: m.start(2)] + new + text[m.end(2) :]
    if kind == "cell":
        cells = list(FLOW_CELL.finditer(text))
        if not cells:
            return text
        m = draw(st.sampled_from(cells))
        return text[: m.start(2)] + draw(value_text()).replace("\n", " ") + text[m.end(2) :]
    if kind == "char":
        at = draw(st.integers(min_value=0, max_value=len(text)))
        return text[:at] + draw(st.one_of(st.sampled_from(NASTY), ANY_TEXT)) + text[at:]
    at = draw(st.integers(min_value=0, max_value=max(len(lines) - 1, 0)))
    if kind == "drop":
        del lines[at]
    elif kind == "double":
        lines.insert(at, lines[at])
    elif kind == "indent":
        lines[at] = draw(st.sampled_from(["", " ", "  ", "\t"])) + lines[at].lstrip(" ")
    else:
        lines = lines[:at]
    return "\n".join(lines)


@st.composite
def mutant(draw: st.DrawFn) -> dict[str, str | bytes]:
    """The test agency's files under data/, one to three of them edited."""
    files: dict[str, str | bytes] = {f"{AGENCY_ID}/{name}": text for name, text in SAMPLES.items()}
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        name = f"{AGENCY_ID}/{draw(st.sampled_from(FILES))}"
        files[name] = draw(edit(str(files[name])))
    if draw(st.booleans()) and draw(st.integers(min_value=0, max_value=9)) == 0:
        # Raw bytes now and then: invalid UTF-8, a BOM, a stray byte.
        name = f"{AGENCY_ID}/{draw(st.sampled_from(FILES))}"
        raw = str(files[name]).encode("utf-8")
        at = draw(st.integers(min_value=0, max_value=len(raw)))
        files[name] = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at:]
    return files
