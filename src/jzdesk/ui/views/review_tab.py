"""审核 tab: at the city, accept or send back each unit's quarter with comments and export
the replies; at a unit, see what the city decided and which records to correct."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jzdesk.domain.periods import quarter_period
from jzdesk.domain.review import Decision, QuarterReview, ReviewState
from jzdesk.errors import KnownError
from jzdesk.ui.models.ledger_model import REVIEW_COMMENTED as COMMENTED
from jzdesk.ui.models.review_model import ReviewModel
from jzdesk.ui.preferences import start_folder
from jzdesk.usecases import installation, ledger, review

RECORD_HEADERS = ("日期", "类型", "场次", "活动名称", "受益人次", "意见（需要修改时填写）")
COMMENT_COLUMN = len(RECORD_HEADERS) - 1


class ReviewTab(QWidget):
    import_requested = Signal()  # a unit's 导入审核回复… (the window's import does it)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self._workspace = workspace
        self.year = installation.default_year(workspace.db)
        self._shown: QuarterReview | None = None
        self.model = ReviewModel(self)
        self._build()
        self.table.selectionModel().currentRowChanged.connect(lambda index: self._show(index.row()))
        self.acceptButton.clicked.connect(lambda: self.decide(Decision.ACCEPTED))
        self.returnButton.clicked.connect(lambda: self.decide(Decision.RETURNED))
        self.exportButton.clicked.connect(self.choose_export)
        self.importButton.clicked.connect(self.import_requested)
        workspace.records_changed.connect(self.refresh)
        self.apply_role()

    def _build(self) -> None:
        self.heading = QLabel()
        self.exportButton = QPushButton("导出审核回复…")
        self.exportButton.setToolTip(
            "为每个已审核的单位导出一个审核回复文件（.jzreply），发给该单位导入"
        )
        self.importButton = QPushButton("导入审核回复…")
        self.importButton.setToolTip(
            "导入市总工会发来的审核回复文件（.jzreply），也可拖到窗口中或双击"
        )
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.exportButton)
        top.addWidget(self.importButton)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.quarterLabel = QLabel("请在左边选择一个单位的季度")
        self.records = QTableWidget(0, len(RECORD_HEADERS))
        self.records.setHorizontalHeaderLabels(RECORD_HEADERS)
        self.records.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.records.horizontalHeader().setStretchLastSection(True)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText("季度意见（退回时必填：请说明要修改什么）")
        self.comment.setMaximumHeight(90)
        self.acceptButton = QPushButton("通过")
        self.returnButton = QPushButton("退回")
        self.message = QLabel()  # what the last click did, or why it was refused
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.acceptButton)
        buttons.addWidget(self.returnButton)
        self.history = QListWidget()
        self.history.setMaximumHeight(120)
        right = QWidget()
        column = QVBoxLayout(right)
        for widget in (self.quarterLabel, self.records, QLabel("季度意见"), self.comment):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(QLabel("审核记录（每次审核及改动都记在这里）"))
        column.addWidget(self.history)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([420, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def apply_role(self) -> None:
        """The city decides and exports; a unit reads and imports."""
        self.at_unit = installation.unit_installation(self._workspace.db) is not None
        for widget in (self.exportButton, self.acceptButton, self.returnButton):
            widget.setVisible(not self.at_unit)
        self.importButton.setVisible(self.at_unit)
        self.comment.setReadOnly(self.at_unit)
        said = "市总工会的意见" if self.at_unit else "意见（需要修改时填写）"
        self.records.setHorizontalHeaderItem(COMMENT_COLUMN, QTableWidgetItem(said))
        self.heading.setText(
            f"{self.year} 年各季度的审核：已通过、已退回（及要修改的记录）或待审核"
            if self.at_unit
            else f"{self.year} 年各单位季度报送的审核：选中一个季度，填写意见后点“通过”或“退回”"
        )
        self.refresh()

    def refresh(self) -> None:
        """Read the states again, keeping the selected quarter selected (at first, the
        first one waiting: for the city a quarter to review, for a unit one sent back)."""
        shown = self._shown
        self.model.set_rows(review.quarter_reviews(self._workspace.db, self.year))
        row = self.model.row_of(shown.unit_code, shown.quarter) if shown else -1
        if row < 0:
            row = self.model.first_waiting(
                ReviewState.RETURNED if self.at_unit else ReviewState.PENDING
            )
        self._shown = None
        if row >= 0:
            self.table.selectRow(row)
            self._show(row)

    def _show(self, row: int) -> None:
        """The selected quarter's records (with the comments of its last decision), its
        comment and its log."""
        if row < 0:
            return
        shown = self._shown = self.model.review(row)
        db = self._workspace.db
        unit = installation.resolve_unit(db, shown.unit_code)
        period = quarter_period(self.year, shown.quarter)
        self.quarterLabel.setText(f"{unit.name} {period.label}：{shown.text()}")
        said = shown.latest.record_comments if shown.latest else {}
        # A quarter sent again is decided afresh: the last decision's words are shown
        # (marked, on hover) but not put in the new one.
        fresh = not self.at_unit and shown.state is ReviewState.PENDING
        found = ledger.list_records(db, ledger.record_filter(unit=unit, period=period))
        self.records.setRowCount(len(found))
        for number, record in enumerate(found):
            fields = record.fields
            values = (
                fields.date.isoformat(),
                fields.activity_type.label,
                str(fields.sessions),
                fields.title,
                str(fields.audience),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.records.setItem(number, column, item)
            note = QTableWidgetItem("" if fresh else said.get(record.id, ""))
            note.setData(Qt.ItemDataRole.UserRole, record.id)
            if self.at_unit:
                note.setFlags(note.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if record.id in said:
                note.setBackground(COMMENTED)
                note.setToolTip(f"上次审核的意见：{said[record.id]}")
            self.records.setItem(number, COMMENT_COLUMN, note)
        self.comment.setPlainText(shown.latest.comment if shown.latest and not fresh else "")
        self.history.clear()
        self.history.addItems(
            [d.summary() for d in review.history(db, unit, self.year, shown.quarter)]
        )

    def record_comments(self) -> dict[str, str]:
        """The comments typed beside records of the shown quarter (record id → comment)."""
        found = {}
        for row in range(self.records.rowCount()):
            item = self.records.item(row, COMMENT_COLUMN)
            if item.text().strip():
                found[item.data(Qt.ItemDataRole.UserRole)] = item.text()
        return found

    def decide(self, decision: Decision) -> None:
        if self._shown is None:
            self.message.setText("请先在左边选择一个单位的季度")
            return
        db = self._workspace.db
        unit = installation.resolve_unit(db, self._shown.unit_code)
        try:
            review.decide(
                db,
                unit,
                self.year,
                self._shown.quarter,
                decision,
                comment=self.comment.toPlainText(),
                record_comments=self.record_comments(),
            )
        except KnownError as error:
            self.message.setText(f"未保存：{error.message}")
            return
        self.message.setText(f"已{decision.label}：{unit.name}第 {self._shown.quarter} 季度")
        self.refresh()

    def choose_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "把审核回复导出到哪个文件夹？", start_folder("review")
        )
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> list[Path]:
        try:
            written = review.export_replies(self._workspace.db, self.year, folder)
        except KnownError as error:
            self.message.setText(f"未导出：{error.message}")
            return []
        self.message.setText(
            f"已导出 {len(written)} 个审核回复文件到 {folder}，请分别发给各单位："
            + "、".join(path.name for path in written)
        )
        return written
