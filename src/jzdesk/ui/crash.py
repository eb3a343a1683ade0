"""Unexpected errors in the window: written to a log with the traceback, and the user is
told in Chinese where the log is, instead of the window vanishing."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from jzdesk import APP_NAME, APP_TITLE
from jzdesk.errors import KnownError

log = logging.getLogger(APP_NAME)


def log_path() -> Path:
    import platformdirs

    return platformdirs.user_log_path(APP_NAME, appauthor=False) / "jzdesk.log"


def start_logging(path: Path | None = None) -> Path:
    """A rotating log (1 MB × 5) for this user; returns its path."""
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def install_error_dialog(path: Path) -> None:
    """Route uncaught exceptions to handle_error (Qt calls sys.excepthook from its slots)."""
    sys.excepthook = lambda kind, error, trace: handle_error(kind, error, trace, path)


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
