"""Keyboard shortcuts: those bound to one widget, and the redo keys.

PySide6 6.12 ignores QShortcut's ``context=`` keyword (the shortcut stays window-wide, and
three window-wide Delete keys are ambiguous, so Qt fires none); the context is set after
construction instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut


def widget_shortcut(widget, keys, slot, *, what: str = "") -> QShortcut:
    """``keys`` call ``slot`` only while ``widget`` itself has the focus; ``what`` says
    what they do, in 帮助 → 快捷键 (a test fails while one says nothing)."""
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.setWhatsThis(what)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def redo_keys() -> list[QKeySequence]:
    """Ctrl+Y first (shown in the menu) on every platform, then the platform's own redo
    keys (Ctrl+Shift+Z on Linux): clerks know Ctrl+Y from Office and WPS."""
    ctrl_y = QKeySequence("Ctrl+Y")
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    return [ctrl_y, *(keys for keys in platform if keys != ctrl_y)]
