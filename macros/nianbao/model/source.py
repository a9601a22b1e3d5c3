"""Reading one YAML data file into plain values that remember where they came from.

PyYAML's own constructors follow YAML 1.1: `010` becomes 8, `yes` becomes
True, a repeated key silently overwrites the first and aliases can expand a
small file into gigabytes. We let libyaml parse and compose the node tree, then
build values ourselves with a small, strict set of rules:

- plain integers without leading zeros are `int`; plain decimals are `Decimal`
  with exactly the digits written; anything with a leading zero (area codes,
  postcodes) stays text; `true`/`false` and `null`/`~`/empty are the only
  other implicit values; every quoted scalar is text;
- duplicate keys, aliases and merge keys are refused;
- every value's line and column is kept in a `SourceMap`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

import yaml

try:  # libyaml: several times faster than the pure-Python parser
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - the pinned PyYAML wheels ship libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_PLAIN = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """libyaml's composer without PyYAML's regex resolver: `_scalar` decides every plain value."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN
        return _SEQ if kind is yaml.SequenceNode else _MAP


MAX_BYTES = 1_000_000

Path = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")
# C0 controls other than tab and line breaks, DEL, C1 controls, the noncharacters U+FFFE/U+FFFF
# and lone surrogates: XML (Word, HTML) cannot carry them or libyaml refuses them (in English, at 1:1).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# A number written with a leading zero, as a plain (unquoted) scalar: it stays text, and says so.
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+(?:\.[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class LeadingZero(str):
    """Plain text such as `010`: a number to the eye, kept as text so area codes keep their zero.

    A distinct type so a message can tell the clerk about the zero instead of about quotes that are not there.
    """

    __slots__ = ()


class Position(NamedTuple):
    # A NamedTuple: one is made for every value of every file.
    line: int
    col: int


class SourceMap:
    """Positions of values and of keys, by path from the document root.

    Worked out only when a finding asks for one: most files have no finding,
    and a position table for every value of every file was a third of the
    load time. The text is composed again on first use.
    """

    def __init__(self, text_of: Callable[[], str]) -> None:
        self._text_of = text_of
        self._values: dict[Path, Position] | None = None
        self._keys: dict[Path, Position] = {}

    def _positions(self) -> dict[Path, Position]:
        if self._values is None:
            self._values = {}
            _index(yaml.compose(self._text_of(), Loader=_Loader), (), self._values, self._keys)
        return self._values

    def value(self, path: Path) -> Position:
        """Position of the value at path, or of its nearest written ancestor."""
        values = self._positions()
        for i in range(len(path), -1, -1):
            pos = values.get(path[:i])
            if pos is not None:
                return pos
        return Position(1, 1)

    def written(self, path: Path) -> bool:
        """Whether the file writes this value itself (a default the model fills in is not written)."""
        return path in self._positions()

    def key(self, path: Path) -> Position:
        self._positions()
        return self._keys.get(path) or self.value(path)


def _index(node: yaml.Node, path: Path, values: dict[Path, Position], keys: dict[Path, Position]) -> None:
    mark = node.start_mark
    values[path] = Position(mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = (*path, str(key_node.value))
            keys[key_path] = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _index(value_node, key_path, values, keys)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _index(child, (*path, i), values, keys)


class SourceProblem(Exception):
    """A file that cannot be read as data at all. Carries a finding's parts."""

    def __init__(self, code: str, line: int, col: int, message: str, fix: str) -> None:
        super().__init__(message)
        self.code, self.line, self.col, self.message, self.fix = code, line, col, message, fix


def too_big(size: int) -> SourceProblem:
    return SourceProblem("Y007", 1, 1, f"文件过大（{size} 字节，上限 {MAX_BYTES} 字节）", "一份年报的数据文件不应超过 1 MB，请检查是否误粘贴了大量内容")


def decode(raw: bytes) -> str:
    """Bytes of a data file to text, or a SourceProblem saying why not."""
    if len(raw) > MAX_BYTES:
        raise too_big(len(raw))
    if raw.startswith(b"\xef\xbb\xbf"):
        raise SourceProblem("Y005", 1, 1, "文件开头带有 BOM 标记", "请在编辑器中以“UTF-8（无 BOM）”编码重新保存")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        guess = ""
        try:
            raw.decode("gb18030")
            guess = "文件似乎是 GBK/GB18030 编码，"
        except UnicodeDecodeError:
            pass
        raise SourceProblem("Y004", line, col, f"{guess}不是 UTF-8 编码", "请在编辑器中以“UTF-8”编码重新保存该文件") from None
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise _control_problem(line, control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1, control.group())
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise SourceProblem("Y006", 1, 1, "文件是空的", "请填写内容，或删除这个文件")
    return text


def parse(text: str, text_of: Callable[[], str] | None = None) -> tuple[Any, SourceMap]:
    """YAML text to plain values and their positions (text_of gives the text again when positions are needed)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise _syntax_problem(err, text) from None
    except yaml.YAMLError as err:  # pragma: no cover - libyaml always marks its errors
        raise SourceProblem("Y001", 1, 1, f"YAML 语法错误：{err}", "请检查缩进和冒号") from None
    if node is None:
        raise SourceProblem("Y006", 1, 1, "文件是空的", "请填写内容，或删除这个文件")
    # Aliases need a "*" in the text; skip the bookkeeping that finds them otherwise.
    values = _Builder(aliases_possible="*" in text).build(node)
    return values, SourceMap(text_of or (lambda: text))


def _syntax_problem(err: yaml.MarkedYAMLError, text: str) -> SourceProblem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = err.problem or ""
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "'\\t'" in problem or (source_line[: max(col - 1, 0)].strip(" ") == "" and "\t" in source_line):
        return SourceProblem("Y002", line, col, "使用了制表符（Tab）缩进", "YAML 只能用空格缩进，请把 Tab 换成空格")
    if "expected a single document" in str(err):
        return SourceProblem("Y001", line, col, "文件中有多个 YAML 文档（出现了 ---）", "一个文件只放一份报告，请删除多余的 ---")
    detail = next((zh for en, zh in _SYNTAX_PROBLEMS if problem.startswith(en)), None)
    if detail is None:
        # An unusual parser message: say it in Chinese and keep libyaml's words as a hint.
        detail = f"无法解析（解析器提示：{problem}）" if problem else "无法解析"
    return SourceProblem(
        "Y001",
        line,
        col,
        f"YAML 语法错误：{detail}",
        "请检查这一行及上一行的缩进、冒号和引号；含冒号或 # 的文字请用引号括起来",
    )


# libyaml's (and PyYAML's) problem texts, by prefix, in the words a clerk understands.
_SYNTAX_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "此处不能出现冒号“:”（文字中含冒号时请给整段文字加引号）"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("did not find expected key", "缩进不一致或缺少键名"),
    ("did not find expected '-' indicator", "列表项的缩进不一致"),
    ("block sequence entries are not allowed", "此处不能开始列表项“- ”"),
    ("did not find expected ',' or ']'", "方括号 [ ] 没有闭合，或缺少逗号"),
    ("did not find expected ',' or '}'", "花括号 { } 没有闭合，或缺少逗号"),
    ("found character that cannot start any token", "出现了不能作为开头的字符（如 @ 或 `，请给整段文字加引号）"),
    ("found unexpected end of stream", "引号或括号没有闭合"),
    ("found unknown escape character", "双引号中的反斜杠“\\”后面的字符无效（请改用单引号或去掉反斜杠）"),
    ("did not find expected node content", "缺少内容"),
    ("did not find expected alphabetic or numeric character", "& 或 * 后面缺少名称（文字中含 & 或 * 时请加引号）"),
    ("found undefined alias", "使用了未定义的别名"),
    ("found undefined tag handle", "出现了无法识别的“!”标记（文字以 ! 开头时请加引号）"),
    ("found unexpected document indicator", "出现了文档分隔符（--- 或 ...）"),
    ("found a tab character", "使用了制表符（Tab）"),
)


class _Builder:
    def __init__(self, aliases_possible: bool) -> None:
        self.seen: set[int] | None = set() if aliases_possible else None

    def build(self, node: yaml.Node) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:
                mark = node.start_mark
                raise SourceProblem("Y008", mark.line + 1, mark.column + 1, "使用了 YAML 锚点/别名（& 和 *）", "请直接写出内容，数据文件不支持锚点和别名")
            self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        return [self.build(child) for child in node.value]

    def _mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                mark = key_node.start_mark
                raise SourceProblem("Y001", mark.line + 1, mark.column + 1, "键名必须是简单文字", "请把这一行改成“键名: 值”的形式")
            key = str(key_node.value)
            if key == "<<" and not key_node.style:
                mark = key_node.start_mark
                raise SourceProblem("Y008", mark.line + 1, mark.column + 1, "使用了 YAML 合并键（<<）", "请直接写出内容，数据文件不支持锚点和合并键")
            if key in result:
                mark = key_node.start_mark
                first = next(k.start_mark.line + 1 for k, _ in node.value if str(k.value) == key)
                raise SourceProblem(
                    "Y003",
                    mark.line + 1,
                    mark.column + 1,
                    f"键“{key}”重复出现（第一次在第 {first} 行）",
                    "同一层级每个键只能出现一次，请删除或合并重复的一项",
                )
            result[key] = self.build(value_node)
        return result


def _control_problem(line: int, col: int, char: str) -> SourceProblem:
    kind, why = ("不可见的控制字符", "") if ord(char) < 0xA0 else ("无效字符", "（Word 和网页无法保存）")
    return SourceProblem("Y010", line, col, f"文字中有{kind} U+{ord(char):04X}{why}", "请删除这个字符（多由复制粘贴带入），或重新输入这段文字")


def _scalar(node: yaml.Node) -> Any:
    value = node.value
    if node.style == '"' and _CONTROL.search(value):  # escapes such as "\a" make them only after parsing
        mark = node.start_mark
        raise _control_problem(mark.line + 1, mark.column + 1, _CONTROL.search(value).group())
    if node.style or node.tag != _PLAIN:  # libyaml marks plain scalars with "", PyYAML with None
        return value  # quoted, block or explicitly tagged: always text
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value)
    if _DECIMAL.fullmatch(value):
        return Decimal(value)
    if _LEADING_ZERO.fullmatch(value):
        return LeadingZero(value)
    return value
