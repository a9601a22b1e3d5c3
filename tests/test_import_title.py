"""Title, agency, year and contact details as real reports print them (issue 15 point 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from nianbao.importer import import_file
from nianbao.importer.title import agency_name, page_title, period_year

BODY = (FIXTURES / "import" / "layouts" / "tabs-2023.txt").read_text(encoding="utf-8").split("\n", 2)[2]  # after title and opening


def _report(tmp_path: Path, head: str, name: str = "report.txt", body: str = BODY) -> tuple:
    source = tmp_path / name
    source.write_text(head + body, encoding="utf-8")
    result = import_file(source, tmp_path / "data", agency="shili-x")
    assert result.error is None, result.error
    agency = (tmp_path / "data" / "shili-x" / "agency.yaml").read_text(encoding="utf-8")
    return result, agency


OPENING = "本报告根据《中华人民共和国政府信息公开条例》编制。\n"


def test_a_title_printed_over_two_lines_keeps_its_agency(tmp_path: Path) -> None:
    result, agency = _report(tmp_path, "示例市自然资源局\n2024年政府信息公开工作年度报告\n" + OPENING)
    assert result.year == 2024
    assert 'name: "示例市自然资源局"' in agency


@pytest.mark.parametrize(
    "title,name",
    [
        ("大路镇人民政府2019年信息公开年度报告", "大路镇人民政府"),
        ("大路镇人民政府信息公开年度报告", "大路镇人民政府"),
        ("示例县人民政府办公室关于2023年度政府信息公开工作的报告", "示例县人民政府办公室"),
        ("关于示例县财政局2022年政府信息公开工作年度报告", "示例县财政局"),
        ("示例市生态环境局2022年度政府信息公开工作年度报告", "示例市生态环境局"),
        ("2024年政府信息公开工作年度报告", None),
    ],
)
def test_the_agency_is_named_whole(title: str, name: str | None) -> None:
    assert agency_name(title) == name


def test_a_title_ending_in_de_baogao_is_found(tmp_path: Path) -> None:
    result, agency = _report(tmp_path, "示例县人民政府办公室关于2023年度政府信息公开工作的报告\n" + OPENING)
    assert result.year == 2023
    assert 'name: "示例县人民政府办公室"' in agency and 'type: "department"' in agency


def test_the_year_from_the_statistics_period_anywhere(tmp_path: Path) -> None:
    """No year in the title nor in the file name: the period sentence, here in 六, gives it."""
    body = BODY.replace("本年度未收取信息处理费。", "本报告统计期限为2024年1月1日至2024年12月31日。本年度未收取信息处理费。")
    result, _ = _report(tmp_path, "示例市自然资源局政府信息公开工作年度报告\n" + OPENING, body=body)
    assert result.year == 2024
    assert period_year("统计期限为2024年1月1日\n至2024年12月31日") == 2024
    assert period_year("2023年1月1日至2024年12月31日") is None  # not one calendar year: not a report year


def test_the_report_title_is_taken_out_of_a_page_title() -> None:
    assert page_title("示例区人民政府办公室2020年政府信息公开工作年度报告_示例区人民政府") == "示例区人民政府办公室2020年政府信息公开工作年度报告"
    assert page_title("首页 - 政务公开") is None


def test_a_title_only_in_the_pages_title(tmp_path: Path) -> None:
    rows = "".join(f"<p>{line}</p>" for line in (OPENING + BODY).splitlines())
    page = f"<html><head><title>示例市自然资源局2023年政府信息公开工作年度报告 - 示例市人民政府</title></head><body>{rows}</body></html>"
    source = tmp_path / "page.html"
    source.write_text(page, encoding="utf-8")
    result = import_file(source, tmp_path / "data", agency="shili-x")
    assert result.error is None and result.year == 2023
    assert any("取自网页的 <title>" in n.message for n in result.notes)
    assert 'name: "示例市自然资源局"' in (tmp_path / "data" / "shili-x" / "agency.yaml").read_text(encoding="utf-8")


def test_contact_details_joined_across_line_breaks(tmp_path: Path) -> None:
    opening = (
        "本报告根据《中华人民共和国政府信息公开条例》编制。如对本报告有任何疑问，请与示例市自然资源局办公室联系（地址：示例市人民\n"
        "路88号，邮编：330100，电话：0791-8888\n6666，电子邮箱：zrzyj@shili.gov.cn）。\n"
    )
    result, agency = _report(tmp_path, "示例市自然资源局2023年政府信息公开工作年度报告\n" + opening)
    assert result.contact["address"] == "示例市人民路88号"
    assert result.contact["phone"] == "0791-88886666"
    assert 'phone: "0791-88886666"' in agency
