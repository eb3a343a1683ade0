"""全市汇总表 window (the city's): its own period, the city's header line, the preview of
the exact PDF, and export as PDF or Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jzdesk.domain.periods import quarter_period, year_period, year_to_date
from jzdesk.domain.units import CITY_CODE
from jzdesk.errors import KnownError
from jzdesk.ui.views.exported import ask_sheet_path, tell_exported
from jzdesk.ui.views.pdf_preview import PdfPreview
from jzdesk.usecases import installation, report_info, sheets

_QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
UP_TO_A_DAY = "截至某日（本年累计）"
PREVIEW_DELAY_MS = 300


class SummaryWindow(QDialog):
    """The summary's period is chosen here, not taken from the unit sheet's 期间: a
    quarter, a year, or from 1 January up to a day; the preview follows every change."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setWindowTitle("全市汇总表")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self._workspace = workspace
        self.code = ""
        self.periodCombo = QComboBox(self)
        self.asOfEdit = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.fillerEdit, self.phoneEdit = QLineEdit(self), QLineEdit(self)
        self.filledOnEdit = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.sealLabel, self.codeLabel = QLabel(self), QLabel(self)
        self.pdfButton = QPushButton("导出 PDF…", self)
        self.xlsxButton = QPushButton("导出 Excel…", self)
        self.preview = PdfPreview(self)
        self._lay_out()
        self._fill(workspace.db)

        self._debounce = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._debounce.timeout.connect(self.refresh_preview)
        self.periodCombo.currentIndexChanged.connect(self._on_period_changed)
        for edit in (self.asOfEdit, self.filledOnEdit):
            edit.dateChanged.connect(self._debounce.start)
        for edit in (self.fillerEdit, self.phoneEdit):
            edit.textEdited.connect(self._debounce.start)
        self.pdfButton.clicked.connect(lambda: self.choose_export(".pdf"))
        self.xlsxButton.clicked.connect(lambda: self.choose_export(".xlsx"))
        workspace.records_changed.connect(self._debounce.start)
        self._on_period_changed()
        self.refresh_preview()

    def _lay_out(self) -> None:
        controls = QWidget(self)
        controls.setMaximumWidth(320)
        form = QFormLayout()
        form.addRow("期间：", self.periodCombo)
        form.addRow("截至日期：", self.asOfEdit)
        form.addRow("填报人：", self.fillerEdit)
        form.addRow("联系电话：", self.phoneEdit)
        form.addRow("填报时间：", self.filledOnEdit)
        column = QVBoxLayout(controls)
        column.addLayout(form)
        for label in (self.sealLabel, self.codeLabel):
            label.setWordWrap(True)
            column.addWidget(label)
        column.addWidget(self.pdfButton)
        column.addWidget(self.xlsxButton)
        column.addStretch()
        row = QHBoxLayout(self)
        row.addWidget(controls)
        row.addWidget(self.preview, 1)
        self.resize(1100, 700)

    def _fill(self, db) -> None:
        """The periods of every plan year and the city's stored header fields."""
        for year in reversed(installation.plan_years(db)):
            for quarter, name in enumerate(_QUARTERS, start=1):
                self.periodCombo.addItem(f"{year}年{name}", quarter_period(year, quarter))
            self.periodCombo.addItem(f"{year}年全年", year_period(year))
        self.periodCombo.addItem(UP_TO_A_DAY, None)
        current = report_info.report_quarter(db, None)
        combo = self.periodCombo
        # findData() cannot compare Python objects; look for the period by hand.
        combo.setCurrentIndex(
            next((i for i in range(combo.count()) if combo.itemData(i) == current), 0)
        )
        self.asOfEdit.setDate(QDate(min(date.today(), current.end)))
        self.filledOnEdit.setDate(QDate(date.today()))
        header = report_info.header_fields(db, CITY_CODE)
        self.fillerEdit.setText(header["filler"])
        self.phoneEdit.setText(header["phone"])

    @property
    def period(self):
        chosen = self.periodCombo.currentData()
        return chosen if chosen is not None else year_to_date(self.asOfEdit.date().toPython())

    def summary_data(self):
        return sheets.summary_data(
            self._workspace.db,
            self.period,
            filled_on=self.filledOnEdit.date().toPython(),
            filler=self.fillerEdit.text().strip(),
            phone=self.phoneEdit.text().strip(),
        )

    def _on_period_changed(self) -> None:
        self.asOfEdit.setEnabled(self.periodCombo.currentData() is None)
        self._debounce.start()

    def refresh_preview(self) -> None:
        """Write the PDF the export would write, and show it with its 校验码."""
        self._debounce.stop()
        try:
            data = self.summary_data()
            self.preview.show_written(lambda path: sheets.write_summary(data, path))
        except KnownError as error:
            self.codeLabel.setText(error.message)
            return
        self.code = sheets.summary_code(data)
        self.sealLabel.setText(
            "印章：印有市总印章。"
            if data.seal
            else "印章：尚未载入，表上留出盖章的位置（在“统计报表”中选择焦作市总工会载入印章）。"
        )
        self.codeLabel.setText(
            f"{data.period_label}：本期 {data.period_report.total} 场，"
            f"本年累计 {data.year_report.total} 场。\n校验码：{self.code}"
        )

    def choose_export(self, suffix: str) -> None:
        name = f"全市汇总表-{self.period.label}{suffix}"
        if path := ask_sheet_path(self, "导出全市汇总表", name, suffix):
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Export the summary to ``path`` (.pdf or .xlsx) and remember the city's 填报人
        and 联系电话 for next time, as the unit sheet remembers a unit's."""
        try:
            report_info.set_header_fields(
                self._workspace.db,
                CITY_CODE,
                filler=self.fillerEdit.text(),
                phone=self.phoneEdit.text(),
            )
            data = self.summary_data()
            sheets.write_summary(data, path)
        except KnownError as error:
            QMessageBox.warning(self, "导出失败", error.message)
            return False
        tell_exported(self, path, f"已导出：{path}\n校验码：{sheets.summary_code(data)}")
        return True

    def cleanup(self) -> None:
        """Before the database closes: no more previews, and the temporary files go."""
        self._debounce.stop()
        self._workspace.records_changed.disconnect(self._debounce.start)
        self.preview.cleanup()
