"""Regression tests for the import rules: revisions, ownership, duplicates, sheet variants."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.errors import KnownError
from jzdesk.store.db import open_db
from jzdesk.usecases import installation, ledger, sheet_import, sheets


def export(db, tmp_path, name, unit="qinyang", period="2021Q1"):
    return sheets.export_sheet_xlsx(
        db, installation.resolve_unit(db, unit), parse_period(period), tmp_path / name
    )


def test_a_newer_revision_replaces_and_an_older_file_rolls_nothing_back(tmp_path):
    unit = open_db(tmp_path / "unit.sqlite")
    city = open_db(tmp_path / "city.sqlite")
    record_id = ledger.add_record(
        unit, RecordFields("qinyang", date(2021, 3, 5), T.ART, audience=100)
    )
    first = export(unit, tmp_path, "first.xlsx")
    assert sheet_import.import_sheet(city, first).added == 1
    ledger.update_record(
        unit, record_id, RecordFields("qinyang", date(2021, 3, 5), T.ART, audience=1000), revision=1
    )
    second = export(unit, tmp_path, "second.xlsx")
    result = sheet_import.import_sheet(city, second)
    assert (result.updated, result.conflicts) == (1, 0)
    stored = ledger.get_record(city, record_id)
    assert (stored.fields.audience, stored.revision) == (1000, 2)
    older = sheet_import.import_sheet(city, first)
    assert (older.status, older.unchanged, older.conflicts) == ("unchanged", 1, 0)
    assert ledger.get_record(city, record_id).fields.audience == 1000


def test_rows_moved_by_hand_are_read_by_content_and_said_so(db, tmp_path):
    """Swapped rows no longer line up with 活动明细: the sheet is read by the hand-filled
    rules (each row paired with the record it still resembles), and the result says so."""
    ledger.add_record(
        db,
        RecordFields(
            "qinyang", date(2021, 3, 5), T.FILM, title="A", presenter="甲放映队", demonstration=True
        ),
    )
    ledger.add_record(db, RecordFields("qinyang", date(2021, 3, 5), T.FILM, title="B"))
    path = export(db, tmp_path, "q1.xlsx")
    book = load_workbook(path)
    ws = book["统计表"]
    # The clerk swaps the two printed rows and retitles B.
    first, second = [c.value for c in ws[6]], [c.value for c in ws[7]]
    for column, value in enumerate(second, start=1):
        ws.cell(6, column, value)
    for column, value in enumerate(first, start=1):
        ws.cell(7, column, value)
    b_row = 6 if ws["C6"].value == "B" else 7
    ws.cell(b_row, 3, "B2")
    book.save(path)
    other = open_db(tmp_path / "other.sqlite")
    result = sheet_import.import_sheet(other, path)
    assert "对不上（第 6 行的序号是“2”，应为 1）" in result.reason
    by_title = {r.fields.title: r for r in ledger.list_records(other)}
    originals = {r.fields.title: r for r in ledger.list_records(db)}
    assert set(by_title) == {"A", "B2"}
    assert by_title["A"].id == originals["A"].id
    assert by_title["A"].fields.demonstration and by_title["A"].fields.presenter == "甲放映队"
    assert by_title["B2"].id == originals["B"].id  # B, retitled
    assert not by_title["B2"].fields.demonstration


def test_a_sheet_cannot_move_records_to_another_unit(db, tmp_path, run_cli):
    ledger.add_record(db, RecordFields("qinyang", date(2021, 3, 5), T.ART))
    path = export(db, tmp_path, "q1.xlsx")
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path, unit=installation.resolve_unit(db, "孟州"))
    assert "与指定的“孟州市总工会”不一致" in caught.value.message
    book = load_workbook(path)
    book["统计表"]["A4"] = "填报单位（盖章）：孟州市总工会"
    book.save(path)
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    assert "属于沁阳市总工会" in caught.value.message
    assert [r.fields.unit_code for r in ledger.list_records(db)] == ["qinyang"]


def hand_sheet(path, rows, header=None, title="2021年第一季度", unit="温县总工会"):
    book = Workbook()
    ws = book.active
    ws.append([f"{title}“五送”活动情况统计表"])
    ws.append([f"填报单位：{unit}"])
    ws.append(
        header
        or [
            "序号",
            "活动日期",
            "活动名称",
            "活动地点",
            "送文艺",
            "送电影",
            "送书画",
            "送培训",
            "送讲座",
            "受益职工（人次）",
            "备注",
        ]
    )
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_identical_rows_both_count_and_a_corrected_sheet_replaces_them(db, tmp_path):
    """Two identical rows are two activities; the corrected sheet of the same period has
    one row: one record updated, the other deleted, never a third (PRODUCT §7). The first
    sheet again is a file imported before and changes nothing."""
    row = [1, "2021-03-05", "露天电影", "西关村", None, 1, None, None, None, 80, None]
    path = hand_sheet(tmp_path / "twice.xlsx", [row, [2, *row[1:]]])
    assert sheet_import.import_sheet(db, path).added == 2
    corrected = hand_sheet(
        tmp_path / "fixed.xlsx",
        [[1, "2021-03-05", "露天电影", "西关村", None, 1, None, None, None, 120, None]],
    )
    result = sheet_import.import_sheet(db, corrected)
    assert (result.added, result.updated, result.deleted) == (0, 2, 1)
    assert "其中删除 1 条" in result.reason
    assert [r.fields.audience for r in ledger.list_records(db)] == [120]
    again = sheet_import.import_sheet(db, path)
    assert (again.status, again.unchanged, again.updated, again.added) == ("unchanged", 2, 0, 0)
    assert "导入过" in again.reason
    assert [r.fields.audience for r in ledger.list_records(db)] == [120]


def test_long_headers_subtotals_and_template_rows(db, tmp_path):
    header = [
        "序号",
        "活动日期",
        "活动名称及内容",
        "地点（服务对象）",
        "活动类型",
        "场次（场）",
        "受益职工人数",
        "备注",
    ]
    rows = [
        [1, "2021-01-05", "新春文艺演出", "西关村", "文艺", 5, 300, None],
        ["小计", None, None, None, None, 5, 300, None],
        [2, "2021-02-05", "技能培训", "温县电厂", "培训", 1, 40, None],
        [3, None, None, None, None, None, None, None],
        [4, None, None, None, None, None, None, None],
    ]
    result = sheet_import.import_sheet(db, hand_sheet(tmp_path / "long.xlsx", rows, header))
    assert result.added == 2
    events = ledger.list_records(db)
    assert [
        (e.fields.title, e.fields.venue, e.fields.sessions, e.fields.audience) for e in events
    ] == [("新春文艺演出", "西关村", 5, 300), ("技能培训", "温县电厂", 1, 40)]


def test_every_worksheet_with_a_table_is_read(db, tmp_path):
    book = Workbook()
    for quarter, day in ((1, "2021-02-01"), (2, "2021-05-01")):
        ws = book.active if quarter == 1 else book.create_sheet(f"{quarter}季度")
        ws.append([f"2021年第{quarter}季度 填报单位：温县总工会"])
        ws.append(
            [
                "序号",
                "活动日期",
                "活动名称",
                "活动地点",
                "送文艺",
                "送电影",
                "送书画",
                "送培训",
                "送讲座",
                "受益职工（人次）",
                "备注",
            ]
        )
        ws.append([1, day, "演出", "x", 1, None, None, None, None, 10, None])
    book.save(tmp_path / "two.xlsx")
    assert sheet_import.import_sheet(db, tmp_path / "two.xlsx").added == 2


def test_merged_numbers_are_not_repeated_and_titles_are(db, tmp_path):
    rows = [
        [1, "2021-03-05", "系列讲座", "温县一中", None, None, None, None, 1, 300, None],
        [2, "2021-03-06", None, "温县二中", None, None, None, None, 1, None, None],
    ]
    path = hand_sheet(tmp_path / "merged.xlsx", rows)
    book = load_workbook(path)
    book.active.merge_cells("C4:C5")
    book.active.merge_cells("J4:J5")
    book.save(path)
    sheet_import.import_sheet(db, path)
    events = ledger.list_records(db)
    assert [e.fields.title for e in events] == ["系列讲座", "系列讲座"]
    assert [e.fields.audience for e in events] == [300, 0]


def test_dates_outside_the_sheets_year_are_refused(db, tmp_path):
    rows = [[1, date(2022, 12, 5), "演出", "x", 1, None, None, None, None, 10, None]]
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, hand_sheet(tmp_path / "y.xlsx", rows, title="2021年第四季度"))
    assert "不在表头所写的 2021 年" in caught.value.message


def test_a_merged_type_header_over_the_five_columns(db, tmp_path):
    book = Workbook()
    ws = book.active
    ws.append(["填报单位：温县总工会"])
    ws.append(
        [
            "序号",
            "活动日期",
            "活动名称",
            "活动地点",
            "活动类型",
            None,
            None,
            None,
            None,
            "受益职工",
            "备注",
        ]
    )
    ws.merge_cells("E2:I2")
    ws.append(
        [None, None, None, None, "送文艺", "送电影", "送书画", "送培训", "送讲座", None, None]
    )
    ws.append([1, "2021-03-05", "演出", "x", None, 2, None, None, None, 10, None])
    book.save(tmp_path / "h.xlsx")
    sheet_import.import_sheet(db, tmp_path / "h.xlsx")
    [event] = ledger.list_records(db)
    assert (event.fields.activity_type, event.fields.sessions) == (T.FILM, 2)
