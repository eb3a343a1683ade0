"""Keyboard shortcuts bound to one widget.

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
