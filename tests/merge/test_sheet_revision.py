"""A sheet's hidden 版本 may not jump past what a unit could have made: raised by hand, it
would make the unit's later genuine edits and deletions be ignored (issue 22, item 6)."""

from __future__ import annotations

from openpyxl import load_workbook

from jzdesk.domain.periods import parse_period
from jzdesk.domain.sheet import DETAIL_COLUMNS, DETAIL_SHEET
from jzdesk.usecases import imports, ledger, sheets

from .conftest import database_content


def test_a_sheet_whose_hidden_revision_was_raised_is_refused(make_unit, city, tmp_path):
    desk = make_unit()
    record_id = desk.add(title="演出", venue="工厂")
    [first] = imports.import_files(city, [desk.export()])
    assert first.added == 1
    path = sheets.export_sheet_xlsx(
        desk.db, desk.unit, parse_period("2021Q1"), tmp_path / "q1.xlsx"
    )
    book = load_workbook(path)
    ws = book[DETAIL_SHEET]
    column = [key for key, _ in DETAIL_COLUMNS].index("revision") + 1
    assert ws.cell(2, column).value == 1
    ws.cell(2, column, 999_999_999)
    book.save(path)
    before = database_content(city)

    [forged] = imports.import_files(city, [path])

    assert forged.status == "rejected", forged
    assert "版本号 999999999 不可能" in forged.reason and "活动明细" in forged.reason
    assert database_content(city) == before
    ledger.delete_record(desk.db, record_id)  # the unit's genuine change still arrives
    [genuine] = imports.import_files(city, [desk.export()])
    assert genuine.status == "imported" and genuine.deleted == 1
