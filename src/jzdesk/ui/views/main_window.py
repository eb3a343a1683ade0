"""The main window: menus, the tabs, the sample-data banner, remembered geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from jzdesk import APP_TITLE, __version__, services
from jzdesk.errors import KnownError
from jzdesk.ui.forms.ui_main_window import Ui_MainWindow
from jzdesk.ui.settings import app_settings, ask_open_paths
from jzdesk.ui.views.charts_tab import ChartsTab
from jzdesk.ui.views.evaluation_tab import EvaluationTab
from jzdesk.ui.views.imports_tab import ImportsTab
from jzdesk.ui.views.quota_tab import QuotaTab
from jzdesk.ui.views.records_tab import RecordsTab
from jzdesk.ui.views.report_tab import ReportTab


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
        self.report_tab = ReportTab(workspace, self)
        self.charts_tab = ChartsTab(workspace, self)
        self.evaluation_tab = EvaluationTab(workspace, self)
        self.imports_tab = ImportsTab(workspace, self)
        # One tab per feature; the names are those of gui --screenshot's files.
        self.tab_pages = {
            "quota": self.quota_tab,
            "records": self.records_tab,
            "report": self.report_tab,
            "charts": self.charts_tab,
            "evaluation": self.evaluation_tab,
            "imports": self.imports_tab,
        }
        titles = {"quota": "任务分解", "records": "活动登记", "report": "统计报表",
                  "charts": "图表", "evaluation": "检查考核", "imports": "汇总导入"}  # fmt: skip
        for name, page in self.tab_pages.items():
            self.ui.tabs.addTab(page, titles[name])

        self.quota_tab.unit_activated.connect(self.show_unit_records)
        self.records_tab.import_requested.connect(self.choose_files_to_import)
        self.imports_tab.import_requested.connect(self.choose_files_to_import)
        self.results_dialog = None
        self.setAcceptDrops(True)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionImport.triggered.connect(self.choose_files_to_import)
        self.ui.actionHomeUnit.triggered.connect(self.choose_home_unit)
        self.ui.actionBackup.triggered.connect(self.open_backups)
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

        self._show_home_unit()
        self._update_banner()
        self._restore_state()

    def _show_home_unit(self) -> None:
        home = services.home_unit(self.workspace.db)
        owner = (
            f"本机单位：{home.name}" if home else "本机单位：未设置（菜单 文件 → 设置本机所属单位）"
        )
        self.setWindowTitle(f"{APP_TITLE} — {home.name if home else '焦作市总工会'}")
        self.ui.statusBar.showMessage(f"{owner}    数据库：{self.workspace.path}")

    def choose_home_unit(self) -> None:
        """Which unit this computer records for (the same as ``jzdesk init``)."""
        units = services.all_units(self.workspace.db)
        names = [unit.name for unit in units]
        home = services.home_unit(self.workspace.db)
        name, ok = QInputDialog.getItem(self, "本机所属单位", "这台电脑为哪个单位登记活动？", names,
                                        names.index(home.name) if home else 0, False)  # fmt: skip
        if ok:
            unit = services.init_installation(self.workspace.db, units[names.index(name)].code)
            self.records_tab.show_unit(unit.code)
            self._show_home_unit()

    def show_unit_records(self, code: str) -> None:
        self.records_tab.show_unit(code)
        self.ui.tabs.setCurrentWidget(self.records_tab)

    # -- importing submission files and filled sheets (button, menu, drag and drop) -------
    def choose_files_to_import(self) -> None:
        paths = ask_open_paths(self, "导入上报文件或统计表", "import",
                               "上报文件和统计表 (*.jzsub *.xlsx);;上报文件 (*.jzsub);;"
                               "Excel 统计表 (*.xlsx)", many=True)  # fmt: skip
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> list:
        """Import each file in its own transaction after one backup, with a progress
        dialog that can stop between files; a sheet without 填报单位 asks for the unit."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QProgressDialog

        from jzdesk import exchange

        db = self.workspace.db
        paths = [Path(path) for path in paths]
        try:
            services.make_backup(db, "import")
        except KnownError as error:
            QMessageBox.warning(self, "导入", f"{error.message}\n为安全起见，没有导入任何文件。")
            return []
        progress = QProgressDialog("正在导入…", "取消", 0, len(paths), self)
        progress.setWindowTitle("导入")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        results = []
        with exchange.import_batch(db, paths) as import_one:
            for number, path in enumerate(paths):
                if progress.wasCanceled():
                    break
                progress.setLabelText(f"正在导入第 {number + 1} / {len(paths)} 个文件：{path.name}")
                progress.setValue(number)
                QApplication.processEvents()
                result = import_one(path)
                if result.status == "rejected" and "没有填写填报单位" in result.reason:
                    unit = self._ask_unit(path)
                    if unit is not None:
                        result = import_one(path, unit=unit)
                results.append(result)
        progress.setValue(len(paths))
        if any(result.status == "imported" for result in results):
            self.workspace.changed()
        self._show_import_results(results, cancelled=len(paths) - len(results))
        return results

    def receive_files(self, paths: list[Path]) -> None:
        """Files handed over by a second launch (a double-clicked .jzsub): come to the
        front and import them."""
        from PySide6.QtCore import Qt

        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        from jzdesk.exchange import IMPORTABLE

        wanted = [Path(p) for p in paths if Path(p).suffix.lower() in IMPORTABLE]
        if wanted:
            self.ui.tabs.setCurrentWidget(self.imports_tab)
            self.import_files(wanted)

    def _ask_unit(self, path: Path):
        units = services.all_units(self.workspace.db)
        names = [unit.name for unit in units]
        home = services.home_unit(self.workspace.db)
        current = names.index(home.name) if home else 0
        name, ok = QInputDialog.getItem(
            self, "选择填报单位", f"{path.name} 中没有填写填报单位。\n这是哪个单位的统计表？",
            names, current, False,
        )  # fmt: skip
        return units[names.index(name)] if ok else None

    def _show_import_results(self, results, *, cancelled: int = 0) -> None:
        from jzdesk.ui.views.import_results import ImportResultsDialog

        names = {unit.code: unit.name for unit in services.all_units(self.workspace.db)}
        self.results_dialog = ImportResultsDialog(results, names, cancelled=cancelled, parent=self)
        self.results_dialog.open()

    def dragEnterEvent(self, event):
        if _importable(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = _importable(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def _update_banner(self) -> None:
        self.ui.sampleBanner.setVisible(services.has_sample_data(self.workspace.db))

    def open_backups(self) -> None:
        from jzdesk.ui.views.backup_dialog import BackupDialog

        BackupDialog(self.workspace, self).exec()

    def about_text(self) -> str:
        path = Path(self.workspace.path)
        size = path.stat().st_size / (1024 * 1024) if path.exists() else 0
        totals = services.event_totals(self.workspace.db)
        return (f"<b>{APP_TITLE}</b><br>jzdesk {__version__}<br><br>"
                "“中国梦·劳动美·工会情”文化活动进基层“五送”活动登记、统计与汇总。<br><br>"
                f"数据库：{path}（{size:.1f} MB）<br>活动记录：{totals['records']} 条，"
                f"{sum(totals['sessions'].values())} 场")  # fmt: skip

    def show_about(self) -> None:
        QMessageBox.about(self, "关于 jzdesk", self.about_text())

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
        self.report_tab.cleanup()
        self.workspace.close()
        super().closeEvent(event)


def _importable(mime) -> list[Path]:
    """The .jzsub and .xlsx files among what is being dragged onto the window."""
    from jzdesk.exchange import IMPORTABLE

    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in IMPORTABLE]
