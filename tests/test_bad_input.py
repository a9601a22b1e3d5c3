# ruff: noqa: E501  (pinned messages are compared whole, word for word)
"""Bad input: each gets a Chinese message naming file:line, the field and the fix, never a traceback, and publishes nothing.

Each case pins every line `nianbao check` prints, the summary and the exit
status, and asserts that the bad file is not among the reports to publish.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checkrun import AGENCY_ID, check, edit, fixture, write_tree
from nianbao.model.pipeline import build_portal

A = fixture("agency.yaml")
R, R20 = fixture("2021.yaml"), fixture("2020.yaml")
# Nine levels of nine: 387 million leaves if aliases were expanded.
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))


def report(text: str | bytes, name: str = "2021.yaml") -> dict[str, str | bytes]:
    """The test agency with one report file."""
    return {f"{AGENCY_ID}/agency.yaml": A, f"{AGENCY_ID}/{name}": text}


def cell(value: str) -> str:
    """The 2021 report with 表三（一）予以公开 / 自然人 written as `value`."""
    return edit(R, ("granted:        {person: 15,", f"granted:        {{person: {value},"))


CASES = [
    pytest.param(
        # syntax error: a second colon on one line
        report(edit(R, ("  licensing: 1520", "  licensing: 1520: 3"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:19:18: 错误 [Y001] YAML 语法错误：此处不能出现冒号“:”（文字中含冒号时请给整段文字加引号） (请检查这一行及上一行的缩进、冒号和引号；含冒号或 # 的文字请用引号括起来)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y001",
    ),
    pytest.param(
        # syntax error: a key without its colon
        report(edit(R, ("  licensing: 1520", "  licensing 1520"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:20:3: 错误 [Y001] YAML 语法错误：缺少冒号“:” (请检查这一行及上一行的缩进、冒号和引号；含冒号或 # 的文字请用引号括起来)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y001-colon",
    ),
    pytest.param(
        # tab indentation
        report(edit(R, ("  licensing: 1520", "\tlicensing: 1520"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:19:1: 错误 [Y002] 使用了制表符（Tab）缩进 (YAML 只能用空格缩进，请把 Tab 换成空格)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y002",
    ),
    pytest.param(
        # duplicate key
        report(edit(R, ("  licensing: 1520", "  licensing: 1520\n  licensing: 1521"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:20:3: 错误 [Y003] 键“licensing”重复出现（第一次在第 19 行） (同一层级每个键只能出现一次，请删除或合并重复的一项)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y003",
    ),
    pytest.param(
        # unknown key, a near miss
        report(edit(R, ("  licensing: 1520", "  licencing: 1520"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:19:3: 错误 [S001] active_disclosure.licencing（二、主动公开政府信息情况）：未知的键“licencing” (是不是“licensing”？)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S001",
    ),
    pytest.param(
        # unknown key, nothing near
        report(edit(R, ("year: 2021\n", "year: 2021\nremarks: 备注\n"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:1: 错误 [S001] remarks：未知的键“remarks” (请删除或改正这个键名)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S001-far",
    ),
    pytest.param(
        # missing required field
        report(edit(R, ("  licensing: 1520\n", ""))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:17:3: 错误 [S002] active_disclosure.licensing（二、主动公开政府信息情况 / 行政许可（本年处理决定数量））：缺少必填项 (请补上这一项)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S002",
    ),
    pytest.param(
        # 十二
        report(cell("十二")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S003] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：“十二”不是件数 (请改用阿拉伯数字，如 12)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S003-chinese",
    ),
    pytest.param(
        # 12件
        report(cell("12件")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S008] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：“12件”中带有单位或文字 (只填数字 12，单位由表头说明)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S008-count-unit",
    ),
    pytest.param(
        # -
        report(cell("-")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S003] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：不能用“-”代替数字 (没有请填 0)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S003-dash",
    ),
    pytest.param(
        # /
        report(cell("/")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S003] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：不能用“/”代替数字 (没有请填 0)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S003-slash",
    ),
    pytest.param(
        # blank
        report(cell("")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S003] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：此处不能留空 (没有请填 0)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S003-blank",
    ),
    pytest.param(
        # １２
        report(cell("１２")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S003] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：“１２”使用了全角数字 (请改为半角数字 12)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S003-fullwidth",
    ),
    pytest.param(
        # a quoted number
        report(cell('"12"')),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S003] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：数字“12”加了引号，会被当作文字 (数字不要加引号，请直接写 12)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S003-quoted",
    ),
    pytest.param(
        # negative count
        report(cell("-3")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S004] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：件数不能为负数 -3 (请填写 0 或正整数)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S004",
    ),
    pytest.param(
        # decimal in a count cell
        report(cell("2.5")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:28: 错误 [S005] applications.granted.person（三、收到和处理政府信息公开申请情况 / （一）予以公开 / 自然人）：件数应为整数，不能是 2.5 (请填写整数)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S005",
    ),
    pytest.param(
        # amount with a unit typed in (2021 fee)
        report(edit(R, ("fees: 12.35", "fees: 251000元"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:22:9: 错误 [S008] active_disclosure.fees（二、主动公开政府信息情况 / 行政事业性收费（本年收费金额，单位：万元））：“251000元”中带有单位或文字 (只填数字 251000，单位由表头说明)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S008",
    ),
    pytest.param(
        # amount with a unit typed in (2019 采购总金额)
        report(edit(R20, ("amount: 36.5, unit: 万元", "amount: 251000元")), "2020.yaml"),
        1,
        [
            "data/ceshi-jyj/2020.yaml:20:46: 错误 [S008] active_disclosure.procurement.amount（二、主动公开政府信息情况 / 政府集中采购 / 采购总金额）：“251000元”中带有单位或文字 (只填数字 251000，单位由表头说明)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S008-2019",
    ),
    pytest.param(
        # a file saved in GBK
        report(R.encode("gbk")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:2:3: 错误 [Y004] 文件似乎是 GBK/GB18030 编码，不是 UTF-8 编码 (请在编辑器中以“UTF-8”编码重新保存该文件)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y004",
    ),
    pytest.param(
        # a file with a BOM
        report(b"\xef\xbb\xbf" + R.encode("utf-8")),
        1,
        [
            "data/ceshi-jyj/2021.yaml:1:1: 错误 [Y005] 文件开头带有 BOM 标记 (请在编辑器中以“UTF-8（无 BOM）”编码重新保存)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y005",
    ),
    pytest.param(
        # an empty file
        report(""),
        1,
        [
            "data/ceshi-jyj/2021.yaml:1:1: 错误 [Y006] 文件是空的 (请填写内容，或删除这个文件)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y006",
    ),
    pytest.param(
        # a file with comments only
        report("# 以后再填\n"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:1:1: 错误 [Y006] 文件是空的 (请填写内容，或删除这个文件)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y006-comments",
    ),
    pytest.param(
        # a file over 1 MB
        report(R + "# " + "长" * 400_000 + "\n"),
        1,
        [
            "data/ceshi-jyj/2021.yaml:1:1: 错误 [Y007] 文件过大（1204285 字节，上限 1000000 字节） (一份年报的数据文件不应超过 1 MB，请检查是否误粘贴了大量内容)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y007",
    ),
    pytest.param(
        # an anchor and alias
        report(
            edit(
                R,
                ("granted:        {", "granted:        &g {"),
                ("partly_granted: {person: 4, business: 1, research: 0, social: 0, legal: 0, other: 0}", "partly_granted: *g"),
            )
        ),
        1,
        [
            "data/ceshi-jyj/2021.yaml:26:19: 错误 [Y008] 使用了 YAML 锚点/别名（& 和 *） (请直接写出内容，数据文件不支持锚点和别名)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y008",
    ),
    pytest.param(
        # a billion-laughs alias bomb
        report(BOMB),
        1,
        [
            "data/ceshi-jyj/2021.yaml:1:4: 错误 [Y008] 使用了 YAML 锚点/别名（& 和 *） (请直接写出内容，数据文件不支持锚点和别名)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y008-bomb",
    ),
    pytest.param(
        # an invisible control character pasted into prose
        report(edit(R, ("problems: 一是", "problems: 一\x07是"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:57:12: 错误 [Y010] 文字中有不可见的控制字符 U+0007 (请删除这个字符（多由复制粘贴带入），或重新输入这段文字)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y010",
    ),
    pytest.param(
        # a control character written as an escape in a double-quoted string
        report(edit(R, ("problems: 一是", 'problems: "一是\\a'), ("视频解读。\n", '视频解读。"\n'))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:57:11: 错误 [Y010] 文字中有不可见的控制字符 U+0007 (请删除这个字符（多由复制粘贴带入），或重新输入这段文字)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y010-escape",
    ),
    pytest.param(
        # a merge key
        report(edit(R, ("review:                  {upheld: 2", "base: &b {upheld: 0}\n  review:                  {<<: *b, upheld: 2"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:55:29: 错误 [Y008] 使用了 YAML 合并键（<<） (请直接写出内容，数据文件不支持锚点和合并键)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="Y008-merge",
    ),
    pytest.param(
        # agency folder not a lower-case ASCII slug
        {"Ceshi_JYJ/agency.yaml": A, "Ceshi_JYJ/2021.yaml": R},
        1,
        [
            "data/Ceshi_JYJ/2021.yaml:1:1: 错误 [F001] 机关文件夹名“Ceshi_JYJ”不是小写英文代码 (文件夹名只能用小写字母、数字和连字符，如 zhangshu-jgswj)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="F001",
    ),
    pytest.param(
        # agency folder named in Chinese
        {"测试市教育局/agency.yaml": A, "测试市教育局/2021.yaml": R},
        1,
        [
            "data/测试市教育局/2021.yaml:1:1: 错误 [F001] 机关文件夹名“测试市教育局”不是小写英文代码 (文件夹名只能用小写字母、数字和连字符，如 zhangshu-jgswj)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="F001-chinese",
    ),
    pytest.param(
        # file name year ≠ year inside
        report(R, "2022.yaml"),
        1,
        [
            "data/ceshi-jyj/2022.yaml:4:7: 错误 [F002] year：文件名年度 2022 与文件内 year: 2021 不一致 (请把文件改名为 2021.yaml，或改正 year)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="F002",
    ),
    pytest.param(
        # two files for the same agency and year
        {f"{AGENCY_ID}/agency.yaml": A, f"{AGENCY_ID}/2021.yaml": R, f"{AGENCY_ID}/2021.yml": R},
        1,
        [
            "data/ceshi-jyj/2021.yml:1:1: 错误 [F003] 2021 年度已有报告文件 data/ceshi-jyj/2021.yaml (同一机关同一年度只能有一个文件，请删除其中一个)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="F003",
    ),
    pytest.param(
        # a report for an agency without agency.yaml
        {f"{AGENCY_ID}/2021.yaml": R},
        1,
        [
            "data/ceshi-jyj/2021.yaml:1:1: 错误 [F004] 机关“ceshi-jyj”缺少 agency.yaml (请先用 nianbao new-agency ceshi-jyj 创建机关信息文件)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="F004",
    ),
    pytest.param(
        # a value of the wrong type: a date written in Chinese
        report(edit(R, ("published_date: 2022-01-20", "published_date: 2022年1月20日"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:17: 错误 [S006] published_date（发布日期）：日期格式不对 (请按 2022-01-20 的格式填写)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S006",
    ),
    pytest.param(
        # a number where a block of fields belongs
        report(edit(R, ("  regulations:         {issued: 0, repealed: 0, in_force: 3}", "  regulations: 3"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:17:16: 错误 [S006] active_disclosure.regulations（二、主动公开政府信息情况 / 规章）：此处应为下一级字段（键: 值） (请参照示例文件在下一行缩进填写各项)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S006-block",
    ),
    pytest.param(
        # markup in a title
        report(edit(R, ("year: 2021\n", "year: 2021\ntitle: <b>测试市教育局2021年政府信息公开工作年度报告</b>\n"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:8: 错误 [S007] title（标题）：名称和标题中不能含有 < > &lt; 或 {{ {% 等标记字符 (请删去这些字符)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="S007",
    ),
    pytest.param(
        # a report file directly under data/
        {**report(R), "2021.yaml": R},
        1,
        [
            "data/2021.yaml:1:1: 错误 [F006] 数据文件不在机关文件夹中 (请放到 data/<机关代码>/ 文件夹下)",
        ],
        "检查了 1 份报告：1 个错误，0 个警告。",
        id="F006",
    ),
    pytest.param(
        # a file name that is not a year
        report(R, "2021年报.yaml"),
        1,
        [
            "data/ceshi-jyj/2021年报.yaml:1:1: 错误 [F007] 无法识别的文件名“2021年报.yaml” (年报文件应以年度命名，如 2021.yaml；机关信息文件名为 agency.yaml)",
        ],
        "检查了 0 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="F007",
    ),
]


@pytest.mark.parametrize(("files", "status", "lines", "summary"), CASES)
def test_bad_input(tmp_path: Path, files: dict[str, str | bytes], status: int, lines: list[str], summary: str) -> None:
    root = write_tree(tmp_path, files)
    run = check(root)
    assert run.lines == lines
    assert run.summary == summary
    assert run.status == status
    # Publishes nothing: the bad file is rejected and the portal refuses to build.
    portal = build_portal(root / "data", root)
    bad_file = lines[0].split(":")[0]
    assert bad_file not in [d.path for d in portal.reports]
    assert portal.blocked


def test_the_good_report_alone_passes(tmp_path: Path) -> None:
    run = check(write_tree(tmp_path, report(R)))
    assert (run.status, run.lines, run.summary) == (0, [], "检查了 1 份报告：0 个错误，0 个警告。")
