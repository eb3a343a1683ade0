"""The recycle bin's list: the ledger's columns, then when each record was deleted and by whom."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from jzdesk.domain.records import ActivityRecord
from jzdesk.ui.models.ledger_model import KEYS, LedgerModel
from jzdesk.usecases import ledger

_ROOT = QModelIndex()
BIN_LABELS = ("删除时间", "删除人")


class RecycleBinModel(LedgerModel):
    """The ledger's columns, then when each record was deleted and by whom: a clerk tells
    a deletion of today from one of last month before restoring it."""

    def __init__(self, db, save_edit, parent=None):
        super().__init__(db, save_edit, parent)
        self._deleted_by: dict[tuple[str, int], str] = {}

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(KEYS) + len(BIN_LABELS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        extra = section - len(KEYS)
        if extra < 0:
            return super().headerData(section, orientation, role)
        horizontal = orientation == Qt.Orientation.Horizontal
        return BIN_LABELS[extra] if horizontal and role == Qt.ItemDataRole.DisplayRole else None

    def flags(self, index):
        if index.isValid() and index.column() >= len(KEYS):
            return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        extra = index.column() - len(KEYS) if index.isValid() else -1
        if extra < 0:
            return super().data(index, role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        record = self.record(index.row())
        return record.updated_at.replace("T", " ")[:16] if extra == 0 else self._who(record)

    def _who(self, record: ActivityRecord) -> str:
        """Who saved the deleting revision (read once per revision, not on every paint)."""
        key = (record.id, record.revision)
        if key not in self._deleted_by:
            self._deleted_by[key] = ledger.record_history(self._db, record.id)[-1]["saved_by"]
        return self._deleted_by[key]
