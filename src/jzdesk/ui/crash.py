"""Unexpected errors in the window: written to a log with the traceback, and the user is
told in Chinese where the log is, instead of the window vanishing."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from jzdesk import APP_NAME, APP_TITLE
from jzdesk.errors import KnownError

log = logging.getLogger(APP_NAME)


def log_path() -> Path:
    import platformdirs

    return platformdirs.user_log_path(APP_NAME, appauthor=False) / "jzdesk.log"


class LogFile(logging.Handler):
    """The user's rotating log (1 MB × 5), opened at its first record: most sessions write
    none, and the window then starts without loading logging's file handlers and
    platformdirs (some 15 ms)."""

    def __init__(self, path: Path | None = None):
        super().__init__()
        self._path = path
        self._file: logging.Handler | None = None
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    @property
    def path(self) -> Path:
        """Where the log is (log_path unless given), worked out when first asked."""
        if self._path is None:
            self._path = log_path()
        return self._path

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = RotatingFileHandler(
                self.path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def start_logging(path: Path | None = None) -> LogFile:
    """Log to the user's log file (or ``path``); returns its handler."""
    handler = LogFile(path)
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def install_error_dialog(log_file: LogFile) -> None:
    """Route uncaught exceptions to handle_error (Qt calls sys.excepthook from its slots)."""
    sys.excepthook = lambda kind, error, trace: handle_error(kind, error, trace, log_file.path)


def handle_error(kind, error, trace, path: Path) -> None:
    parent = QApplication.activeWindow()
    if isinstance(error, KnownError):  # a message for the user that escaped its handler
        QMessageBox.warning(parent, APP_TITLE, error.message)
        return
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
    QMessageBox.critical(
        parent,
        APP_TITLE,
        "程序遇到了意外的错误，刚才的操作可能没有完成（已保存的数据不受影响）。\n\n"
        f"错误详情已写入日志文件：\n{path}\n\n请把这个文件发给技术支持人员。",
    )
