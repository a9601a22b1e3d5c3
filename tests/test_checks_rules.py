# ruff: noqa: E501  (pinned messages are compared whole, word for word)
"""Every rule of spec §5 (and §9's E13, E15, E17): the exact lines `nianbao check` prints and its exit status.

Each case starts from the fixtures in tests/fixtures/checks/ (2019→2020→2021,
which pass every check), changes one thing, and pins every printed line word
for word — file, line, column, severity, code, field, message and fix — the
closing summary, and the exit status (1 when an error blocks publishing).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checkrun import AGENCY_ID, check, edit, fixture, write_tree

AGENCY = fixture("agency.yaml")
R19, R20, R21 = fixture("2019.yaml"), fixture("2020.yaml"), fixture("2021.yaml")
T3_TOTAL_41 = "total:           {person: 31, business: 6, research: 1, social: 0, legal: 2, other: 1, total: 41}"
OVERVIEW_2021 = R21[R21.index("overview:\n") : R21.index("active_disclosure:\n")]
PROBLEMS_2021 = next(line for line in R21.splitlines() if line.startswith("problems: "))
OTHER_2021 = """  other_handling:
    no_correction: {person: 0, business: 0, research: 0, social: 0, legal: 0, other: 0}
    unpaid_fees:   {person: 0, business: 0, research: 0, social: 0, legal: 0, other: 0}
    other:         {person: 0, business: 0, research: 0, social: 0, legal: 0, other: 0}"""
# 2022: 2021 with new prose and years; 现行有效 not carried on (RY-2).
R22 = edit(
    R21,
    ("year: 2021\n", "year: 2022\ncarry_over_note: 上年结转按新的统计口径重新核定。\n"),
    ("published_date: 2022-01-20", "published_date: 2023-01-16"),
    ("统计期限自2021年1月1日起至2021年12月31日止", "统计期限自2022年1月1日起至2022年12月31日止"),
    (OVERVIEW_2021, "overview:\n  text: 本年度重点推进义务教育招生入学政策的集中公开，开设政策问答专栏。\n"),
    (PROBLEMS_2021, "problems: 基层学校公开栏目维护不均衡。将把学校公开纳入年度考核。"),
)
# 2020 with 2019's 一 and 五, years changed: what RY-6 exists for.
COPY_2019_PROSE = (
    (
        "  text: 过去一年，测试市教育局把疫情期间停课复学安排作为公开重点，及时回应家长关切。",
        "  text: 新《条例》施行后，测试市教育局调整了公开目录，重新梳理了依申请公开的受理流程。",
    ),
    ("      text: 本年新收政府信息公开申请20件。", "      text: 全年办理政府信息公开申请事项，做到依法答复。"),
    (
        "problems: 网站栏目更新不够及时。今后将建立专人维护制度，按月检查栏目。",
        "problems: 对新《条例》的学习培训还不充分，基层学校掌握不够。2021年将组织专题培训。",
    ),
)
# 上年结转 moved between columns (and 新收 with it, so table 三 still balances): RY-1 only.
CARRY_SHIFTED = (
    ("carried_over:   {person: 2, business: 1", "carried_over:   {person: 1, business: 2"),
    ("received:       {person: 30, business: 5", "received:       {person: 31, business: 4"),
)


CASES = [
    pytest.param(
        # 一+二 ≠ （七）总计+四 in the 自然人 and 总计 columns
        dict(
            r2020=R20,
            r2021=edit(
                R21,
                ("granted:        {person: 15", "granted:        {person: 16"),
                (T3_TOTAL_41, T3_TOTAL_41.replace("person: 31", "person: 32").replace("total: 41", "total: 42")),
            ),
        ),
        1,
        [
            "data/ceshi-jyj/2021.yaml:52:20: 错误 [R3-1] applications.carried_forward.total：表三“总计”列不平衡：一、本年新收 39 + 二、上年结转 3 = 42，而（七）总计 42 + 四、结转下年度继续办理 1 = 43 (按表头勾稽关系，第一项加第二项之和应等于第三项加第四项之和，请核对这一列)",
            "data/ceshi-jyj/2021.yaml:52:29: 错误 [R3-1] applications.carried_forward.person：表三“自然人”列不平衡：一、本年新收 30 + 二、上年结转 2 = 32，而（七）总计 32 + 四、结转下年度继续办理 1 = 33 (按表头勾稽关系，第一项加第二项之和应等于第三项加第四项之和，请核对这一列)",
        ],
        "检查了 2 份报告：2 个错误，0 个警告。",
        id="R3-1",
    ),
    pytest.param(
        # a written （七）总计 that is not the sum of the outcomes
        dict(r2020=R20, r2021=edit(R21, (T3_TOTAL_41, T3_TOTAL_41.replace("total: 41", "total: 42")))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:51:97: 错误 [R3-2] applications.total.total：表三（七）总计“总计”列为 42，但（一）至（六）各项办理结果之和为 41 (请核对“总计”列各办理结果的数字，或把（七）总计改为 41；也可删去 total 由系统计算)",
            "data/ceshi-jyj/2021.yaml:51:97: 错误 [R3-3] applications.total.total：表三“（七）总计”一行的总计为 42，但六类申请人之和 31+6+1+0+2+1 = 41 (请核对这一行：总计应为 41，或改正各类申请人的数字；也可删去 total 由系统计算)",
            "data/ceshi-jyj/2021.yaml:52:20: 错误 [R3-1] applications.carried_forward.total：表三“总计”列不平衡：一、本年新收 39 + 二、上年结转 3 = 42，而（七）总计 42 + 四、结转下年度继续办理 1 = 43 (按表头勾稽关系，第一项加第二项之和应等于第三项加第四项之和，请核对这一列)",
        ],
        "检查了 2 份报告：3 个错误，0 个警告。",
        id="R3-2",
    ),
    pytest.param(
        # a row 总计 that is not the sum of the six applicant columns
        dict(r2020=R20, r2021=edit(R21, ("legal: 2, other: 1, total: 39}", "legal: 2, other: 1, total: 40}"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:13:13: 警告 [RX-1] overview.subsections.1.text：“一、总体情况”中写“收到政府信息公开申请39件”，但表三“一、本年新收政府信息公开申请数量”的总计为 40 (请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围)",
            "data/ceshi-jyj/2021.yaml:24:96: 错误 [R3-3] applications.received.total：表三“一、本年新收政府信息公开申请数量”一行的总计为 40，但六类申请人之和 30+5+1+0+2+1 = 39 (请核对这一行：总计应为 39，或改正各类申请人的数字；也可删去 total 由系统计算)",
            "data/ceshi-jyj/2021.yaml:52:20: 错误 [R3-1] applications.carried_forward.total：表三“总计”列不平衡：一、本年新收 40 + 二、上年结转 3 = 43，而（七）总计 41 + 四、结转下年度继续办理 1 = 42 (按表头勾稽关系，第一项加第二项之和应等于第三项加第四项之和，请核对这一列)",
        ],
        "检查了 2 份报告：2 个错误，1 个警告。",
        id="R3-3",
    ),
    pytest.param(
        # table 四 总计 ≠ the four outcomes
        dict(r2020=R20, r2021=edit(R21, ("pending: 1, total: 4}", "pending: 1, total: 5}"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:15:13: 警告 [RX-1] overview.subsections.2.text：“一、总体情况”中写“行政复议4件”，但表四“行政复议”的总计为 5 (请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围)",
            "data/ceshi-jyj/2021.yaml:54:83: 错误 [R4-1] review_litigation.review.total：表四“行政复议”的总计为 5，但结果维持、结果纠正、其他结果、尚未审结之和为 4 (请把总计改为 4，或改正四项结果；也可删去 total 由系统计算)",
        ],
        "检查了 2 份报告：1 个错误，1 个警告。",
        id="R4-1",
    ),
    pytest.param(
        # 2019 format: 上一年项目数量 + 本年增/减 < 0
        dict(r2020=edit(R20, ("{previous: 4, change: -1, decisions: 30}", "{previous: 4, change: -5, decisions: 30}")), r2021=R21),
        0,
        [
            "data/ceshi-jyj/2020.yaml:16:46: 警告 [R2-3] active_disclosure.other_services.change：表二“其他对外管理服务事项”的上一年项目数量 4 加本年增/减 -5 为 -1，年末事项数不会小于 0 (请核对“上一年项目数量”和“本年增/减”（减少的数量不能超过上一年项目数量）)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="R2-3",
    ),
    pytest.param(
        # 2019 format: 对外公开总数量 < 本年新公开数量
        dict(r2020=edit(R20, ("{new_made: 5, new_published: 5, total_published: 23}", "{new_made: 5, new_published: 5, total_published: 4}")), r2021=R21),
        0,
        [
            "data/ceshi-jyj/2020.yaml:14:73: 警告 [R2-4] active_disclosure.normative_documents.total_published：表二“规范性文件”的对外公开总数量 4 小于本年新公开数量 5 (对外公开总数量是累计数，请核对这两个数字)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="R2-4",
    ),
    pytest.param(
        # 2021 （八） fee typed in 元
        dict(r2020=R20, r2021=edit(R21, ("fees: 12.35", "fees: 25100000"))),
        0,
        [
            "data/ceshi-jyj/2021.yaml:22:9: 警告 [E6] active_disclosure.fees：表二“行政事业性收费”的本年收费金额 25100000 超过 1000 万万元，表头单位是万元，像是按元填写的 (单位为万元：以元计的金额请除以 10000 后填写，如 251000 元填 25.1)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="E6",
    ),
    pytest.param(
        # 2021 （八） fee with more than 4 decimals
        dict(r2020=R20, r2021=edit(R21, ("fees: 12.35", "fees: 12.123456"))),
        0,
        [
            "data/ceshi-jyj/2021.yaml:22:9: 警告 [E6] active_disclosure.fees：表二“行政事业性收费”的本年收费金额 12.123456 小数超过 4 位，表头单位是万元，像是按元填写的 (单位为万元：以元计的金额请除以 10000 后填写，如 251000 元填 25.1)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="E6-decimals",
    ),
    pytest.param(
        # 上年结转 ≠ last year's 结转下年度继续办理
        dict(r2020=R20, r2021=edit(R21, *CARRY_SHIFTED)),
        1,
        [
            "data/ceshi-jyj/2021.yaml:25:19: 错误 [RY-1] applications.carried_over：表三“二、上年结转政府信息公开申请数量”与上年报告 data/ceshi-jyj/2020.yaml 的“四、结转下年度继续办理”不一致：自然人 1（上年 2），商业企业 2（上年 1） (请按上年报告改正这一行；确有原因（如机构合并）的，在 carry_over_note 中写明原因)",
        ],
        "检查了 2 份报告：1 个错误，0 个警告。",
        id="RY-1",
    ),
    pytest.param(
        # the same with carry_over_note recorded: no finding
        dict(
            r2020=R20,
            r2021=edit(R21, *CARRY_SHIFTED, ("year: 2021\n", "year: 2021\ncarry_over_note: 2021年6月与原测试市体育局合并，结转申请按申请人类型重新归类。\n")),
        ),
        0,
        [],
        "检查了 2 份报告：0 个错误，0 个警告。",
        id="RY-1-note",
    ),
    pytest.param(
        # 2021 format: 现行有效 ≠ last 现行有效 + 制发 − 废止
        dict(r2021=R21, r2022=R22),
        0,
        [
            "data/ceshi-jyj/2022.yaml:12:59: 警告 [RY-2] active_disclosure.normative_documents.in_force：表二“行政规范性文件”的现行有效件数为 26，但上年现行有效 26 + 本年制发 4 − 本年废止 1 = 29 (请核对现行有效件数（应为 29）；如因修订、清理或机构调整而不同，可保留)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="RY-2",
    ),
    pytest.param(
        # 2019 format: 2020 上一年项目数量 ≠ 2019 上一年项目数量 + 本年增/减
        dict(r2019=edit(R19, ("{previous: 10, change: 2, decisions: 1300}", "{previous: 10, change: 3, decisions: 1300}")), r2020=R20),
        0,
        [
            "data/ceshi-jyj/2020.yaml:15:35: 警告 [RY-3] active_disclosure.licensing.previous：表二“行政许可”的上一年项目数量为 12，但上年报告中上一年项目数量 10 + 本年增/减 3 = 13 (请核对上一年项目数量（应为 13）)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="RY-3",
    ),
    pytest.param(
        # 2019 format: 对外公开总数量 smaller than last year
        dict(r2019=edit(R19, ("{new_made: 3, new_published: 3, total_published: 18}", "{new_made: 3, new_published: 3, total_published: 30}")), r2020=R20),
        0,
        [
            "data/ceshi-jyj/2020.yaml:14:73: 警告 [RY-4] active_disclosure.normative_documents.total_published：表二“规范性文件”的对外公开总数量 23 比上年报告的 30 少 (对外公开总数量是累计数，请核对)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="RY-4",
    ),
    pytest.param(
        # 一 and 五 copied from last year with the year changed
        dict(r2019=R19, r2020=edit(R20, *COPY_2019_PROSE)),
        0,
        [
            "data/ceshi-jyj/2020.yaml:7:1: 警告 [RY-6] overview：“一、总体情况”与上年报告 data/ceshi-jyj/2019.yaml 的文字相似度为 100.0%，超过 50% (请按本年度的实际工作重写这一部分，不要沿用上年文字（国办公开办函〔2021〕30号将内容雷同列为追责情形）)",
            "data/ceshi-jyj/2020.yaml:51:1: 警告 [RY-6] problems：“五、存在的主要问题及改进情况”与上年报告 data/ceshi-jyj/2019.yaml 的文字相似度为 89.7%，超过 50% (请按本年度的实际工作重写这一部分，不要沿用上年文字（国办公开办函〔2021〕30号将内容雷同列为追责情形）)",
        ],
        "检查了 2 份报告：0 个错误，2 个警告。",
        id="RY-6",
    ),
    pytest.param(
        # figures in 一 that contradict tables 三 and 四
        dict(
            r2020=R20,
            r2021=edit(
                R21,
                ("申请39件，上年结转3件，结转下年度1件", "申请38件，上年结转2件，结转下年度1件"),
                ("被申请行政复议4件，行政诉讼2件", "被申请行政复议5件，行政诉讼1件"),
            ),
        ),
        0,
        [
            "data/ceshi-jyj/2021.yaml:13:13: 警告 [RX-1] overview.subsections.1.text：“一、总体情况”中写“上年结转2件”，但表三“二、上年结转政府信息公开申请数量”的总计为 3 (请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围)",
            "data/ceshi-jyj/2021.yaml:13:13: 警告 [RX-1] overview.subsections.1.text：“一、总体情况”中写“收到政府信息公开申请38件”，但表三“一、本年新收政府信息公开申请数量”的总计为 39 (请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围)",
            "data/ceshi-jyj/2021.yaml:15:13: 警告 [RX-1] overview.subsections.2.text：“一、总体情况”中写“行政复议5件”，但表四“行政复议”的总计为 4 (请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围)",
            "data/ceshi-jyj/2021.yaml:15:13: 警告 [RX-1] overview.subsections.2.text：“一、总体情况”中写“行政诉讼1件”，但表四“未经复议直接起诉”与“复议后起诉”的总计之和为 2 (请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围)",
        ],
        "检查了 2 份报告：0 个错误，4 个警告。",
        id="RX-1",
    ),
    pytest.param(
        # 一 without any text
        dict(r2020=R20, r2021=edit(R21, (OVERVIEW_2021, "overview:\n  text: 无\n"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:7:1: 错误 [N-1] overview：“一、总体情况”没有内容 (请填写总体情况：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障)",
        ],
        "检查了 2 份报告：1 个错误，0 个警告。",
        id="N-1",
    ),
    pytest.param(
        # 一 written, but one of its subheadings still empty, as `nianbao new` leaves them (issue 18, item 15)
        dict(r2020=R20, r2021=edit(R21, ("      text: 全年被申请行政复议4件，行政诉讼2件。\n", "      text: ''\n"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:15:7: 错误 [N-2] overview.subsections.2.text：“一、总体情况”的“（三）监督保障”没有内容 (请填写“（三）监督保障”的情况；本单位确无此项工作的，请写明“本年度无……”，或删除这一小标题)",
        ],
        "检查了 2 份报告：1 个错误，0 个警告。",
        id="N-2",
    ),
    pytest.param(
        # 五 just 无
        dict(r2020=R20, r2021=edit(R21, (PROBLEMS_2021, "problems: 无。"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:57:1: 错误 [E13] problems：“五、存在的主要问题及改进情况”只写了“无。”，这一部分不能空缺或只写“无” (请写明本年度政府信息公开工作存在的主要问题和改进措施)",
        ],
        "检查了 2 份报告：1 个错误，0 个警告。",
        id="E13",
    ),
    pytest.param(
        # 五 left out
        dict(r2020=R20, r2021=edit(R21, (PROBLEMS_2021 + "\n", ""))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:4:1: 错误 [E13] problems：“五、存在的主要问题及改进情况”为空，这一部分不能空缺或只写“无” (请写明本年度政府信息公开工作存在的主要问题和改进措施)",
        ],
        "检查了 2 份报告：1 个错误，0 个警告。",
        id="E13-empty",
    ),
    pytest.param(
        # 2021+ 六 without 信息处理费
        dict(r2020=R20, r2021=edit(R21, ("other_matters: 本年度未收取信息处理费。", "other_matters: 本年度无其他需要报告的事项。"))),
        0,
        [
            "data/ceshi-jyj/2021.yaml:58:1: 警告 [V-6-1] other_matters：“六、其他需要报告的事项”中没有信息处理费收取情况 (请按《政府信息公开信息处理费管理办法》写明收费情况，如“本年度未收取信息处理费”)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="V-6-1",
    ),
    pytest.param(
        # 2021+ 六 just 无
        dict(r2020=R20, r2021=edit(R21, ("other_matters: 本年度未收取信息处理费。", "other_matters: 无"))),
        0,
        [
            "data/ceshi-jyj/2021.yaml:58:1: 警告 [V-6-2] other_matters：“六、其他需要报告的事项”只写了“无”，2021 年度起至少应报告信息处理费收取情况 (请写明信息处理费收取情况，如“本年度未收取信息处理费”，以及其他需要报告的事项)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="V-6-2",
    ),
    pytest.param(
        # 2021+ 六 left blank: the message says so instead of quoting an empty text (issue 18, item 16)
        dict(r2020=R20, r2021=edit(R21, ("other_matters: 本年度未收取信息处理费。", "other_matters: ''"))),
        0,
        [
            "data/ceshi-jyj/2021.yaml:58:1: 警告 [V-6-2] other_matters：“六、其他需要报告的事项”为空，2021 年度起至少应报告信息处理费收取情况 (请写明信息处理费收取情况，如“本年度未收取信息处理费”，以及其他需要报告的事项)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="V-6-2-blank",
    ),
    pytest.param(
        # 2019 format 六 just 无 is accepted
        dict(r2020=R20),
        0,
        [],
        "检查了 1 份报告：0 个错误，0 个警告。",
        id="V-6-2-2019",
    ),
    pytest.param(
        # title override with another year
        dict(r2020=R20, r2021=edit(R21, ("year: 2021\n", "year: 2021\ntitle: 测试市教育局2020年政府信息公开工作年度报告\n"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:8: 错误 [E17] title：标题中的年度 2020 与报告年度 year: 2021 不一致 (请把标题中的年度改为 2021，或改正 year)",
        ],
        "检查了 2 份报告：1 个错误，0 个警告。",
        id="E17-title",
    ),
    pytest.param(
        # statistics period of another year
        dict(r2020=R20, r2021=edit(R21, ("统计期限自2021年1月1日起至2021年12月31日止", "统计期限自2020年1月1日起至2020年12月31日止"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:6:10: 错误 [E17] opening：开头段落的统计期限“本年度报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止”写的是 2020 年，与报告年度 year: 2021 不一致 (请把统计期限改为 2021年1月1日至 2021年12月31日，或改正 year)",
        ],
        "检查了 2 份报告：1 个错误，0 个警告。",
        id="E17-period",
    ),
    pytest.param(
        # published and signed before the year ended
        dict(r2020=R20, r2021=edit(R21, ("published_date: 2022-01-20", "published_date: 2021-01-20\nsignature: {name: 测试市教育局, date: 2021-01-18}"))),
        1,
        [
            "data/ceshi-jyj/2021.yaml:5:17: 错误 [E17] published_date：发布日期 2021-01-20 早于统计年度结束（2021年12月31日），与报告年度 year: 2021 不一致 (请核对发布日期（应在 2022 年），或改正 year)",
            "data/ceshi-jyj/2021.yaml:6:33: 错误 [E17] signature.date：落款日期 2021-01-18 早于统计年度结束（2021年12月31日），与报告年度 year: 2021 不一致 (请核对落款日期（应在 2022 年），或改正 year)",
        ],
        "检查了 2 份报告：2 个错误，0 个警告。",
        id="E17-dates",
    ),
    pytest.param(
        # a department published after 1月31日
        dict(r2020=R20, r2021=edit(R21, ("published_date: 2022-01-20", "published_date: 2022-02-01"))),
        0,
        [
            "data/ceshi-jyj/2021.yaml:5:17: 警告 [E15] published_date：发布日期 2022-02-01 晚于政府部门年报的法定发布期限 2022年1月31日（《条例》第四十九条） (请核对发布日期；确属逾期发布的，如实保留此日期)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="E15-department",
    ),
    pytest.param(
        # a government published after 3月31日 (and not before)
        dict(
            r2020=edit(R20, ("published_date: 2021-01-25", "published_date: 2021-03-31")),
            r2021=edit(R21, ("published_date: 2022-01-20", "published_date: 2022-04-01")),
            agency=edit(AGENCY, ("type: department", "type: government")),
        ),
        0,
        [
            "data/ceshi-jyj/2021.yaml:5:17: 警告 [E15] published_date：发布日期 2022-04-01 晚于人民政府年报的法定发布期限 2022年3月31日（《条例》第四十九条） (请核对发布日期；确属逾期发布的，如实保留此日期)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告。",
        id="E15-government",
    ),
    pytest.param(
        # a current 2021 report that declares the 2019 format
        dict(r2020=R20, r2021=edit(R21, ("year: 2021\n", 'year: 2021\nformat: "2019"\n'))),
        1,
        [
            'data/ceshi-jyj/2021.yaml:5:9: 错误 [V-1] format（格式版本）：2021 年度报告应使用 2021 年格式（国办公开办函〔2021〕30号），不能声明 format: "2019" (请删去 format 并按本年度的格式填写；只有按原样导入、确以另一格式发布的历史报告（status: archived）才能声明格式)',
        ],
        "检查了 1 份报告：1 个错误，0 个警告；1 个文件因错误未能读取。",
        id="V-1-declared",
    ),
    pytest.param(
        # 2019-format keys in a 2021 report
        dict(
            r2020=R20,
            r2021=edit(
                R21, ("regulations:         {issued: 0, repealed: 0, in_force: 3}", "regulations:         {new_made: 0, new_published: 0, total_published: 3}")
            ),
        ),
        1,
        [
            "data/ceshi-jyj/2021.yaml:17:25: 错误 [V-1] active_disclosure.regulations.new_made（二、主动公开政府信息情况 / 规章）：“new_made”（本年新制作数量）是 2019 年格式的字段，本报告（2021 年度起）应使用 2021 年格式 (请按 2021 年格式填写表格（可用 nianbao new 生成模板）)",
            "data/ceshi-jyj/2021.yaml:17:38: 错误 [V-1] active_disclosure.regulations.new_published（二、主动公开政府信息情况 / 规章）：“new_published”（本年新公开数量）是 2019 年格式的字段，本报告（2021 年度起）应使用 2021 年格式 (请按 2021 年格式填写表格（可用 nianbao new 生成模板）)",
            "data/ceshi-jyj/2021.yaml:17:56: 错误 [V-1] active_disclosure.regulations.total_published（二、主动公开政府信息情况 / 规章）：“total_published”（对外公开总数量）是 2019 年格式的字段，本报告（2021 年度起）应使用 2021 年格式 (请按 2021 年格式填写表格（可用 nianbao new 生成模板）)",
        ],
        "检查了 1 份报告：3 个错误，0 个警告；1 个文件因错误未能读取。",
        id="V-1-keys",
    ),
    pytest.param(
        # the 2021 （六） in a 2020 report
        dict(r2020=edit(R20, ("  other_handling: {person: 0, business: 0, research: 0, social: 0, legal: 0, other: 0}", OTHER_2021)), r2021=R21),
        1,
        [
            "data/ceshi-jyj/2020.yaml:46:5: 错误 [V-1] applications.other_handling.no_correction（三、收到和处理政府信息公开申请情况 / （六）其他处理）：“no_correction”（1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请）是 2021 年格式的字段，本报告（2019、2020 年度）应使用 2019 年格式 (请按 2019 年格式填写表格（可用 nianbao new 生成模板）)",
            "data/ceshi-jyj/2020.yaml:47:5: 错误 [V-1] applications.other_handling.unpaid_fees（三、收到和处理政府信息公开申请情况 / （六）其他处理）：“unpaid_fees”（2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请）是 2021 年格式的字段，本报告（2019、2020 年度）应使用 2019 年格式 (请按 2019 年格式填写表格（可用 nianbao new 生成模板）)",
        ],
        "检查了 1 份报告：2 个错误，0 个警告；1 个文件因错误未能读取。",
        id="V-1-keys-2019",
    ),
    pytest.param(
        # an archived report keeps its errors listed but publishable
        dict(
            r2020=R20,
            r2021=edit(
                R21, ("year: 2021\n", "year: 2021\nstatus: archived\n"), ("pending: 1, total: 4}", "pending: 1, total: 5}"), (PROBLEMS_2021, "problems: 无")
            ),
        ),
        0,
        [
            "data/ceshi-jyj/2021.yaml:16:13: 警告（历史报告，不阻止发布） [RX-1] overview.subsections.2.text：“一、总体情况”中写“行政复议4件”，但表四“行政复议”的总计为 5 (请核对正文与表格，使两者一致；正文有意统计其他范围（如全地区汇总）的，请写明范围)",
            "data/ceshi-jyj/2021.yaml:55:83: 错误（历史报告，不阻止发布） [R4-1] review_litigation.review.total：表四“行政复议”的总计为 5，但结果维持、结果纠正、其他结果、尚未审结之和为 4 (请把总计改为 4，或改正四项结果；也可删去 total 由系统计算)",
            "data/ceshi-jyj/2021.yaml:58:1: 错误（历史报告，不阻止发布） [E13] problems：“五、存在的主要问题及改进情况”只写了“无”，这一部分不能空缺或只写“无” (请写明本年度政府信息公开工作存在的主要问题和改进措施)",
        ],
        "检查了 2 份报告：0 个错误，1 个警告，另有 2 个历史报告中按原样保留的问题（不阻止发布）。",
        id="archived",
    ),
]


def _tree(root: Path, reports: dict[str, str]) -> Path:
    reports = dict(reports)
    files: dict[str, str | bytes] = {f"{AGENCY_ID}/agency.yaml": reports.pop("agency", AGENCY)}
    for key, text in reports.items():
        files[f"{AGENCY_ID}/{key[1:]}.yaml"] = text
    return write_tree(root, files)


def test_the_fixtures_pass_every_check(tmp_path: Path) -> None:
    run = check(_tree(tmp_path, {"r2019": R19, "r2020": R20, "r2021": R21}))
    assert (run.status, run.lines, run.summary) == (0, [], "检查了 3 份报告：0 个错误，0 个警告。")


@pytest.mark.parametrize(("reports", "status", "lines", "summary"), CASES)
def test_rule(tmp_path: Path, reports: dict[str, str], status: int, lines: list[str], summary: str) -> None:
    run = check(_tree(tmp_path, reports))
    assert run.lines == lines
    assert run.summary == summary
    assert run.status == status


def test_similarity_measure() -> None:
    """RY-6's measure: Chinese-character bigram Jaccard; changed years and figures do not hide a copy."""
    from nianbao.model.checks.similarity import similarity

    last = "2020年，我局认真贯彻落实《条例》，全年主动公开政府信息312条。"
    assert similarity(last.replace("2020", "2021").replace("312", "298"), last) == 1.0
    fresh = "本年度重点推进义务教育招生入学政策的集中公开，开设政策问答专栏。"
    assert similarity(fresh, last) < 0.2
    assert similarity("", last) == 0.0


def test_bigrams_are_the_pairs_of_adjacent_chinese_characters() -> None:
    """RY-6's fast bigrams (numbers read from UTF-16) count exactly the character pairs of the definition."""
    from nianbao.model.checks.similarity import bigrams

    for text in ["", "公", "公开", "政务公开", "2020年，本机关主动公开政府信息 1,234 条；依申请公开办理及时。", "㐀䶵一龥一龥"]:
        han = "".join(c for c in text if "\u3400" <= c <= "\u9fff")
        assert len(bigrams(text)) == len({han[i : i + 2] for i in range(len(han) - 1)}), text
    assert bigrams("政务公开") == bigrams("政务，公开")  # punctuation is not text
    assert bigrams("公开政务") != bigrams("政务公开")
