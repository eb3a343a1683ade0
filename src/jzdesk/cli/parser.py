"""The parser every command registers with: argparse in Chinese, and the helpers commands
share (the database, the unit, the year, where a rejected field came from)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from jzdesk import APP_NAME, __version__
from jzdesk.domain.text import parse_whole_number

Handler = Callable[[argparse.Namespace], int]

# The option a field comes from, so a rejection names what to correct.
OPTION_OF_FIELD = {
    "unit": "--unit",
    "date": "--date",
    "type": "--type",
    "sessions": "--sessions",
    "audience": "--audience",
    "venue_category": "--venue-category",
    "delivery": "--delivery",
    "period": "--period",
    "as_of": "--as-of",
    "year": "--year",
    "records": "--records",
    "title": "--title",
    "venue": "--venue",
    "presenter": "--presenter",
    "notes": "--notes",
    "id": "编号",
    "out": "--out",
    "file": "FILE",
    "top": "--top",
    "below_pace": "--below-pace",
}


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


# argparse's own complaints, in the words a clerk reads.
_USAGE_MESSAGES = (
    (re.compile(r"the following arguments are required: (.*)"), r"缺少必需的参数：\1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"无法识别的参数：\1"),
    (
        re.compile(r"argument (-\S+): invalid choice: (\S+) \(choose from (.*)\)"),
        r"参数 \1 的取值 \2 无效（可以是：\3）",
    ),
    (
        re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)"),
        r"没有这个命令：\2（可用的命令：\3）",
    ),
    (re.compile(r"argument (\S+): expected one argument"), r"参数 \1 后面缺少取值"),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)"), r"参数 \1 不需要取值：\2"),
)


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese: usage, section titles, help and errors."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message):
        for pattern, chinese in _USAGE_MESSAGES:
            message = pattern.sub(chinese, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 用法错误：{message}\n")


class Commands:
    """Where a command group adds its commands: each beside its handler, every one taking
    the global ``--db`` too."""

    def __init__(self) -> None:
        self.common = argparse.ArgumentParser(add_help=False)
        self.common.add_argument(
            "--db",
            type=Path,
            default=argparse.SUPPRESS,
            help="数据库文件（默认取环境变量 JZDESK_DB，否则为用户数据文件夹中的 jzdesk.sqlite）",
        )
        self.parser = ChineseParser(
            prog=APP_NAME,
            parents=[self.common],
            description="“五送”文化活动进基层统计：登记活动、查看进度、导出统计表、导入与考核。"
            "不带命令时打开窗口。",
        )
        self.parser.add_argument(
            "--version",
            action="version",
            version=f"{APP_NAME} {__version__}",
            help="显示版本号并退出",
        )
        self._commands = self.parser.add_subparsers(title="命令", metavar="COMMAND")

    def add(
        self, name: str, handler: Handler, help_text: str, *, under=None
    ) -> argparse.ArgumentParser:
        """A command (or, ``under`` another's subparsers, an action of it)."""
        commands = self._commands if under is None else under
        sub = commands.add_parser(
            name, parents=[self.common], help=help_text, description=help_text
        )
        sub.set_defaults(handler=handler, parser=sub)
        return sub


def add_unit_option(sub: argparse.ArgumentParser, help_text: str | None = None) -> None:
    sub.add_argument(
        "--unit", metavar="NAME", help=help_text or "填报单位（默认为 init 设置的本单位）"
    )


def add_json_option(sub: argparse.ArgumentParser, help_text: str = "以 JSON 输出") -> None:
    sub.add_argument("--json", action="store_true", help=help_text)


def open_db(args: argparse.Namespace):
    """The database named by --db (or JZDESK_DB), else the user's default one."""
    from jzdesk.usecases import installation

    return installation.open_database(getattr(args, "db", None))


def unit_or_home(args: argparse.Namespace, db):
    """The unit named by --unit, else this installation's own (set by init)."""
    from jzdesk.usecases import installation

    if args.unit:
        return installation.resolve_unit(db, args.unit)
    unit = installation.home_unit(db)
    if unit is None:
        args.parser.error("请用 --unit 指定填报单位（或先运行 jzdesk init --unit 单位）")
    return unit


def year_of(text: str) -> int:
    """A year option's value."""
    return parse_whole_number(text, field="year", label="年度")
