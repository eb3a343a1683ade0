"""Searching 100 k records in 活动登记 as a clerk types: the list and its 合计 are read on the
search thread, the window keeps taking keys, and only the final text's 合计 is shown."""

from __future__ import annotations

import shutil
import sqlite3
import time
from contextlib import closing

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFilter
from jzdesk.ui.models.ledger_model import column_of
from jzdesk.usecases import installation, ledger, samples

Key = Qt.Key
YEAR = parse_period("2021")


@pytest.fixture(scope="session")
def sample_database(tmp_path_factory):
    """100 k sample records of 2021, made once for the session (about 10 s)."""
    path = tmp_path_factory.mktemp("ledger-search") / "sample.sqlite"
    db = installation.open_database(path)
    samples.fill_sample_data(db, 100_000, seed=2021)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def db_path(sample_database, tmp_path):
    """Each test's own copy of the sample database (it may write to it)."""
    path = tmp_path / "jzdesk.sqlite"
    shutil.copy(sample_database, path)
    return path


@pytest.fixture
def searching(records_window):
    """The 沁阳 window on 活动登记 over a whole year, the clerk in the search box."""
    window, clerk = records_window
    tab = window.records_tab
    tab.ui.periodCombo.setCurrentIndex(tab.ui.periodCombo.findText("2021年全年"))
    clerk.click(tab.ui.searchEdit)
    return window, clerk


def shown_totals(tab) -> dict | None:
    """The 合计 row as the clerk reads it, None while it is being counted."""
    texts = {
        key: tab.totals.index(0, column_of(key)).data()
        for key in ("title", "audience", *(kind.value for kind in ActivityType))
    }
    return None if texts["title"] is None else texts


def as_shown(totals: dict) -> dict:
    """What the 合计 row shows for ``totals`` (ledger.record_totals)."""
    return {
        "title": f"{totals['records']} 条记录",
        "audience": str(totals["audience"]),
        **{kind.value: str(totals["sessions"][kind]) for kind in ActivityType},
    }


class Stalls:
    """The longest time the window's event loop went without turning, seen by a timer that
    asks to run every 5 ms on the window's thread."""

    def __init__(self):
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self):
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self):
        self._tick()  # the time since the last turn counts too
        self._timer.stop()


def listed(tab) -> list[str]:
    """The ids of the records in the ledger, top to bottom."""
    return [tab.model.record(row).id for row in range(tab.model.rowCount())]


def seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def fastest(action) -> float:
    """The time ``action`` takes on this machine as it is now (the middle of three, after
    one that brings the database's pages into memory): a machine busy with other work
    slows the reads and the window's turns alike."""
    action()
    return sorted(seconds(action) for _ in range(3))[1]


def test_typing_a_search_is_never_held_up_by_its_list_or_its_totals(searching, qtbot):
    window, clerk = searching
    tab = window.records_tab
    tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findText("全部单位"))
    db = window.workspace.db
    final = RecordFilter(period=YEAR, text="讲座")
    # What the search thread has to read for the final text, timed here the same way.
    reading = fastest(lambda: ledger.list_records(db, final, limit=tab.model.PAGE))
    reading += fastest(lambda: ledger.record_totals(db, final))
    changes = []  # (text in the box, 合计 shown) at each change of the 合计 row
    tab.totals.dataChanged.connect(
        lambda *_: changes.append((tab.ui.searchEdit.text(), shown_totals(tab)))
    )

    expected = as_shown(ledger.record_totals(db, final))

    clerk.type_chinese("讲")
    qtbot.waitUntil(lambda: shown_totals(tab) is None)  # typing paused: "讲" is being read
    stalls = Stalls()
    clerk.type_chinese("座")
    assert tab.ui.searchEdit.text() == "讲座"  # the key was taken while "讲" was read
    qtbot.waitUntil(lambda: shown_totals(tab) == expected, timeout=20_000)
    stalls.stop()

    assert tab.model.spec.text == "讲座" and tab.model.rowCount() == tab.model.PAGE
    first = ledger.list_records(db, final, limit=1)[0]
    assert tab.model.record(0).id == first.id
    # The window went on turning while the reads ran: never still for as long as they took.
    assert stalls.longest < reading, (stalls.longest, reading)
    # Each 合计 shown was that of the text in the box at that moment (none came late).
    for text, totals in changes:
        if totals is not None:
            assert totals == as_shown(
                ledger.record_totals(db, RecordFilter(period=YEAR, text=text))
            )


def test_closing_the_window_while_the_totals_are_counted_returns_at_once(searching, qtbot, db_path):
    window, clerk = searching
    tab = window.records_tab
    tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findText("全部单位"))
    final = RecordFilter(period=YEAR, text="讲座")
    counting = fastest(lambda: ledger.record_totals(window.workspace.db, final))
    clerk.type_chinese("讲座")
    qtbot.waitUntil(lambda: tab.model.spec.text == "讲座")  # the list is in: now the count

    # What closing the window waits for: the search thread, stopped amid its count.
    stopping = seconds(window.workspace.search_thread().close)
    closing_took = seconds(window.close)

    assert shown_totals(tab) is None  # closed while still counting
    assert stopping < counting / 2, (stopping, counting)
    assert closing_took < 1.0  # the rest: settings, and the window's own connection
    # A search asked as the window closes (its typing pause ending) reads nothing: no
    # thread starts again to open a connection to the closed database.
    window.workspace.search_thread().ask(final)
    qtbot.wait(300)
    # No connection is left open: only then may the database leave WAL mode.
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"


