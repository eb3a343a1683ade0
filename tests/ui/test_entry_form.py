"""The entry form and ledger as a clerk uses them: keyboard entry, checks, bin, undo."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QMessageBox

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields, RecordFilter
from jzdesk.ui.models.ledger_model import column_of
from jzdesk.ui.models.quota_model import COL_TOTAL
from jzdesk.usecases import installation, ledger, photos, report_info


@pytest.fixture
def tab(open_window, db_path):
    db = installation.open_database(db_path)
    installation.init_installation(db, "沁阳", filler="王芳", phone="0391-5555555")
    db.close()
    window = open_window()
    window.ui.tabs.setCurrentWidget(window.records_tab)
    return window.records_tab


def type_chinese(widget, text):
    """Type Chinese as an input method delivers it: a committed string, not key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_a_record_entered_with_the_keyboard_alone_lands_in_ledger_and_progress(tab, qtbot):
    form = tab.form
    form.ui.dateEdit.setFocus()
    form.ui.dateEdit.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(form.ui.dateEdit, "20210305")  # each part moves on to the next
    qtbot.keyClick(form.ui.dateEdit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.types
    qtbot.keyClick(form.types, Qt.Key.Key_2)  # 送电影
    qtbot.keyClick(form.types, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.ui.sessionsSpin
    form.ui.sessionsSpin.selectAll()
    qtbot.keyClicks(form.ui.sessionsSpin, "3")
    qtbot.keyClick(form.ui.sessionsSpin, Qt.Key.Key_Tab)
    form.ui.audienceSpin.selectAll()
    qtbot.keyClicks(form.ui.audienceSpin, "420")
    qtbot.keyClick(form.ui.audienceSpin, Qt.Key.Key_Tab)
    qtbot.keyClick(form.ui.deliveryCombo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.ui.titleEdit
    type_chinese(form.ui.titleEdit, "红色电影进工地")
    qtbot.keyClick(form.ui.titleEdit, Qt.Key.Key_Tab)
    type_chinese(form.ui.venueEdit, "南水北调焦作段工地")
    qtbot.keyClick(form.ui.venueEdit, Qt.Key.Key_Return)

    [record] = ledger.list_records(tab.model._db)
    f = record.fields
    assert (f.date, f.activity_type, f.sessions, f.audience) == (
        date(2021, 3, 5),
        ActivityType.FILM,
        3,
        420,
    )
    assert (f.title, f.venue, f.unit_code, record.entered_by) == (
        "红色电影进工地",
        "南水北调焦作段工地",
        "qinyang",
        "王芳",
    )
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, column_of("film")).data() == "3"
    assert tab.totals.index(0, column_of("film")).data() == "3"
    quota = tab.window().quota_tab
    quota.ui.asOfEdit.setDate(QDate(2021, 12, 31))
    assert quota.model.index(0, COL_TOTAL).data() == "3"


def test_ctrl_enter_saves_and_keeps_unit_date_and_type_with_the_date_next(tab, qtbot):
    form = tab.form
    form.ui.dateEdit.setDate(QDate(2021, 6, 1))
    form.types.set_current(ActivityType.LECTURE)
    form.ui.titleEdit.setText("党史讲座")
    form.ui.titleEdit.setFocus()
    qtbot.keyClick(form.ui.titleEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.editing is None
    assert form.ui.dateEdit.date() == QDate(2021, 6, 1)
    assert form.types.current() is ActivityType.LECTURE
    assert form.ui.titleEdit.text() == ""
    assert tab.model.rowCount() == 1
    assert QApplication.focusWidget() is form.ui.dateEdit


@pytest.mark.parametrize(
    ("setup", "label", "words"),
    [
        (lambda f: f.ui.sessionsSpin.setValue(0), "sessionsError", "场次"),
        (lambda f: f.ui.dateEdit.setDate(QDate(2022, 1, 3)), "dateError", "没有 2022 年的任务"),
        (lambda f: f.types.set_current(None), "statusLabel", "请先选择活动类型"),
    ],
)
def test_each_validation_message_stands_beside_its_field(tab, setup, label, words):
    form = tab.form
    form.ui.dateEdit.setDate(QDate(2021, 3, 5))
    form.types.set_current(ActivityType.ART)
    setup(form)
    assert form.save() is None
    message = getattr(form.ui, label)
    assert words in message.text() and message.isVisible()
    assert ledger.list_records(tab.model._db) == []


def test_a_large_audience_asks_for_confirmation(tab, answers):
    asked, queue = answers
    form = tab.form
    form.types.set_current(ActivityType.ART)
    form.ui.dateEdit.setDate(QDate(2021, 3, 5))
    form.ui.audienceSpin.setValue(8000)
    assert form.save() is None
    assert "8000" in asked[0]
    queue.append(QMessageBox.StandardButton.Yes)
    assert form.save() is not None


def test_a_likely_duplicate_is_pointed_out_before_saving(tab, answers):
    asked, queue = answers
    db = tab.model._db
    ledger.add_record(
        db,
        RecordFields(
            "qinyang", date(2021, 3, 5), ActivityType.ART, venue="沁阳钢厂", title="文艺演出"
        ),
    )
    form = tab.form
    form.types.set_current(ActivityType.ART)
    form.ui.dateEdit.setDate(QDate(2021, 3, 5))
    form.ui.venueEdit.setText("沁阳钢厂一车间")
    assert form.save() is None
    assert "重复" in asked[0] and "沁阳钢厂" in asked[0]
    assert len(ledger.list_records(db)) == 1
    queue.append(QMessageBox.StandardButton.Yes)
    assert form.save() is not None
    assert len(ledger.list_records(db)) == 2


def test_delete_to_bin_restore_and_undo(tab, answers, qtbot):
    asked, queue = answers
    db = tab.model._db
    for day in (1, 2, 3):
        tab.form.types.set_current(ActivityType.TRAINING)
        tab.form.ui.dateEdit.setDate(QDate(2021, 4, day))
        tab.form.ui.titleEdit.setText(f"培训 {day}")
        tab.form.save()
    assert tab.model.rowCount() == 3
    # Select rows 0 and 1 explicitly (selectRow would follow whatever modifier keys are down).
    flags = QItemSelectionModel.SelectionFlag
    selection = tab.ui.table.selectionModel()
    selection.select(tab.model.index(0, 0), flags.ClearAndSelect | flags.Rows)
    selection.select(tab.model.index(1, 0), flags.Select | flags.Rows)
    queue.append(QMessageBox.StandardButton.Yes)
    tab.delete_selected()
    assert tab.model.rowCount() == 1
    assert len(ledger.list_records(db, RecordFilter(deleted=True))) == 2

    from jzdesk.ui.views.dialogs import RecycleBinDialog

    dialog = RecycleBinDialog(tab._workspace, RecordFilter(deleted=True), tab)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    dialog.ui.table.selectRow(0)
    dialog.restore_selected()
    assert dialog.model.rowCount() == 1 and tab.model.rowCount() == 2

    window = tab.window()
    window.undo_action.trigger()  # undo the restore
    assert tab.model.rowCount() == 1
    window.undo_action.trigger()  # undo the delete
    assert tab.model.rowCount() == 3
    window.redo_action.trigger()
    assert tab.model.rowCount() == 1


def test_undo_of_a_save_and_of_an_edit(tab):
    form, window = tab.form, tab.window()
    form.types.set_current(ActivityType.ART)
    form.ui.dateEdit.setDate(QDate(2021, 3, 5))
    form.ui.audienceSpin.setValue(100)
    record_id = form.save()
    db = tab.model._db
    form.edit(ledger.get_record(db, record_id))  # saving left the form on a new record
    form.ui.audienceSpin.setValue(250)
    form.save()
    assert ledger.get_record(db, record_id).fields.audience == 250
    window.undo_action.trigger()
    assert ledger.get_record(db, record_id).fields.audience == 100
    window.undo_action.trigger()
    assert ledger.get_record(db, record_id).deleted
    window.redo_action.trigger()
    assert not ledger.get_record(db, record_id).deleted
    history = ledger.record_history(db, record_id)
    assert [h["state"]["audience"] for h in history] == [100, 250, 100, 100, 100]


def test_photos_dropped_on_a_new_record_are_saved_with_it(tab, tmp_path, qtbot):
    path = tmp_path / "现场.jpg"
    Image.new("RGB", (3000, 2000), (20, 120, 200)).save(path)
    form = tab.form
    form.types.set_current(ActivityType.ART)
    form.ui.dateEdit.setDate(QDate(2021, 3, 5))
    assert form.add_photo_files([str(path)])
    assert form.ui.photoList.count() == 1
    record_id = form.save()
    assert len(photos.photo_thumbnails(tab.model._db, record_id)) == 1
    assert form.ui.photoList.count() == 0  # the next record starts without them
    form.edit(ledger.get_record(tab.model._db, record_id))
    item = form.ui.photoList.item(0)
    assert form.photo_bytes(item).startswith(b"\xff\xd8")  # the kept JPEG, 1600 px wide
    form.show_photo(item)
    assert form.photo_window.isVisible()
    form.photo_window.close()
    tab.ui.photosCheck.setChecked(True)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)


def test_history_dialog_says_what_changed(tab, qtbot):
    from jzdesk.ui.views.dialogs import HistoryDialog

    form = tab.form
    form.types.set_current(ActivityType.ART)
    form.ui.dateEdit.setDate(QDate(2021, 3, 5))
    form.ui.audienceSpin.setValue(100)
    record_id = form.save()
    form.edit(ledger.get_record(tab.model._db, record_id))
    form.ui.audienceSpin.setValue(350)
    form.save()
    dialog = HistoryDialog(tab.model._db, ledger.get_record(tab.model._db, record_id), tab)
    qtbot.addWidget(dialog)
    assert dialog.ui.table.rowCount() == 2
    assert dialog.ui.table.item(0, 3).text() == "新增"
    assert "受益职工（人次）：100 → 350" in dialog.ui.table.item(1, 3).text()
    assert dialog.ui.table.item(1, 2).text() == "王芳"


def test_search_and_filters_narrow_the_ledger(tab, qtbot):
    db = tab.model._db
    ledger.add_record(
        db,
        RecordFields(
            "qinyang", date(2021, 3, 5), ActivityType.ART, title="豫剧专场", demonstration=True
        ),
    )
    ledger.add_record(
        db, RecordFields("qinyang", date(2021, 5, 5), ActivityType.FILM, venue="月山镇")
    )
    tab.refresh()
    assert tab.model.rowCount() == 2
    tab.ui.searchEdit.setText("月山")
    assert tab.model.rowCount() == 2  # the ledger follows a pause in typing
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    tab.ui.demoCombo.setCurrentIndex(1)  # read on the search thread, as a search is
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    # The list holds every match: its 合计 is counted from it.
    qtbot.waitUntil(lambda: tab.totals.index(0, column_of("art")).data() == "1")
    assert tab.totals.index(0, column_of("film")).data() == "0"
    tab.ui.demoCombo.setCurrentIndex(0)
    tab.ui.periodCombo.setCurrentIndex(tab.ui.periodCombo.findText("2021年第二季度"))
    assert tab.model.rowCount() == 1


def test_a_search_finding_more_than_a_page_counts_its_totals_just_after_the_list(tab, qtbot):
    """A typed search shows its first page; when the matches run past that page, the
    合计 needs a pass over the records, which follows the list (not counted from it)."""
    from jzdesk.usecases import samples

    db = tab.model._db
    samples.fill_sample_data(db, 4000, seed=11)
    tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findText("全部单位"))
    tab.ui.periodCombo.setCurrentIndex(tab.ui.periodCombo.findText("2021年全年"))
    tab.ui.searchEdit.setFocus()
    type_chinese(tab.ui.searchEdit, "送")
    qtbot.waitUntil(lambda: tab.model.rowCount() == tab.model.PAGE)
    expected = ledger.record_totals(db, tab.current_filter())
    assert expected["records"] > tab.model.PAGE
    qtbot.waitUntil(
        lambda: tab.totals.index(0, column_of("audience")).data() == str(expected["audience"])
    )


def test_header_fields_and_summary_dialog(tab, qtbot):
    from jzdesk.ui.views.dialogs import HeaderDialog

    db = tab.model._db
    unit = installation.resolve_unit(db, "沁阳")
    dialog = HeaderDialog(db, unit, tab.current_period(), tab)
    qtbot.addWidget(dialog)
    assert dialog.ui.fillerEdit.text() == "王芳"
    dialog.ui.phoneEdit.setText("0391-1234567")
    dialog.ui.summaryEdit.setPlainText("一季度开展送文化活动 12 场。")
    dialog.ui.quarterCombo.setCurrentIndex(1)
    dialog.ui.summaryEdit.setPlainText("二季度小结")
    dialog.save()
    assert report_info.header_fields(db, "qinyang")["phone"] == "0391-1234567"
    assert report_info.quarter_summary(db, "qinyang", 2021, 1) == "一季度开展送文化活动 12 场。"
    assert report_info.quarter_summary(db, "qinyang", 2021, 2) == "二季度小结"


def test_the_bin_says_when_and_by_whom_and_closes_when_emptied(tab, qtbot, qtmodeltester):
    from jzdesk.ui.models.ledger_model import KEYS
    from jzdesk.ui.models.recycle_bin_model import BIN_LABELS
    from jzdesk.ui.views.dialogs import RecycleBinDialog

    db = tab.model._db
    record_id = ledger.add_record(db, RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART))
    tab._workspace.delete_events([record_id])
    dialog = RecycleBinDialog(tab._workspace, RecordFilter(deleted=True), tab)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    header = [
        dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in (len(KEYS), len(KEYS) + 1)
    ]
    assert header == list(BIN_LABELS)
    deleted = ledger.get_record(db, record_id)
    assert dialog.model.index(0, len(KEYS)).data() == deleted.updated_at.replace("T", " ")[:16]
    assert dialog.model.index(0, len(KEYS) + 1).data() == "王芳"
    assert dialog.ui.table.columnWidth(column_of("title")) == 230  # the ledger's widths
    dialog.show()
    dialog.ui.table.selectRow(0)
    dialog.restore_selected()
    assert not dialog.isVisible() and not ledger.get_record(db, record_id).deleted


def test_the_history_shows_a_long_change_in_full(tab, qtbot):
    from jzdesk.ui.views.dialogs import HistoryDialog

    db = tab.model._db
    record_id = ledger.add_record(db, RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART))
    record = ledger.get_record(db, record_id)
    ledger.update_record(
        db,
        record_id,
        RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART, title="很长的活动名称" * 20),
        revision=1,
    )
    dialog = HistoryDialog(db, record, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    change = dialog.ui.table.item(1, 3)
    assert change.toolTip() == change.text() and ("很长的活动名称" * 20) in change.text()
    table = dialog.ui.table
    qtbot.waitUntil(lambda: table.rowHeight(1) > 2 * table.rowHeight(0))  # wrapped, not cut
    assert table.columnViewportPosition(3) + table.columnWidth(3) <= table.viewport().width()
