"""The review list: each unit's quarter with its review state (coloured) and last decision."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from jzdesk.domain.review import QuarterReview, ReviewState

_ROOT = QModelIndex()
HEADERS = ("单位", "季度", "审核状态", "最近一次审核")
_QUARTERS = ("一季度", "二季度", "三季度", "四季度")
COLOURS = {
    ReviewState.NOT_RECEIVED: QColor("#f0f0f0"),
    ReviewState.PENDING: QColor("#fff3c4"),
    ReviewState.ACCEPTED: QColor("#d4edda"),
    ReviewState.RETURNED: QColor("#f8d0cd"),
}


class ReviewModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[QuarterReview] = []

    def set_rows(self, rows: list[QuarterReview]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def review(self, row: int) -> QuarterReview:
        return self._rows[row]

    def row_of(self, unit_code: str, quarter: int) -> int:
        """The row of a unit's quarter, or -1."""
        for row, review in enumerate(self._rows):
            if (review.unit_code, review.quarter) == (unit_code, quarter):
                return row
        return -1

    def first_waiting(self, state: ReviewState) -> int:
        """The first row in ``state``, or -1."""
        return next((row for row, r in enumerate(self._rows) if r.state is state), -1)

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
        review = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                review.unit_name,
                _QUARTERS[review.quarter - 1],
                review.text(),
                review.latest.summary() if review.latest else "",
            )[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 2:
            return COLOURS[review.state]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return QColor("#202020")
        return None
