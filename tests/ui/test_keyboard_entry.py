"""活动登记 driven by keys and clicks on the shown window, as a person would; each test
reads the database afterwards (issue 14, defects 1–3 and 6–8)."""

from __future__ import annotations

from datetime import date

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.plans import date_outside_plans
from jzdesk.domain.records import RecordFields
from jzdesk.ui.models.ledger_model import column_of
from jzdesk.usecases import ledger

Key, Ctrl = Qt.Key, Qt.KeyboardModifier.ControlModifier
Yes, Save, Discard, Cancel = (
    QMessageBox.StandardButton.Yes,
    QMessageBox.StandardButton.Save,
    QMessageBox.StandardButton.Discard,
    QMessageBox.StandardButton.Cancel,
)


def live(window):
    """The live records, oldest first, as (date, type, title, revision)."""
    records = ledger.list_records(window.workspace.db)
    return sorted(
        (r.fields.date, r.fields.activity_type, r.fields.title, r.revision) for r in records
    )


def fill_start(clerk, digits: str, type_key):
    """From the date field: type the date's digits, Tab, pick the type, Tab to 场次."""
    form = clerk.window.records_tab.form
    assert clerk.focus is form.ui.dateEdit
    clerk.type(digits)
    clerk.press(Key.Key_Tab)
    clerk.press(type_key)
    clerk.press(Key.Key_Tab)
    assert clerk.focus is form.ui.sessionsSpin


def to_title(clerk):
    """From 场次 past 受益职工 and 组织方式 to 活动名称."""
    clerk.press(Key.Key_Tab, times=3)
    assert clerk.focus is clerk.window.records_tab.form.ui.titleEdit


def enter_record(clerk, digits: str, type_key, title: str, *, key=Key.Key_Return, mod=None):
    fill_start(clerk, digits, type_key)
    to_title(clerk)
    clerk.type(title)
    clerk.press(key, mod)


def add_saved(window, day: date, title: str) -> str:
    record_id = ledger.add_record(
        window.workspace.db, RecordFields("qinyang", day, ActivityType.ART, title=title)
    )
    window.records_tab.refresh()
    return record_id


def test_tab_from_the_tab_header_reaches_the_date_first(records_window):
    window, clerk = records_window
    clerk.press(Key.Key_Tab)
    assert clerk.focus is window.records_tab.form.ui.dateEdit
    clerk.press(Key.Key_Tab)  # straight on, not through year, month and day
    assert clerk.focus is window.records_tab.form.types


def test_enter_in_the_ledger_search_or_a_cell_never_saves_the_form(records_window, qtbot):
    """Defect 1: Enter saves only when the focus is inside the form."""
    window, clerk = records_window
    tab = window.records_tab
    add_saved(window, date(2021, 2, 1), "old")
    clerk.press(Key.Key_Tab)
    fill_start(clerk, "20210305", Key.Key_1)  # a half-filled form
    clerk.click(tab.ui.searchEdit)
    clerk.type("xyz")
    clerk.press(Key.Key_Return)
    assert live(window) == [(date(2021, 2, 1), ActivityType.ART, "old", 1)]

    clerk.click(tab.ui.searchEdit)
    clerk.press(Key.Key_A, Ctrl)
    clerk.press(Key.Key_Backspace)
    clerk.press(Key.Key_Return)  # back to the whole ledger, on its first row
    assert clerk.focus is tab.ui.table
    tab.ui.table.setCurrentIndex(tab.model.index(0, column_of("title")))
    clerk.press(Key.Key_F2)
    clerk.press(Key.Key_A, Ctrl)
    clerk.type("new")
    clerk.press(Key.Key_Return)
    assert live(window) == [(date(2021, 2, 1), ActivityType.ART, "new", 2)]
    assert tab.form.has_unsaved_input()  # the form's input is still there, unsaved


def test_enter_saves_and_the_next_record_never_overwrites_it(records_window):
    """Defect 2: after Enter the form is on a fresh record, keeping unit, date and type."""
    window, clerk = records_window
    form = window.records_tab.form
    clerk.press(Key.Key_Tab)
    enter_record(clerk, "20210305", Key.Key_2, "A")
    assert form.editing is None and form.ui.modeLabel.text() == "新增活动记录"
    assert "可继续登记下一条" in form.ui.statusLabel.text()
    assert clerk.focus is form.ui.dateEdit
    assert form.types.current() is ActivityType.FILM and form.ui.titleEdit.text() == ""
    clerk.press(Key.Key_Tab, times=2)  # the date and the type stay as they were
    to_title(clerk)
    clerk.type("B")
    clerk.press(Key.Key_Enter)  # the keypad's Enter does the same
    assert live(window) == [
        (date(2021, 3, 5), ActivityType.FILM, "A", 1),
        (date(2021, 3, 5), ActivityType.FILM, "B", 1),
    ]


def test_a_date_outside_the_plan_year_is_shown_beside_the_field_and_nothing_saved(
    records_window,
):
    """Defect 3: 2022-01-05 without a 2022 plan is refused, not turned into 2021."""
    window, clerk = records_window
    form = window.records_tab.form
    clerk.press(Key.Key_Tab)
    enter_record(clerk, "20220105", Key.Key_1, "x")
    assert live(window) == []
    expected = date_outside_plans(date(2022, 1, 5), [2021])
    assert form.ui.dateError.isVisible() and form.ui.dateError.text() == expected
    assert form.ui.dateEdit.date().toPython() == date(2022, 1, 5)  # as typed, not changed


