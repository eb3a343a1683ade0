"""Qt fixtures: settings in a temporary folder and a main window on a fresh database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """Keep the window's QSettings (geometry, folders) out of the user's real profile."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the run: fail the test instead.

    Tests that expect a dialog replace these with their own answers.
    """
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    def unexpected(kind):
        def fail(*args, **kwargs):
            text = args[2] if len(args) > 2 else kwargs
            raise AssertionError(f"unexpected {kind} dialog: {text}")

        return staticmethod(fail)

    for name in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected(f"QMessageBox.{name}"))
    monkeypatch.setattr(QInputDialog, "getItem", unexpected("QInputDialog.getItem"))

    def unexpected_box(box):
        raise AssertionError(f"unexpected message box: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", unexpected_box)
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, unexpected(f"QFileDialog.{name}"))


@pytest.fixture
def answers(monkeypatch):
    """Answers given to QMessageBox.question (No once the queue is empty), and the
    questions asked."""
    from PySide6.QtWidgets import QMessageBox

    asked, queue = [], []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return queue.pop(0) if queue else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked, queue


@pytest.fixture
def app(qapp):
    from jzdesk.app import create_application

    return create_application()


@pytest.fixture
def open_window(app, qtbot, db_path):
    """Opens (and registers for cleanup) a main window on the test database."""
    from jzdesk.app import build_window

    def open_():
        window = build_window(db_path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return open_


class Clerk:
    """A person at the keyboard: every key goes to the widget that has the focus, as it
    would from a real keyboard, so window-wide shortcuts and focus order take part."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window = qtbot, window

    @property
    def focus(self):
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget()

    def press(self, key, modifier=None, times: int = 1):
        """Each key, then what the event loop does between two real keystrokes (queued
        calls such as a cell editor's commit)."""
        from PySide6.QtCore import QCoreApplication, Qt

        for _ in range(times):
            self.qtbot.keyClick(self.focus, key, modifier or Qt.KeyboardModifier.NoModifier)
            QCoreApplication.processEvents()

    def type(self, text: str):
        from PySide6.QtCore import QCoreApplication

        self.qtbot.keyClicks(self.focus, text)
        QCoreApplication.processEvents()

    def type_chinese(self, text: str):
        """Chinese as an input method delivers it: a committed string, not key presses."""
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtWidgets import QApplication

        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(self.focus, event)

    def click(self, widget, *, double: bool = False, pos=None):
        from PySide6.QtCore import QPoint, Qt

        args = (widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos or QPoint())
        self.qtbot.mouseClick(*args)
        if double:  # QTest's double click is only the second click of a person's
            self.qtbot.mouseDClick(*args)

    def click_row(self, table, row: int, *, double: bool = False):
        """Click (or double-click) the middle of a ledger row's first column."""
        index = table.model().index(row, 1)
        self.click(table.viewport(), double=double, pos=table.visualRect(index).center())


@pytest.fixture
def records_window(open_window, db_path, qtbot):
    """The shown window of a 沁阳 installation on 活动登记, with a clerk at the keyboard.

    Keys start from the tab header, as after a click on 活动登记.
    """
    from jzdesk.usecases import installation

    db = installation.open_database(db_path)
    installation.init_installation(db, "沁阳", filler="王芳", phone="0391-5555555")
    db.close()
    window = open_window()
    window.activateWindow()
    window.show_tab("records")
    qtbot.waitUntil(window.records_tab.isVisible)
    window.ui.tabs.tabBar().setFocus()
    return window, Clerk(qtbot, window)
