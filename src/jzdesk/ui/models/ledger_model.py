"""The ledger: records as on the statistics sheet, fetched page by page, sortable, editable."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from jzdesk.domain import sheet
from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import parse_date
from jzdesk.domain.records import ActivityRecord, RecordFilter
from jzdesk.domain.text import parse_whole_number
from jzdesk.errors import KnownError
from jzdesk.usecases import ledger, review

_ROOT = QModelIndex()

# The sheet's columns, with the unit after the date and 示范性 before 备注.
_SHEET = {column.key: column for column in sheet.COLUMNS}
KEYS = (
    "number",
    "date",
    "unit",
    "title",
    "venue",
    *(k.value for k in ActivityType),
    "audience",
    "demonstration",
    "notes",
)
LABELS = {
    **{key: column.label for key, column in _SHEET.items()},
    "unit": "填报单位",
    "demonstration": "示范性",
}
NUMERIC = {key for key, column in _SHEET.items() if column.numeric}
EDITABLE = {"date", "title", "venue", "audience", "notes", *(k.value for k in ActivityType)}
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
REVIEW_COMMENTED = QColor("#f8d0cd")  # a record the city's review asks to correct


def column_of(key: str) -> int:
    return KEYS.index(key)


def cell_text(record: ActivityRecord, key: str, row: int) -> str:
    """What the sheet shows for ``record`` in column ``key`` (``row`` numbers it)."""
    f = record.fields
    if key == "number":
        return str(row + 1)
    if key == "date":
        return f.date.isoformat()
    if key == "unit":
        return record.unit_name
    if key in ("title", "venue", "notes"):
        return getattr(f, key)
    if key == "audience":
        return str(f.audience)
    if key == "demonstration":
        return "是" if f.demonstration else ""
    return str(f.sessions) if f.activity_type.value == key else ""


class LedgerModel(QAbstractTableModel):
    """Records matching a RecordFilter, in pages of PAGE rows as the view scrolls.

    Sorting re-queries the database (ORDER BY … LIMIT), so a sort or filter change costs
    one page whatever the number of records; the model never counts them first, it stops
    asking when a page comes back short. Edits go through ``save_edit``, a function passed
    in (the workspace's, which keeps undo and tells other views). A search's next pages,
    which may need a pass over the records, are asked of ``read_later`` when given (the
    search thread; its answer comes to show_more) instead of read here, and a new sort of
    a search is left to whoever listens to order_changed.
    """

    PAGE = 500
    edit_failed = Signal(str)
    order_changed = Signal()  # a search's list is to be read again, elsewhere, in the new order

    def __init__(self, db, save_edit, parent=None, *, read_later=None):
        super().__init__(parent)
        self._db = db
        self._save_edit = save_edit
        self._read_later = read_later
        self._awaited = None  # (spec, order, offset) of the page being read elsewhere
        self._spec: RecordFilter | None = None
        self._sort, self._descending = "date", False
        self._exhausted = True
        self._rows: list[ActivityRecord] = []
        self._review_comments: dict[str, str] = {}  # records the city's review asks about

    # -- what is shown ---------------------------------------------------------------
    def set_filter(self, spec: RecordFilter) -> None:
        """Show the records matching ``spec``, starting with the first page."""
        self._spec = spec
        self._reload(self.PAGE)

    def reload(self) -> None:
        """Re-read the rows already loaded (after a change), keeping as many as were shown."""
        if self._spec is not None:
            self._reload(max(self.PAGE, len(self._rows)))

    def show_page(self, spec: RecordFilter, rows: list[ActivityRecord], order) -> None:
        """Show the first records matching ``spec``, read elsewhere (a whole page of them,
        or all there are) in ``order``; read again here if the sort changed meanwhile."""
        if order != self.order():
            self.set_filter(spec)
            return
        self._spec = spec
        self._reset(rows, exhausted=len(rows) < self.PAGE)

    def order(self) -> tuple[str, bool]:
        """The sort key and whether it runs backwards."""
        return self._sort, self._descending

    def _reload(self, count: int) -> None:
        rows = self._fetch(0, count)
        self._reset(rows, exhausted=len(rows) < count)

    def _reset(self, rows: list[ActivityRecord], *, exhausted: bool) -> None:
        self._awaited = None
        self.beginResetModel()
        self._review_comments = review.comments_to_act_on(self._db)
        self._rows = rows
        self._exhausted = exhausted
        self.endResetModel()

    def _fetch(self, offset: int, limit: int) -> list[ActivityRecord]:
        if self._spec is None or limit <= 0:
            return []
        return ledger.list_records(
            self._db,
            self._spec,
            sort=self._sort,
            descending=self._descending,
            limit=limit,
            offset=offset,
        )

    @property
    def spec(self) -> RecordFilter | None:
        return self._spec

    def record(self, row: int) -> ActivityRecord:
        return self._rows[row]

    def every_match(self) -> tuple[ActivityRecord, ...] | None:
        """All the records matching the filter when they are loaded (the last page came
        back short), else None."""
        return tuple(self._rows) if self._exhausted and self._spec is not None else None

    def row_of(self, record_id: str) -> int | None:
        for row, record in enumerate(self._rows):
            if record.id == record_id:
                return row
        return None

    # -- Qt model interface ---------------------------------------------------------
    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(KEYS)

    def canFetchMore(self, parent=_ROOT):
        return not parent.isValid() and not self._exhausted and self._awaited is None

    def fetchMore(self, parent=_ROOT):
        if not self.canFetchMore(parent):
            return
        if self._reads_later():
            self._awaited = (self._spec, self.order(), len(self._rows))
            self._read_later(*self._awaited)
        else:
            self._append(self._fetch(len(self._rows), self.PAGE))

    def show_more(self, spec: RecordFilter, order, offset: int, rows: list[ActivityRecord]):
        """Add the page fetchMore asked ``read_later`` for, unless the list changed since."""
        if (spec, order, offset) == self._awaited:
            self._awaited = None
            self._append(rows)

    def _append(self, page: list[ActivityRecord]) -> None:
        self._exhausted = len(page) < self.PAGE
        if not page:
            return
        self.beginInsertRows(_ROOT, len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return LABELS[KEYS[section]]
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and KEYS[index.column()] in EDITABLE and not self._deleted_view():
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _deleted_view(self) -> bool:
        return self._spec is not None and self._spec.deleted

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record, key = self._rows[index.row()], KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(record, key, index.row())
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(record, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if key in NUMERIC else Qt.AlignmentFlag.AlignLeft
            )
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        said = self._review_comments.get(record.id)
        if said and role == Qt.ItemDataRole.BackgroundRole:
            return REVIEW_COMMENTED
        if said and role == Qt.ItemDataRole.ToolTipRole:
            return f"市总工会审核意见：{said}"
        if role == Qt.ItemDataRole.ToolTipRole and key in ("title", "venue", "notes"):
            return cell_text(record, key, index.row()) or None
        if role == RECORD_ROLE:
            return record
        return None

    @staticmethod
    def _edit_value(record: ActivityRecord, key: str):
        f = record.fields
        if key == "audience":
            return f.audience
        if key in (k.value for k in ActivityType):
            return f.sessions if f.activity_type.value == key else 0
        return cell_text(record, key, 0)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        record, key = self._rows[index.row()], KEYS[index.column()]
        try:
            fields = _edited(record, key, value)
            if fields == record.fields:
                return False
            self._save_edit(record, fields)
        except KnownError as error:
            self.edit_failed.emit(error.message)
            return False
        return True

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self._sort = KEYS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._reads_later():
            self.order_changed.emit()
        elif self._spec is not None:
            self._reload(self.PAGE)

    def _reads_later(self) -> bool:
        """Whether pages are asked of ``read_later``: a search (or a filter on the rows
        themselves) may need a pass over the records; without one a page is an index's walk."""
        spec = self._spec
        return self._read_later is not None and not (
            spec is None or ledger.totals_are_instant(spec)
        )


def _edited(record: ActivityRecord, key: str, value):
    """The record's fields with ``key`` set to what was typed in the cell.

    Raises:
        KnownError: the typed value cannot be read (the message says which column).
    """
    f = record.fields
    text = str(value).strip()
    if key == "date":
        return replace(f, date=parse_date(text))
    if key in ("title", "venue", "notes"):
        return replace(f, **{key: text})
    number = parse_whole_number(text, field=key, label=LABELS[key])
    if key == "audience":
        return replace(f, audience=number)
    kind = ActivityType(key)
    if number == 0 and kind == f.activity_type:
        raise KnownError("场次不能为 0；要删除这条记录，请用“删除”", field="sessions")
    if number == 0:
        return f  # clearing an empty type cell changes nothing
    return replace(f, activity_type=kind, sessions=number)


class TotalsModel(QAbstractTableModel):
    """The live 合计 row under the ledger, column for column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._totals: dict | None = None

    def set_totals(self, totals: dict | None) -> None:
        self._totals = totals
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(KEYS) - 1))

    def set_pending(self) -> None:
        """Show 合计 as being counted (a search's totals arrive a moment later)."""
        self.set_totals(None)

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else 1

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(KEYS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = KEYS[index.column()]
        if self._totals is None:
            pending = role == Qt.ItemDataRole.DisplayRole and key == "date"
            return f"{sheet.TOTAL_LABEL}（统计中…）" if pending else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if key in NUMERIC else Qt.AlignmentFlag.AlignLeft
            )
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "date":
            return sheet.TOTAL_LABEL
        if key == "title":
            return f"{self._totals['records']} 条记录"
        if key == "audience":
            return str(self._totals["audience"])
        if key in {k.value for k in ActivityType}:
            return str(self._totals["sessions"][ActivityType(key)])
        return ""


# The ledger's column widths in pixels, shared by every view of its columns.
_WIDTHS = {
    "number": 44,
    "date": 88,
    "unit": 100,
    "title": 230,
    "venue": 170,
    "audience": 110,
    "demonstration": 54,
    **{kind.value: 58 for kind in ActivityType},
}


def size_ledger_columns(header) -> None:
    """Give the ledger's column widths to any view of its columns (the 合计 row, the bin)."""
    for key, width in _WIDTHS.items():
        header.resizeSection(column_of(key), width)
