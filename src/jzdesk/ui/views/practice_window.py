"""帮助 → 练习: the whole window on a throw-away copy of the sample data, marked 练习 in its
title and status bar, deleted when it closes. The real database is never opened by it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from jzdesk.ui.views.main_window import MainWindow
from jzdesk.ui.workspace import Workspace
from jzdesk.usecases import installation, practice

PRACTICE_NOTE = "练习：这里是示例数据的副本，可以随意试；关闭本窗口后删除，本机的真实数据不受影响。"
PRACTICE_STYLE = "background: #ffe0b2; color: #7a3e00; padding: 2px 8px; font-weight: bold;"


class PracticeWindow(MainWindow):
    """A main window whose database lives in ``folder``, removed with it on close."""

    def __init__(self, workspace, folder: Path, parent=None):
        self.folder = folder
        super().__init__(workspace, parent)
        self.remember_state = False  # the real window's size and splitters stay as they were
        note = QLabel(PRACTICE_NOTE)
        note.setStyleSheet(PRACTICE_STYLE)
        self.ui.statusBar.insertPermanentWidget(0, note)
        self.practice_note = note

    def _show_home_unit(self) -> None:
        super()._show_home_unit()
        self.setWindowTitle(f"【练习】{self.windowTitle()}")

    def closeEvent(self, event):
        super().closeEvent(event)  # closes the practice database first
        shutil.rmtree(self.folder, ignore_errors=True)


def open_practice_window(window) -> PracticeWindow:
    """A practice window in the role of ``window``'s installation (the same home unit)."""
    home = installation.home_unit(window.workspace.db)
    folder = Path(tempfile.mkdtemp(prefix="jzdesk-practice-"))
    path = practice.make_practice_database(folder, unit_code=home.code if home else None)
    practice_window = PracticeWindow(
        Workspace(installation.open_database(path), path), folder, parent=window
    )
    practice_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.practice_window = practice_window
    practice_window.show()
    return practice_window
