"""Every finding code nianbao can report: its severity, title, meaning, an example and the fix.

This registry is the one place where a code's severity is decided: loaders and
rule modules ask `severity(code)` instead of writing "error" themselves, and
the clerks' error guide is generated from `CODES`. Codes are stable: never
reuse or renumber one; retire a code by leaving it here with a note.

Code families:
- Y…  the file cannot be read as YAML at all (encoding, syntax, size);
- S…  a value does not fit the data format (unknown key, missing field, text in a number cell);
- F…  folder and file naming in `data/`;
- V-1, R…, RX-…, RY-…, V-6-…  the rules of the national format (spec §5);
- E13, E15, E17, N-1, N-2  the typical errors of spec §9 that have no rule number there;
- P…  the report's publication state (draft, current, archived).

Importable without the rest of the package (no pydantic, no YAML), so a docs
generator or an editor plugin can read it cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    title: str  # a few words, used as a heading in the error guide
    explain: str  # what the rule means and why it exists, one or two sentences
    example: str  # a bad value as a clerk would type it (YAML) or a situation
    fix: str  # what to do, in general terms (each finding also says it for its case)


_ALL: tuple[Code, ...] = (
    # ---- Y: reading the file ----------------------------------------------------------------
    Code(
        "Y001",
        "error",
        "YAML 语法错误",
        "文件不符合 YAML 语法，无法读取；常见原因是缩进不一致、缺少冒号或引号没有闭合。",
        "person 12",
        "按提示的行号检查缩进、冒号和引号；含冒号或 # 的文字请用引号括起来。",
    ),
    Code(
        "Y002",
        "error",
        "使用了制表符缩进",
        "YAML 只允许用空格缩进，Tab 会使文件无法读取。",
        "applications:\n\treceived: …",
        "在编辑器中把 Tab 替换为空格（通常每级两个空格）。",
    ),
    Code("Y003", "error", "键重复", "同一层级出现两次相同的键，后一项会悄悄覆盖前一项，因此视为错误。", "year: 2021\nyear: 2022", "删除或合并重复的一项。"),
    Code(
        "Y004",
        "error",
        "不是 UTF-8 编码",
        "数据文件必须是 UTF-8 编码；用 Windows 记事本等另存为 GBK/ANSI 的文件会被拒绝。",
        "以 GBK 编码保存的 2021.yaml",
        "在编辑器中以“UTF-8”编码重新保存该文件。",
    ),
    Code("Y005", "error", "文件带 BOM", "文件开头的 BOM 标记会干扰读取和比较。", "以“UTF-8 带 BOM”保存的文件", "以“UTF-8（无 BOM）”编码重新保存。"),
    Code("Y006", "error", "空文件", "文件没有任何内容（或只有注释）。", "只含注释的 2021.yaml", "填写内容，或删除这个文件。"),
    Code(
        "Y007",
        "error",
        "文件过大",
        "一份年报的数据文件不会超过 1 MB，过大的文件通常是误粘贴了大量内容。",
        "误粘贴了整份 PDF 文字的文件",
        "删去多余内容，使文件小于 1 MB。",
    ),
    Code(
        "Y008",
        "error",
        "使用了锚点、别名或合并键",
        "YAML 的 &锚点、*别名和 << 合并键可以让很小的文件展开成巨大的数据，数据文件一律不支持。",
        "granted: *zero",
        "直接写出每一项的内容。",
    ),
    Code("Y009", "error", "无法读取文件", "文件存在但无法打开，通常是权限问题。", "没有读取权限的文件", "检查文件权限。"),
    Code(
        "Y010",
        "error",
        "文字中有控制字符",
        "复制粘贴可能带入看不见的控制字符，网页和 Word 文档都无法容纳它们。",
        'problems: "一是\\a公开不及时"',
        "删除这个字符，或重新输入这段文字。",
    ),
    # ---- S: values and keys -----------------------------------------------------------------
    Code(
        "S001",
        "error",
        "未知的键",
        "键名不在数据格式中，可能是拼写错误或缩进错误；近似的键名会给出“是不是……”提示。",
        "recieved: {…}",
        "改正键名（参考提示），或删除这一项。",
    ),
    Code(
        "S002",
        "error",
        "缺少必填项",
        "数据格式要求的字段没有填写，例如缺少表三的某一行。",
        "applications 下缺少 granted",
        "按提示补上这一项（可用 nianbao new 生成完整模板）。",
    ),
    Code(
        "S003",
        "error",
        "数字写成了文字或留空",
        "件数和金额必须是阿拉伯数字；空白、“-”“/”“无”、汉字数字或全角数字都不能代替数字。",
        "person: 十二",
        "没有请填 0；其他请改用半角阿拉伯数字，如 12。",
    ),
    Code("S004", "error", "负数", "件数和金额不能为负数（只有 2019 年格式的“本年增/减”可以为负）。", "person: -3", "填写 0 或正数。"),
    Code("S005", "error", "件数带小数", "件数必须是整数。", "person: 2.5", "填写整数。"),
    Code(
        "S006",
        "error",
        "取值类型或结构不对",
        "值的类型与数据格式不符，例如该写下一级字段的地方写了数字，或日期格式不对。",
        "published_date: 2022年1月20日",
        "按提示的格式填写，例如日期写成 2022-01-20。",
    ),
    Code("S007", "error", "名称中含标记字符", "名称和标题会出现在网页标题和导航中，不能含有 < > 或 {{ {% 等标记字符。", "title: <b>年报</b>", "删去这些字符。"),
    Code("S008", "error", "数字中带了单位", "单元格只填数字，单位由表头说明（如“万元”）。", "fees: 251000元", "只填数字，如 25.1；注意表头单位。"),
    # ---- F: folders and files ---------------------------------------------------------------
    Code(
        "S009",
        "error",
        "单行字段中有换行",
        "名称、标题、地址、电话等只能写一行：换行会把一条检查信息拆成几行，在 CI 日志中还可能被当作命令执行。",
        'title: "2021年报\\n::warning::"',
        "删去换行，写在同一行内。",
    ),
    Code(
        "S010",
        "error",
        "网址不是 http(s)",
        "网站显示为链接，只接受 http:// 或 https:// 开头的网址；javascript:、data: 等会在访问者的浏览器中执行。",
        "website: javascript:alert(1)",
        "填写完整的网址，如 https://www.example.gov.cn/。",
    ),
    Code(
        "S011",
        "error",
        "数值超出合理范围",
        "件数不超过 1 亿、金额不超过 1 万亿：更大的数字没有真实的年报会出现，通常是多打了几位。",
        "person: 1000000000000000000000000000000",
        "核对数字和单位。",
    ),
    Code(
        "F001",
        "error",
        "机关文件夹名不规范",
        "机关文件夹名会成为网址的一部分，只能用小写英文字母、数字和连字符。",
        "data/樟树机关事务局/",
        "把文件夹改名为小写英文代码，如 zhangshu-jgswj。",
    ),
    Code("F002", "error", "文件名年度与内容不一致", "文件名的年度和文件内 year 必须相同。", "2021.yaml 中写 year: 2020", "把文件改名，或改正 year。"),
    Code(
        "F003",
        "error",
        "同一年度有两个文件",
        "同一机关同一年度只能有一份报告，例如同时存在 2021.yaml 和 2021.yml。",
        "2021.yaml 和 2021.yml",
        "删除其中一个文件。",
    ),
    Code(
        "F004",
        "error",
        "缺少机关信息文件",
        "机关文件夹中有年报，但没有 agency.yaml，报告无法署名，也无法生成机关页面。",
        "data/shili-jyj/ 下只有 2021.yaml",
        "用 nianbao new-agency 创建 agency.yaml。",
    ),
    Code("F005", "error", "找不到数据文件夹", "项目根目录下没有 data/ 文件夹。", "缺少 data/", "在项目根目录下创建 data/ 文件夹。"),
    Code(
        "F006",
        "error",
        "数据文件不在机关文件夹中",
        "data/ 下直接放了 YAML 文件；每份文件都必须放在所属机关的文件夹中。",
        "data/2021.yaml",
        "移到 data/<机关代码>/ 下。",
    ),
    Code(
        "F007",
        "error",
        "无法识别的文件名",
        "机关文件夹中的 YAML 文件只能是 agency.yaml 或以年度命名（如 2021.yaml）。",
        "data/shili-jyj/2021年报.yaml",
        "把文件改名为 2021.yaml 这样的形式。",
    ),
    # ---- the national format (spec §5) ------------------------------------------------------
    Code(
        "F008",
        "error",
        "符号链接",
        "data/ 中的符号链接（快捷方式）可能指向仓库以外的文件，会把不该公开的内容发布出去，因此一律不读取。",
        "ln -s /etc/secrets.yaml data/ceshi-jyj/2021.yaml",
        "用文件本身替换链接。",
    ),
    Code(
        "F009",
        "error",
        "不是普通文件",
        "机关文件夹中只能放数据文件：子文件夹、命名管道等不会被读取，其中的报告也不会发布。",
        "名为 2021.yaml 的文件夹",
        "删除或移走它；年报文件直接放在机关文件夹下。",
    ),
    Code(
        "F010",
        "error",
        "上级机关不存在",
        "parent 应填写 data/ 下另一个机关的文件夹名，年度页按上级机关分组。",
        "parent: shili-shi（data/ 下没有 shili-shi）",
        "改正机关代码；没有上级机关时删去 parent。",
    ),
    Code(
        "V-1",
        "error",
        "格式版本与年度不符",
        "2019、2020 年度报告用 2019 年格式（国办公开办函〔2019〕60号），2021 年度起用 2021 年格式（国办公开办函〔2021〕30号），"
        "两者的表二和表三（六）不同，不能混用。",
        "2021 年度报告中写 new_made（2019 年格式的“本年新制作数量”）",
        "按年度对应的格式填写（可用 nianbao new 生成模板）。",
    ),
    Code(
        "R3-1",
        "error",
        "表三勾稽关系不平衡",
        "表三每一列都必须满足：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理（表头注明的勾稽关系）。",
        "新收 12、上年结转 1，而总计 10、结转下年度 2",
        "核对这一列的四个数字。",
    ),
    Code(
        "R3-2",
        "error",
        "表三（七）总计与各办理结果之和不符",
        "（七）总计等于（一）至（六）各办理结果之和，每件申请只计一种结果。",
        "各办理结果之和为 12，总计写 13",
        "核对各办理结果，或改正（七）总计；也可不填 total，由系统计算。",
    ),
    Code(
        "R3-3",
        "error",
        "表三某行总计与各类申请人之和不符",
        "表三每一行的“总计”等于自然人和五类法人或其他组织之和。",
        "自然人 3、商业企业 1，总计写 5",
        "核对这一行，或改正总计；也可不填 total，由系统计算。",
    ),
    Code(
        "R4-1",
        "error",
        "表四总计与四项结果之和不符",
        "行政复议、未经复议直接起诉、复议后起诉的“总计”各等于结果维持、结果纠正、其他结果、尚未审结之和。",
        "维持 1、纠正 1，总计写 3",
        "改正总计或四项结果；也可不填 total，由系统计算。",
    ),
    Code(
        "R2-3",
        "warning",
        "年末事项数为负",
        "2019 年格式表二中，上一年项目数量加本年增/减就是年末的事项数，不会小于 0。",
        "previous: 3, change: -5",
        "核对“上一年项目数量”和“本年增/减”。",
    ),
    Code(
        "R2-4",
        "warning",
        "对外公开总数量小于本年新公开数量",
        "2019 年格式表二中，对外公开总数量是累计数，不应小于本年新公开数量。",
        "new_published: 8, total_published: 5",
        "核对这两个数字。",
    ),
    Code(
        "E6",
        "warning",
        "收费金额数量级可疑",
        "2021 年格式表二（八）的单位是万元；超过 1000 万万元或超过 4 位小数，多半是按“元”填写了。",
        "fees: 251000.12345",
        "把以元计的金额除以 10000 后填写。",
    ),
    Code(
        "RX-1",
        "warning",
        "正文数字与表格不一致",
        "一、总体情况和五中写到的申请件数、复议和诉讼件数，应与表三、表四一致。",
        "正文写“全年共收到政府信息公开申请258件”，表三新收总计为 275",
        "核对正文和表格；正文有意统计其他范围的，请写明范围。",
    ),
    Code(
        "N-1",
        "error",
        "一、总体情况为空",
        "总体情况是年报的必备内容，不能为空。",
        "overview: {text: ''}",
        "填写总体情况（主动公开、依申请公开、政府信息管理、平台建设、监督保障）。",
    ),
    Code(
        "N-2",
        "error",
        "一、总体情况的小标题下没有内容",
        "总体情况分项写的（一）至（五）等小标题下必须有正文，否则页面和 Word 文件中只剩空的小标题。历史报告照原样保留。",
        "subsections:\n  - title: （三）政府信息管理\n    text: ''",
        "填写该分项的工作情况；确无此项工作的写明“本年度无……”，或删除这个小标题。",
    ),
    Code(
        "E13",
        "error",
        "五、存在的主要问题及改进情况为空或只写“无”",
        "五应写明存在的主要问题和改进措施，不能空缺或只写“无”。",
        "problems: 无",
        "写明本年度存在的主要问题和改进措施。",
    ),
    Code(
        "V-6-1",
        "warning",
        "六中没有信息处理费情况",
        "2021 年度起，六、其他需要报告的事项应报告信息处理费的收取情况（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。",
        "other_matters: 本年度无其他需要报告的事项。",
        "写明收取信息处理费的情况，如“本年度未收取信息处理费”。",
    ),
    Code(
        "V-6-2",
        "warning",
        "六只写了“无”",
        "2021 年度起，六至少要报告信息处理费情况，不宜只写“无”。",
        "other_matters: 无",
        "写明信息处理费情况及其他需要报告的事项。",
    ),
    Code(
        "E17",
        "error",
        "年度不一致",
        "标题中的年度、开头段落中的统计期限和报告年度必须一致；发布日期不能早于统计年度结束。",
        "2021 年度报告写“统计期限自2020年1月1日起至2020年12月31日止”",
        "把年度改正为报告年度。",
    ),
    Code(
        "E15",
        "warning",
        "发布晚于法定期限",
        "《条例》第四十九条：政府部门的年报应于次年 1月31日前发布，人民政府的年报应于次年 3月31日前发布。",
        "department 类型机关 published_date: 2022-02-15",
        "核对发布日期；确属逾期的，如实保留。",
    ),
    Code(
        "P001",
        "error",
        "已发布的报告缺少发布日期",
        "status: current 表示报告已由本机关发布，门户据此公开，报送进度和考核也按发布日期计算，因此必须填写 published_date。",
        "status: current，但没有 published_date",
        "已发布的填写实际发布日期（如 published_date: 2022-01-20）；尚未发布的把 status 改为 draft。",
    ),
    Code(
        "RY-1",
        "error",
        "上年结转与上年报告不一致",
        "本年表三“二、上年结转政府信息公开申请数量”应等于上年报告的“四、结转下年度继续办理”，每一列都要相同。",
        "上年结转下年度 3 件，本年上年结转写 2 件",
        "按上年报告改正；确有原因（如机构合并）的，在 carry_over_note 中写明原因。",
    ),
    Code(
        "RY-2",
        "warning",
        "现行有效件数与上年不衔接",
        "2021 年格式表二：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。修订、清理或机构调整可能使其合理地不相等，因此只作提示。",
        "上年有效 10、本年制发 2、废止 1，本年有效写 12",
        "核对这三个数字。",
    ),
    Code(
        "RY-3",
        "warning",
        "上一年项目数量与上年报告不衔接",
        "2019 年格式表二：2020 年度的“上一年项目数量”= 2019 年度的“上一年项目数量”+“本年增/减”。",
        "2019 年度 10 项、增 2，2020 年度上一年项目数量写 10",
        "核对上一年项目数量。",
    ),
    Code(
        "RY-4",
        "warning",
        "对外公开总数量比上年减少",
        "2019 年格式表二的对外公开总数量是累计数，一般不会比上年少。",
        "2019 年度 120，2020 年度写 80",
        "核对对外公开总数量。",
    ),
    Code(
        "RY-6",
        "warning",
        "文字与上年报告雷同",
        "一、总体情况和五的文字与上年报告的相似度超过 50%（按去掉空白、标点和数字后的相邻两字组合计算 Jaccard 相似度）。"
        "国办公开办函〔2021〕30号将“内容雷同”列为追责情形。",
        "把上年的总体情况改了年份后照搬",
        "按本年度实际情况重写。",
    ),
)

CODES: dict[str, Code] = {c.code: c for c in _ALL}


def severity(code: str) -> Severity:
    """The severity of a code; an unknown code is a programming error and raises KeyError."""
    return CODES[code].severity
