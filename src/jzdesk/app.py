"""QApplication start-up and wiring: font, translations, icon, database, main window."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

# The use cases the window starts with, imported before Qt: once PySide6 is loaded it
# reads the source of every module imported after it (looking for its ``__feature__``
# imports), some 30 ms of each start for these and sqlite-utils under them. Only
# installation and backups are used here; the views (main window, first tab) use the rest.
from jzdesk.usecases import (  # noqa: F401
    backups,
    installation,
    ledger,
    photos,
    planning,
    progress,
)

# isort: split
from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from jzdesk import APP_NAME, APP_TITLE, __version__
from jzdesk.errors import KnownError

FONT_FILE = "wqy-microhei.ttc"
ICON_FILE = "jzdesk.png"
SCREENSHOT_SIZE = (1280, 800)
QUIT_AFTER_SHOW_ENV = "JZDESK_QUIT_AFTER_SHOW"


def resource_path(*parts: str) -> Path:
    """A bundled file under ``resources/`` (in a source tree, a wheel or a frozen bundle)."""
    return Path(str(resources.files("jzdesk.resources").joinpath(*parts)))


def register_font() -> str | None:
    """Register the bundled CJK font and return its family, so Chinese never shows as boxes."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    proportional = [family for family in families if "Mono" not in family]
    return (proportional or families or [None])[0]


def install_translations(app: QApplication) -> list[QTranslator]:
    """Load Qt's own zh_CN catalogue so standard dialogs and buttons speak Chinese, then
    ours, which Qt asks first: it has the few words Qt's catalogue leaves in English."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    catalogues = (
        ("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("qt_wording_zh_CN", str(resource_path("translations"))),
    )
    installed = []
    for catalogue, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(catalogue, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def input_method_environment(environ: dict[str, str]) -> dict[str, str]:
    """What to add to the environment so Chinese input works with the Qt plugins we ship.

    UOS, Kylin and many other desktops run fcitx and set ``QT_IM_MODULE=fcitx``, but
    PySide6 carries no fcitx plugin (only ibus and compose), so Qt would silently type
    Latin letters only. fcitx5 also speaks ibus's protocol through the ibus portal: ask
    for the ibus plugin and the portal instead (fcitx 4 has no such frontend; there this
    changes nothing). A user's own choice of another plugin (ibus, compose) is kept.
    """
    if not environ.get("QT_IM_MODULE", "").startswith("fcitx"):
        return {}
    return {"QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "1"}


def font_folder_environment(
    environ: dict[str, str], platform: str = sys.platform
) -> dict[str, str]:
    """Where Qt's offscreen platform (screenshots, tests) looks for fonts on Windows.

    It looks in Qt's own lib/fonts folder, which PySide6 does not ship, and says "Cannot
    find font directory" (a warning, which fails a test): the bundled font's folder is
    the right answer. The windows platform that users see ignores this."""
    if platform != "win32" or "QT_QPA_FONTDIR" in environ:
        return {}
    return {"QT_QPA_FONTDIR": str(resource_path("fonts"))}


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once: input method, names, font, translations, icon."""
    if QApplication.instance() is None:
        os.environ.update(input_method_environment(dict(os.environ)))
        os.environ.update(font_folder_environment(dict(os.environ)))
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    family = register_font()
    if family:
        font = QFont(app.font())
        font.setFamilies([family])
        app.setFont(font)
    install_translations(app)
    app.setWindowIcon(QIcon(str(resource_path("icons", ICON_FILE))))
    return app


def build_window(db_path: Path | None):
    """Open the database and the main window on it. Raises KnownError if it cannot open."""
    from jzdesk.ui.views.main_window import MainWindow
    from jzdesk.ui.workspace import Workspace

    path = Path(db_path) if db_path else database_path()
    return MainWindow(Workspace(installation.open_database(path), path))


