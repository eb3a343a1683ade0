"""审核 tab, driven with real clicks: the city sends a quarter back with a record comment,
then accepts it; the unit imports the reply and sees what to correct."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.domain.review import Decision
from jzdesk.store.db import open_db
from jzdesk.ui.views.review_tab import COMMENT_COLUMN, COMMENTED
from jzdesk.usecases import installation, ledger, review, submission_export

from .conftest import Clerk


@pytest.fixture
def wenxian(tmp_path) -> tuple[Path, Path, list[str]]:
    """温县's database with two Q1 records, and its Q1 file."""
    folder = tmp_path / "wenxian"
    folder.mkdir()
    db = open_db(folder / "unit.sqlite")
    unit = installation.init_installation(db, "温县")
    ids = [
        ledger.add_record(db, RecordFields(unit.code, date(2021, 3, d), ActivityType.ART, title=t))
        for d, t in ((5, "送戏下乡"), (9, "广场电影"))
    ]
    package = folder / "q1.jzsub"
    submission_export.export_submission(db, unit, package, period=parse_period("2021Q1"))
    db.close()
    return folder / "unit.sqlite", package, ids


def type_into_cell(clerk, table, row: int, column: int, text: str) -> None:
    """Double-click a cell, type into its editor with the input method, press Enter."""
    rect = table.visualRect(table.model().index(row, column))
    clerk.click(table.viewport(), double=True, pos=rect.center())
    clerk.type_chinese(text)
    clerk.press(Qt.Key.Key_Return)


def test_the_city_returns_then_accepts_a_quarter_with_clicks(open_window, qtbot, wenxian):
    _, package, ids = wenxian
    window = open_window()
    assert window.import_files([package])[0].status == "imported"
    window.show_tab("review")
    tab = window.tab("review")
    # The first quarter waiting for review is shown at once.
    assert tab.quarterLabel.text().startswith("温县总工会 2021年第一季度：待审核")
    assert tab.records.rowCount() == 2

    qtbot.mouseClick(tab.returnButton, Qt.MouseButton.LeftButton)
    assert "退回时请写明原因" in tab.message.text()
    assert (
        review.history(
            window.workspace.db, installation.resolve_unit(window.workspace.db, "温县"), 2021, 1
        )
        == []
    )

    clerk = Clerk(qtbot, window)
    clerk.click(tab.comment)
    clerk.type_chinese("请核实场次")
    type_into_cell(clerk, tab.records, 0, COMMENT_COLUMN, "照片缺失")
    qtbot.mouseClick(tab.returnButton, Qt.MouseButton.LeftButton)
    row = tab.model.row_of("wenxian", 1)
    assert tab.model.index(row, 2).data() == "已退回"
    assert tab.history.count() == 1 and "退回：请核实场次" in tab.history.item(0).text()
    assert tab.records.item(0, COMMENT_COLUMN).background().color() == COMMENTED

    qtbot.mouseClick(tab.acceptButton, Qt.MouseButton.LeftButton)
    assert tab.model.index(row, 2).data() == "已通过"
    assert tab.history.count() == 2 and "通过" in tab.history.item(1).text()
    db = window.workspace.db
    decisions = review.history(db, installation.resolve_unit(db, "温县"), 2021, 1)
    assert [(d.decision, d.record_comments) for d in decisions] == [
        (Decision.RETURNED, {ids[0]: "照片缺失"}),
        (Decision.ACCEPTED, {ids[0]: "照片缺失"}),
    ]


def test_the_unit_sees_the_returned_quarter_after_importing_the_reply(
    app, qtbot, open_window, wenxian, tmp_path
):
    from jzdesk.app import build_window

    unit_db, package, ids = wenxian
    city = open_window()
    city.import_files([package])
    db = city.workspace.db
    review.decide(
        db,
        installation.resolve_unit(db, "温县"),
        2021,
        1,
        Decision.RETURNED,
        comment="请核实",
        record_comments={ids[1]: "日期有误"},
    )
    [reply] = city.tab("review").export_to(tmp_path)
    assert "已导出 1 个审核回复文件" in city.tab("review").message.text()

    window = build_window(unit_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.receive_files([reply])  # as a double-click on the file hands it over
    tab = window.tab("review")
    assert window.ui.tabs.currentWidget() is tab
    assert tab.model.rowCount() == 4
    assert tab.quarterLabel.text() == "温县总工会 2021年第一季度：已退回"
    assert tab.comment.toPlainText() == "请核实" and tab.comment.isReadOnly()
    assert not tab.acceptButton.isVisible() and tab.importButton.isVisible()
    marked = [
        tab.records.item(r, COMMENT_COLUMN).text()
        for r in range(tab.records.rowCount())
        if tab.records.item(r, COMMENT_COLUMN).background().color() == COMMENTED
    ]
    assert marked == ["日期有误"]

    # The ledger marks the record to correct, with the city's comment on hover.
    window.show_tab("records")
    ledger_model = window.records_tab.model
    row = ledger_model.row_of(ids[1])
    assert ledger_model.index(row, 1).data(Qt.ItemDataRole.BackgroundRole) == COMMENTED
    assert (
        ledger_model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) == "市总工会审核意见：日期有误"
    )
    other = ledger_model.row_of(ids[0])
    assert ledger_model.index(other, 1).data(Qt.ItemDataRole.BackgroundRole) is None


def test_review_model_contract(qtmodeltester, open_window, wenxian):
    """The review list obeys Qt's model contract, filled (a received quarter) and empty."""
    from jzdesk.ui.models.review_model import ReviewModel

    _, package, _ = wenxian
    window = open_window()
    window.import_files([package])
    model = ReviewModel()
    model.set_rows(review.quarter_reviews(window.workspace.db, 2021))
    assert model.rowCount() == 64  # 16 units with a quota × 4 quarters
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
