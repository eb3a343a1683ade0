"""检查考核 tab: rank the units as of a date under rules the city sets, and export it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from jzdesk.domain.evaluation import EvaluationRules
from jzdesk.errors import KnownError
from jzdesk.ui.forms.ui_evaluation_tab import Ui_EvaluationTab
from jzdesk.ui.models.evaluation_model import EvaluationModel
from jzdesk.ui.preferences import ask_save_path
from jzdesk.ui.views.exported import tell_exported
from jzdesk.usecases import evaluation, installation


class EvaluationTab(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_EvaluationTab()
        self.ui.setupUi(self)
        self._workspace = workspace
        self.model = EvaluationModel(self)
        self.ui.table.setModel(self.model)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.ui.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        year = installation.default_year(workspace.db)
        self.ui.asOfEdit.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        self.ui.asOfEdit.setDate(QDate(date(year, 10, 1)))  # the October inspection
        for signal in (
            self.ui.asOfEdit.dateChanged,
            self.ui.fullQuotaCheck.toggled,
            self.ui.topSpin.valueChanged,
            self.ui.paceSpin.valueChanged,
            self.ui.minimumCheck.toggled,
            self.ui.acceptedCheck.toggled,
            workspace.records_changed,
        ):
            signal.connect(self.refresh)
        self.ui.exportButton.clicked.connect(self.choose_export)
        self.refresh()

    def rules(self) -> EvaluationRules:
        return EvaluationRules(
            praise_full_quota=self.ui.fullQuotaCheck.isChecked(),
            praise_top=self.ui.topSpin.value(),
            criticize_below_pace=self.ui.paceSpin.value() / 100,
            criticize_missing_minimum=self.ui.minimumCheck.isChecked(),
            accepted_only=self.ui.acceptedCheck.isChecked(),
        )

    @property
    def as_of(self) -> date:
        return self.ui.asOfEdit.date().toPython()

    def refresh(self) -> None:
        _, rows = evaluation.ranking(self._workspace.db, as_of=self.as_of, rules=self.rules())
        self.model.set_rows(rows)

    def choose_export(self) -> None:
        name = f"检查考核排名-{self.as_of.isoformat()}.xlsx"
        path = ask_save_path(
            self, "导出排名表", "export", name, "Excel 文件 (*.xlsx);;PDF 文件 (*.pdf)"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        try:
            evaluation.export_ranking(
                self._workspace.db, path, as_of=self.as_of, rules=self.rules()
            )
        except KnownError as error:
            QMessageBox.warning(self, "导出失败", error.message)
            return False
        tell_exported(self, path, f"已导出：{path}")
        return True
