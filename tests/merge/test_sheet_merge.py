"""Statistics sheets meet the merge rule as submission files do (PRODUCT §7): a corrected
sheet updates, never doubles, and never overwrites the city's correction."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period
from jzdesk.store import records
from jzdesk.usecases import completeness, conflicts, imports, ledger, sheets


@pytest.fixture
def libreoffice(office):
    """Resave a workbook in place with LibreOffice Calc, as a clerk's office does."""

    def resave(path: Path) -> Path:
        shutil.move(office(path, ".xlsx"), path)
        return path

    return resave


def import_one(city, path):
    [result] = imports.import_files(city, [path])
    assert result.status != "rejected", result.reason
    return result


def sheet(desk, tmp_path, name="q1.xlsx", period="2021Q1") -> Path:
    return sheets.export_sheet_xlsx(desk.db, desk.unit, parse_period(period), tmp_path / name)


def live_sessions(db, unit_code) -> int:
    return sum(
        r.fields.sessions for r in ledger.list_records(db) if r.fields.unit_code == unit_code
    )


def printed_row(ws, title: str) -> int:
    return next(r for r in range(6, ws.max_row + 1) if ws.cell(r, 3).value == title)


def wenxian_q1(make_unit) -> tuple:
    """温县's first quarter: eight sessions in six records."""
    desk = make_unit("温县")
    ids = {
        "春节慰问演出": desk.add("2021-01-05", title="春节慰问演出", venue="一厂", audience=200),
        "送戏下乡": desk.add("2021-01-20", title="送戏下乡", venue="西关村", audience=150),
        "书法讲座": desk.add("2021-02-03", kind=T.LECTURE, title="书法讲座", audience=40),
        "职工电影": desk.add("2021-02-10", kind=T.FILM, sessions=3, title="职工电影", audience=300),
        "安全培训": desk.add("2021-03-01", kind=T.TRAINING, title="安全培训", audience=60),
        "书画展": desk.add("2021-03-15", kind=T.CALLIGRAPHY, title="书画展", audience=90),
    }
    return desk, ids


