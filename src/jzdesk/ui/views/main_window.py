"""The main window: menus, the tabs, the sample-data banner, remembered geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMessageBox, QWidget

from jzdesk import APP_TITLE, __version__
from jzdesk.ui.forms.ui_main_window import Ui_MainWindow
from jzdesk.ui.keys import redo_keys
from jzdesk.ui.preferences import app_settings, ask_open_paths
from jzdesk.ui.views.help_menu import install_help_menu
from jzdesk.usecases import installation, ledger

CHOOSE_UNIT = "（请选择单位）"
TITLE_BAR_HEIGHT = 40  # enough for the title bars of Windows 10/11, UOS and Kylin

# One tab per feature, in order: name (that of gui --screenshot's file) and title.
TABS = {
    "quota": "任务分解",
    "records": "活动登记",
    "report": "统计报表",
    "charts": "图表",
    "evaluation": "检查考核",
    "imports": "汇总导入",
    "review": "审核",
}


def _make_tab(name: str, workspace, parent) -> QWidget:
    """The tab ``name``, its module imported only now (written out, not by name, so that
    PyInstaller sees every one)."""
    if name == "quota":
        from jzdesk.ui.views.quota_tab import QuotaTab as Tab
    elif name == "records":
        from jzdesk.ui.views.records_tab import RecordsTab as Tab
    elif name == "report":
        from jzdesk.ui.views.report_tab import ReportTab as Tab
    elif name == "charts":
        from jzdesk.ui.views.charts_tab import ChartsTab as Tab
    elif name == "evaluation":
        from jzdesk.ui.views.evaluation_tab import EvaluationTab as Tab
    elif name == "imports":
        from jzdesk.ui.views.imports_tab import ImportsTab as Tab
    else:
        from jzdesk.ui.views.review_tab import ReviewTab as Tab
    return Tab(workspace, parent)


# Signals of a tab and the window's method each is connected to.
_TAB_SIGNALS = {
    "quota": [("unit_activated", "show_unit_records")],
    "records": [("import_requested", "choose_files_to_import")],
    "imports": [("import_requested", "choose_files_to_import")],
    "review": [("import_requested", "choose_files_to_import")],
}


class _Tab:
    """``window.records_tab`` and the like: the tab, made now if it has not been yet."""

    def __set_name__(self, owner, attribute: str) -> None:
        self.name = attribute.removesuffix("_tab")

    def __get__(self, window, owner=None):
        return self if window is None else window.tab(self.name)


class MainWindow(QMainWindow):
    """One tab per feature (TABS), each made (and imported) when first shown or asked for."""

    quota_tab = _Tab()
    records_tab = _Tab()
    report_tab = _Tab()
    charts_tab = _Tab()
    evaluation_tab = _Tab()
    imports_tab = _Tab()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.remember_state = True  # off for gui --screenshot, which must not move the window
        self._pages: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        for name, title in TABS.items():
            self._placeholders[name] = QWidget()
            self.ui.tabs.addTab(self._placeholders[name], title)
        self.ui.tabs.currentChanged.connect(self._make_shown_tab)
        self._make_shown_tab(self.ui.tabs.currentIndex())
        self.results_dialog = None
        self._importing = False
        self._waiting_files: list[Path] = []
        self.setAcceptDrops(True)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionImport.triggered.connect(self.choose_files_to_import)
        self.ui.actionHomeUnit.triggered.connect(self.choose_home_unit)
        self.ui.actionBackup.triggered.connect(self.open_backups)
        self.ui.actionRefresh.triggered.connect(workspace.check_for_changes)
        self.ui.actionRefresh.triggered.connect(self._refresh_quota)
        self.ui.actionAbout.triggered.connect(self.show_about)
        install_help_menu(self, list(TABS))
        workspace.records_changed.connect(self._update_banner)
        workspace.error.connect(lambda text: QMessageBox.warning(self, APP_TITLE, text))
        undo_action = workspace.undo_stack.createUndoAction(self, "撤销")
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_action = workspace.undo_stack.createRedoAction(self, "重做")
        redo_action.setShortcuts(redo_keys())
        self.ui.menuEdit.addAction(undo_action)
        self.ui.menuEdit.addAction(redo_action)
        self.undo_action, self.redo_action = undo_action, redo_action
        # A permanent widget: menu status tips would overwrite a status-bar message.
        self.home_label = QLabel()
        self.ui.statusBar.addPermanentWidget(self.home_label, 1)

        self._show_home_unit()
        self._apply_role()
        self._update_banner()
        self._restore_state()

    def tab(self, name: str) -> QWidget:
        """The tab ``name`` of TABS, made (in place of its placeholder) if need be."""
        page = self._pages.get(name)
        if page is None:
            page = self._pages[name] = _make_tab(name, self.workspace, self)
            for signal, method in _TAB_SIGNALS.get(name, ()):
                getattr(page, signal).connect(getattr(self, method))
            self._put_in_place(self._placeholders.pop(name), page, TABS[name])
        return page

    def shown_tabs(self) -> list[str]:
        """The names of the tabs this installation shows (its role hides the city's)."""
        return [name for index, name in enumerate(TABS) if self.ui.tabs.isTabVisible(index)]

    def show_tab(self, name: str) -> None:
        self.ui.tabs.setCurrentWidget(self.tab(name))

    def _put_in_place(self, placeholder: QWidget, page: QWidget, title: str) -> None:
        """Swap a placeholder for its tab without the tab bar noticing (a change of the
        current tab would make another one)."""
        tabs = self.ui.tabs
        index, current = tabs.indexOf(placeholder), tabs.currentIndex()
        blocked = tabs.blockSignals(True)
        try:
            tabs.removeTab(index)
            tabs.insertTab(index, page, title)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        placeholder.deleteLater()

    def _make_shown_tab(self, index: int) -> None:
        shown = self.ui.tabs.widget(index)
        for name, placeholder in list(self._placeholders.items()):
            if placeholder is shown:
                self.tab(name)

    def _refresh_quota(self) -> None:
        if "quota" in self._pages:
            self.quota_tab.refresh()

    def _show_home_unit(self) -> None:
        home = installation.home_unit(self.workspace.db)
        owner = (
            f"本机单位：{home.name}" if home else "本机单位：未设置（菜单 文件 → 设置本机所属单位）"
        )
        # The program's name is the application display name, which Qt adds to the title.
        self.setWindowTitle(home.name if home else "本机单位未设置")
        self.home_label.setText(f"{owner}    数据库：{self.workspace.path}")

    def choose_home_unit(self) -> None:
        """Which unit this computer records for (the same as ``jzdesk init``). Nothing is
        chosen for the clerk while none is set: never by a default, which a
        clerk would click through and so report in another unit's name."""
        units = installation.all_units(self.workspace.db)
        names = [unit.name for unit in units]
        home = installation.home_unit(self.workspace.db)
        choices = names if home else [CHOOSE_UNIT, *names]
        name, ok = QInputDialog.getItem(
            self,
            "本机所属单位",
            "这台电脑为哪个单位登记活动？",
            choices,
            choices.index(home.name) if home else 0,
            False,
        )
        if ok and name in names:
            unit = installation.init_installation(self.workspace.db, units[names.index(name)].code)
            self.records_tab.show_unit(unit.code)
            if "report" in self._pages:  # a tab not made yet reads the home unit when it is
                self.report_tab.show_unit(unit.code)
            self._show_home_unit()
            self._apply_role()

    def _apply_role(self) -> None:
        """A unit's installation does not show the city's views: the 汇总导入
        tab, editing the plan, the city summary. Tabs not made yet read the role then."""
        unit = installation.unit_installation(self.workspace.db) is not None
        tabs = self.ui.tabs
        tabs.setTabVisible(list(TABS).index("imports"), not unit)
        for name in ("quota", "report", "review"):
            if name in self._pages:
                self._pages[name].apply_role()

    def show_unit_records(self, code: str) -> None:
        self.records_tab.show_unit(code)
        self.ui.tabs.setCurrentWidget(self.records_tab)

    # -- importing submission files and filled sheets (button, menu, drag and drop) -------
    def choose_files_to_import(self) -> None:
        paths = ask_open_paths(
            self,
            "导入上报文件或统计表",
            "import",
            "上报文件、统计表和审核回复 (*.jzsub *.xlsx *.xls *.ods *.csv *.jzreply);;"
            "上报文件 (*.jzsub);;统计表 (*.xlsx *.xls *.ods *.csv);;审核回复 (*.jzreply)",
            many=True,
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> list:
        """Import each file in its own transaction after one backup (imports.import_batch).
        Files handed over while an import runs (by a second launch, say, while a big
        file is checked) are imported when it ends, not inside it; [] for them now."""
        from PySide6.QtCore import QTimer

        if self._importing:
            self._waiting_files += [Path(path) for path in paths]
            return []
        self._importing = True
        try:
            return self._import_now(paths)
        finally:
            self._importing = False
            if self._waiting_files:
                waiting, self._waiting_files = self._waiting_files, []
                QTimer.singleShot(0, lambda: self.import_files(waiting))

    def _import_now(self, paths: list[Path]) -> list:
        """The import, with a progress dialog that can stop between files and while a
        submission file is checked; a sheet without 填报单位 asks for the unit."""
        from PySide6.QtCore import QEventLoop, Qt
        from PySide6.QtWidgets import QApplication, QProgressDialog

        from jzdesk.usecases import imports
        from jzdesk.usecases.sheet_import import UNIT_MISSING

        db = self.workspace.db
        paths = [Path(path) for path in paths]
        progress = QProgressDialog("正在导入…", "取消", 0, len(paths), self)
        progress.setWindowTitle("导入")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        results = []

        def keep_waiting() -> bool:
            """While a file is checked: paint, and listen to 取消 once the dialog shows
            (until then a click on the window would act behind its back)."""
            QApplication.processEvents(
                QEventLoop.ProcessEventsFlag.AllEvents
                if progress.isVisible()
                else QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
            )
            return not progress.wasCanceled()

        with imports.import_batch(db, paths, keep_waiting=keep_waiting) as import_one:
            for number, path in enumerate(paths):
                if progress.wasCanceled():
                    break
                progress.setLabelText(f"正在导入第 {number + 1} / {len(paths)} 个文件：{path.name}")
                progress.setValue(number)
                QApplication.processEvents()
                result = import_one(path)
                if progress.wasCanceled() and result.status == "rejected":
                    break  # stopped while it was checked: not imported, counted as cancelled
                if result.reason_code == UNIT_MISSING:
                    unit = self._ask_unit(path)
                    if unit is not None:
                        result = import_one(path, unit=unit)
                results.append(result)
        progress.setValue(len(paths))
        if any(result.status == "imported" for result in results):
            self.workspace.changed()
        self._show_import_results(results, cancelled=[p.name for p in paths[len(results) :]])
        return results

    def receive_files(self, paths: list[Path]) -> None:
        """Files handed over by a second launch (a double-clicked .jzsub): come to the
        front and import them."""
        from PySide6.QtCore import Qt

        from jzdesk.usecases.imports import importable, only_replies

        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        wanted = importable([Path(p) for p in paths])
        if wanted:  # replies are read in 审核, the rest in 汇总导入 (hidden at a unit)
            self.show_tab("review" if only_replies(wanted) else "imports")
            self.import_files(wanted)

    def _ask_unit(self, path: Path):
        units = installation.all_units(self.workspace.db)
        names = [unit.name for unit in units]
        home = installation.home_unit(self.workspace.db)
        current = names.index(home.name) if home else 0
        name, ok = QInputDialog.getItem(
            self,
            "选择填报单位",
            f"{path.name} 中没有填写填报单位。\n这是哪个单位的统计表？",
            names,
            current,
            False,
        )
        return units[names.index(name)] if ok else None

    def _show_import_results(self, results, *, cancelled: list[str] = ()) -> None:
        from jzdesk.ui.views.import_results import ImportResultsDialog

        names = {unit.code: unit.name for unit in installation.all_units(self.workspace.db)}
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
        self.ui.sampleBanner.setVisible(ledger.has_sample_data(self.workspace.db))

    def open_backups(self) -> None:
        from jzdesk.ui.views.backup_dialog import BackupDialog

        BackupDialog(self.workspace, self).exec()

    def about_text(self) -> str:
        path = Path(self.workspace.path)
        size = path.stat().st_size / (1024 * 1024) if path.exists() else 0
        totals = ledger.record_totals(self.workspace.db)
        return (
            f"<b>{APP_TITLE}</b><br>jzdesk {__version__}<br><br>"
            "“中国梦·劳动美·工会情”文化活动进基层“五送”活动登记、统计与汇总。<br><br>"
            f"数据库：{path}（{size:.1f} MB）<br>活动记录：{totals['records']} 条，"
            f"{sum(totals['sessions'].values())} 场"
        )

    def show_about(self) -> None:
        QMessageBox.about(self, "关于 jzdesk", self.about_text())

    def _restore_state(self) -> None:
        settings = app_settings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(_default_size(self.screen().availableGeometry().size()))

    def closeEvent(self, event):
        if self.remember_state:
            settings = app_settings()
            settings.setValue("main_window/geometry", self.saveGeometry())
            if "records" in self._pages:
                self.records_tab.save_state()
            settings.sync()
        if "report" in self._pages:
            self.report_tab.cleanup()
        self.workspace.close()
        super().closeEvent(event)


def _default_size(free: QSize) -> QSize:
    """1280×800, or less on a smaller screen: ``free`` is the screen's area outside the
    taskbar, and the title bar above the window takes some of it (on a 1366×768 laptop
    a 800-high window would hide the ledger's 合计 row and the status bar)."""
    return QSize(1280, 800).boundedTo(free - QSize(0, TITLE_BAR_HEIGHT))


def _importable(mime) -> list[Path]:
    """The files this program imports among what is being dragged onto the window."""
    if not mime.hasUrls():
        return []
    from jzdesk.usecases.imports import importable  # not at start-up: the checks are big

    return importable([Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()])
