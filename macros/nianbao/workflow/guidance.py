"""What the national format asks for in each prose part of a report (spec §3.1, §4.2, §8.3).

The new-report scaffold prints these as Chinese comments above each empty
section, so a clerk reads the requirement where they type. Kept apart from
`labels` (which holds the format's printed wording) because this is advice,
not text that appears on a page.
"""

from __future__ import annotations

from nianbao.model import labels as L

OPENING = (
    "开头段落（建议写明以下各项，依次为）：",
    "1. 编制依据：根据《中华人民共和国政府信息公开条例》（国务院令第711号）{basis}要求编制；",
    "2. 全文构成：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、",
    "   政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项；",
    "3. 统计期限：本年度报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止；",
    "4. 下载方式：本年度报告电子版可从某某网站（网址）下载；",
    "5. 联系方式：如对本报告有任何疑问，请与某某办公室联系（地址、邮编、电话、电子邮箱）。",
)

_BASIS = {
    "2019": "和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）",
    "2021": "和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
}

OVERVIEW: dict[L.FormatVersion, tuple[str, ...]] = {
    "2021": (
        f"{L.SECTIONS['overview']}（必填）：综述本机关贯彻落实《条例》、推进政府信息公开工作的总体情况，",
        "涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面；",
        "各级人民政府在监督保障中还应报告工作考核、社会评议和责任追究结果情况。",
        "国办公开办函〔2021〕30号要求内容严格对照《条例》第五十条，“不能遗漏，也不宜泛化”。",
    ),
    "2019": (
        f"{L.SECTIONS['overview']}（必填）：综述本机关贯彻落实《条例》、推进政府信息公开工作的总体情况，",
        "通常分主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面叙述。",
    ),
}

PROBLEMS = (
    f"{L.SECTIONS['problems']}（必填，不能留空或只写“无”）：",
    "写明本年度工作存在的主要问题（如“一是……二是……”）和已采取或计划采取的改进措施（如“下一步……”），",
    "可说明上年度报告所列问题的整改情况。不要照搬上年度文字：内容雷同属于问责情形（30号文“明确责任”）。",
)

OTHER_MATTERS: dict[L.FormatVersion, tuple[str, ...]] = {
    "2021": (
        f"{L.SECTIONS['other_matters']}：",
        "必须报告信息处理费收取情况（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）：",
        "发出收费通知的件数、总金额和实际收取的总金额；未收取的，写明“本年度未收取信息处理费”。",
        "人民政府还应报告落实上级年度政务公开工作要点情况、人大代表建议和政协委员提案办理结果公开情况、政务公开工作创新情况。",
    ),
    "2019": (
        f"{L.SECTIONS['other_matters']}：",
        "报告其他需要说明的事项；没有的，可写“无”或“本机关无其他需要报告的事项”。",
    ),
}


def opening(version: L.FormatVersion, year: int) -> tuple[str, ...]:
    return tuple(line.format(basis=_BASIS[version], year=year) for line in OPENING)
