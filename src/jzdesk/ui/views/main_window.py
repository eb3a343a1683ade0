"""The main window: menus, the tabs, the sample-data banner, remembered geometry."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from jzdesk import APP_TITLE, __version__, services
from jzdesk.ui.forms.ui_main_window import Ui_MainWindow
from jzdesk.ui.settings import app_settings
from jzdesk.ui.views.quota_tab import QuotaTab
from jzdesk.ui.views.records_tab import RecordsTab


class MainWindow(QMainWindow):
    """Hosts one tab per feature; ``tab_pages`` names them for ``gui --screenshot``."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.remember_state = True  # off for gui --screenshot, which must not move the window
        self.quota_tab = QuotaTab(workspace, self)
        self.records_tab = RecordsTab(workspace, self)
        self.ui.tabs.addTab(self.quota_tab, "任务分解")
        self.ui.tabs.addTab(self.records_tab, "活动登记")
        self.tab_pages = {"quota": self.quota_tab, "records": self.records_tab}

        self.quota_tab.unit_activated.connect(self.show_unit_records)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionRefresh.triggered.connect(workspace.check_for_changes)
        self.ui.actionRefresh.triggered.connect(self.quota_tab.refresh)
        self.ui.actionAbout.triggered.connect(self.show_about)
        workspace.records_changed.connect(self._update_banner)
        workspace.error.connect(lambda text: QMessageBox.warning(self, APP_TITLE, text))
        undo_action = workspace.undo_stack.createUndoAction(self, "撤销")
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_action = workspace.undo_stack.createRedoAction(self, "重做")
        redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.ui.menuEdit.addAction(undo_action)
        self.ui.menuEdit.addAction(redo_action)
        self.undo_action, self.redo_action = undo_action, redo_action

        home = services.home_unit(workspace.db)
        owner = f"本机单位：{home.name}" if home else "本机单位：未设置（可运行 jzdesk init）"
        self.setWindowTitle(f"{APP_TITLE} — {home.name if home else '焦作市总工会'}")
        self.ui.statusBar.showMessage(f"{owner}    数据库：{workspace.path}")
        self._update_banner()
        self._restore_state()

    def show_unit_records(self, code: str) -> None:
        self.records_tab.show_unit(code)
        self.ui.tabs.setCurrentWidget(self.records_tab)

    def _update_banner(self) -> None:
        self.ui.sampleBanner.setVisible(services.has_sample_data(self.workspace.db))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "关于 jzdesk",
            f"<b>{APP_TITLE}</b><br>jzdesk {__version__}<br><br>"
            f"“中国梦·劳动美·工会情”文化活动进基层“五送”活动登记、统计与汇总。<br><br>"
            f"数据库：{self.workspace.path}",
        )

    def _restore_state(self) -> None:
        settings = app_settings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event):
        if self.remember_state:
            settings = app_settings()
            settings.setValue("main_window/geometry", self.saveGeometry())
            self.records_tab.save_state()
            settings.sync()
        self.workspace.close()
        super().closeEvent(event)