FIRST_RUN_SETTING = "first_run/done"
NOT_SET_UP = (
    "首次设置没有完成，程序没有建立或更改任何东西。\n"
    "再次打开本程序即可重新设置（也可以在命令行用 jzdesk init --unit 单位名称 设置）。"
)


def database_path() -> Path:
    """The window's database without ``--db``: JZDESK_DB, else the one chosen in the
    first-run wizard, else the default in the user's data folder."""
    from jzdesk.store.db import default_db_path

    return default_db_path()


def needs_first_run(db_path: Path | None) -> bool:
    """The wizard shows once, and never when a database was named (--db or JZDESK_DB)."""
    from jzdesk.store.db import DB_ENV
    from jzdesk.ui.preferences import app_settings

    if db_path is not None or os.environ.get(DB_ENV):
        return False
    return app_settings().value(FIRST_RUN_SETTING) is None


def first_run() -> Path | None:
    """Run the wizard; returns the database it set up (None when cancelled)."""
    from jzdesk.store.db import remember_db_path, standard_db_path
    from jzdesk.ui.preferences import app_settings
    from jzdesk.ui.views.first_run import FirstRunWizard

    wizard = FirstRunWizard(standard_db_path())
    if wizard.exec() != FirstRunWizard.DialogCode.Accepted or wizard.db_path is None:
        QMessageBox.information(None, APP_TITLE, NOT_SET_UP)
        return None
    try:
        remember_db_path(wizard.db_path)
    except OSError as error:
        QMessageBox.warning(None, APP_TITLE, f"无法保存数据位置的设置：{error}")
    settings = app_settings()
    settings.setValue(FIRST_RUN_SETTING, True)
    settings.sync()
    return wizard.db_path


def open_main_window(path: Path):
    """The main window on ``path``; a damaged database leads to the offer to put the
    latest backup in its place. None when it cannot be opened (the user was told)."""
    from jzdesk.errors import DamagedDatabaseError

    try:
        return build_window(path)
    except DamagedDatabaseError as error:
        latest = backups.latest_backup_beside(path)
        if latest is None:
            QMessageBox.critical(None, APP_TITLE, f"{error.message}\n\n没有找到可用的备份。")
            return None
        question = (
            f"{error.message}\n\n找到最近的备份：{latest['made']:%Y-%m-%d %H:%M}，"
            f"{latest['records']} 条活动记录。\n是否用它恢复？损坏的文件会改名后保留。"
        )
        if QMessageBox.question(None, APP_TITLE, question) != QMessageBox.StandardButton.Yes:
            return None
        try:
            aside = backups.recover_database(path, latest["path"])
            window = build_window(path)
        except KnownError as recovery_error:
            QMessageBox.critical(None, APP_TITLE, recovery_error.message)
            return None
        QMessageBox.information(None, APP_TITLE, f"已从备份恢复。损坏的文件保存为：\n{aside}")
        return window
    except KnownError as error:
        QMessageBox.critical(None, APP_TITLE, error.message)
        return None


