"""Filled statistics sheets built here as real .xlsx files, read back through the services."""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import (
    DELIVERIES,
    MEDIA_CHANNELS,
    VENUE_CATEGORIES,
    MediaItem,
    RecordFields,
)
from jzdesk.errors import KnownError
from jzdesk.io.sheet_rows import parse_cell_date, parse_cell_number, parse_cell_type
from jzdesk.usecases import installation, ledger, sheet_import, sheets

TYPES = ["送文艺", "送电影", "送书画", "送培训", "送讲座"]


def db_rows(db):
    return db.execute("SELECT * FROM records ORDER BY id").fetchall()


def hand_sheet(
    path,
    rows,
    *,
    unit="孟州市总工会",
    title="2021年第一季度",
    two_row_header=True,
    total=None,
    split_unit_cell=False,
):
    """A sheet the way a clerk makes one in WPS: merged title, header variants, blank rows."""
    book = Workbook()
    ws = book.active
    ws.merge_cells("A1:K1")
    ws["A1"] = "“中国梦·劳动美·工会情”河南工会万场文化活动进基层情况统计表"
    ws.merge_cells("A2:K2")
    ws["A2"] = f"（{title}）"
    if split_unit_cell:
        ws["A3"], ws["B3"] = "填报单位（盖章）：", unit
        ws["E3"], ws["F3"] = "填报人：", "李红"
    elif unit:
        ws["A3"] = (
            f"填报单位（盖章）：{unit}   填报人：李红   联系电话：0391-7777777   填报时间：2021年4月8日"
        )
    head = 5
    labels = ["序 号", "活动日期", "活动名称（内容）", "活动地点（服务对象）"]
    if two_row_header:
        for column, label in enumerate(labels, start=1):
            ws.merge_cells(start_row=head, start_column=column, end_row=head + 1, end_column=column)
            ws.cell(head, column, label)
        ws.merge_cells(start_row=head, start_column=5, end_row=head, end_column=9)
        ws.cell(head, 5, "“五送”活动场次")
        for offset, label in enumerate(TYPES):
            ws.cell(head + 1, 5 + offset, label)
        ws.cell(head, 10, "受益职工\n（人次）")
        ws.cell(head, 11, "备注")
        first = head + 2
    else:
        for column, label in enumerate([*labels, *TYPES, "受益职工（人次）", "备注"], start=1):
            ws.cell(head, column, label)
        first = head + 1
    r = first
    for row in rows:
        if row is None:
            r += 1  # a blank row
            continue
        for column, value in enumerate(row, start=1):
            ws.cell(r, column, value)
        r += 1
    if total is not None:
        ws.cell(r, 1, "合  计")
        for offset, value in enumerate(total):
            ws.cell(r, 5 + offset, value)
    book.save(path)
    return path


def test_a_messy_hand_filled_sheet_imports(db, tmp_path):
    rows = [
        [1, "2021.3.5", "送戏下乡", "西虢镇", "１", None, None, None, None, "３００", ""],
        None,
        [2, "2021年3月6日", "红色电影", "孟州化工", None, "2", None, None, None, "约120人", "包场"],
        [3, "3月7日", "书法进企业", "孟州火车站", None, None, 1, None, None, 45, None],
        [4, datetime(2021, 3, 8), "技能培训", "富士康", None, None, None, 1.0, None, "1,200", None],
        [5, "20210309", "党史讲座", "孟州市委党校", None, None, None, None, "1场", None, None],
        [6, "3月10日至12日", "文艺汇演", "会昌街道", 1, None, None, None, None, 80, None],
    ]
    path = hand_sheet(tmp_path / "孟州一季度.xlsx", rows, total=[2, 2, 1, 1, 1, 1745])
    result = sheet_import.import_sheet(db, path)
    assert (result.status, result.added, result.unit) == ("imported", 6, "mengzhou")
    events = ledger.list_records(db)
    got = [
        (e.fields.date, e.fields.activity_type, e.fields.sessions, e.fields.audience)
        for e in events
    ]
    assert got == [
        (date(2021, 3, 5), T.ART, 1, 300),
        (date(2021, 3, 6), T.FILM, 2, 120),
        (date(2021, 3, 7), T.CALLIGRAPHY, 1, 45),
        (date(2021, 3, 8), T.TRAINING, 1, 1200),
        (date(2021, 3, 9), T.LECTURE, 1, 0),
        (date(2021, 3, 10), T.ART, 1, 80),
    ]
    assert events[1].fields.notes == "包场" and events[0].fields.venue == "西虢镇"


