"""Item delegates shared by the tables."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar


class ProgressBarDelegate(QStyledItemDelegate):
    """Draws a completion rate (a float from ``role``) as a progress bar with its percentage."""

    def __init__(self, role, parent=None):
        super().__init__(parent)
        self._role = role

    def paint(self, painter, option, index):
        rate = index.data(self._role)
        if rate is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 3, -3, -3)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = max(0, min(1000, round(rate * 1000)))
        bar.text = f"{rate:.1%}"
        bar.textVisible = True
        bar.state = option.state
        bar.palette = option.palette
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)
