"""An unexpected error is logged with its traceback and explained in Chinese."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from jzdesk.errors import KnownError
from jzdesk.ui import crash


def test_a_bug_is_logged_and_the_user_told_where(tmp_path, qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(a[2])))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: shown.append(a[2])))
    path = tmp_path / "logs" / "jzdesk.log"
    log_file = crash.start_logging(path)
    try:
        assert not path.parent.exists()  # opened at the first record, not at start-up
        try:
            {}["missing"]
        except KeyError:
            crash.handle_error(*sys.exc_info(), log_file.path)
        assert "意外的错误" in shown[0] and str(path) in shown[0]
        text = path.read_text(encoding="utf-8")
        assert "Traceback" in text and "KeyError: 'missing'" in text
        crash.handle_error(KnownError, KnownError("数据库正被使用"), None, log_file.path)
        assert shown[1] == "数据库正被使用"
        crash.log.warning("daily backup failed: 磁盘已满")
        assert "WARNING jzdesk: daily backup failed: 磁盘已满" in path.read_text(encoding="utf-8")
    finally:
        for handler in list(crash.log.handlers):
            crash.log.removeHandler(handler)
            handler.close()
