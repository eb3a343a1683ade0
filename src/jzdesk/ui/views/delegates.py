"""Item delegates shared by the tables."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QStyledItemDelegate

TRACK = QColor("#eceff1")
OUTLINE = QColor("#b0bec5")
DEFAULT_FILL = QColor("#4f8fd6")


class ProgressBarDelegate(QStyledItemDelegate):
    """Draws a completion rate (a float from ``rate_role``) as a bar with its percentage.

    Painted by hand rather than with the style's progress bar, so the percentage stays
    legible (dark text on a light track) on every platform style; the fill colour comes
    from ``colour_role`` so the model decides what "behind" looks like.
    """

    def __init__(self, rate_role, colour_role, parent=None):
        super().__init__(parent)
        self._rate_role = rate_role
        self._colour_role = colour_role

    def paint(self, painter, option, index):
        rate = index.data(self._rate_role)
        if rate is None:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        track = QRectF(option.rect).adjusted(4, 4, -4, -4)
        painter.setPen(QPen(OUTLINE, 1))
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, 3, 3)
        filled = QRectF(track)
        filled.setWidth(track.width() * max(0.0, min(1.0, rate)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(index.data(self._colour_role) or DEFAULT_FILL)
        painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(option.palette.text().color())
        painter.setFont(index.data(Qt.ItemDataRole.FontRole) or option.font)
        painter.drawText(track, Qt.AlignmentFlag.AlignCenter, f"{rate:.1%}")
        painter.restore()
