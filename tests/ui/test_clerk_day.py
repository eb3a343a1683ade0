"""A clerk's day in the shown window, keyboard first (issue 14, "Done when"): five records
with Enter and Ctrl+Enter, one corrected, one deleted with the Delete key, undo and redo,
a search ending in Enter, a date outside the plan year. After every step the database
holds exactly what the clerk meant."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.usecases import ledger

Key, Ctrl = Qt.Key, Qt.KeyboardModifier.ControlModifier


def database(window) -> set[tuple]:
    """The live records as (date, type, sessions, audience, title, revision)."""
    return {
        (
            r.fields.date,
            r.fields.activity_type,
            r.fields.sessions,
            r.fields.audience,
            r.fields.title,
            r.revision,
        )
        for r in ledger.list_records(window.workspace.db)
    }


def enter(clerk, *, digits=None, type_key=None, sessions="1", audience="0", title="", save):
    """One record from the date field: what is given is typed, the rest kept (the date
    and the type stay from the record before); ``save`` is the key that saves."""
    form = clerk.window.records_tab.form
    assert clerk.focus is form.ui.dateEdit
    if digits:
        clerk.type(digits)
    clerk.press(Key.Key_Tab)
    if type_key:
        clerk.press(type_key)
    clerk.press(Key.Key_Tab)
    clerk.type(sessions)  # a spin box reached with Tab has its text selected
    clerk.press(Key.Key_Tab)
    clerk.type(audience)
    clerk.press(Key.Key_Tab, times=2)
    assert clerk.focus is form.ui.titleEdit
    clerk.type(title)
    clerk.press(*save)


def test_a_clerks_day(records_window, answers):
    asked, queue = answers
    window, clerk = records_window
    tab, form = window.records_tab, window.records_tab.form
    day1, day2 = date(2021, 3, 5), date(2021, 3, 8)

    clerk.press(Key.Key_Tab)  # from the tab header to the form's date
    enter(
        clerk,
        digits="20210305",
        type_key=Key.Key_1,
        sessions="2",
        audience="300",
        title="opera",
        save=(Key.Key_Return,),
    )
    meant = {(day1, T.ART, 2, 300, "opera", 1)}
    assert database(window) == meant

    enter(clerk, title="choir", audience="120", save=(Key.Key_Return, Ctrl))  # same date, type
    meant.add((day1, T.ART, 1, 120, "choir", 1))
    assert database(window) == meant

    enter(clerk, digits="20210308", type_key=Key.Key_2, title="movie", save=(Key.Key_Return,))
    meant.add((day2, T.FILM, 1, 0, "movie", 1))
    assert database(window) == meant

    enter(clerk, type_key=Key.Key_4, audience="45", title="lesson", save=(Key.Key_Enter,))
    meant.add((day2, T.TRAINING, 1, 45, "lesson", 1))
    assert database(window) == meant

    enter(clerk, type_key=Key.Key_5, sessions="3", title="talk", save=(Key.Key_Return, Ctrl))
    meant.add((day2, T.LECTURE, 3, 0, "talk", 1))
    assert database(window) == meant
    assert tab.model.rowCount() == 5 and form.editing is None

    # Correct choir: search the ledger, Enter to the result, Enter to open it in the form.
    clerk.click(tab.ui.searchEdit)
    clerk.type("choir")
    clerk.press(Key.Key_Return)
    assert clerk.focus is tab.ui.table and tab.model.rowCount() == 1
    assert database(window) == meant  # Enter in the ledger saved nothing
    clerk.press(Key.Key_Return)
    assert form.editing.fields.title == "choir"
    clerk.click(form.ui.audienceSpin)
    clerk.press(Key.Key_A, Ctrl)
    clerk.type("150")
    clerk.press(Key.Key_Return)
    meant = (meant - {(day1, T.ART, 1, 120, "choir", 1)}) | {(day1, T.ART, 1, 150, "choir", 2)}
    assert database(window) == meant
    assert form.editing is None  # the next Enter cannot overwrite it again

    # Delete movie with the Delete key, from the whole ledger again.
    clerk.click(tab.ui.searchEdit)
    clerk.press(Key.Key_A, Ctrl)
    clerk.press(Key.Key_Backspace)
    clerk.press(Key.Key_Return)
    assert tab.model.rowCount() == 5
    [movie] = [r for r in ledger.list_records(window.workspace.db) if r.fields.title == "movie"]
    clerk.click_row(tab.ui.table, tab.model.row_of(movie.id))
    queue.append(QMessageBox.StandardButton.Yes)
    clerk.press(Key.Key_Delete)
    assert "删除选中的 1 条记录" in asked[-1]
    without_movie = meant - {(day2, T.FILM, 1, 0, "movie", 1)}
    assert database(window) == without_movie

    clerk.press(Key.Key_Z, Ctrl)  # undo brings movie back (its revision moves on)
    assert database(window) == without_movie | {(day2, T.FILM, 1, 0, "movie", 3)}
    clerk.press(Key.Key_Y, Ctrl)  # redo deletes it again
    assert database(window) == without_movie

    # A date in a year without a plan is refused beside the field; nothing is saved.
    clerk.click(form.ui.dateEdit)
    clerk.press(Key.Key_A, Ctrl)  # select, then type the whole date over it
    enter(clerk, digits="20220105", type_key=Key.Key_1, title="wrong year", save=(Key.Key_Return,))
    assert database(window) == without_movie
    assert form.ui.dateError.isVisible() and "没有 2022 年的任务分解表" in form.ui.dateError.text()
    assert form.ui.dateEdit.date().toPython() == date(2022, 1, 5)