def save_screenshots(window, folder: Path) -> list[Path]:
    """Render each tab the window shows (a unit's installation has no 汇总导入) at
    1280×800 to ``folder/<tab>.png``, and at the city its 全市汇总表 window to summary.png."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*SCREENSHOT_SIZE)
    saved = []
    for name in window.shown_tabs():
        window.show_tab(name)
        saved.append(_grab(window, folder / f"{name}.png"))
    if not window.report_tab.ui.summaryButton.isHidden():
        summary = window.report_tab.open_summary()
        summary.resize(*SCREENSHOT_SIZE)
        saved.append(_grab(summary, folder / "summary.png"))
        summary.close()
    return saved


def _grab(widget, target: Path) -> Path:
    _settle(QApplication.instance())
    if not widget.grab().save(str(target)):
        raise KnownError(f"无法写入截图 {target}")
    return target


def _settle(app, milliseconds: int = 600) -> None:
    """Let the tab lay out and paint; the PDF preview renders its pages in a thread."""
    import time

    from PySide6.QtCore import QThread

    deadline = time.monotonic() + milliseconds / 1000
    while time.monotonic() < deadline:
        app.processEvents()
        QThread.msleep(20)


def run(
    *,
    db_path: Path | None = None,
    screenshot_dir: Path | None = None,
    open_files: list[Path] | tuple = (),
) -> int:
    """Open the window (or render screenshots and return). Returns the exit status.

    ``open_files`` (.jzsub/.xlsx, e.g. double-clicked) are imported in the window; when
    a window on the same database is already open they are handed to it instead.
    """
    if screenshot_dir is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # screenshots need no screen
    elif not _display_available():
        print(
            f"{APP_NAME}: 错误：没有可用的图形界面（DISPLAY 未设置），无法打开窗口；"
            "可以使用命令行功能，或用 jzdesk gui --screenshot 目录 生成截图",
            file=sys.stderr,
        )
        return 1
    elif missing := missing_x11_packages():
        print(
            f"{APP_NAME}: 错误：缺少打开窗口所需的系统库，请先安装：sudo apt install "
            f"{' '.join(missing)}（统信 UOS、麒麟、Debian、Ubuntu 均可用此命令）",
            file=sys.stderr,
        )
        return 1
    app = create_application()
    if screenshot_dir is not None:
        try:
            window = build_window(db_path)
        except KnownError as error:
            print(f"{APP_NAME}: 错误：{error.message}", file=sys.stderr)
            return 1
        return _screenshots(window, Path(screenshot_dir))
    from jzdesk.ui.crash import install_error_dialog, start_logging
    from jzdesk.ui.single_instance import InstanceServer, hand_off, server_name

    install_error_dialog(start_logging())
    if needs_first_run(db_path):
        db_path = first_run()
        if db_path is None:
            return 0
    path = Path(db_path) if db_path else database_path()
    name = server_name(path)
    if hand_off(name, list(open_files)):
        return 0  # the open window takes the files and comes to the front
    window = open_main_window(path)
    if window is None:
        return 1
    server = InstanceServer(name, window)
    server.files_received.connect(window.receive_files)
    window.show()
    if open_files:
        QTimer.singleShot(0, window, lambda: window.receive_files(list(open_files)))
    QTimer.singleShot(3000, window, lambda: _daily_backup(window))  # after the window is up
    if os.environ.get(QUIT_AFTER_SHOW_ENV):
        # For benchmarks/run.py: leave as soon as the shown window has been painted.
        QTimer.singleShot(0, app.quit)
    return app.exec()


def _screenshots(window, folder: Path) -> int:
    """``gui --screenshot``: each tab rendered offscreen, the window never shown."""
    from PySide6.QtCore import Qt

    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.remember_state = False
    window.show()
    for path in save_screenshots(window, folder):
        print(path)
    window.close()
    return 0


def _daily_backup(window) -> None:
    """The day's first backup; a failure is logged, never in the user's way."""
    if not window.isVisible():  # closed meanwhile: its database is closed too
        return
    try:
        backups.daily_backup(window.workspace.db)
    except KnownError as error:
        import logging

        logging.getLogger(APP_NAME).warning("daily backup failed: %s", error.message)


# Libraries Qt's X11 plugin loads that a plain desktop may lack, and their packages.
X11_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
}


def missing_x11_packages(load=None) -> list[str]:
    """The packages to install before Qt can open a window on X11, checked before Qt
    loads: without them Qt aborts with an English message and a core dump.

    ``load`` opens a shared library by name (ctypes by default; tests pass their own).
    """
    if (
        not sys.platform.startswith("linux")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb"
    ):
        return []
    if load is None:
        import ctypes

        load = ctypes.CDLL
    missing = []
    for library, package in X11_LIBRARIES.items():
        try:
            load(library)
        except OSError:
            missing.append(package)
    return missing


def _display_available() -> bool:
    """False on a Linux machine with no X11 or Wayland display (Qt would abort there)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
