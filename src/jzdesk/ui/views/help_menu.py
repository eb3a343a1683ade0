"""帮助 menu: 使用说明 (F1, at the chapter of the tab on screen), 快捷键 (every shortcut
of the window, read from its actions so that the list cannot drift) and 练习."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

# The guide's chapter of each tab (the names of main_window.TABS); 审核 has its own.
TAB_CHAPTERS = {
    "quota": "quota.md",
    "records": "records.md",
    "report": "report.md",
    "charts": "charts.md",
    "evaluation": "evaluation.md",
    "imports": "imports.md",
    "review": "review.md",
}
ENTRY_KEYS_NOTE = (
    "登记表中还可以：Enter 保存，数字键 1–5 选择类型，Tab 到下一项；详见使用说明“活动登记”一章。"
)
_MNEMONIC = re.compile(r"\(&\w\)|&")


def install_help_menu(window, tabs: list[str]) -> None:
    """Put 使用说明, 快捷键 and 练习 above 关于 in the window's 帮助 menu; ``tabs`` are the
    names of the window's tabs in order (main_window.TABS)."""
    menu, about = window.ui.menuHelp, window.ui.actionAbout
    entries = (
        (
            "使用说明(&G)",
            "F1",
            "打开使用说明中当前标签页的那一章",
            lambda: open_guide(window, tabs),
        ),
        ("快捷键(&K)…", None, "列出本窗口的全部快捷键", lambda: show_shortcuts(window)),
        (
            "练习(&P)…",
            None,
            "在示例数据的副本中练习，不影响本机的真实数据",
            lambda: open_practice(window),
        ),
    )
    for text, keys, tip, slot in entries:
        action = QAction(text, window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.insertAction(about, action)
    menu.insertSeparator(about)
    window.installEventFilter(_ClosesItsWindows(window))


class _ClosesItsWindows(QObject):
    """Closes the help and practice windows with their main window: a practice window
    then deletes its database, and the program does not stay open behind a window left."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Close:
            for child in watched.findChildren(QMainWindow):
                child.close()
        return False


def open_guide(window, tabs: list[str]):
    """The help window (one per main window), at the chapter of the tab on screen."""
    from jzdesk.ui.views.help_window import HelpWindow
    from jzdesk.usecases.guide import INDEX

    if getattr(window, "help_window", None) is None:
        window.help_window = HelpWindow(window)
    shown = tabs[window.ui.tabs.currentIndex()]
    window.help_window.show_chapter(TAB_CHAPTERS.get(shown, INDEX))
    return window.help_window


def window_shortcuts(window) -> list[tuple[str, str]]:
    """(keys, what they do) of every action and widget shortcut of the window, each tab
    made first (a tab's shortcuts exist once it is), in the order Qt lists them."""
    for name in window.shown_tabs():
        window.tab(name)
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        if _belongs_to(action, window):
            rows += [(_keys_text(keys), _action_text(action)) for keys in action.shortcuts()]
    for shortcut in window.findChildren(QShortcut):
        if _belongs_to(shortcut, window) and not shortcut.key().isEmpty():
            rows.append((_keys_text(shortcut.key()), shortcut.whatsThis()))
    return list(dict.fromkeys(rows))


def _keys_text(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def _action_text(action: QAction) -> str:
    """An action's text without its mnemonic, after the menu it is in (文件 → 退出)."""
    text = _MNEMONIC.sub("", action.text()).rstrip("…")
    menus = [menu for menu in action.associatedObjects() if isinstance(menu, QMenu)]
    return f"{_MNEMONIC.sub('', menus[0].title())} → {text}" if menus else text


def _belongs_to(thing, window) -> bool:
    """True unless ``thing`` lives in another window parented to this one (the help
    window, a practice window), whose keys are not this window's."""
    parent = thing.parent()
    while parent is not None and parent is not window:
        if getattr(parent, "isWindow", lambda: False)() and not isinstance(parent, QMenu):
            return False
        parent = parent.parent()
    return True


def show_shortcuts(window) -> QDialog:
    """The list of shortcuts in a dialog (not modal: it may stay open beside the window)."""
    rows = window_shortcuts(window)
    dialog = QDialog(window)
    dialog.setWindowTitle("快捷键")
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels(["按键", "作用"])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    for row, (keys, what) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(what))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    note = QLabel(ENTRY_KEYS_NOTE)
    note.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    for widget in (table, note, buttons):
        layout.addWidget(widget)
    dialog.resize(520, 480)
    dialog.table = table
    window.shortcuts_dialog = dialog
    dialog.show()
    return dialog


def open_practice(window):
    from jzdesk.ui.views.practice_window import open_practice_window

    return open_practice_window(window)
