"""argparse in Chinese: usage, section titles, -h and the error messages the `nianbao` command can print.

argparse writes its own words ("usage:", "error:", "the following arguments
are required") through gettext, for which Python ships no Chinese catalogue.
Rather than patch the module, the parser and formatter classes here supply
Chinese titles and translate argparse's error messages, which are stable
across Python 3.10–3.13.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

USAGE = "用法："

# argparse's error messages (after formatting), English pattern → Chinese.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (.*)"), r"缺少必需的参数：\1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"无法识别的参数：\1"),
    (re.compile(r"invalid choice: (.*?) \(choose from (.*)\)"), r"无效的选择 \1（可选：\2）"),
    (re.compile(r"expected one argument"), "需要一个值"),
    (re.compile(r"expected at least one argument"), "至少需要一个值"),
    (re.compile(r"expected at most one argument"), "最多只能有一个值"),
    (re.compile(r"invalid (\w+) value: (.*)"), r"无效的值 \2"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), r"选项 \1 有歧义，可能是 \2"),
    (re.compile(r"one of the arguments (.*) is required"), r"以下参数必须提供一个：\1"),
    (re.compile(r"not allowed with argument (.*)"), r"不能与参数 \1 同时使用"),
    (re.compile(r"ignored explicit argument (.*)"), r"多余的参数值 \1"),
)
_ARGUMENT = re.compile(r"argument (.+?): (.*)", re.DOTALL)


def translate(message: str) -> str:
    """argparse's English error message in Chinese (unknown ones are kept as they are)."""
    arg = _ARGUMENT.fullmatch(message)
    if arg:
        return f"参数 {arg.group(1)}：{translate(arg.group(2))}"
    for pattern, chinese in _ERRORS:
        if pattern.fullmatch(message):
            return pattern.sub(chinese, message)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Chinese; subcommand parsers inherit it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate(message)}\n")
