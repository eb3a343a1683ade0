"""活动登记 tab: the records of a unit and period, laid out like the statistics sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QWidget

from jzdesk import services
from jzdesk.domain.periods import quarter_period, year_period
from jzdesk.ui.forms.ui_records_tab import Ui_RecordsTab
from jzdesk.ui.models.records_model import RecordsTableModel

_QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")


class RecordsTab(QWidget):
    """Lists records through services.list_events; loads only while visible."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_RecordsTab()
        self.ui.setupUi(self)
        self._workspace = workspace
        self._stale = True
        self.model = RecordsTableModel(self)
        table = self.ui.table
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in {0: 48, 1: 90, 2: 105, 3: 230, 4: 170}.items():
            header.resizeSection(column, width)
        for column in range(5, 10):
            header.resizeSection(column, 58)
        header.resizeSection(10, 115)
        header.resizeSection(11, 56)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)

        db = workspace.db
        self._units = {unit.code: unit for unit in services.all_units(db)}
        self.ui.unitCombo.addItem("全部单位", None)
        for unit in self._units.values():
            self.ui.unitCombo.addItem(unit.name, unit.code)
        home = services.home_unit(db)
        if home is not None:
            self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.findData(home.code))
        for year in reversed(services.plan_years(db)):
            self.ui.periodCombo.addItem(f"{year}年全年", year_period(year))
            for quarter, name in enumerate(_QUARTERS, start=1):
                self.ui.periodCombo.addItem(f"{year}年{name}", quarter_period(year, quarter))
        self.ui.unitCombo.currentIndexChanged.connect(self.refresh)
        self.ui.periodCombo.currentIndexChanged.connect(self.refresh)
        workspace.records_changed.connect(self._on_records_changed)

    def show_unit(self, code: str) -> None:
        self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.findData(code))

    def _on_records_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        db = self._workspace.db
        code = self.ui.unitCombo.currentData()
        unit = self._units.get(code) if code else None
        period = self.ui.periodCombo.currentData()
        spec = services.event_filter(unit=unit, period=period)
        totals = services.event_totals(db, spec)

        def fetch_page(offset: int, limit: int):
            return services.list_events(db, spec, limit=limit, offset=offset)

        self.model.set_source(fetch_page, totals["records"])
        sessions = sum(totals["sessions"].values())
        self.ui.countLabel.setText(
            f"共 {totals['records']} 条记录，{sessions} 场，受益职工 {totals['audience']} 人次"
        )