def test_a_record_saved_during_a_search_is_counted_in_its_totals(searching, qtbot):
    window, clerk = searching
    tab = window.records_tab
    db = window.workspace.db
    spec = RecordFilter(unit_codes=("qinyang",), period=YEAR, text="讲座")
    before = ledger.record_totals(db, spec)
    assert before["records"] > tab.model.PAGE  # counted on the search thread, not the list
    clerk.type_chinese("讲座")
    qtbot.waitUntil(lambda: shown_totals(tab) == as_shown(before), timeout=20_000)

    form = tab.form
    clerk.click(form.ui.dateEdit)
    form.ui.dateEdit.setSelectedSection(form.ui.dateEdit.Section.YearSection)
    clerk.type("20210305")
    clerk.press(Key.Key_Tab)
    clerk.press(Key.Key_5)  # 送讲座
    clerk.press(Key.Key_Tab)
    clerk.type("3")
    clerk.press(Key.Key_Tab)
    clerk.type("80")
    clerk.press(Key.Key_Tab, times=2)  # past 组织方式
    assert QApplication.focusWidget() is form.ui.titleEdit
    clerk.type_chinese("讲座：夜班职工怎样护眼")
    clerk.press(Key.Key_Return)

    after = ledger.record_totals(db, spec)
    assert after["records"] == before["records"] + 1
    assert after["sessions"][ActivityType.LECTURE] == before["sessions"][ActivityType.LECTURE] + 3
    qtbot.waitUntil(lambda: shown_totals(tab) == as_shown(after), timeout=20_000)


def test_scrolling_a_search_to_its_end_brings_its_next_page(searching, qtbot):
    window, clerk = searching
    tab = window.records_tab
    tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findText("全部单位"))
    final = RecordFilter(period=YEAR, text="讲座")
    clerk.type_chinese("讲座")
    qtbot.waitUntil(lambda: tab.model.spec.text == "讲座")
    page = tab.model.PAGE
    db = window.workspace.db
    reading = fastest(lambda: ledger.list_records(db, final, limit=page, offset=page))
    clerk.click_row(tab.ui.table, 0)

    stalls = Stalls()
    clerk.press(Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # to the last row shown
    qtbot.waitUntil(lambda: tab.model.rowCount() > page, timeout=20_000)
    stalls.stop()

    assert stalls.longest < reading, (stalls.longest, reading)
    expected = ledger.list_records(db, final, limit=2 * page)
    assert listed(tab) == [record.id for record in expected[: tab.model.rowCount()]]


def test_sorting_a_search_by_a_column_reads_it_again_off_the_window(searching, qtbot):
    window, clerk = searching
    tab = window.records_tab
    tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findText("全部单位"))
    final = RecordFilter(period=YEAR, text="讲座")
    db = window.workspace.db
    reading = fastest(lambda: ledger.list_records(db, final, sort="title", limit=tab.model.PAGE))
    clerk.type_chinese("讲座")
    qtbot.waitUntil(lambda: tab.model.spec.text == "讲座")
    in_title_order = [
        r.id for r in ledger.list_records(db, final, sort="title", limit=tab.model.PAGE)
    ]
    assert listed(tab)[:5] != in_title_order[:5]  # the list is still in date order

    header = tab.ui.table.horizontalHeader()
    title = QPoint(header.sectionViewportPosition(column_of("title")) + 20, 5)
    stalls = Stalls()
    clerk.click(header.viewport(), pos=title)
    qtbot.waitUntil(lambda: listed(tab) == in_title_order, timeout=20_000)
    stalls.stop()

    assert tab.model.order() == ("title", False)
    assert stalls.longest < reading, (stalls.longest, reading)


def test_choosing_a_filter_during_a_search_reads_it_off_the_window(searching, qtbot):
    window, clerk = searching
    tab = window.records_tab
    tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findText("全部单位"))
    db = window.workspace.db
    lectures = RecordFilter(period=YEAR, text="讲座", types=frozenset({ActivityType.LECTURE}))
    reading = fastest(lambda: ledger.list_records(db, lectures, limit=tab.model.PAGE))
    reading += fastest(lambda: ledger.record_totals(db, lectures))
    expected = as_shown(ledger.record_totals(db, lectures))
    clerk.type_chinese("讲座")
    qtbot.waitUntil(lambda: tab.model.spec.text == "讲座")

    stalls = Stalls()
    tab.ui.typeCombo.setCurrentIndex(tab.ui.typeCombo.findText(ActivityType.LECTURE.label))
    qtbot.waitUntil(lambda: shown_totals(tab) == expected, timeout=20_000)
    stalls.stop()

    assert tab.model.spec == lectures
    assert listed(tab) == [r.id for r in ledger.list_records(db, lectures, limit=tab.model.PAGE)]
    assert stalls.longest < reading, (stalls.longest, reading)
