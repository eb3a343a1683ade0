"""The first-run wizard: city or unit, which unit, filler and phone, where the data lives.

Shown once, the first time the window opens without ``--db`` (the command line never
shows it); what it sets is what ``jzdesk init`` sets, plus the database's folder. Nothing
is chosen for the clerk: a default unit clicked through with 下一步 would
register the PC, and send sheets, in another unit's name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from jzdesk import APP_TITLE
from jzdesk.domain.units import BUILTIN_UNITS, CITY_CODE
from jzdesk.errors import KnownError
from jzdesk.usecases import installation

ROLE_PAGE, UNIT_PAGE, FILLER_PAGE, FOLDER_PAGE = range(4)


class _RolePage(QWizardPage):
    """下一步 waits until city or unit is chosen."""

    def __init__(self, choices):
        super().__init__()
        self._choices = choices
        for choice in choices:
            choice.toggled.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return any(choice.isChecked() for choice in self._choices)


class FirstRunWizard(QWizard):
    def __init__(self, default_path: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"欢迎使用 {APP_TITLE}")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, "下一步 >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< 上一步")
        self.setButtonText(QWizard.WizardButton.FinishButton, "开始使用")
        self.setButtonText(QWizard.WizardButton.CancelButton, "取消")
        self.resize(620, 420)
        self.db_path: Path | None = None

        self.unit_role = QRadioButton(
            "县（市、区）或产业工会：登记本单位的活动，导出统计表和上报文件"
        )
        self.city_role = QRadioButton("市总工会：汇总各单位的上报文件，查看报送情况，检查考核")
        role = _RolePage((self.unit_role, self.city_role))
        role.setTitle("这台电脑由谁使用？")
        role.setSubTitle("请选择一项。以后可以在菜单“文件 → 设置本机所属单位”中修改。")
        group = QButtonGroup(role)
        group.addButton(self.unit_role)
        group.addButton(self.city_role)
        layout = QVBoxLayout(role)
        layout.addWidget(self.unit_role)
        layout.addWidget(self.city_role)
        layout.addStretch()

        unit = QWizardPage()
        unit.setTitle("本单位")
        unit.setSubTitle("登记的活动记在这个单位名下，上报文件也以它的名义导出。")
        self.unit_combo = QComboBox()
        for item in BUILTIN_UNITS:
            if item.code != CITY_CODE:
                self.unit_combo.addItem(item.name, item.code)
        self.unit_combo.setPlaceholderText("请选择本单位")
        self.unit_combo.setCurrentIndex(-1)
        unit.registerField("unit*", self.unit_combo)  # 下一步 waits for a choice
        QFormLayout(unit).addRow("填报单位：", self.unit_combo)

        filler = QWizardPage()
        filler.setTitle("填报信息")
        filler.setSubTitle("印在统计表的表头上，可以以后再填。")
        self.filler_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText("例如 0391-3999928")
        form = QFormLayout(filler)
        form.addRow("填报人：", self.filler_edit)
        form.addRow("联系电话：", self.phone_edit)

        folder = QWizardPage()
        folder.setTitle("数据存放位置")
        folder.setSubTitle(
            "全部数据保存在这一个文件里；程序每天自动备份到它旁边的 "
            "jzdesk-backups 文件夹。请选一个会被定期备份的位置（不要放在 U 盘上）。"
        )
        self.path_edit = QLineEdit(str(default_path))
        browse = QPushButton("选择…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        box = QVBoxLayout(folder)
        self.choice_label = QLabel()
        self.choice_label.setWordWrap(True)
        box.addWidget(self.choice_label)
        box.addWidget(QLabel("数据库文件："))
        box.addLayout(row)
        box.addStretch()

        for page_id, page in (
            (ROLE_PAGE, role),
            (UNIT_PAGE, unit),
            (FILLER_PAGE, filler),
            (FOLDER_PAGE, folder),
        ):
            self.setPage(page_id, page)

    def nextId(self) -> int:
        """The city needs no unit page (it is the city union)."""
        current = self.currentId()
        if current == ROLE_PAGE:
            return FILLER_PAGE if self.city_role.isChecked() else UNIT_PAGE
        return super().nextId()

    def initializePage(self, page_id: int) -> None:
        """The last page says what the clerk chose, before anything is set up."""
        super().initializePage(page_id)
        if page_id == FOLDER_PAGE:
            self.choice_label.setText(f"<b>{self.choice_text()}</b>")

    def choice_text(self) -> str:
        if self.city_role.isChecked():
            return "这台电脑登记为：焦作市总工会（市总，汇总各单位的上报文件）"
        return f"这台电脑登记为：{self.unit_combo.currentText()}（登记本单位的活动，向市总报送）"

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "数据库文件", self.path_edit.text(), "jzdesk 数据库 (*.sqlite)"
        )
        if chosen:
            self.path_edit.setText(chosen)

    def unit_code(self) -> str:
        return CITY_CODE if self.city_role.isChecked() else self.unit_combo.currentData()

    def accept(self) -> None:
        """Open (or create) the database where chosen and record this installation's unit;
        a problem is shown and the wizard stays open."""
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.suffix == "":
            path = path / "jzdesk.sqlite"
        try:
            db = installation.open_database(path)
            try:
                installation.init_installation(
                    db,
                    self.unit_code(),
                    filler=self.filler_edit.text(),
                    phone=self.phone_edit.text(),
                )
            finally:
                db.close()
        except KnownError as error:
            QMessageBox.warning(self, APP_TITLE, error.message)
            return
        self.db_path = path
        super().accept()
