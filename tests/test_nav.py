"""engine.nav: with progress internal, nav entries for the 报送进度 pages are left out, everything else kept."""

from __future__ import annotations

from nianbao.engine.nav import without_progress


def test_progress_entries_are_dropped_at_any_depth_and_an_emptied_section_with_them() -> None:
    nav = [
        {"首页": "index.md"},
        {"报送进度": "progress.md"},
        "progress/2025.md",
        {"内部": [{"2025年度": "/progress/2025.md"}]},
        {"指南": [{"编辑指南": "guide/editing.md"}, {"进度": "progress.md"}]},
        {"外部链接": "https://example.gov.cn/progress.md"},
        {"空": []},
    ]
    assert without_progress(nav) == [
        {"首页": "index.md"},
        {"指南": [{"编辑指南": "guide/editing.md"}]},
        {"外部链接": "https://example.gov.cn/progress.md"},
        {"空": []},
    ]


def test_no_nav_is_left_to_mkdocs() -> None:
    assert without_progress(None) is None