def test_a_type_column_with_words_or_numbers_and_a_sessions_column(db, tmp_path):
    book = Workbook()
    ws = book.active
    ws.append(["2021年“五送”活动统计"])
    ws.append(["填报单位：温县总工会"])
    ws.append(["序号", "日期", "活动名称", "类型", "场次", "受益人次", "备注"])
    ws.append([1, "2021-05-01", "广场演出", "文艺演出", 2, "500", ""])
    ws.append([2, "2021-05-02", "露天电影", "电影放映", None, 100, ""])
    ws.append([3, "2021-05-03", "书画展", "书画", "１", 30, ""])
    ws.append([4, "2021-05-04", "电工培训", "培训班", 1, 20, ""])
    ws.append([5, "2021-05-05", "健康讲座", 5, 1, 60, ""])
    path = tmp_path / "温县.xlsx"
    book.save(path)
    result = sheet_import.import_sheet(db, path)
    assert result.added == 5 and result.unit == "wenxian"
    kinds = [(e.fields.activity_type, e.fields.sessions) for e in ledger.list_records(db)]
    assert kinds == [(T.ART, 2), (T.FILM, 1), (T.CALLIGRAPHY, 1), (T.TRAINING, 1), (T.LECTURE, 1)]


def test_merged_title_cells_cover_their_rows_and_split_unit_cells_are_read(db, tmp_path):
    rows = [
        [1, "2021-03-05", "送文化进万家", "月山镇", 1, None, None, None, None, 100, None],
        [2, "2021-03-06", None, "西向镇", 1, None, None, None, None, 90, None],
    ]
    path = hand_sheet(
        tmp_path / "merged.xlsx",
        rows,
        unit="沁阳市总工会",
        two_row_header=False,
        split_unit_cell=True,
    )
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active.merge_cells("C6:C7")
    book.save(path)
    assert sheet_import.import_sheet(db, path).unit == "qinyang"
    assert [e.fields.title for e in ledger.list_records(db)] == ["送文化进万家"] * 2


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ([1, "2021-13-05", "x", "y", 1, None, None, None, None, 1, None], ["第 8 行", "活动日期"]),
        (
            [1, "下周", "x", "y", 1, None, None, None, None, 1, None],
            ["第 8 行", "无法识别日期“下周”"],
        ),
        (
            [1, "2021-03-05", "x", "y", 1, 1, None, None, None, 1, None],
            ["第 8 行", "一行只能填一种"],
        ),
        (
            [1, "2021-03-05", "x", "y", None, None, None, None, None, 1, None],
            ["第 8 行", "没有填写活动类型"],
        ),
        (
            [1, "2021-03-05", "x", "y", 1, None, None, None, None, "很多", None],
            ["第 8 行", "受益职工"],
        ),
        ([1, "2021-03-05", "x", "y", "一", None, None, None, None, 1, None], ["第 8 行", "送文艺"]),
        ([1, "2021-03-05", "x", "y", 0.5, None, None, None, None, 1, None], ["第 8 行", "送文艺"]),
        ([1, "2021-03-05", "x", "y", 5000, None, None, None, None, 1, None], ["第 8 行", "场次"]),
    ],
)
def test_a_bad_row_rejects_the_whole_file_naming_row_and_cell(db, tmp_path, row, words):
    good = [1, "2021-03-04", "a", "b", 1, None, None, None, None, 10, None]
    path = hand_sheet(tmp_path / "bad.xlsx", [good, row])
    before = db_rows(db)
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    for word in words:
        assert word in caught.value.message
    assert "未导入任何记录" in caught.value.message
    assert db_rows(db) == before


def test_every_bad_row_is_named(db, tmp_path):
    rows = [
        [1, "2021-02-30", "a", "b", 1, *[None] * 4, 1, None],
        [2, "2021-03-01", "a", "b", 1, *[None] * 4, 1, None],
        [3, "?", "a", "b", None, *[None] * 4, "x", None],
    ]
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, hand_sheet(tmp_path / "b.xlsx", rows))
    message = caught.value.message
    assert "第 7 行" in message and "第 9 行" in message and "第 8 行" not in message
    assert message.count("第 9 行") == 3  # date, type and audience of that row


