"""Help inside the program, used as a clerk would: F1 on each tab of the shown window,
帮助 → 快捷键, 帮助 → 练习, and the tooltips of the forms a clerk fills in."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QInputMethodEvent, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QWidget,
)

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields
from jzdesk.ui.views.help_window import pictures_of
from jzdesk.usecases import guide, installation, ledger

Key = Qt.Key


@pytest.fixture
def city_window(open_window, db_path):
    """The shown window of the city's installation: every tab is there."""
    db = installation.open_database(db_path)
    installation.init_installation(db, "city")
    db.close()
    window = open_window()
    window.activateWindow()
    return window


def help_action(window, text: str) -> QAction:
    """The 帮助 menu's action whose text starts with ``text``."""
    found = [a for a in window.ui.menuHelp.actions() if a.text().startswith(text)]
    assert found, [a.text() for a in window.ui.menuHelp.actions()]
    return found[0]


def test_help_menu_holds_the_guide_shortcuts_practice_and_about(city_window):
    texts = [a.text() for a in city_window.ui.menuHelp.actions() if not a.isSeparator()]
    assert texts == ["使用说明(&G)", "快捷键(&K)…", "练习(&P)…", "关于 jzdesk(&A)"]
    assert help_action(city_window, "使用说明").shortcut() == QKeySequence("F1")


def test_f1_on_each_tab_opens_that_tabs_chapter_with_its_pictures(city_window, qtbot):
    from jzdesk.ui.views.help_menu import TAB_CHAPTERS
    from jzdesk.ui.views.main_window import TABS

    titles = {chapter.file: chapter.title for chapter in guide.chapters()}
    window = city_window
    assert window.shown_tabs() == list(TABS)  # the city sees every tab, 审核 included
    for name in window.shown_tabs():
        window.show_tab(name)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(QApplication.focusWidget() or window, Key.Key_F1)
        helper = window.help_window
        qtbot.waitUntil(helper.isVisible)
        assert helper.chapter_shown() == TAB_CHAPTERS[name], name
        text = helper.browser.document().toPlainText()
        assert text.startswith(titles[TAB_CHAPTERS[name]]), name
        document = helper.browser.document()
        pictures = [
            line.split("(")[1].rstrip(")")
            for line in (guide.guide_folder() / TAB_CHAPTERS[name]).read_text("utf-8").splitlines()
            if line.startswith("![")
        ]
        for picture in pictures:  # each screenshot loaded
            image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(picture))
            assert image is not None and not image.isNull(), picture
        shown = [picture for _, picture in pictures_of(document)]
        assert len(shown) == len(pictures), name
        width = helper.browser.viewport().width()
        assert all(0 < picture.width() <= width for picture in shown), name  # no sideways scroll
        helper.close()


def test_a_link_of_the_contents_page_leads_to_its_chapter(city_window, qtbot):
    help_action(city_window, "使用说明").trigger()
    helper = city_window.help_window
    helper.show_contents()
    assert "开始使用" in helper.browser.document().toPlainText()
    helper.browser.setSource(helper.browser.source().resolved("report.md"))
    assert helper.browser.document().toPlainText().startswith("统计报表与上报")
    helper.browser.backward()
    assert helper.chapter_shown() == "index.md"


def test_every_shortcut_of_the_window_is_in_the_shortcut_list(city_window, qtbot):
    window = city_window
    help_action(window, "快捷键").trigger()
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    table = dialog.table
    listed = {
        (table.item(row, 0).text(), table.item(row, 1).text()) for row in range(table.rowCount())
    }
    native = QKeySequence.SequenceFormat.NativeText
    expected = set()
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            expected.add(keys.toString(native))
    for shortcut in window.findChildren(QShortcut):
        expected.add(shortcut.key().toString(native))
    shown_keys = {keys for keys, _ in listed}
    assert expected <= shown_keys
    assert all(what for _, what in listed), listed
    for keys, what in [
        ("F1", "帮助 → 使用说明"),
        ("Ctrl+O", "文件 → 导入上报文件或统计表"),
        ("Ctrl+Z", "编辑 → 撤销"),
        ("Ctrl+Y", "编辑 → 重做"),
    ]:
        assert (keys, what) in listed
    delete = QKeySequence(QKeySequence.StandardKey.Delete).toString(native)
    assert (delete, "活动登记 → 删除台账中选中的记录") in listed


def _fields(widget):
    """The buttons and fields a user can use in ``widget``, without the parts Qt makes
    inside a combo box, a spin box, a table or a tab bar."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    inner = (QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar)
    for child in widget.findChildren(QWidget):
        if isinstance(child, kinds) and not isinstance(child.parent(), inner):
            yield child


def test_every_button_and_field_of_entry_report_and_imports_has_a_tooltip(city_window):
    window = city_window
    for name in ("records", "report", "imports"):
        window.show_tab(name)
    surfaces = {
        "登记表": window.records_tab.form,
        "统计报表": window.report_tab,
        "汇总导入": window.imports_tab,
    }
    for surface, widget in surfaces.items():
        fields = list(_fields(widget))
        assert len(fields) >= 7, surface
        untold = [
            f"{type(f).__name__} {f.objectName() or f.text()}" for f in fields if not f.toolTip()
        ]
        assert untold == [], surface


def test_practice_window_is_marked_and_leaves_the_real_database_byte_identical(
    open_window, db_path, qtbot
):
    db = installation.open_database(db_path)
    installation.init_installation(db, "沁阳", filler="王芳")
    ledger.add_record(db, RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART, title="真"))
    db.close()
    window = open_window()
    before = {path.name: path.read_bytes() for path in db_path.parent.glob("jzdesk.sqlite*")}

    help_action(window, "练习").trigger()
    practice = window.practice_window
    qtbot.waitExposed(practice)
    assert practice.windowTitle().startswith("【练习】沁阳市总工会")
    assert practice.practice_note.isVisible()
    assert practice.workspace.path != db_path
    folder = practice.practice_folder
    count = ledger.record_totals(practice.workspace.db)["records"]
    assert count == 400  # the sample data, in this installation's role
    assert installation.home_unit(practice.workspace.db).code == "qinyang"

    # Practise: a new record saved with the form's button.
    practice.show_tab("records")
    form = practice.records_tab.form
    form.ui.titleEdit.setFocus()
    typed = QInputMethodEvent()  # Chinese as an input method delivers it
    typed.setCommitString("练习登记")
    QApplication.sendEvent(form.ui.titleEdit, typed)
    form.types.group.button(2).click()
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    assert ledger.record_totals(practice.workspace.db)["records"] == count + 1
    practice.close()
    qtbot.waitUntil(lambda: not folder.exists())

    after = {path.name: path.read_bytes() for path in db_path.parent.glob("jzdesk.sqlite*")}
    assert after == before
    real = installation.open_database(db_path)
    assert ledger.record_totals(real)["records"] == 1
    real.close()


def test_the_help_window_saves_the_printable_guide(city_window, qtbot, tmp_path, monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    target = tmp_path / "培训" / "jzdesk使用说明.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), "PDF"))
    )
    told = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
    help_action(city_window, "使用说明").trigger()
    toolbar_buttons = city_window.help_window.findChildren(QAction)
    save = next(action for action in toolbar_buttons if action.text().startswith("保存 PDF"))
    save.trigger()
    assert told == [f"已保存使用说明：{target}"]
    assert PdfReader(target).outline[0].title == "使用说明"
