"""The command line: thin commands over the use cases, each group of commands in its own
module beside its options; Qt is imported only when the window opens. Also the window's
entry point, so that the window never needs the command line: opening it loads only the
group that holds ``gui``."""

from __future__ import annotations

import argparse
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from jzdesk import APP_NAME
from jzdesk.cli import installation
from jzdesk.cli.output import tolerant_streams
from jzdesk.cli.parser import OPTION_OF_FIELD, Commands, Handler
from jzdesk.errors import KnownError, sqlite_failure


def build_parser(*, window_only: bool = False) -> argparse.ArgumentParser:
    """Every command, or (``window_only``, for a start of the window) only the group that
    holds ``gui``: the other groups' modules, options and help stay unread, which saves
    some 15 ms of the window's start-up."""
    commands = Commands()
    for group in (installation,) if window_only else _command_groups():
        group.register(commands)
    return commands.parser


def _command_groups() -> tuple:
    """Every group of commands, in the order ``jzdesk --help`` lists them."""
    from jzdesk.cli import records, reports, review, submissions

    return (installation, records, reports, submissions, review)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (0 done, 1 input rejected, 2 wrong usage)."""
    tolerant_streams()
    arguments = _files_open_the_window(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(window_only=_opens_the_window(arguments))
    args = parser.parse_args(arguments)
    handler: Handler = getattr(args, "handler", installation.run_window)
    try:
        return handler(args)
    except KnownError as error:
        option = OPTION_OF_FIELD.get(error.field or "")
        where = f"{option}：" if option else ""
        print(f"{APP_NAME}: 错误：{where}{error.message}", file=sys.stderr)
        return 1
    except sqlite3.OperationalError as error:
        if sqlite_failure(error) not in ("busy", "locked"):
            raise
        print(
            f"{APP_NAME}: 错误：数据库正被另一个程序（可能是打开的 jzdesk 窗口）写入，请稍后再试",
            file=sys.stderr,
        )
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except OSError as error:
        if error.filename is None:  # not a path the user gave: a bug
            raise
        from jzdesk.errors import os_reason
        from jzdesk.io.files import readable_name

        name = readable_name(error.filename)
        print(f"{APP_NAME}: 错误：无法访问 {name}：{os_reason(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Every write is one transaction: what finished is kept, the step under way is not.
        from jzdesk.usecases.imports import discard_unfinished

        discard_unfinished()
        print(
            f"{APP_NAME}: 已中断（Ctrl+C）。已完成的部分已保存，正在进行的那一步没有写入。",
            file=sys.stderr,
        )
        return 130  # the shells' convention for an interrupted command


def command_main() -> None:
    """``jzdesk``: run one command and exit with its status. Once the command is done, a
    Ctrl+C arriving while Python closes (joining threads, flushing) changes nothing: it is
    ignored rather than ending the finished command as if it had been interrupted."""
    status = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(status)


def gui_main() -> None:
    """``jzdesk-gui``: the window, with the command line's options ``[--db PATH] [FILE…]``,
    as a double-click on a .jzsub runs it."""
    sys.exit(main(["gui", *sys.argv[1:]]))


def _opens_the_window(argv: list[str]) -> bool:
    """Whether ``argv`` (after _files_open_the_window) is ``[--db PATH] [gui …]``."""
    return argv[_after_db(argv) :][:1] in ([], ["gui"])


def _files_open_the_window(argv: list[str]) -> list[str]:
    """``jzdesk [--db PATH] FILE.jzsub …`` (as a double-click runs it) means ``gui FILE…``."""
    position = _after_db(argv)
    rest = argv[position:]
    suffix = Path(rest[0]).suffix.lower() if rest else ""
    if suffix and suffix in _opened_suffixes():
        return [*argv[:position], "gui", *rest]
    return argv


def _after_db(argv: list[str]) -> int:
    """Where the arguments after a leading ``--db PATH`` (or ``--db=PATH``) begin."""
    return 2 if argv[:1] == ["--db"] else 1 if argv[:1] and argv[0].startswith("--db=") else 0


def _opened_suffixes() -> tuple[str, ...]:
    """The files a double-click opens in the window (the sheets' formats are io's)."""
    from jzdesk.io.workbook import SUFFIXES as SHEET_SUFFIXES

    return (".jzsub", ".jzreply", *SHEET_SUFFIXES)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
