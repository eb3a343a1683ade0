"""数据备份与恢复: the backups beside the database, a backup now, and restoring one."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QTableWidgetItem

from jzdesk.errors import KnownError
from jzdesk.ui.forms.ui_backup_dialog import Ui_BackupDialog
from jzdesk.usecases import backups

_REASONS = {
    "manual": "手动备份",
    "daily": "每日自动备份",
    "import": "导入前",
    "before-restore": "恢复前",
}


class BackupDialog(QDialog):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        self._workspace = workspace
        self.ui.folderLabel.setText(
            f"备份保存在：{backups.backup_folder(workspace.db)}\n每天第一次打开程序、每次导入之前和每次恢复之前"
            "都会自动备份，保留最近 30 份。恢复时会先备份当前的数据。"
        )
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.table.verticalHeader().setVisible(False)
        self.ui.backupButton.clicked.connect(self.backup_now)
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.load()

    def load(self) -> None:
        self._items = backups.list_backups(self._workspace.db)
        table = self.ui.table
        table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            values = (
                f"{item['made']:%Y-%m-%d %H:%M:%S}",
                _REASONS.get(item["reason"], item["reason"]),
                str(item["records"]),
                item["path"].name,
            )
            for column, text in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(text))
        self.ui.restoreButton.setEnabled(bool(self._items))

    def backup_now(self) -> None:
        try:
            backups.make_backup(self._workspace.db)
        except KnownError as error:
            QMessageBox.warning(self, "备份失败", error.message)
        self.load()

    def restore_selected(self) -> bool:
        row = self.ui.table.currentRow()
        if row < 0:
            return False
        item = self._items[row]
        question = (
            f"用 {item['made']:%Y-%m-%d %H:%M} 的备份（{item['records']} 条活动记录）替换现在的数据？\n"
            "恢复前会先备份现在的数据。"
        )
        if QMessageBox.question(self, "恢复备份", question) != QMessageBox.StandardButton.Yes:
            return False
        try:
            backups.restore_backup(self._workspace.db, item["path"])
        except KnownError as error:
            QMessageBox.warning(self, "无法恢复", error.message)
            return False
        self._workspace.undo_stack.clear()  # the undone steps belong to the replaced data
        self._workspace.changed()
        self.load()
        QMessageBox.information(self, "已恢复", "数据已恢复。")
        return True
