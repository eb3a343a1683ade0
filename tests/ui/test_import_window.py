"""Importing filled sheets from the window: the button's path and drag-and-drop."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QInputDialog

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.usecases import installation, ledger, samples, sheets, submission_export


def exported_sheet(tmp_path, *, unit="qinyang"):
    source = installation.open_database(tmp_path / "source.sqlite")
    ledger.add_record(source, RecordFields(unit, date(2021, 3, 5), ActivityType.FILM, sessions=2))
    path = sheets.export_sheet_xlsx(
        source,
        installation.resolve_unit(source, unit),
        parse_period("2021Q1"),
        tmp_path / "沁阳一季度.xlsx",
    )
    source.close()
    return path


def results_table(window) -> list[list[str]]:
    table = window.results_dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def drag_enter_event(mime: QMimeData) -> QDragEnterEvent:
    """Qt 6.10 takes a QPointF (and deprecates QPoint); the compat bundle's Qt 6.9 only a
    QPoint."""
    rest = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:
        return QDragEnterEvent(QPointF(10, 10), *rest)
    except TypeError:
        return QDragEnterEvent(QPoint(10, 10), *rest)


def test_dropping_a_sheet_on_the_window_imports_it(open_window, tmp_path):
    path = exported_sheet(tmp_path)
    window = open_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    # Qt only routes drop events that come from a real drag; hand them to the handlers.
    enter = drag_enter_event(mime)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    [row] = results_table(window)
    assert row[:5] == ["沁阳一季度.xlsx", "已导入", "沁阳市总工会", "2021Q1", "1"]
    window.ui.tabs.setCurrentWidget(window.records_tab)
    window.records_tab.show_unit("qinyang")
    assert window.records_tab.model.rowCount() == 1


def test_a_sheet_without_unit_asks_which_unit(open_window, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    path = exported_sheet(tmp_path)
    book = load_workbook(path)
    book["统计表"]["A4"] = "填报人：    联系电话："
    book.save(path)
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append(label)
        return "孟州市总工会", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    window = open_window()
    [result] = window.import_files([path])
    assert "没有填写填报单位" in asked[0]
    assert result.status == "imported" and result.unit == "mengzhou"


def test_the_home_unit_is_set_from_the_menu(open_window, db_path, monkeypatch):
    offered = []

    def get_item(parent, title, label, items, current, editable):
        offered.append(items[current])
        return "温县总工会", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    window = open_window()
    assert "未设置" in window.home_label.text() and "未设置" in window.windowTitle()
    window.ui.actionHomeUnit.trigger()
    assert "温县总工会" in window.home_label.text() and window.windowTitle() == "温县总工会"
    window.menuBar().actions()[0].menu().actions()[0].hover()  # a menu's status tip
    assert "温县总工会" in window.home_label.text()
    assert window.records_tab.current_unit_code() == "wenxian"
    assert offered == ["（请选择单位）"]  # no unit offered as a default while none is set
    db = installation.open_database(db_path)
    assert installation.home_unit(db).code == "wenxian"
    db.close()


def big_submission_file(tmp_path, unit: str, records: int) -> Path:

    unit_db = installation.open_database(tmp_path / f"{unit}.sqlite")
    samples.fill_sample_data(unit_db, records, seed=2)
    with unit_db.atomic():
        unit_db.execute("UPDATE records SET sample = 0, unit_code = ?", [unit])
    path = tmp_path / f"{unit}.jzsub"
    submission_export.export_submission(
        unit_db, installation.resolve_unit(unit_db, unit), path, period=parse_period("2021")
    )
    unit_db.close()
    return path


def test_cancelling_while_a_file_is_checked_stops_at_once_and_imports_nothing(
    open_window, tmp_path
):
    """取消 is heard while a submission file is still being checked (the window keeps
    handling events meanwhile); the file is counted as not handled, nothing of it stored."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    path = big_submission_file(tmp_path, "qinyang", 20_000)  # checked in about a second
    window = open_window()

    def cancel_at_the_next_events() -> None:
        # Fires at the window's first event handling of the import, before the file's
        # checks are awaited; the cancel itself comes at the next, while they run.
        QTimer.singleShot(0, lambda: window.findChild(QProgressDialog).cancel())

    QTimer.singleShot(0, cancel_at_the_next_events)
    assert window.import_files([path]) == []
    assert "因取消没有处理 1 个" in window.results_dialog.summary.text()
    assert results_table(window)[0][:2] == [path.name, "未处理"]
    assert ledger.record_totals(window.workspace.db)["records"] == 0


def test_files_handed_over_during_an_import_are_imported_after_it(open_window, tmp_path, qtbot):
    """A second launch hands over a file while a big one is checked: it waits for the
    running import to end (never a second import inside the first), then imports."""
    from PySide6.QtCore import QTimer

    first = big_submission_file(tmp_path, "qinyang", 5000)
    second = big_submission_file(tmp_path, "mengzhou", 100)
    window = open_window()
    QTimer.singleShot(0, lambda: window.receive_files([second]))
    [result] = window.import_files([first])
    assert result.added == 5000
    assert ledger.record_totals(window.workspace.db)["records"] == 5000  # not yet the second
    qtbot.waitUntil(
        lambda: ledger.record_totals(window.workspace.db)["records"] == 5100, timeout=10_000
    )
    units = {row[0] for row in window.workspace.db.execute("SELECT unit_code FROM imports")}
    assert units == {"qinyang", "mengzhou"}
