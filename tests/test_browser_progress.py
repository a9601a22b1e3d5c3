"""The 报送进度 pages in Chromium (issue 17): no serious axe violation; the agencies' table sorts by mouse and keyboard.

The harness (browser_harness.py, loaded through conftest) serves the built sample portal on
127.0.0.1 and fails a test on any request to another host.
"""

from __future__ import annotations

import pytest

from browser_harness import Tab
from test_browser import test_no_serious_accessibility_violation as axe_check

TABLE = "#nb-progress-2025"


@pytest.mark.parametrize(("name", "path"), [("progress", "progress/"), ("progress-year", "progress/2025/"), ("statistics-rates", "statistics/2024/")])
def test_progress_pages_have_no_serious_accessibility_violation(tab: Tab, name: str, path: str) -> None:
    axe_check(tab, name, path)


def test_progress_table_sorts_by_mouse_and_keyboard(tab: Tab) -> None:
    page = tab.goto("progress/2025/")

    def column(index: int) -> list[str]:
        return page.eval_on_selector_all(f"{TABLE} tbody tr", f"rows => rows.map(r => r.cells[{index}].getAttribute('data-value'))")

    def names() -> list[str]:
        return page.eval_on_selector_all(f"{TABLE} tbody tr", "rows => rows.map(r => r.cells[0].textContent.trim())")

    days = page.locator(f"{TABLE} thead th").nth(5)  # 逾期天数
    assert "逾期天数" in days.text_content()
    days.locator("button.nb-sort").click()
    assert days.get_attribute("aria-sort") == "descending"
    values = [float(v) if v else float("-inf") for v in column(5)]
    assert values == sorted(values, reverse=True)
    assert names()[:2] == ["示例市东城区财政局", "示例市生态环境局"]  # 20 days overdue, before the report 10 days late
    # The keyboard: Tab from the clicked button to the next headers' (错误, then 警告), Enter sorts by warnings.
    # (The public page shows no draft's findings: only published reports have errors or warnings to sort by.)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    warnings = page.locator(f"{TABLE} thead th").nth(7)
    assert page.evaluate("document.activeElement.closest('th') && document.activeElement.closest('th').textContent.trim()") == warnings.text_content().strip()
    page.keyboard.press("Enter")
    assert warnings.get_attribute("aria-sort") == "descending"
    assert names()[0] == "示例市教育局"  # the report published late, with its three warnings
    page.keyboard.press("Enter")
    assert warnings.get_attribute("aria-sort") == "ascending"
    assert days.get_attribute("aria-sort") is None
    assert any(u.endswith("assets/sort.js") for u in tab.requests)
