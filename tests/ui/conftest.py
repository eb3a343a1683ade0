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
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, unexpected(f"QFileDialog.{name}"))


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
