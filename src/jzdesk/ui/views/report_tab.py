"""统计报表 tab: a unit's stamped sheet for a period — preview of the exact PDF, export, print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFrame, QMessageBox, QScrollArea, QWidget

from jzdesk.domain.periods import quarter_period, year_period
from jzdesk.errors import KnownError
from jzdesk.ui.forms.ui_report_tab import Ui_ReportTab
from jzdesk.ui.preferences import ask_open_paths, ask_save_path
from jzdesk.ui.views.exported import ask_sheet_path, tell_exported
from jzdesk.ui.views.pdf_preview import PdfPreview
from jzdesk.usecases import installation, report_info, sheets, submission_export

_QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
PREVIEW_DELAY_MS = 300


class ReportTab(QWidget):
    """Shows the PDF exactly as it will be exported or printed, rebuilt as the inputs change."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_ReportTab()
        self.ui.setupUi(self)
        self._workspace = workspace
        self._package_tip = self.ui.packageButton.toolTip()  # a refusal takes its place
        self.code = ""
        self._summary = None  # the 全市汇总表 window, made when first opened
        # A small screen scrolls the controls up and down rather than forcing a tall
        # window; room is kept for the scroll bar, so nothing is cut at the side.
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = scroller.verticalScrollBar().sizeHint().width()
        scroller.setFixedWidth(self.ui.controls.maximumWidth() + bar)
        self.layout().replaceWidget(self.ui.controls, scroller)
        scroller.setWidget(self.ui.controls)
        self.view = PdfPreview(self.ui.previewHost)
        self.document = self.view.document
        self.ui.previewHost.layout().addWidget(self.view)

        db = workspace.db
        self._load_units()
        home = installation.home_unit(db)
        if home is not None:
            self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.findData(home.code))
        for year in reversed(installation.plan_years(db)):
            for quarter, name in enumerate(_QUARTERS, start=1):
                self.ui.periodCombo.addItem(f"{year}年{name}", quarter_period(year, quarter))
            self.ui.periodCombo.addItem(f"{year}年全年", year_period(year))
        current = report_info.report_quarter(db, self.ui.unitCombo.currentData())
        combo = self.ui.periodCombo
        # findData() cannot compare Python objects; look for the period by hand.
        combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == current))
        self.ui.filledOnEdit.setDate(QDate(date.today()))

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(PREVIEW_DELAY_MS)
        self._debounce.timeout.connect(self.refresh_preview)
        self.ui.unitCombo.currentIndexChanged.connect(self._on_unit_changed)
        self.ui.periodCombo.currentIndexChanged.connect(self.schedule_preview)
        for edit in (self.ui.fillerEdit, self.ui.phoneEdit):
            edit.textEdited.connect(self.schedule_preview)
        self.ui.filledOnEdit.dateChanged.connect(self.schedule_preview)
        self.ui.sealLoadButton.clicked.connect(self.choose_seal)
        self.ui.sealRemoveButton.clicked.connect(lambda: self.set_seal(None))
        self.ui.pdfButton.clicked.connect(lambda: self.choose_export(".pdf"))
        self.ui.xlsxButton.clicked.connect(lambda: self.choose_export(".xlsx"))
        self.ui.printButton.clicked.connect(self.choose_printer)
        self.ui.summaryButton.clicked.connect(self.open_summary)
        self.apply_role()
        self.ui.packageButton.clicked.connect(self.choose_package_export)
        self.ui.planDocButton.clicked.connect(self.choose_plan_document)
        workspace.records_changed.connect(self.schedule_preview)
        self._on_unit_changed()

    # -- what the sheet shows ------------------------------------------------------------
    @property
    def unit(self):
        return self._units[self.ui.unitCombo.currentData()]

    @property
    def period(self):
        return self.ui.periodCombo.currentData()

    def sheet_data(self):
        return sheets.sheet_data(
            self._workspace.db,
            self.unit,
            self.period,
            filled_on=self.ui.filledOnEdit.date().toPython(),
            filler=self.ui.fillerEdit.text().strip(),
            phone=self.ui.phoneEdit.text().strip(),
        )

    def show_unit(self, code: str) -> None:
        """Select the unit ``code`` (the window calls this when the home unit changes:
        which unit may send a submission file changes with it)."""
        combo = self.ui.unitCombo
        if combo.findData(code) < 0:  # added in the plan since this tab was made
            self._load_units()
        if combo.currentData() == code:
            self._on_unit_changed()
        else:
            combo.setCurrentIndex(combo.findData(code))

    def _load_units(self) -> None:
        """Fill the unit list (again), keeping the unit shown, without signals."""
        self._units = {unit.code: unit for unit in installation.all_units(self._workspace.db)}
        combo = self.ui.unitCombo
        shown = combo.currentData()
        blocked = combo.blockSignals(True)
        combo.clear()
        for unit in self._units.values():
            combo.addItem(unit.name, unit.code)
        combo.setCurrentIndex(max(0, combo.findData(shown)))
        combo.blockSignals(blocked)

    def _on_unit_changed(self) -> None:
        header = report_info.header_fields(self._workspace.db, self.unit.code)
        self.ui.fillerEdit.setText(header["filler"])
        self.ui.phoneEdit.setText(header["phone"])
        self._show_seal(sheets.unit_seal(self._workspace.db, self.unit))

        refusal = submission_export.reporting_refusal(self._workspace.db, self.unit)
        for widget in (self.ui.packageButton, self.ui.photosCheck, self.ui.planDocButton):
            widget.setEnabled(refusal is None)
        self.ui.packageButton.setToolTip(refusal or self._package_tip)
        self.schedule_preview()

    def schedule_preview(self) -> None:
        self._debounce.start()

    def refresh_preview(self) -> None:
        """Write the PDF the export would write, and show it."""
        self._debounce.stop()
        data = self.sheet_data()
        try:
            self.view.show_written(lambda path: sheets.export_sheet(data, path))
        except KnownError as error:
            self.ui.codeLabel.setText(error.message)
            return
        self.code = sheets.sheet_code(data)
        self.ui.codeLabel.setText(
            f"{len(data.records)} 条记录，{sum(data.totals['sessions'].values())} 场。\n"
            f"校验码：{self.code}（印在每一页，市总可据此核对纸质表与电子数据）"
        )

    def showEvent(self, event):
        super().showEvent(event)
        if self.view.path is None:
            self.refresh_preview()

    # -- the seal ------------------------------------------------------------------------
    def choose_seal(self) -> None:
        paths = ask_open_paths(
            self, "载入印章扫描件", "seal", "图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)"
        )
        if paths:
            self.set_seal(paths[0])

    def set_seal(self, path: Path | None) -> bool:
        """Store the unit's seal from a scan (None removes it) and show it."""
        try:
            png = sheets.set_unit_seal(self._workspace.db, self.unit, path)
        except KnownError as error:
            QMessageBox.warning(self, "无法使用这张图片", error.message)
            return False
        self._show_seal(png)
        self.refresh_preview()
        return True

    def _show_seal(self, png: bytes | None) -> None:
        self.ui.sealRemoveButton.setEnabled(png is not None)
        if png is None:
            self.ui.sealPreview.setPixmap(QPixmap())
            self.ui.sealPreview.setText(
                "尚未载入印章。\n统计表上会留出盖章的位置，\n打印后加盖公章即可。"
            )
            return
        pixmap = QPixmap.fromImage(QImage.fromData(png))
        self.ui.sealPreview.setPixmap(
            pixmap.scaled(
                QSize(140, 140),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    # -- export and print ------------------------------------------------------------------
    def _remember_header(self) -> None:
        report_info.set_header_fields(
            self._workspace.db,
            self.unit.code,
            filler=self.ui.fillerEdit.text(),
            phone=self.ui.phoneEdit.text(),
        )

    def suggested_name(self, suffix: str) -> str:
        return f"{self.unit.name}-{self.period.label}{suffix}"

    def choose_export(self, suffix: str) -> None:
        if path := ask_sheet_path(self, "导出统计表", self.suggested_name(suffix), suffix):
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Export the sheet to ``path`` (.pdf or .xlsx) and remember the header fields."""
        try:
            self._remember_header()
            sheets.export_sheet(self.sheet_data(), path)
        except KnownError as error:
            QMessageBox.warning(self, "导出失败", error.message)
            return False
        tell_exported(self, path, f"已导出：{path}\n校验码：{self.code}")
        return True

    def choose_package_export(self) -> None:

        name = submission_export.suggested_name(self.unit, self.period)
        path = ask_save_path(self, "导出上报文件", "export", name, "jzdesk 上报文件 (*.jzsub)")
        if path:
            self.export_package_to(path.with_suffix(".jzsub"))

    def export_package_to(self, path: Path) -> bool:
        """The unit's submission file for the city (its whole year so far)."""

        try:
            self._remember_header()
            exported = submission_export.export_submission(
                self._workspace.db,
                self.unit,
                path,
                period=self.period,
                photos=self.ui.photosCheck.isChecked(),
            )
        except KnownError as error:
            QMessageBox.warning(self, "导出失败", error.message)
            return False
        tell_exported(
            self,
            path,
            f"已导出上报文件：{path}\n{self.unit.name}本年度至今 {exported.records} 条记录（含已删除的）。\n"
            f"请把这个文件和盖章的统计表一起报送；统计表校验码 {exported.sheet_code}。",
        )
        return True

    def choose_plan_document(self) -> None:
        from jzdesk.ui.preferences import ask_open_paths

        paths = ask_open_paths(
            self,
            "选择实施方案",
            "plan_document",
            "文档 (*.pdf *.doc *.docx *.wps *.ofd);;所有文件 (*)",
        )
        if paths:
            self.attach_plan_document(paths[0])

    def attach_plan_document(self, path: Path) -> bool:

        year = self.period.end.year
        try:
            submission_export.attach_plan_document(self._workspace.db, self.unit, year, path)
        except KnownError as error:
            QMessageBox.warning(self, "实施方案", error.message)
            return False
        QMessageBox.information(
            self,
            "实施方案",
            f"已附上{self.unit.name} {year} 年实施方案：{Path(path).name}\n"
            "以后导出的上报文件都会带上它。",
        )
        return True

    def apply_role(self) -> None:
        """The city summary is the city's; a unit's installation does not offer it."""
        self.ui.summaryButton.setVisible(installation.unit_installation(self._workspace.db) is None)

    def open_summary(self):
        """The 全市汇总表 window (one, made when first asked for): its own period, header
        line and preview; returns it."""
        from jzdesk.ui.views.summary_window import SummaryWindow

        if self._summary is None:
            self._summary = SummaryWindow(self._workspace, self)
        self._summary.show()
        self._summary.raise_()
        self._summary.activateWindow()
        return self._summary

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印统计表")
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._remember_header()
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed PDF's pages, each scaled to the printer's page; returns pages."""
        self.refresh_preview()
        from PySide6.QtGui import QPageLayout, QPageSize

        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                printer.pageLayout().margins(),
            )
        )
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, "无法打印", "打印机无法开始打印，请检查打印机。")
            return 0
        pages = self.document.pageCount()
        try:
            for page in range(pages):
                if page:
                    printer.newPage()
                target = painter.viewport()
                size = self.document.pagePointSize(page).toSize()
                size.scale(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                image = self.document.render(page, size)
                painter.drawImage(QPoint(0, 0), image)
        finally:
            painter.end()
        return pages

    def cleanup(self) -> None:
        """Before the database closes: no more previews, and the temporary files go
        (a window closed twice cleans up once)."""
        self._debounce.stop()
        if getattr(self, "_cleaned", False):
            return
        self._cleaned = True
        self._workspace.records_changed.disconnect(self.schedule_preview)
        self.view.cleanup()
        if self._summary is not None:
            self._summary.cleanup()
