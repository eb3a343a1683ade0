"""The ledger's dialogs: recycle bin, a record's revision history, header fields and summaries."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import quarter_of
from jzdesk.domain.records import FIELD_LABELS
from jzdesk.errors import KnownError
from jzdesk.ui.forms.ui_header_dialog import Ui_HeaderDialog
from jzdesk.ui.forms.ui_history_dialog import Ui_HistoryDialog
from jzdesk.ui.forms.ui_recycle_bin_dialog import Ui_RecycleBinDialog
from jzdesk.ui.models.ledger_model import size_ledger_columns
from jzdesk.ui.models.recycle_bin_model import RecycleBinModel
from jzdesk.usecases import ledger, report_info


class RecycleBinDialog(QDialog):
    """Deleted records of a unit (or all), with 恢复 for the selected ones; it closes
    once nothing is left to restore."""

    def __init__(self, workspace, spec, parent=None):
        super().__init__(parent)
        self.ui = Ui_RecycleBinDialog()
        self.ui.setupUi(self)
        self._workspace = workspace
        self._spec = spec
        self.model = RecycleBinModel(workspace.db, workspace.update_event, self)
        self.ui.table.setModel(self.model)
        size_ledger_columns(self.ui.table.horizontalHeader())
        self.ui.table.horizontalHeader().setStretchLastSection(True)
        self.ui.table.verticalHeader().setVisible(False)
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_filter(self._spec)
        self.ui.restoreButton.setEnabled(self.model.rowCount() > 0)

    def restore_selected(self) -> None:
        rows = sorted({index.row() for index in self.ui.table.selectionModel().selectedRows()})
        if rows:
            self._workspace.restore_events([self.model.record(row).id for row in rows])
            self.refresh()
            if self.model.rowCount() == 0:
                self.accept()


_STATE_LABELS = {
    **{
        key: FIELD_LABELS[key]
        for key in (
            "date",
            "sessions",
            "title",
            "venue",
            "venue_category",
            "audience",
            "delivery",
            "presenter",
            "notes",
        )
    },
    "unit": "填报单位",
    "type": "类型",
    "demonstration": "示范性",
    "original": "职工原创",
    "logo_shown": "展示标识",
    "media": "媒体宣传",
    "photos": "照片",
    "deleted": "删除",
}


def _value_text(key: str, value) -> str:
    if key == "type":
        return ActivityType(value).label
    if isinstance(value, bool):
        return "是" if value else "否"
    if key == "media":
        return "、".join(f"{m['channel']} {m['link']}".strip() for m in value) or "无"
    if key == "photos":
        return f"{len(value)} 张"
    return str(value) if value != "" else "（空）"


def describe_change(before: dict | None, after: dict) -> str:
    """A revision's change in words, e.g. 受益职工（人次）：100 → 350."""
    if before is None:
        return "新增"
    if before.get("deleted") != after.get("deleted"):
        return "移入回收站" if after.get("deleted") else "从回收站恢复"
    parts = [
        f"{label}：{_value_text(key, before.get(key, ''))} → {_value_text(key, after.get(key, ''))}"
        for key, label in _STATE_LABELS.items()
        if key != "deleted" and before.get(key) != after.get(key)
    ]
    return "；".join(parts) or "无变化"


class HistoryDialog(QDialog):
    """Every saved state of one record: version, when, who, and what changed."""

    def __init__(self, db, record, parent=None):
        super().__init__(parent)
        self.ui = Ui_HistoryDialog()
        self.ui.setupUi(self)
        f = record.fields
        self.ui.titleLabel.setText(
            f"{f.date.isoformat()} {f.activity_type.label} {f.title or f.venue}（编号 {record.id}）"
        )
        history = ledger.record_history(db, record.id)
        table = self.ui.table
        table.setRowCount(len(history))
        previous = None
        for row, entry in enumerate(history):
            values = (
                str(entry["revision"]),
                entry["saved_at"].replace("T", " ")[:19],
                entry["saved_by"],
                describe_change(previous, entry["state"]),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
            previous = entry["state"]
        table.resizeColumnsToContents()
        # The change column takes the rest of the width and wraps its text (resizeEvent).
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.verticalHeader().setVisible(False)

    def resizeEvent(self, event):
        """Rows grow to show a long change in full, once the table has laid out its
        columns for the dialog's new width."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.ui.table.resizeRowsToContents)


class HeaderDialog(QDialog):
    """The unit's 填报人 and 联系电话, and its 活动小结 for each quarter of the year."""

    def __init__(self, db, unit, period, parent=None):
        super().__init__(parent)
        self.ui = Ui_HeaderDialog()
        self.ui.setupUi(self)
        self._db, self._unit = db, unit
        self._year = period.start.year
        self.ui.unitLabel.setText(f"{unit.name} · {self._year} 年")
        header = report_info.header_fields(db, unit.code)
        self.ui.fillerEdit.setText(header["filler"])
        self.ui.phoneEdit.setText(header["phone"])
        self._texts = {
            q: report_info.quarter_summary(db, unit.code, self._year, q) for q in range(1, 5)
        }
        for quarter in range(1, 5):
            self.ui.quarterCombo.addItem(f"第{'一二三四'[quarter - 1]}季度", quarter)
        self._shown = quarter_of(period.start)
        self.ui.quarterCombo.setCurrentIndex(self._shown - 1)
        self.ui.summaryEdit.setPlainText(self._texts[self._shown])
        self.ui.quarterCombo.currentIndexChanged.connect(self._switch_quarter)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)

    def _switch_quarter(self) -> None:
        self._texts[self._shown] = self.ui.summaryEdit.toPlainText()
        self._shown = self.ui.quarterCombo.currentData()
        self.ui.summaryEdit.setPlainText(self._texts[self._shown])

    def save(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._texts[self._shown] = self.ui.summaryEdit.toPlainText()
        try:
            report_info.save_report_info(
                self._db,
                self._unit.code,
                filler=self.ui.fillerEdit.text(),
                phone=self.ui.phoneEdit.text(),
                year=self._year,
                summaries_by_quarter=self._texts,
            )
        except KnownError as error:
            QMessageBox.warning(self, "无法保存", error.message)
            return
        self.accept()
