"""汇总导入 tab (the city's): who has reported (completeness), every import and what it
changed, conflicts to settle, and joint events counted by two units."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableWidget, QTableWidgetItem, QWidget

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import quarter_of, report_deadline, year_period
from jzdesk.domain.records import STATE_LABELS, state_text
from jzdesk.errors import KnownError
from jzdesk.ui.forms.ui_imports_tab import Ui_ImportsTab
from jzdesk.ui.models.completeness_model import CompletenessModel
from jzdesk.usecases import completeness, conflicts, installation

_CHANGES = {"added": "新增", "updated": "修改", "deleted": "删除", "restored": "恢复"}
_CHANGED = QBrush(QColor("#fff3b0"))
_LATE_EDIT = QBrush(QColor("#f8d0cd"))


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(text))


class ImportsTab(QWidget):
    """``import_requested`` asks the window to choose and import files (with progress)."""

    import_requested = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_ImportsTab()
        self.ui.setupUi(self)
        self._workspace = workspace
        self.model = CompletenessModel(self)
        self.ui.completenessTable.setModel(self.model)
        self.ui.completenessTable.verticalHeader().setVisible(False)
        self.ui.completenessTable.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch
        )
        for table in (
            self.ui.logTable,
            self.ui.changesTable,
            self.ui.conflictsTable,
            self.ui.compareTable,
            self.ui.duplicatesTable,
        ):
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.ui.splitter.setSizes([430, 300])
        self.ui.logSplitter.setSizes([700, 500])
        self._log: list[dict] = []
        self._conflicts: list[dict] = []
        year = installation.default_year(workspace.db)
        self.ui.yearSpin.setValue(year)
        self.ui.asOfEdit.setDate(QDate(date.today()))
        self.ui.deadlineSpin.setValue(completeness.deadline_days(workspace.db, year))
        self.ui.importButton.clicked.connect(self.import_requested)
        self.ui.yearSpin.valueChanged.connect(self._on_year_changed)
        self.ui.asOfEdit.dateChanged.connect(self.refresh)
        self.ui.deadlineSpin.valueChanged.connect(self._on_deadline_changed)
        self.ui.logTable.itemSelectionChanged.connect(self.show_changes)
        self.ui.conflictsTable.itemSelectionChanged.connect(self.show_conflict)
        self.ui.keepOursButton.clicked.connect(lambda: self.resolve("ours"))
        self.ui.takeTheirsButton.clicked.connect(lambda: self.resolve("theirs"))
        self.ui.duplicatesButton.clicked.connect(self.find_duplicates)
        workspace.records_changed.connect(self.refresh)
        self.refresh()

    @property
    def year(self) -> int:
        return self.ui.yearSpin.value()

    def _on_year_changed(self) -> None:
        self.ui.deadlineSpin.blockSignals(True)
        self.ui.deadlineSpin.setValue(completeness.deadline_days(self._workspace.db, self.year))
        self.ui.deadlineSpin.blockSignals(False)
        self.refresh()

    def _on_deadline_changed(self, days: int) -> None:
        try:
            completeness.set_deadline_days(self._workspace.db, self.year, days)
        except KnownError as error:
            QMessageBox.warning(self, "报送期限", error.message)
        self.refresh()

    def refresh(self) -> None:
        db = self._workspace.db
        try:
            matrix = completeness.completeness(
                db, year=self.year, as_of=self.ui.asOfEdit.date().toPython()
            )
        except KnownError as error:
            self.ui.rateLabel.setText(error.message)
            return
        self.model.set_matrix(matrix)
        on_time, due = matrix.on_time_share()
        share = f"{on_time / due:.0%}" if due else "—"
        self.ui.rateLabel.setText(f"按时报送 {on_time} / {due}（{share}）")
        self.ui.rateLabel.setToolTip("已到期（或已收到）的报送中按时收到的数量和比例，含实施方案")
        self._load_log()
        self._load_conflicts()

    # -- the import log and what each import changed --------------------------------------
    def _load_log(self) -> None:
        self._log = completeness.import_log(self._workspace.db, year=self.year)
        _fill(
            self.ui.logTable,
            [
                [
                    e["imported_at"].replace("T", " ")[:16],
                    e["unit_name"],
                    e["period"],
                    e["file_name"],
                    str(e["added"]),
                    str(e["updated"] - e["deleted"]),
                    str(e["deleted"]),
                    str(e["unchanged"]),
                    str(e["conflicts"]),
                    e["sheet_code"] or "—",
                ]
                for e in self._log
            ],
        )
        self.ui.changesTable.setRowCount(0)

    def show_changes(self) -> None:
        row = self.ui.logTable.currentRow()
        if not 0 <= row < len(self._log):
            return
        entry = self._log[row]
        db = self._workspace.db
        changes = completeness.import_changes(db, entry["id"])
        code = ""
        if entry["kind"] == "jzsub":
            check = completeness.check_sheet_code(db, entry["id"])
            code = (
                f"统计表校验码 {check['file']}（与纸质表上的应相同）；按本机现有数据为 "
                f"{check['held']}，{'一致' if check['same'] else '不一致：本机之后有修改或冲突'}。"
            )
        self.ui.codeLabel.setText(
            f"{entry['file_name']}：{len(changes)} 条变化。{code}"
            "红底的是报送期限已过的季度中的变化。"
        )
        imported = date.fromisoformat(entry["imported_at"][:10])
        days = completeness.deadline_days(db, self.year)
        rows, late = [], []
        for change in changes:
            state = change["now"] or change["before"]
            day = date.fromisoformat(state["date"])
            quarter = quarter_of(day)
            before = change["before"]
            was = ""
            if before is not None:
                was = "；".join(
                    f"{STATE_LABELS[k]} {state_text(k, before[k])}"
                    for k in STATE_LABELS
                    if k in before and change["now"] and before[k] != change["now"].get(k)
                )
            rows.append(
                [
                    _CHANGES[change["change"]],
                    f"{day.year}年{quarter}季度",
                    state["date"],
                    ActivityType(state["type"]).short_label,
                    state["title"],
                    state["venue"],
                    was,
                ]
            )
            late.append(imported > report_deadline(day.year, quarter, days_after=days))
        _fill(self.ui.changesTable, rows)
        for r, is_late in enumerate(late):
            if is_late:  # a quarter whose report was already due: it stands out
                for c in range(self.ui.changesTable.columnCount()):
                    self.ui.changesTable.item(r, c).setBackground(_LATE_EDIT)

    # -- conflicts ------------------------------------------------------------------------
    def _load_conflicts(self) -> None:
        self._conflicts = conflicts.open_conflicts(self._workspace.db)
        _fill(
            self.ui.conflictsTable,
            [
                [
                    str(c["id"]),
                    c["unit_name"],
                    c["ours"]["date"],
                    c["file_name"],
                    c["detected_at"].replace("T", " ")[:16],
                ]
                for c in self._conflicts
            ],
        )
        title = f"冲突（{len(self._conflicts)}）" if self._conflicts else "冲突"
        self.ui.detailTabs.setTabText(self.ui.detailTabs.indexOf(self.ui.conflictsPage), title)
        self.ui.compareTable.setRowCount(0)
        self._enable_resolve()

    def _enable_resolve(self) -> None:
        chosen = 0 <= self.ui.conflictsTable.currentRow() < len(self._conflicts)
        self.ui.keepOursButton.setEnabled(chosen)
        self.ui.takeTheirsButton.setEnabled(chosen)

    def show_conflict(self) -> None:
        self._enable_resolve()
        row = self.ui.conflictsTable.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        conflict = self._conflicts[row]
        ours, theirs = conflict["ours"], conflict["theirs"]
        keys = list(STATE_LABELS)
        _fill(
            self.ui.compareTable,
            [[STATE_LABELS[k], state_text(k, ours[k]), state_text(k, theirs[k])] for k in keys],
        )
        for r, key in enumerate(keys):
            if ours[key] != theirs[key]:
                for c in range(3):
                    self.ui.compareTable.item(r, c).setBackground(_CHANGED)

    def resolve(self, keep: str) -> bool:
        row = self.ui.conflictsTable.currentRow()
        if not 0 <= row < len(self._conflicts):
            return False
        try:
            conflicts.resolve_conflict(self._workspace.db, self._conflicts[row]["id"], keep)
        except KnownError as error:
            QMessageBox.warning(self, "处理冲突", error.message)
            return False
        self._workspace.changed()
        return True

    # -- joint events counted twice -------------------------------------------------------
    def find_duplicates(self) -> None:
        pairs = conflicts.joint_duplicates(self._workspace.db, year_period(self.year))

        def what(record) -> str:
            return " / ".join(part for part in (record.fields.title, record.fields.venue) if part)

        _fill(
            self.ui.duplicatesTable,
            [
                [
                    a.fields.date.isoformat(),
                    a.fields.activity_type.short_label,
                    a.unit_name,
                    what(a),
                    b.unit_name,
                    what(b),
                ]
                for a, b in pairs
            ],
        )
        self.ui.duplicatesLabel.setText(
            f"找到 {len(pairs)} 对疑似重复（同一天、同一类型，活动名称或地点相近）。请与两个单位核实后，"
            "在“活动登记”中删除多算的一条。"
            if pairs
            else "没有找到疑似重复的记录。"
        )
