"""导入结果: one row per file — status, unit, period, counts and the reason in plain Chinese;
files a cancel left untouched are listed too, as 未处理."""

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
_STATUS_COLOURS = {
    "imported": "#d4edda",
    "unchanged": "#f0f0f0",
    "rejected": "#f8d0cd",
    "cancelled": "#fff3cd",
}
_FILE_COLUMN_MAX = 320  # px; the full name is in the tooltip
_REASON_COLUMN = len(COLUMNS) - 1


def summary_text(results, cancelled: list[str]) -> str:
    """One line: how many files, and what became of them (each file counted once)."""
    count = {
        status: sum(r.status == status for r in results)
        for status in ("imported", "unchanged", "rejected")
    }
    parts = [f"导入 {count['imported']} 个"]
    if count["unchanged"]:
        parts.append(f"无变化 {count['unchanged']} 个（已导入过或内容相同）")
    parts.append(f"未导入 {count['rejected']} 个")
    if cancelled:
        parts.append(f"因取消没有处理 {len(cancelled)} 个")
    text = f"共 {len(results) + len(cancelled)} 个文件：{'，'.join(parts)}。"
    if count["rejected"]:
        text += " 未导入的文件没有改动数据库，请按说明处理后重新导入。"
    if cancelled:
        text += " 没有处理的文件可以再次导入。"
    return text


class ImportResultsDialog(QDialog):
    def __init__(
        self, results, unit_names: dict[str, str], *, cancelled: list[str] = (), parent=None
    ):
        """``cancelled``: names of the files a cancel left untouched."""
        super().__init__(parent)
        self.setWindowTitle("导入结果")
        self.resize(980, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary_text(results, list(cancelled)), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        rows = [self._values(result, unit_names) for result in results]
        rows += [
            (name, "未处理", "", "", "", "", "", "", "导入已取消，这个文件没有处理")
            for name in cancelled
        ]
        statuses = [result.status for result in results] + ["cancelled"] * len(cancelled)
        self.table = QTableWidget(len(rows), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for row, (values, status) in enumerate(zip(rows, statuses, strict=True)):
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1:
                    item.setBackground(QBrush(QColor(_STATUS_COLOURS[status])))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), _FILE_COLUMN_MAX))
        header.setSectionResizeMode(_REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        # Rows take the height their wrapped reason needs at the widths the table has
        # once laid out, and again whenever a column changes width.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        layout.addWidget(buttons)

    @staticmethod
    def _values(result, unit_names: dict[str, str]) -> tuple[str, ...]:
        counts = (
            ("", "", "", "")
            if result.status == "rejected"
            else (
                str(result.added),
                str(result.updated),
                str(result.unchanged),
                str(result.conflicts),
            )
        )
        return (
            result.file,
            result.status_label,
            unit_names.get(result.unit, ""),
            result.period,
            *counts,
            result.reason,
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()