def test_a_wrong_total_row_is_reported_not_accepted(db, tmp_path):
    rows = [[1, "2021-03-05", "a", "b", 2, None, None, None, None, 100, None]]
    path = hand_sheet(tmp_path / "t.xlsx", rows, total=[3, 0, 0, 0, 0, 100])
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    assert "合计写的是 3，各行相加是 2" in caught.value.message
    assert ledger.list_records(db) == []


def below_the_total(path, *lines):
    """Append ``lines`` (lists of cells, None for a blank row) under a saved sheet's rows."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    ws = book.active
    for line in lines:
        ws.append(line or [])
    book.save(path)
    return path


def test_an_activity_written_below_the_total_refuses_the_sheet_naming_its_row(db, tmp_path):
    """A clerk appends an event under the 合计 row: it must not vanish unsaid."""
    rows = [[1, "2021-03-05", "送戏下乡", "西虢镇", 1, None, None, None, None, 100, None]]
    path = hand_sheet(tmp_path / "appended.xlsx", rows, total=[1, 0, 0, 0, 0, 100])
    below_the_total(
        path, None, [2, "2021-03-20", "补充：职工电影", "孟州化工", None, 1, *[None] * 3, 60]
    )
    before = db_rows(db)
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    message = caught.value.message
    assert "appended.xlsx" in message and "未导入任何记录" in message
    assert "第 10 行在第 8 行“合计”之下，却像一条活动记录" in message
    assert db_rows(db) == before


def test_notes_and_signatures_below_the_total_are_accepted(db, tmp_path):
    rows = [[1, "2021-03-05", "送戏下乡", "西虢镇", 1, None, None, None, None, 100, None]]
    path = hand_sheet(tmp_path / "signed.xlsx", rows, total=[1, 0, 0, 0, 0, 100])
    below_the_total(
        path,
        None,
        ["填报说明：1. 日期写成 2021-03-05；2. 每行一种活动类型。"],
        ["本年度截至本期末累计完成“五送”活动 1 场。"],
        ["审核人：王五", None, None, None, None, None, "填报人：李红"],
        [None, "2021年4月8日", None, None, None, None, None, None, "（盖章）"],
        ["校验码：AB12-CD34"],
        None,
        ["总计", None, None, None, 1, 0, 0, 0, 0, 100],
        ["其中：示范性活动", None, None, None, 1, None, None, None, None, 100],
    )
    assert sheet_import.import_sheet(db, path).added == 1


def test_an_activity_below_an_exported_sheets_progress_line_is_named(db, tmp_path):
    """The program's own sheet ends in 合计, the progress line and 活动小结; a row typed
    under them is an activity the clerk means to send."""
    ledger.add_record(
        db, RecordFields("qinyang", date(2021, 3, 5), T.ART, title="送戏下乡", audience=80)
    )
    unit = installation.resolve_unit(db, "qinyang")
    path = sheets.export_sheet_xlsx(db, unit, parse_period("2021Q1"), tmp_path / "own.xlsx")
    assert sheet_import.import_sheet(db, path).unchanged == 1
    below_the_total(path, [2, "2021-03-28", "职工电影", "一厂", None, 1, None, None, None, 40])
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    assert "“合计”之下，却像一条活动记录" in caught.value.message


def test_a_sheet_without_unit_needs_one(db, tmp_path):
    rows = [[1, "2021-03-05", "a", "b", 1, None, None, None, None, 10, None]]
    path = hand_sheet(tmp_path / "nounit.xlsx", rows, unit="")
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    assert "没有填写填报单位" in caught.value.message
    unit = installation.resolve_unit(db, "博爱")
    assert sheet_import.import_sheet(db, path, unit=unit).unit == "boai"


def test_importing_again_reports_records_already_present(db, tmp_path):
    rows = [[1, "2021-03-05", "a", "b", 1, None, None, None, None, 10, None]]
    path = hand_sheet(tmp_path / "again.xlsx", rows)
    assert sheet_import.import_sheet(db, path).added == 1
    second = sheet_import.import_sheet(db, path)
    assert (second.status, second.added, second.unchanged) == ("unchanged", 0, 1)
    assert len(ledger.list_records(db)) == 1


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_text("序号,日期\n1,2021-03-05"), "不是 Excel 2007"),
        (lambda p: p.write_bytes(b"PK\x03\x04broken"), "不是 Excel 2007"),
        (lambda p: _zip_bomb(p), "压缩比异常"),
        (lambda p: _billion_laughs(p), "已损坏或不是有效的 Excel 2007"),
        (lambda p: Workbook().save(p), "找不到统计表的表头"),
    ],
)
def test_unsafe_or_foreign_files_are_refused(db, tmp_path, make, words):
    path = tmp_path / "evil.xlsx"
    make(path)
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    assert words in caught.value.message


def _zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))


def _billion_laughs(path):
    buffer = io.BytesIO()
    Workbook().save(buffer)
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
            for i in range(1, 10)
        )
        + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = lol.encode()
            target.writestr(item, data)


@pytest.mark.parametrize(
    ("value", "year", "expected"),
    [
        ("2021.3.5", None, date(2021, 3, 5)),
        ("2021年3月5日", None, date(2021, 3, 5)),
        ("３月５日", 2021, date(2021, 3, 5)),
        ("2021/03/05", None, date(2021, 3, 5)),
        (44260, None, date(2021, 3, 5)),
        ("2021-3-5", None, date(2021, 3, 5)),
        ("2021年3月5日-6日", None, date(2021, 3, 5)),
    ],
)
def test_date_variants(value, year, expected):
    assert parse_cell_date(value, year) == expected


def test_cell_numbers_and_types():
    assert [parse_cell_number(v) for v in ("３００", "1,200", "约300人次", 12.0, 7)] == [
        300,
        1200,
        300,
        12,
        7,
    ]
    assert [
        parse_cell_type(v) for v in ("文艺演出", "电影放映", "书画", "培训班", "讲座", 3, "4")
    ] == [T.ART, T.FILM, T.CALLIGRAPHY, T.TRAINING, T.LECTURE, T.CALLIGRAPHY, T.TRAINING]


texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30
).map(str.strip)
records = st.builds(
    RecordFields,
    unit_code=st.just("qinyang"),
    date=st.dates(date(2021, 1, 1), date(2021, 12, 31)),
    activity_type=st.sampled_from(list(T)),
    sessions=st.integers(1, 1000),
    title=texts,
    venue=texts,
    venue_category=st.sampled_from(["", *VENUE_CATEGORIES]),
    audience=st.integers(0, 1_000_000),
    delivery=st.sampled_from(["", *DELIVERIES]),
    presenter=texts,
    demonstration=st.booleans(),
    original=st.booleans(),
    logo_shown=st.booleans(),
    media=st.lists(st.builds(MediaItem, st.sampled_from(MEDIA_CHANNELS), texts), max_size=3).map(
        tuple
    ),
    notes=texts,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(records, min_size=1, max_size=8))
def test_export_then_import_is_lossless(tmp_path_factory, batch):
    folder = tmp_path_factory.mktemp("roundtrip")
    source = installation.open_database(folder / "unit.sqlite")
    target = installation.open_database(folder / "city.sqlite")
    for fields in batch:
        ledger.add_record(source, fields)
    unit = installation.resolve_unit(source, "qinyang")
    path = sheets.export_sheet_xlsx(source, unit, parse_period("2021"), folder / "sheet.xlsx")
    result = sheet_import.import_sheet(target, path)
    assert result.added == len(batch)

    def shape(db):
        return sorted(
            (json.dumps(r.fields.__repr__()), r.id, r.revision) for r in ledger.list_records(db)
        )

    assert shape(target) == shape(source)
    assert sheet_import.import_sheet(target, path).unchanged == len(batch)
    source.close()
    target.close()


def _broken_ods(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content><broken")


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("evil.xlsx", _billion_laughs),
        ("broken.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\1" * 2000)),
        ("broken.ods", _broken_ods),
    ],
)
def test_a_workbook_that_fails_to_parse_is_not_left_open(db, tmp_path, name, make):
    """openpyxl left a file it failed to parse open while the error lived; on Windows the
    clerk could then not save the corrected sheet over it, nor delete it. Every container
    is read whole into memory and closed before any parser sees it."""
    path = tmp_path / name
    make(path)
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    if sys.platform.startswith("linux"):
        held = [os.readlink(fd) for fd in Path("/proc/self/fd").iterdir() if fd.is_symlink()]
        assert str(path) not in held, caught.value
    path.unlink()  # Windows refuses while the file is open
