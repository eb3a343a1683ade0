"""The inspection ranking as a table: rank, unit, numbers, and the flags with their reasons."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from jzdesk.domain.evaluation import HEADERS

_ROOT = QModelIndex()
PRAISE = QColor("#1e7b34")
CRITICISM = QColor("#b3261e")


class EvaluationModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        unit = row.progress
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(row.rank),
                unit.unit.name,
                str(unit.quota),
                str(unit.total),
                f"{unit.rate:.1%}",
                f"{unit.pace:.0f}",
                "\n".join(row.praise),
                "\n".join(row.criticism),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column in (6, 7):
            return PRAISE if column == 6 else CRITICISM
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 2, 3, 4, 5):
            return Qt.AlignmentFlag.AlignCenter
        return None