def test_ctrl_a_then_a_date_typed_over_it_is_that_date(records_window):
    """Clerks select all before typing; the date must then be what they typed."""
    window, clerk = records_window
    date_edit = window.records_tab.form.ui.dateEdit
    clerk.click(date_edit)
    for digits, expected in (("20220105", date(2022, 1, 5)), ("20210304", date(2021, 3, 4))):
        clerk.press(Key.Key_A, Ctrl)
        clerk.type(digits)
        assert date_edit.date().toPython() == expected


def test_undo_and_redo_never_leave_the_form_on_a_deleted_record(records_window):
    """Defect 6: undo of a new record while the form shows it."""
    window, clerk = records_window
    tab, form = window.records_tab, window.records_tab.form
    clerk.press(Key.Key_Tab)
    enter_record(clerk, "20210305", Key.Key_1, "A")
    [(_, _, _, _)] = live(window)
    clerk.click_row(tab.ui.table, 0, double=True)
    assert form.editing is not None and form.editing.fields.title == "A"
    clerk.click_row(tab.ui.table, 0)
    clerk.press(Key.Key_Z, Ctrl)
    assert live(window) == []
    assert form.editing is None and form.ui.modeLabel.text() == "新增活动记录"
    clerk.press(Key.Key_Y, Ctrl)
    assert live(window) == [(date(2021, 3, 5), ActivityType.ART, "A", 3)]
    assert form.editing is None


def test_new_or_another_row_asks_before_dropping_unsaved_input(records_window, answers):
    """Defect 7: 保存 / 放弃 / 取消."""
    asked, queue = answers
    window, clerk = records_window
    tab, form = window.records_tab, window.records_tab.form
    add_saved(window, date(2021, 2, 1), "B")
    clerk.press(Key.Key_Tab)
    fill_start(clerk, "20210305", Key.Key_3)
    to_title(clerk)
    clerk.type("half")
    queue.append(Cancel)
    clerk.click(form.ui.newButton)
    assert "尚未保存" in asked[-1] and form.ui.titleEdit.text() == "half"
    queue.append(Discard)
    clerk.click(form.ui.newButton)
    assert form.ui.titleEdit.text() == "" and len(live(window)) == 1

    fill_start(clerk, "20210305", Key.Key_3)
    clerk.click(form.ui.titleEdit)
    clerk.type("kept")
    queue.append(Save)
    clerk.click_row(tab.ui.table, 0, double=True)
    assert len(asked) == 3
    assert live(window) == [
        (date(2021, 2, 1), ActivityType.ART, "B", 1),
        (date(2021, 3, 5), ActivityType.CALLIGRAPHY, "kept", 1),
    ]
    assert form.editing.fields.title == "B"  # the row picked, once the input was saved
    clerk.click_row(tab.ui.table, 1, double=True)  # nothing typed: no question
    assert len(asked) == 3 and form.editing.fields.title == "kept"


def test_the_delete_key_works_in_the_ledger_media_and_photo_lists(
    records_window, answers, tmp_path
):
    """Defect 8: one Delete key per list, each bound to its own widget."""
    asked, queue = answers
    window, clerk = records_window
    tab, form = window.records_tab, window.records_tab.form
    add_saved(window, date(2021, 2, 1), "gone")
    clerk.click_row(tab.ui.table, 0)
    queue.append(Yes)
    clerk.press(Key.Key_Delete)
    assert "删除选中的 1 条记录" in asked[-1] and live(window) == []

    clerk.click(form.ui.mediaLinkEdit)
    clerk.type("http://news.example/1")
    clerk.press(Key.Key_Return)  # adds the link; saves nothing
    assert form.ui.mediaList.count() == 1 and live(window) == []
    clerk.click(
        form.ui.mediaList.viewport(),
        pos=form.ui.mediaList.visualItemRect(form.ui.mediaList.item(0)).center(),
    )
    clerk.press(Key.Key_Delete)
    assert form.ui.mediaList.count() == 0

    photo = tmp_path / "p.jpg"
    Image.new("RGB", (400, 300), (200, 50, 50)).save(photo)
    assert form.add_photo_files([str(photo)])
    clerk.click(
        form.ui.photoList.viewport(),
        pos=form.ui.photoList.visualItemRect(form.ui.photoList.item(0)).center(),
    )
    clerk.press(Key.Key_Delete)
    assert form.ui.photoList.count() == 0


def test_ctrl_z_right_after_a_save_undoes_the_save_and_leaves_the_date(records_window):
    """The focus is back on the date; its own text undo used to change the date."""
    window, clerk = records_window
    form = window.records_tab.form
    clerk.press(Key.Key_Tab)
    enter_record(clerk, "20210305", Key.Key_1, "A")
    assert clerk.focus is form.ui.dateEdit and len(live(window)) == 1
    clerk.press(Key.Key_Z, Ctrl)
    assert live(window) == [] and form.ui.dateEdit.date().toPython() == date(2021, 3, 5)
    clerk.press(Key.Key_Y, Ctrl)
    assert live(window) == [(date(2021, 3, 5), ActivityType.ART, "A", 3)]


def test_no_shortcut_of_a_tab_is_window_wide(records_window):
    """A window-wide Enter saved the form from anywhere, and three window-wide Delete keys
    cancelled each other out (PySide6 6.12 drops QShortcut's context= keyword)."""
    from PySide6.QtGui import QShortcut

    window, _ = records_window
    for name in ("quota", "report", "charts", "evaluation", "imports"):
        window.tab(name)
    shortcuts = window.findChildren(QShortcut)
    assert len(shortcuts) >= 3
    assert all(s.context() == Qt.ShortcutContext.WidgetShortcut for s in shortcuts)
