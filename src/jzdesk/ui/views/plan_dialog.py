"""The city's plan editor: the year's units, quotas and minimums, saved through planning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
)

from jzdesk.domain.text import normalize
from jzdesk.errors import KnownError
from jzdesk.ui.forms.ui_plan_dialog import Ui_PlanDialog
from jzdesk.ui.preferences import ask_open_paths, ask_save_path
from jzdesk.usecases import installation, planning

_CODE = Qt.ItemDataRole.UserRole + 1
_WHAT = {
    "quota": "任务场次",
    "minimums": "最低要求",
    "rename": "更名",
    "add_unit": "新增单位",
    "retire": "移出计划",
    "new_year": "新建年度",
}


class PlanDialog(QDialog):
    def __init__(self, workspace, year: int, parent=None):
        super().__init__(parent)
        self.ui = Ui_PlanDialog()
        self.ui.setupUi(self)
        self._workspace, self.year = workspace, year
        self.setWindowTitle(f"编辑 {year} 年任务分解表")
        self.ui.hintLabel.setText(
            "直接修改单位名称、简称、任务场次和最低要求（如：示范性文艺演出≥10；示范性送电影≥20）。"
            "更名不影响已有记录和上报文件的合并；移出计划的单位，其记录仍保留。每项修改都记入修改记录。"
        )
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.ui.addButton.clicked.connect(self.add_row)
        self.ui.retireButton.clicked.connect(self.remove_selected)
        self.ui.exportButton.clicked.connect(self.choose_export)
        self.ui.importButton.clicked.connect(self.choose_import)
        self.ui.logButton.clicked.connect(self.show_log)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.load()

    def load(self) -> None:
        units = {unit.code: unit for unit in installation.all_units(self._workspace.db)}
        entries = installation.plan_entries(self._workspace.db, self.year)
        table = self.ui.table
        table.setRowCount(0)
        for entry in entries:
            unit = units[entry.unit_code]
            self._append(
                entry.unit_code,
                unit.name,
                unit.short_name,
                entry.quota,
                planning.minimums_text(entry.minimums),
            )

    def _append(self, code, name, short, quota, minimums) -> None:
        table = self.ui.table
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(
            (name, short, "" if quota is None else str(quota), minimums)
        ):
            item = QTableWidgetItem(value)
            item.setData(_CODE, code)
            table.setItem(row, column, item)

    def add_row(self) -> None:
        self._append(None, "新单位", "", 0, "")
        self.ui.table.editItem(self.ui.table.item(self.ui.table.rowCount() - 1, 0))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.ui.table.selectedIndexes()}, reverse=True):
            self.ui.table.removeRow(row)

    def lines(self) -> list[planning.PlanLine]:
        """The table as plan lines. Raises KnownError naming the row that cannot be read."""
        result = []
        table = self.ui.table
        for row in range(table.rowCount()):
            cells = [
                table.item(row, c).text().strip() if table.item(row, c) else "" for c in range(4)
            ]
            quota_text = normalize(cells[2])
            if quota_text and not quota_text.isdigit():
                raise KnownError(f"第 {row + 1} 行“{cells[0]}”的任务场次“{cells[2]}”不是整数")
            result.append(
                planning.PlanLine(
                    code=table.item(row, 0).data(_CODE),
                    name=cells[0],
                    short_name=cells[1],
                    quota=int(quota_text) if quota_text else None,
                    minimums=planning.parse_minimums(cells[3]),
                )
            )
        return result

    def save(self) -> bool:
        try:
            changes = planning.save_plan(self._workspace.db, self.year, self.lines())
        except KnownError as error:
            QMessageBox.warning(self, "无法保存", error.message)
            return False
        self._workspace.changed()
        self.changes = changes
        self.accept()
        return True

    def choose_export(self) -> None:
        path = ask_save_path(
            self, "导出任务分解表", "export", f"{self.year}年任务分解表.xlsx", "Excel 文件 (*.xlsx)"
        )
        if path:
            try:
                planning.export_quota_table(self._workspace.db, self.year, path)
            except KnownError as error:
                QMessageBox.warning(self, "导出失败", error.message)

    def choose_import(self) -> None:
        paths = ask_open_paths(
            self, "导入任务分解表", "import", "表格文件 (*.xlsx *.xls *.ods *.csv)"
        )
        if paths:
            self.import_file(paths[0])

    def import_file(self, path: Path) -> bool:
        try:
            result = planning.import_quota_table(self._workspace.db, path, year=self.year)
        except KnownError as error:
            QMessageBox.warning(self, "无法导入", error.message)
            return False
        self._workspace.changed()
        self.load()
        QMessageBox.information(self, "导入完成", result.summary())
        return True

    def show_log(self) -> None:
        lines = [
            f"{e['changed_at'][:19].replace('T', ' ')}  {e['changed_by']}  "
            f"{_WHAT.get(e['what'], e['what'])}  {e['unit_code'] or ''}：{e['old'] or '—'} → {e['new'] or '—'}"
            for e in planning.audit_log(self._workspace.db, self.year)
        ]
        QMessageBox.information(
            self, f"{self.year} 年计划的修改记录", "\n".join(lines) or "还没有修改记录"
        )
