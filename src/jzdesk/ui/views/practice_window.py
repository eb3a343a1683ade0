"""帮助 → 练习: the whole window on a throw-away copy of the sample data, marked 练习 in its
title and status bar, deleted when it closes. The real database is never opened by it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from jzdesk.ui.workspace import Workspace
from jzdesk.usecases import installation, practice

PRACTICE_MARK = "【练习】"
PRACTICE_NOTE = "练习：这里是示例数据的副本，可以随意试；关闭本窗口后删除，本机的真实数据不受影响。"
PRACTICE_STYLE = "background: #ffe0b2; color: #7a3e00; padding: 2px 8px; font-weight: bold;"


def open_practice_window(window):
    """A second main window (of ``window``'s own class) on a new sample database in the
    role of ``window``'s installation (the same home unit), removed when it closes."""
    home = installation.home_unit(window.workspace.db)
    folder = Path(tempfile.mkdtemp(prefix="jzdesk-practice-"))
    path = practice.make_practice_database(folder, unit_code=home.code if home else None)
    practice_window = type(window)(Workspace(installation.open_database(path), path), window)
    practice_window.remember_state = False  # the real window's size and splitters stay
    practice_window.practice_folder = folder
    _mark(practice_window)
    practice_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Closing it closes its database (MainWindow.closeEvent); then the folder can go.
    practice_window.destroyed.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
    window.practice_window = practice_window
    practice_window.show()
    return practice_window


def _mark(practice_window) -> None:
    """练习 in the title (kept there when the window retitles itself, e.g. after a change of
    the home unit) and in the status bar."""

    def keep_mark(title: str) -> None:
        if not title.startswith(PRACTICE_MARK):
            practice_window.setWindowTitle(PRACTICE_MARK + title)

    practice_window.windowTitleChanged.connect(keep_mark)
    keep_mark(practice_window.windowTitle())
    note = QLabel(PRACTICE_NOTE)
    note.setStyleSheet(PRACTICE_STYLE)
    practice_window.statusBar().insertPermanentWidget(0, note)
    practice_window.practice_note = note
