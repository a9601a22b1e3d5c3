"""Links between generated pages: relative, so the portal works under any path prefix."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from nianbao.urls import relative


@pytest.mark.parametrize(
    ("here", "there", "link"),
    [
        ("reports/a/2020/", "reports/a/2021/", "../2021/"),
        ("reports/a/2020/", "agencies/a/", "../../../agencies/a/"),
        ("reports/a/2020/", "downloads/reports/a/a-2020.json", "../../../downloads/reports/a/a-2020.json"),
        ("reports/a/2020/", "", "../../../"),
        ("", "years/2020/", "years/2020/"),
        ("", "", "./"),
        ("agencies/a/", "agencies/a/", "./"),
    ],
)
def test_links_between_pages(here: str, there: str, link: str) -> None:
    assert relative(here, there) == link


def test_links_agree_with_posixpath_relpath() -> None:
    """The hand-made walk over segments gives what posixpath.relpath gives, for every pair of a small site."""
    segments = ["reports", "a", "2020", "agencies", "x.csv"]
    urls = ["", *("/".join(c) + end for n in (1, 2, 3) for c in itertools.product(segments, repeat=n) for end in ("/", ""))]
    for here in (u for u in urls if u == "" or u.endswith("/")):
        for there in urls:
            expected = posixpath.relpath(there or ".", here or ".")
            if there.endswith("/") or there == "":
                expected = expected.rstrip("/") + "/"
            assert relative(here, there) == ("./" if expected == "./" else expected), (here, there)
