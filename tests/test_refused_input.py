# ruff: noqa: E501  (pinned messages are compared whole, word for word)
"""Refused input (issue 16): what `nianbao check` used to accept, and now refuses with file:line and the fix.

Each case pins every line `nianbao check` prints, the summary and the exit
status, and asserts that nothing is published from the bad file. The cases
come from probing the loader: values the Word and XML writers cannot hold,
line breaks that would reach CI logs as commands, years and dates pydantic
read too leniently (or answered in English), a count of 10**30, scripts as
a website, and a parent that is not an agency.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checkrun import AGENCY_ID, check, edit, fixture, write_tree
from nianbao.model.pipeline import build_portal

A = fixture("agency.yaml")
R = fixture("2021.yaml")
LINE = re.compile(r"data/\S*:\d+:\d+: (错误|警告)(（历史报告，不阻止发布）)? \[[A-Z0-9-]+\] ")


def report(text: str, name: str = "2021.yaml", agency: str | None = None) -> dict[str, str | bytes]:
    """The test agency (or the given agency.yaml) with one report file."""
    return {f"{AGENCY_ID}/agency.yaml": agency if agency is not None else A, f"{AGENCY_ID}/{name}": text}


def cell(v: str) -> dict[str, str | bytes]:
    """表三（一）予以公开 / 自然人 written as v."""
    return report(edit(R, ("granted:        {person: 15,", f"granted:        {{person: {v},")))


def problems(v: str) -> dict[str, str | bytes]:
    return report(re.sub(r"(?m)^problems: .*$", lambda m: "problems: " + v, R))


def year(v: str) -> dict[str, str | bytes]:
    return report(edit(R, ("year: 2021\n", f"year: {v}\n")))


def raw(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """The same files as bytes: the character is written raw, not as a YAML escape."""
    return {k: v.encode() if isinstance(v, str) else v for k, v in files.items()}


def published(v: str) -> dict[str, str | bytes]:
    return report(edit(R, ("published_date: 2022-01-20", f"published_date: {v}")))


def agency(*lines: str) -> dict[str, str | bytes]:
    """The agency file with lines added at its end."""
    return report(R, agency=A + "".join(line + "\n" for line in lines))


CASES = [
    pytest.param(
        # U+FFFE written as an escape: the Word and XML writers cannot hold it
        problems('"\\uFFFE一是主动公开的及时性有待提高。"'),
        1,
        [
            "data/ceshi-jyj/2021.yaml:57:11: 错误 [Y010] 文字中有无效字符 U+FFFE（Word 和网页无法保存） (请删除这个字符（多由复制粘贴带入），或重新输入这段文字)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="FFFE-escaped",
    ),
    pytest.param(
        # U+FFFF written as an escape
        problems('"一是\\uFFFF主动公开。"'),
        1,
        [
            "data/ceshi-jyj/2021.yaml:57:11: 错误 [Y010] 文字中有无效字符 U+FFFF（Word 和网页无法保存） (请删除这个字符（多由复制粘贴带入），或重新输入这段文字)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="FFFF-escaped",
    ),
    pytest.param(
        # U+FFFE written raw: libyaml's English at 1:1 before
        raw(problems("\ufffe一是主动公开。")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:57:11: 错误 [Y010] 文字中有无效字符 U+FFFE（Word 和网页无法保存） (请删除这个字符（多由复制粘贴带入），或重新输入这段文字)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="FFFE-raw",
    ),
    pytest.param(
        # a raw C1 control U+0080
        raw(problems("一是\u0080主动公开。")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:57:13: 错误 [Y010] 文字中有不可见的控制字符 U+0080 (请删除这个字符（多由复制粘贴带入），或重新输入这段文字)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="0080-raw",
    ),
    pytest.param(
        # a line break in a title: CI logs would read the next line as a workflow command
        report(edit(R, ("year: 2021\n", 'year: 2021\ntitle: "x\\n::warning file=README.md,line=1::INJECTED\\n::stop-commands::abc"\n'))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:8: 错误 [S009] title（标题）：这一项只能写一行，不能换行 (请删去换行，写在同一行内)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="title-line-break",
    ),
    pytest.param(
        # CR LF in the agency name
        report(R, agency=edit(A, ("name: 测试市教育局", 'name: "测试市\\r\\n教育局"'))),
        1,
        [
            "data/ceshi-jyj/agency.yaml:3:7: 错误 [S009] name（机关全称）：这一项只能写一行，不能换行 (请删去换行，写在同一行内)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="name-line-break",
    ),
    pytest.param(
        # U+2028 (YAML's \L) in the address
        report(R, agency=edit(A, ("address: 测试市人民路1号", 'address: "测试市\\L人民路1号"'))),
        1,
        [
            "data/ceshi-jyj/agency.yaml:6:10: 错误 [S009] address（地址）：这一项只能写一行，不能换行 (请删去换行，写在同一行内)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="address-line-separator",
    ),
    pytest.param(
        # a line break in a subsection title
        report(edit(R, ("    - title: （一）主动公开", '    - title: "（一）\\n主动公开"'))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:10:14: 错误 [S009] overview.subsections.0.title（一、总体情况 / 分项情况 / 小标题）：这一项只能写一行，不能换行 (请删去换行，写在同一行内)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="subsection-title-line-break",
    ),
    pytest.param(
        # a character reference in a title showed decoded in the browser tab and literally in the page: refused, so both agree
        report(edit(R, ("year: 2021\n", "year: 2021\ntitle: 2021年&lt;script&gt;年报\n"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:8: 错误 [S007] title（标题）：名称和标题中不能含有 < > &lt; 或 {{ {% 等标记字符 (请删去这些字符)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="title-character-reference",
    ),
    pytest.param(
        # year: '2021' (pydantic took it as 2021)
        year("'2021'"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:4:7: 错误 [S003] year（报告年度）：数字“2021”加了引号，会被当作文字 (数字不要加引号，请直接写 2021)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="year-quoted",
    ),
    pytest.param(
        # year: 2021.0
        year("2021.0"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:4:7: 错误 [S005] year（报告年度）：年度应为整数，不能是 2021.0 (请填写四位年度，如 2021)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="year-decimal",
    ),
    pytest.param(
        # year: 20_21 (Python's int() reads it as 2021)
        year("20_21"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:4:7: 错误 [S003] year（报告年度）：“20_21”中有分隔符 (请去掉分隔符，写成 2021)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="year-underscore",
    ),
    pytest.param(
        # published_date as a Unix time
        published("1642636800"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:17: 错误 [S006] published_date（发布日期）：日期格式不对 (请按 2022-01-20 的格式填写)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="date-unix-time",
    ),
    pytest.param(
        # published_date: 20220120 (pydantic answered in English)
        published("20220120"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:17: 错误 [S006] published_date（发布日期）：日期格式不对 (请按 2022-01-20 的格式填写)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="date-digits",
    ),
    pytest.param(
        # a day that does not exist
        published("2022-02-30"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:17: 错误 [S006] published_date（发布日期）：日期“2022-02-30”不存在 (请核对年、月、日)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="date-nonexistent",
    ),
    pytest.param(
        # active_from: '20_19'
        agency("active_from: '20_19'"),
        1,
        [
            "data/ceshi-jyj/agency.yaml:12:14: 错误 [S003] active_from（设立年度）：“20_19”中有分隔符 (请去掉分隔符，写成 2019)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="active-from-underscore",
    ),
    pytest.param(
        # active_until: 2024.5
        agency("active_until: 2024.5"),
        1,
        [
            "data/ceshi-jyj/agency.yaml:12:15: 错误 [S005] active_until（撤销年度）：年度应为整数，不能是 2024.5 (请填写四位年度，如 2021)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="active-until-decimal",
    ),
    pytest.param(
        # parent names an agency that is not in data/
        agency("parent: shili-shi"),
        1,
        [
            "data/ceshi-jyj/agency.yaml:12:9: 错误 [F010] parent（上级机关代码）：上级机关“shili-shi”在 data/ 中不存在 (请填写上级机关在 data/ 下的文件夹名，没有上级机关请删去 parent)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="parent-missing",
    ),
    pytest.param(
        # parent names the agency itself
        agency(f"parent: {AGENCY_ID}"),
        1,
        [
            "data/ceshi-jyj/agency.yaml:12:9: 错误 [F010] parent（上级机关代码）：上级机关不能是本机关自己 (请填写上级机关在 data/ 下的文件夹名，没有上级机关请删去 parent)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="parent-self",
    ),
    pytest.param(
        # parent is a path
        agency("parent: ../../etc"),
        1,
        [
            "data/ceshi-jyj/agency.yaml:12:9: 错误 [S006] parent（上级机关代码）：“../../etc”不是机关代码 (请填写上级机关在 data/ 下的文件夹名，如 shili-shi)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="parent-path",
    ),
    pytest.param(
        # a count of 10**30 (stored in the XLSX as 1e+30 before)
        cell("1000000000000000000000000000000"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S011] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：件数 1000000000000000000000000000000 超出合理范围（上限 100000000） (请核对这个数字，是否多打了几位)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="count-ceiling",
    ),
    pytest.param(
        # website: javascript:
        agency("website: javascript:alert(1)"),
        1,
        [
            "data/ceshi-jyj/agency.yaml:12:10: 错误 [S010] website（网站）：网站地址应以 http:// 或 https:// 开头 (请填写完整的网址，如 https://www.example.gov.cn/)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="website-javascript",
    ),
    pytest.param(
        # website: data:, any case
        agency("website: DATA:text/html,x"),
        1,
        [
            "data/ceshi-jyj/agency.yaml:12:10: 错误 [S010] website（网站）：网站地址应以 http:// 或 https:// 开头 (请填写完整的网址，如 https://www.example.gov.cn/)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="website-data",
    ),
    pytest.param(
        # website: vbscript:
        agency("website: VbScript:msgbox(1)"),
        1,
        [
            "data/ceshi-jyj/agency.yaml:12:10: 错误 [S010] website（网站）：网站地址应以 http:// 或 https:// 开头 (请填写完整的网址，如 https://www.example.gov.cn/)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="website-vbscript",
    ),
    pytest.param(
        # 010 is plain, not quoted: say so
        cell("010"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S003] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：“010”以 0 开头，会被当作文字 (请去掉开头的 0，写成 10)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="leading-zero",
    ),
    pytest.param(
        # 1_000
        cell("1_000"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S003] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：“1_000”中有分隔符 (请去掉分隔符，写成 1000)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="thousands-separator",
    ),
    pytest.param(
        # an unknown key with a line break is quoted on one line, escaped
        report(edit(R, ("year: 2021\n", 'year: 2021\n"x\\n::warning::INJECTED": 1\n'))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:1: 错误 [S001] x\\n::warning::INJECTED：未知的键“x\\n::warning::INJECTED” (请删除或改正这个键名)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="unknown-key-line-break",
    ),
]


@pytest.mark.parametrize(("files", "status", "lines", "summary"), CASES)
def test_refused_input(tmp_path: Path, files: dict[str, str | bytes], status: int, lines: list[str], summary: str) -> None:
    root = write_tree(tmp_path, files)
    run = check(root)
    assert run.lines == lines
    assert run.summary == summary
    assert run.status == status
    portal = build_portal(root / "data", root)
    assert portal.blocked
    for line in run.lines:
        assert LINE.match(line), line
