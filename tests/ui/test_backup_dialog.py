"""数据备份与恢复 and 关于, from the window."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields
from jzdesk.ui.views.backup_dialog import BackupDialog
from jzdesk.usecases import ledger


def test_backup_now_then_restore_it(open_window, qtbot, monkeypatch):
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    window = open_window()
    db = window.workspace.db
    window.workspace.add_event(RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART))
    dialog = BackupDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.backup_now()
    assert dialog.ui.table.rowCount() == 1 and dialog.ui.table.item(0, 2).text() == "1"
    window.workspace.add_event(RecordFields("qinyang", date(2021, 3, 6), ActivityType.ART))
    dialog.ui.table.selectRow(0)
    assert dialog.restore_selected()
    assert len(ledger.list_records(db)) == 1
    assert dialog.ui.table.rowCount() == 2  # and the state before the restore was kept
    assert dialog.ui.table.item(0, 1).text() == "恢复前"
    assert not window.undo_action.isEnabled()


def test_about_names_the_version_database_and_counts(open_window):
    window = open_window()
    window.workspace.add_event(
        RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART, sessions=3)
    )
    text = window.about_text()
    assert "jzdesk 0.1.0" in text and str(window.workspace.path) in text
    assert "活动记录：1 条，3 场" in text and "MB" in text
