"""The activity records as on the statistics sheet, fetched page by page as the user scrolls."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import ActivityRecord

_ROOT = QModelIndex()  # the invisible root: a table has no children

_TYPES = tuple(ActivityType)
HEADERS = (
    "序号",
    "活动日期",
    "填报单位",
    "活动名称（内容）",
    "活动地点（服务对象）",
    *(kind.label for kind in _TYPES),
    "受益职工（人次）",
    "示范性",
    "备注",
)
COL_FIRST_TYPE = 5
COL_AUDIENCE = COL_FIRST_TYPE + len(_TYPES)
_NUMERIC = {0, *range(COL_FIRST_TYPE, COL_AUDIENCE + 1)}
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# fetch_page(offset, limit) -> records; the view never sees the database.
PageFetcher = Callable[[int, int], list[ActivityRecord]]


class RecordsTableModel(QAbstractTableModel):
    """Records of one filter; rows arrive through ``fetchMore`` so a big list opens at once."""

    PAGE = 500

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fetch: PageFetcher | None = None
        self._total = 0
        self._rows: list[ActivityRecord] = []

    def set_source(self, fetch_page: PageFetcher, total: int) -> None:
        """Show the ``total`` records ``fetch_page`` serves, starting with the first page."""
        self.beginResetModel()
        self._fetch, self._total, self._rows = fetch_page, total, []
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent=_ROOT):
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent=_ROOT):
        if not self.canFetchMore(parent):
            return
        page = self._fetch(len(self._rows), self.PAGE)
        if not page:  # the database shrank under us; stop asking
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(index.row(), record, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight
                if index.column() in _NUMERIC
                else Qt.AlignmentFlag.AlignLeft
            )
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (3, 4, COL_AUDIENCE + 2):
            return _text(index.row(), record, index.column()) or None
        if role == RECORD_ID_ROLE:
            return record.id
        return None


def _text(row: int, record: ActivityRecord, column: int) -> str:
    fields = record.fields
    if column == 0:
        return str(row + 1)
    if column == 1:
        return f"{fields.date.year}-{fields.date.month:02d}-{fields.date.day:02d}"
    if column == 2:
        return record.unit_name
    if column == 3:
        return fields.title
    if column == 4:
        return fields.venue
    if COL_FIRST_TYPE <= column < COL_AUDIENCE:
        return (
            str(fields.sessions) if fields.activity_type is _TYPES[column - COL_FIRST_TYPE] else ""
        )
    if column == COL_AUDIENCE:
        return str(fields.audience)
    if column == COL_AUDIENCE + 1:
        return "是" if fields.demonstration else ""
    return fields.notes