@pytest.mark.office
def test_a_corrected_date_and_type_update_the_record_through_libreoffice(
    make_unit, city, tmp_path, libreoffice
):
    """Reproduction 1: the clerk corrects one row's date and moves another from 送文艺 to
    送电影 (合计 fixed) and sends the sheet again, resaved by LibreOffice."""
    desk, ids = wenxian_q1(make_unit)
    path = libreoffice(sheet(desk, tmp_path))
    first = import_one(city, path)
    assert (first.added, live_sessions(city, "wenxian")) == (6, 8)
    book = load_workbook(path)
    ws = book["统计表"]
    ws.cell(printed_row(ws, "春节慰问演出"), 2, "2021-01-06")
    moved = printed_row(ws, "送戏下乡")
    ws.cell(moved, 5).value = None  # 送文艺
    ws.cell(moved, 6, 1)  # 送电影
    total = next(r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
    ws.cell(total, 5, ws.cell(total, 5).value - 1)
    ws.cell(total, 6, ws.cell(total, 6).value + 1)
    book.save(path)
    again = import_one(city, libreoffice(path))
    assert (again.added, again.updated, again.unchanged, again.conflicts) == (0, 2, 4, 0)
    assert live_sessions(city, "wenxian") == 8
    assert len(ledger.list_records(city)) == 6
    assert records.get_record(city, ids["春节慰问演出"]).fields.date.isoformat() == "2021-01-06"
    assert records.get_record(city, ids["送戏下乡"]).fields.activity_type is T.FILM
    changes = {c["record_id"]: c for c in completeness.import_changes(city, again.import_id)}
    assert changes[ids["春节慰问演出"]]["before"]["date"] == "2021-01-05"
    assert changes[ids["送戏下乡"]]["now"]["type"] == "film"


def hand_sheet(
    path: Path, rows: list, *, title="2021年第一季度", unit="博爱县总工会", filled_on=""
) -> Path:
    """A statistics sheet typed by hand (no program): title, unit line, header, rows."""
    book = Workbook()
    ws = book.active
    ws.append([f"{title}“五送”活动情况统计表"])
    ws.append([f"填报单位：{unit}", None, f"填报时间：{filled_on}" if filled_on else None])
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
    for number, (day, title_, kind, sessions, audience) in enumerate(rows, start=1):
        cells = [None] * 5
        cells[list(T).index(kind)] = sessions
        ws.append([number, day, title_, "", *cells, audience, None])
    book.save(path)
    return path


BOAI_Q1 = [
    ("2021.1.8", "新春文艺演出", T.ART, 1, 300),
    ("2021年2月3日", "露天电影", T.FILM, 1, 120),
    ("2月20日", "书画进企业", T.CALLIGRAPHY, 1, 50),
    ("2021-03-02", "技能培训", T.TRAINING, 1, 40),
    ("2021-03-18", "健康讲座", T.LECTURE, 1, 60),
]


def test_a_corrected_hand_filled_sheet_replaces_the_first(city, tmp_path):
    """Reproduction 2: 博爱县 (no program) sends a hand-filled Q1 sheet of 5 sessions, then a
    corrected one (a date fixed, one row dropped): the city holds the 4 sessions."""
    first = import_one(city, hand_sheet(tmp_path / "博爱一季度.xlsx", BOAI_Q1))
    assert (first.added, live_sessions(city, "boai")) == (5, 5)
    corrected = [("2021.1.9", *BOAI_Q1[0][1:]), *BOAI_Q1[1:3], BOAI_Q1[4]]
    result = import_one(city, hand_sheet(tmp_path / "博爱一季度（更正）.xlsx", corrected))
    assert (result.added, result.updated, result.deleted, result.unchanged) == (0, 2, 1, 3)
    assert live_sessions(city, "boai") == 4
    held = {r.fields.title: r.fields.date.isoformat() for r in ledger.list_records(city)}
    assert held == {
        "新春文艺演出": "2021-01-09",
        "露天电影": "2021-02-03",
        "书画进企业": "2021-02-20",
        "健康讲座": "2021-03-18",
    }
    changes = {
        c["now"]["title"]: c["change"] for c in completeness.import_changes(city, result.import_id)
    }
    assert changes == {"新春文艺演出": "updated", "技能培训": "deleted"}
    # The second quarter's sheet stands for the second quarter only.
    q2 = import_one(
        city,
        hand_sheet(
            tmp_path / "博爱二季度.xlsx",
            [("2021-04-02", "五一演出", T.ART, 2, 500)],
            title="2021年第二季度",
        ),
    )
    assert (q2.added, q2.deleted, live_sessions(city, "boai")) == (1, 0, 6)


def test_a_hand_filled_sheet_never_touches_what_came_otherwise(make_unit, city, tmp_path):
    """Records from a .jzsub (or entered at the city) stand apart from a unit's hand-filled
    sheets: a sheet without them deletes none, and a row that repeats one is not doubled."""
    desk = make_unit("博爱")
    from_program = desk.add("2021-03-18", kind=T.LECTURE, title="健康讲座", audience=60)
    import_one(city, desk.export())
    result = import_one(city, hand_sheet(tmp_path / "博爱.xlsx", BOAI_Q1[:2] + BOAI_Q1[4:]))
    assert (result.added, result.unchanged, result.deleted) == (2, 1, 0)
    import_one(city, hand_sheet(tmp_path / "博爱（更正）.xlsx", BOAI_Q1[:1]))
    assert not records.get_record(city, from_program).deleted
    assert {r.fields.title for r in ledger.list_records(city)} == {"新春文艺演出", "健康讲座"}


def test_a_city_correction_is_not_overwritten_through_a_sheet(make_unit, city, tmp_path):
    """Reproduction 3: the city corrects a record it took from a .jzsub; the unit edits it
    twice and sends the program's sheet: a conflict, as through a .jzsub."""
    desk = make_unit()
    record_id = desk.add(title="甲", audience=10)
    import_one(city, desk.export())
    held = records.get_record(city, record_id)
    ledger.update_record(city, record_id, replace(held.fields, audience=99), revision=held.revision)
    desk.edit(record_id, title="甲（改）")
    desk.edit(record_id, venue="二厂")
    result = import_one(city, sheet(desk, tmp_path))
    assert (result.conflicts, result.updated) == (1, 0)
    assert records.get_record(city, record_id).fields.audience == 99
    [conflict] = conflicts.open_conflicts(city)
    assert (conflict["ours"]["audience"], conflict["theirs"]["venue"]) == (99, "二厂")


def test_a_hand_correction_of_a_record_the_city_corrected_is_a_conflict(city, tmp_path):
    """The same rule for hand-filled rows: the city corrects a record a hand-filled sheet
    brought; a sheet that repeats the row keeps the city's value, one that changes the row
    is a conflict."""
    import_one(city, hand_sheet(tmp_path / "a.xlsx", BOAI_Q1))
    [record] = [r for r in ledger.list_records(city) if r.fields.title == "露天电影"]
    ledger.update_record(
        city, record.id, replace(record.fields, audience=125), revision=record.revision
    )
    same = import_one(city, hand_sheet(tmp_path / "b.xlsx", BOAI_Q1, title="2021年一季度"))
    assert (same.conflicts, same.updated, records.get_record(city, record.id).fields.audience) == (
        0,
        0,
        125,
    )
    changed = [BOAI_Q1[0], (*BOAI_Q1[1][:4], 130), *BOAI_Q1[2:]]
    result = import_one(city, hand_sheet(tmp_path / "c.xlsx", changed))
    assert result.conflicts == 1
    assert records.get_record(city, record.id).fields.audience == 125
    [conflict] = conflicts.open_conflicts(city)
    assert conflict["theirs"]["audience"] == 130


def test_a_program_sheet_with_a_row_removed_by_hand_says_so(make_unit, city, tmp_path):
    """Rows removed by hand: the sheets no longer line up; the result says so, and the
    record whose row is gone is deleted (listed in the changes), none doubled."""
    desk, ids = wenxian_q1(make_unit)
    path = sheet(desk, tmp_path)
    import_one(city, path)
    book = load_workbook(path)
    ws = book["统计表"]
    ws.delete_rows(printed_row(ws, "安全培训"))
    ws.cell(printed_row(ws, "书画展"), 1, 5)
    total = next(r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
    ws.cell(total, 8, 0)
    ws.cell(total, 10, ws.cell(total, 10).value - 60)
    book.save(path)
    result = import_one(city, path)
    assert "对不上（表中有 5 行活动，隐藏的“活动明细”中有 6 条）" in result.reason
    assert (result.added, result.deleted, result.unchanged) == (0, 1, 5)
    assert records.get_record(city, ids["安全培训"]).deleted
    assert live_sessions(city, "wenxian") == 7


@pytest.mark.parametrize(
    ("filled_on", "sent", "status"),
    [
        ("2021年4月9日", "2021-04-09", "on_time"),  # before its deadline, imported later
        ("2031年4月9日", None, "late"),  # after the import: a slip of the pen
        ("", None, "late"),  # no 填报时间: the import day counts
    ],
)
def test_a_hand_filled_sheet_counts_from_its_filled_in_day(city, tmp_path, filled_on, sent, status):
    """PRODUCT §4.3: a hand-filled sheet counts from its 填报时间 where that is plausible,
    else from its import (today, long after the 2021 deadline)."""
    import_one(city, hand_sheet(tmp_path / "博爱一季度.xlsx", BOAI_Q1, filled_on=filled_on))
    q1 = completeness.completeness(city, year=2021).to_json()
    cell = next(u for u in q1["units"] if u["code"] == "boai")["quarters"]["Q1"]
    assert cell["received"] == date.today().isoformat()
    assert (cell["sent"], cell["status"]) == (sent or cell["received"], status)
    assert bool(cell["sent_note"]) == (sent is None)


def test_a_record_a_sheet_adds_and_changes_again_is_listed_once(make_unit, city, tmp_path):
    """A hidden 活动明细 edited by hand so that two rows carry one record id: the first row
    adds the record and the second changes it; the import's change list names it once,
    as changed, with its state after the add."""
    desk, ids = wenxian_q1(make_unit)
    path = sheet(desk, tmp_path)
    book = load_workbook(path)
    detail = book["活动明细"]
    heads = [cell.value for cell in detail[1]]
    column = heads.index("记录编号") + 1
    rows = [r for r in range(2, detail.max_row + 1) if detail.cell(r, column).value]
    detail.cell(rows[1], column, detail.cell(rows[0], column).value)
    version = heads.index("版本") + 1
    detail.cell(rows[1], version, int(detail.cell(rows[0], version).value) + 1)  # a later one
    book.save(path)

    result = import_one(city, path)

    changes = completeness.import_changes(city, result.import_id)
    named = [c["record_id"] for c in changes]
    assert len(named) == len(set(named)), changes
    twice = detail.cell(rows[0], column).value
    assert [c["change"] for c in changes if c["record_id"] == twice] == ["updated"]
