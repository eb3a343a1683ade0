"""活动登记 tab: the entry form above the ledger of a unit's records for a period."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import quarter_period, year_period
from jzdesk.domain.records import RecordFilter
from jzdesk.ui.forms.ui_records_tab import Ui_RecordsTab
from jzdesk.ui.keys import widget_shortcut
from jzdesk.ui.models.ledger_model import LedgerModel, TotalsModel, column_of, size_ledger_columns
from jzdesk.ui.preferences import app_settings
from jzdesk.ui.views.entry_form import EntryForm
from jzdesk.usecases import installation, ledger, report_info

_QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
SEARCH_DELAY_MS = 250  # the ledger follows a pause in typing, not every keystroke


class RecordsTab(QWidget):
    """Entry form and ledger; every list comes from the use cases, every write from the workspace."""

    import_requested = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_RecordsTab()
        self.ui.setupUi(self)
        self._workspace = workspace
        self._stale = True
        db = workspace.db

        self.form = EntryForm(workspace)
        scroller = QScrollArea(self.ui.formBox)  # a small window scrolls the form, not clips it
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes into the form, not to it
        scroller.setWidget(self.form)
        self.ui.formBox.layout().addWidget(scroller)
        self._reads = workspace.search_thread()
        self.model = LedgerModel(db, workspace.update_event, self, read_later=self._read_more)
        self.totals = TotalsModel(self)
        self._setup_tables()

        self._units = {unit.code: unit for unit in installation.all_units(db)}
        self.ui.unitCombo.addItem("全部单位", None)
        for unit in self._units.values():
            self.ui.unitCombo.addItem(unit.name, unit.code)
        home = installation.home_unit(db)
        self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.findData(home.code) if home else 0)
        for year in reversed(installation.plan_years(db)):
            self.ui.periodCombo.addItem(f"{year}年全年", year_period(year))
            for quarter, name in enumerate(_QUARTERS, start=1):
                self.ui.periodCombo.addItem(f"{year}年{name}", quarter_period(year, quarter))
        self.ui.typeCombo.addItem("全部", None)
        for kind in ActivityType:
            self.ui.typeCombo.addItem(kind.label, kind)
        for text, value in (("示范性：全部", None), ("仅示范性", True), ("非示范性", False)):
            self.ui.demoCombo.addItem(text, value)

        for combo in (self.ui.unitCombo, self.ui.periodCombo, self.ui.typeCombo, self.ui.demoCombo):
            combo.currentIndexChanged.connect(self._follow_filter)
        self.ui.unitCombo.currentIndexChanged.connect(self._on_unit_changed)
        self.ui.photosCheck.toggled.connect(self._follow_filter)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._follow_filter)
        self.ui.searchEdit.textChanged.connect(self._typed)
        self._reads.page_read.connect(self._show_page)
        self.model.order_changed.connect(self._follow_filter)
        self._reads.totals_read.connect(self.totals.set_totals)
        self.ui.searchEdit.returnPressed.connect(self.go_to_results)
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        self.ui.binButton.clicked.connect(self.open_recycle_bin)
        self.ui.historyButton.clicked.connect(self.open_history)
        self.ui.headerButton.clicked.connect(self.open_header_dialog)
        self.ui.importButton.clicked.connect(self.import_requested)
        self.model.edit_failed.connect(lambda text: QMessageBox.warning(self, "无法修改", text))
        self.form.saved.connect(self._select_record)
        widget_shortcut(
            self.ui.table,
            QKeySequence.StandardKey.Delete,
            self.delete_selected,
            what="活动登记 → 删除台账中选中的记录",
        )
        self._put_form_first()
        workspace.records_changed.connect(self._on_records_changed)
        self._on_unit_changed()
        self._restore_splitter()

    def _setup_tables(self) -> None:
        table, footer = self.ui.table, self.ui.totalsTable
        table.setModel(self.model)
        footer.setModel(self.totals)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(column_of("date"), Qt.SortOrder.AscendingOrder)
        footer.horizontalHeader().setStretchLastSection(True)
        size_ledger_columns(header)
        size_ledger_columns(footer.horizontalHeader())
        row_height = table.fontMetrics().height() + 8
        table.verticalHeader().setDefaultSectionSize(row_height)
        table.verticalHeader().setVisible(False)
        footer.verticalHeader().setDefaultSectionSize(row_height)
        footer.setFixedHeight(row_height + 4)
        # The 合计 row follows the ledger's column widths and horizontal scrolling.
        header.sectionResized.connect(
            lambda index, _old, new: footer.horizontalHeader().resizeSection(index, new)
        )
        table.horizontalScrollBar().valueChanged.connect(footer.horizontalScrollBar().setValue)
        table.activated.connect(self._edit_row)  # double-click, or Enter on a row
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    # -- filters ---------------------------------------------------------------------
    def current_unit_code(self) -> str | None:
        return self.ui.unitCombo.currentData()

    def current_period(self):
        return self.ui.periodCombo.currentData()

    def show_unit(self, code: str) -> None:
        self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.findData(code))

    def current_filter(self) -> RecordFilter:
        code = self.current_unit_code()
        kind = self.ui.typeCombo.currentData()  # Qt gives back a str enum as its value
        return RecordFilter(
            unit_codes=None if code is None else (code,),
            period=self.current_period(),
            types=None if kind is None else frozenset({ActivityType(kind)}),
            demonstration=self.ui.demoCombo.currentData(),
            has_photos=True if self.ui.photosCheck.isChecked() else None,
            text=self.ui.searchEdit.text(),
        )

    def _on_unit_changed(self) -> None:
        code = self.current_unit_code()
        self.form.set_unit(code)
        period = self.current_period()
        if period is not None:
            self.form.set_plan_year(period.start.year)
        self.form.ui.modeLabel.setVisible(True)
        if code is None:
            self.form.ui.modeLabel.setText("请先在上方选择填报单位，再登记活动")
        self.ui.headerButton.setEnabled(code is not None)
        if code:
            header = report_info.header_fields(self._workspace.db, code)
            self.ui.headerInfoLabel.setText(
                f"填报人：{header['filler'] or '未填'}    联系电话：{header['phone'] or '未填'}"
            )
        else:
            self.ui.headerInfoLabel.clear()

    def _on_records_changed(self) -> None:
        if not self.isVisible():
            self._stale = True
        elif self.ui.table.state() == QAbstractItemView.State.EditingState:
            # A cell edit is being committed: re-read once its editor has closed (a reset
            # now would take the editor away mid-commit, and its focus-out commit again).
            QTimer.singleShot(0, self, lambda: self.refresh(keep_rows=True))
        else:
            self.refresh(keep_rows=True)

    def showEvent(self, event):
        super().showEvent(event)
        if not self._splitter_placed:  # first time: the whole form, the ledger below it
            self._splitter_placed = True
            form_height = self.form.sizeHint().height() + 24
            rest = max(200, self.ui.splitter.height() - form_height)
            self.ui.splitter.setSizes([form_height, rest])
        if self._stale:
            self.refresh()

    def refresh(self, *, keep_rows: bool = False) -> None:
        """Re-read the ledger and its 合计 for the current filter.

        The 合计 of a search or a demonstration/photo filter has to read every matching
        record: it is counted from the list when that holds them all, else on the search
        thread, and shows as being counted until then.
        """
        self._stale = False
        spec = self.current_filter()
        scroll = self.ui.table.verticalScrollBar().value()
        if keep_rows and spec == self.model.spec:
            self.model.reload()
            self.ui.table.verticalScrollBar().setValue(scroll)
        else:
            self.model.set_filter(spec)
        self._update_buttons()
        totals = ledger.totals_at_hand(self._workspace.db, spec, self.model.every_match())
        if totals is not None:
            self._reads.forget()  # an answer still coming for an earlier filter is stale
            self.totals.set_totals(totals)
        else:
            self.totals.set_pending()
            self._reads.ask(spec)

    def _typed(self) -> None:
        """A key in the search box: whatever is being read for the text before it is
        dropped, and the search waits for a pause in typing."""
        self._reads.forget()
        self._search_timer.start()

    def _follow_filter(self) -> None:
        """Typing paused, a filter chosen, or a search's list sorted anew: a search (a word
        found nowhere reads every record of the period) or a filter on the rows themselves
        reads its first page and its 合计 on the search thread, so the window takes the
        next keys meanwhile; without one the list is an index's page, read here."""
        self._search_timer.stop()  # the text in the box is taken now
        spec = self.current_filter()
        if ledger.totals_are_instant(spec):
            self.refresh()
            return
        self._stale = False
        self.totals.set_pending()
        self._reads.ask(spec, page=(*self.model.order(), self.model.PAGE))

    def _read_more(self, spec, order, offset) -> None:
        self._reads.read_more(spec, (*order, self.model.PAGE), offset)

    def _show_page(self, spec, page, offset, rows) -> None:
        order = page[:2]
        if offset:
            self.model.show_more(spec, order, offset, rows)
        else:
            self.model.show_page(spec, rows, order)
            self._update_buttons()

    def _update_buttons(self) -> None:
        has_current = self.ui.table.currentIndex().isValid()
        self.ui.historyButton.setEnabled(has_current)
        self.ui.deleteButton.setEnabled(has_current)

    # -- actions ---------------------------------------------------------------------
    def selected_records(self):
        rows = sorted({index.row() for index in self.ui.table.selectionModel().selectedRows()})
        return [self.model.record(row) for row in rows]

    def _edit_row(self, index) -> None:
        """Double-click (or Enter) opens the record in the form, after asking about unsaved
        input there; typing or F2 edits a cell in place."""
        self.form.open_record(self.model.record(index.row()))

    def go_to_results(self) -> None:
        """Enter in the search box: search now and move to the first record found."""
        self._search_timer.stop()
        self.refresh()
        if self.model.rowCount():
            self._select_index(self.model.index(0, 0))
            self.ui.table.setFocus()

    def _put_form_first(self) -> None:
        """Tab from the tab header reaches the form (its date first), then the unit and
        the ledger's filters: typed date digits must never land in the 期间 filter.
        The form is made after this tab's own widgets, so these move behind it."""
        ui = self.ui
        order = [
            self.form.ui.saveButton,
            ui.unitCombo,
            ui.headerButton,
            ui.importButton,
            ui.periodCombo,
            ui.typeCombo,
            ui.demoCombo,
            ui.photosCheck,
            ui.searchEdit,
            ui.historyButton,
            ui.deleteButton,
            ui.binButton,
            ui.table,
        ]
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _select_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self._select_index(self.model.index(row, 0))

    def _select_index(self, index) -> None:
        """Make ``index``'s row the one selection. Replacing it explicitly: selectRow()
        would add to it while Ctrl is still held from Ctrl+Enter, and a later Delete
        would take several records."""
        flags = QItemSelectionModel.SelectionFlag
        self.ui.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.ui.table.scrollTo(index)

    def delete_selected(self) -> None:
        chosen = self.selected_records()
        if not chosen:
            return
        text = (
            f"删除选中的 {len(chosen)} 条记录？\n删除的记录可在“回收站”中恢复，也可按 Ctrl+Z 撤销。"
        )
        answer = QMessageBox.question(self, "删除记录", text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._workspace.delete_events([record.id for record in chosen])

    def open_recycle_bin(self) -> None:
        from jzdesk.ui.views.dialogs import RecycleBinDialog

        code = self.current_unit_code()
        spec = RecordFilter(unit_codes=None if code is None else (code,), deleted=True)
        RecycleBinDialog(self._workspace, spec, self).exec()

    def open_history(self) -> None:
        from jzdesk.ui.views.dialogs import HistoryDialog

        index = self.ui.table.currentIndex()
        if index.isValid():
            HistoryDialog(self._workspace.db, self.model.record(index.row()), self).exec()

    def open_header_dialog(self) -> None:
        from jzdesk.ui.views.dialogs import HeaderDialog

        code = self.current_unit_code()
        period = self.current_period()
        if code and HeaderDialog(self._workspace.db, self._units[code], period, self).exec():
            self._on_unit_changed()

    def _restore_splitter(self) -> None:
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        state = app_settings().value("records_tab/splitter")
        self._splitter_placed = state is not None
        if state is not None:
            self.ui.splitter.restoreState(state)

    def save_state(self) -> None:
        app_settings().setValue("records_tab/splitter", self.ui.splitter.saveState())
