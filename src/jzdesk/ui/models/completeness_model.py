"""The completeness matrix: units × (实施方案, four quarters), each cell coloured by status."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from jzdesk.domain.completeness import Completeness, ReportStatus
from jzdesk.domain.review import ReviewState

_ROOT = QModelIndex()
HEADERS = ("单位", "实施方案\n（3月31日前）", "一季度", "二季度", "三季度", "四季度")
COLOURS = {
    ReportStatus.ON_TIME: QColor("#d4edda"),
    ReportStatus.LATE: QColor("#ffe5b4"),
    ReportStatus.MISSING: QColor("#f8d0cd"),
    ReportStatus.NOT_DUE: QColor("#f0f0f0"),
}

# The review state beside the timeliness: the text says it, the colour lets it be seen.
REVIEW_COLOURS = {
    ReviewState.ACCEPTED: QColor("#1b6e2d"),
    ReviewState.RETURNED: QColor("#b3261e"),
}


class CompletenessModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._matrix: Completeness | None = None

    def set_matrix(self, matrix: Completeness) -> None:
        self.beginResetModel()
        self._matrix = matrix
        self.endResetModel()

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() or self._matrix is None else len(self._matrix.units)

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._matrix is None:
            return None
        unit = self._matrix.units[index.row()]
        if index.column() == 0:
            return unit.unit_name if role == Qt.ItemDataRole.DisplayRole else None
        cell = unit.cells()[index.column() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text()
        if role == Qt.ItemDataRole.BackgroundRole:
            return COLOURS[cell.status]
        if role == Qt.ItemDataRole.ForegroundRole:
            return REVIEW_COLOURS.get(cell.review, QColor("#202020"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.explanation()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None
