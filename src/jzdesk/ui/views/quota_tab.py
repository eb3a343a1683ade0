"""任务分解 tab: the year's quota table (附件1) with live progress."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from jzdesk.errors import KnownError
from jzdesk.ui.forms.ui_quota_tab import Ui_QuotaTab
from jzdesk.ui.models.quota_model import (
    BAR_COLOUR_ROLE,
    COL_MINIMUMS,
    COL_RATE,
    COL_UNIT,
    RATE_ROLE,
    UNIT_CODE_ROLE,
    QuotaSortModel,
    QuotaTableModel,
)
from jzdesk.ui.views.delegates import ProgressBarDelegate
from jzdesk.usecases import installation, planning, progress


class QuotaTab(QWidget):
    """Shows progress.progress_report for a chosen year and cut-off date."""

    unit_activated = Signal(str)  # a unit's code, on double-click

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_QuotaTab()
        self.ui.setupUi(self)
        self._workspace = workspace
        self.model = QuotaTableModel(self)
        self.sorted = QuotaSortModel(self)
        self.sorted.setSourceModel(self.model)
        table = self.ui.table
        table.setModel(self.sorted)
        # Start in the order of 附件1 (no column sorted); a click on a header sorts by it.
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.setItemDelegateForColumn(
            COL_RATE, ProgressBarDelegate(RATE_ROLE, BAR_COLOUR_ROLE, table)
        )
        header = table.horizontalHeader()
        # Columns are fitted to their text after each refresh (_fit_columns), not kept
        # fitted by the header, which measured every cell several times as the window
        # first laid out.
        header.setSectionResizeMode(COL_RATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_RATE, 140)
        header.setSectionResizeMode(COL_MINIMUMS, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.doubleClicked.connect(self._on_double_click)

        today = date.today()
        for year in installation.plan_years(workspace.db):
            self.ui.yearCombo.addItem(f"{year}年", year)
        default = installation.default_year(workspace.db, today=today)
        self.ui.yearCombo.setCurrentIndex(self.ui.yearCombo.findData(default))
        self._set_date_range(default)
        self.ui.yearCombo.currentIndexChanged.connect(self._on_year_changed)
        self.ui.asOfEdit.dateChanged.connect(self.refresh)
        self.ui.editPlanButton.clicked.connect(self.edit_plan)
        self.ui.newYearButton.clicked.connect(self.start_next_year)
        self.ui.importPlanButton.clicked.connect(self.choose_plan_file)
        self.apply_role()
        workspace.records_changed.connect(self.refresh)
        self.refresh()

    @property
    def year(self) -> int:
        return self.ui.yearCombo.currentData()

    @property
    def as_of(self) -> date:
        return self.ui.asOfEdit.date().toPython()

    def _set_date_range(self, year: int) -> None:
        edit = self.ui.asOfEdit
        edit.blockSignals(True)
        edit.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        edit.setDate(QDate(min(date.today(), date(year, 12, 31))))
        edit.blockSignals(False)

    def _on_year_changed(self) -> None:
        self._set_date_range(self.year)
        self.refresh()

    def refresh(self) -> None:
        report = progress.progress_report(self._workspace.db, year=self.year, as_of=self.as_of)
        self.model.set_report(report)
        self._fit_columns()
        rate = "" if report.rate is None else f"，完成 {report.rate:.1%}"
        self.ui.summaryLabel.setText(
            f"全市合计：任务 {report.quota} 场，已完成 {report.total} 场{rate}，"
            f"受益职工 {report.audience} 人次"
        )

    def _fit_columns(self) -> None:
        for column in range(self.model.columnCount()):
            if column not in (COL_RATE, COL_MINIMUMS):
                self.ui.table.resizeColumnToContents(column)

    def apply_role(self) -> None:
        """The city edits the plan; a unit's installation only imports the city's file."""
        unit = installation.unit_installation(self._workspace.db) is not None
        self.ui.editPlanButton.setVisible(not unit)
        self.ui.newYearButton.setVisible(not unit)
        self.ui.importPlanButton.setVisible(unit)

    def choose_plan_file(self) -> None:
        from jzdesk.ui.preferences import ask_open_paths

        paths = ask_open_paths(
            self, "导入市总计划文件", "import", "任务分解表 (*.xlsx *.xls *.ods *.csv)"
        )
        if paths:
            self.import_plan_file(paths[0])

    def import_plan_file(self, path) -> bool:
        """Take the year's plan from the city's 附件1 file (the year named in its title)."""
        from PySide6.QtWidgets import QMessageBox

        try:
            result = planning.import_quota_table(self._workspace.db, path)
        except KnownError as error:
            QMessageBox.warning(self, "无法导入", error.message)
            return False
        if self.ui.yearCombo.findData(result.year) < 0:
            self.ui.yearCombo.addItem(f"{result.year}年", result.year)
        self.ui.yearCombo.setCurrentIndex(self.ui.yearCombo.findData(result.year))
        self._workspace.changed()
        QMessageBox.information(self, "导入完成", result.summary())
        return True

    def edit_plan(self) -> None:
        from jzdesk.ui.views.plan_dialog import PlanDialog

        if PlanDialog(self._workspace, self.year, self).exec():
            self.refresh()

    def start_next_year(self) -> None:
        """A new year's plan as a copy of the latest (the city's job each January)."""
        from PySide6.QtWidgets import QMessageBox

        from jzdesk.usecases import installation

        year = max(installation.plan_years(self._workspace.db)) + 1
        try:
            planning.start_year(self._workspace.db, year)
        except KnownError as error:
            QMessageBox.warning(self, "无法新建年度", error.message)
            return
        self.ui.yearCombo.addItem(f"{year}年", year)
        self.ui.yearCombo.setCurrentIndex(self.ui.yearCombo.findData(year))
        self._workspace.changed()
        QMessageBox.information(
            self,
            "已新建年度",
            f"已按 {year - 1} 年的任务分解表新建 {year} 年计划，可点“编辑计划”修改。",
        )

    def _on_double_click(self, index) -> None:
        code = index.siblingAtColumn(COL_UNIT).data(UNIT_CODE_ROLE)
        if code:
            self.unit_activated.emit(code)
