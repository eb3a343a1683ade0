"""Typing a date in the entry form as a clerk does: digits only, each part moving on by itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence


def date_edit_key(date_edit, event, focus_next_prev) -> bool:
    """Handle ``event`` for ``date_edit``; True when handled here. Tab leaves the field at
    once (QDateEdit would step through year, month and day first), and Ctrl+A selects the
    year to type over (with all the text selected, QDateEdit mixed the typed digits with
    the old date: 2022-01-05 became 2021-01-05). Ctrl+Z and redo are the window's (undo
    the save just made), not QDateEdit's undo of typed text, which turned 2021-03-05 into
    2021-03-31 after a save. ``focus_next_prev(forward)`` moves the focus on."""
    if event.type() == QEvent.Type.ShortcutOverride:
        # Left unaccepted, the key goes on to the window's 撤销/重做 shortcuts.
        return event.matches(QKeySequence.StandardKey.Undo) or event.matches(
            QKeySequence.StandardKey.Redo
        )
    if event.type() != QEvent.Type.KeyPress:
        return False
    if event.matches(QKeySequence.StandardKey.SelectAll):
        date_edit.setSelectedSection(date_edit.Section.YearSection)
        return True
    if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        focus_next_prev(event.key() == Qt.Key.Key_Tab)
        return True
    return False
