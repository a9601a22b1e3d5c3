# ruff: noqa: E501  (pinned messages are compared whole, word for word)
"""The same findings stop `mkdocs build`: a seed report whose 总计 is off by one publishes nothing.

The build prints each finding with the very words `nianbao check` prints, so
a clerk reading CI output or running the command locally sees one message.
"""

from __future__ import annotations

from pathlib import Path

from checkrun import check
from conftest import REPO, make_project, run_build

SEED = (REPO / "data" / "zhangshu-jgswj" / "2020.yaml").read_text(encoding="utf-8")
AGENCY = (REPO / "data" / "zhangshu-jgswj" / "agency.yaml").read_text(encoding="utf-8")
# A current report (archived reports list their problems but still publish; a current one has its date,
# written over a comment line so the lines stay where they are), 一、本年新收 总计 0 → 1.
RECEIVED = "  received:       {person: 0, business: 0, research: 0, social: 0, legal: 0, other: 0, total: 0}"
NOTE = "# 原文表二“采购总金额”未注明单位，此处照录数字，不补单位。\n"
MUTATED = (
    SEED.replace("status: archived\n", "status: current\n")
    .replace(NOTE, "published_date: 2021-01-20\n")
    .replace(RECEIVED, RECEIVED.replace("total: 0}", "total: 1}"))
)


def test_total_off_by_one_fails_the_build_with_the_cli_message(tmp_path: Path) -> None:
    assert MUTATED.count("total: 1}") == 1 and "status: current" in MUTATED
    project = make_project(tmp_path / "p", {"data/zhangshu-jgswj/agency.yaml": AGENCY, "data/zhangshu-jgswj/2020.yaml": MUTATED})

    cli = check(project)
    assert cli.status == 1
    assert cli.lines == [
        "data/zhangshu-jgswj/2020.yaml:17:13: 警告 [RX-1] overview.subsections.1.text：“一、总体情况”中写“收到政府信息公开申请0件”，但表三“一、本年新收政府信息公开申请数量”的总计为 1 (请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围)",
        "data/zhangshu-jgswj/2020.yaml:38:95: 错误 [R3-3] applications.received.total：表三“一、本年新收政府信息公开申请数量”一行的总计为 1，但六类申请人之和 0+0+0+0+0+0 = 0 (请核对这一行：总计应为 0，或改正各类申请人的数字；也可删去 total 由系统计算)",
        "data/zhangshu-jgswj/2020.yaml:63:20: 错误 [R3-1] applications.carried_forward.total：表三“总计”列不平衡：一、本年新收 1 + 二、上年结转 0 = 1，而（七）总计 0 + 四、结转下年度继续办理 0 = 0 (按表头勾稽关系，第一项加第二项之和应等于第三项加第四项之和，请核对这一列)",
    ]

    site = tmp_path / "site"
    build = run_build(project, site)
    assert build.returncode != 0
    for line in cli.lines:
        assert line in build.output
    assert "数据检查发现 2 个错误，构建已停止，未发布任何页面" in build.output
    assert "Traceback" not in build.output
    assert not site.exists() or not any(p.is_file() for p in site.rglob("*"))
