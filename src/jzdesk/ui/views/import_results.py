"""导入结果: one row per file — status, unit, period, counts and the reason in plain Chinese."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

COLUMNS = ("文件", "结果", "单位", "期间", "新增", "更新", "无变化", "冲突", "说明")
_STATUS_COLOURS = {"imported": "#d4edda", "unchanged": "#f0f0f0", "rejected": "#f8d0cd"}


class ImportResultsDialog(QDialog):
    def __init__(self, results, unit_names: dict[str, str], *, cancelled: int = 0, parent=None):
        super().__init__(parent)
        self.setWindowTitle("导入结果")
        self.resize(980, 420)
        layout = QVBoxLayout(self)
        rejected = sum(result.status == "rejected" for result in results)
        summary = (
            f"共 {len(results)} 个文件：导入 {len(results) - rejected} 个，未导入 {rejected} 个。"
        )
        if cancelled:
            summary += f" 已取消，另有 {cancelled} 个文件没有处理。"
        if rejected:
            summary += " 未导入的文件没有改动数据库，请按说明处理后重新导入。"
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(results), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for row, result in enumerate(results):
            counts = ("", "", "", "") if result.status == "rejected" else (
                str(result.added), str(result.updated), str(result.unchanged),
                str(result.conflicts))  # fmt: skip
            values = (result.file, result.status_label, unit_names.get(result.unit, ""),
                      result.period, *counts, result.reason)  # fmt: skip
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1:
                    item.setBackground(QBrush(QColor(_STATUS_COLOURS[result.status])))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        layout.addWidget(buttons)
