"""A value the entry form would refuse cannot arrive through a submission file re-hashed
after an edit, and every path (form, command line, sheet, file) refuses it with the same
message (issue 22, item 1)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from jzdesk.domain import record_rules as rules
from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields, check_fields
from jzdesk.errors import KnownError
from jzdesk.usecases import imports, ledger

from .conftest import rejected, tamper


@pytest.fixture
def package(make_unit) -> Path:
    desk = make_unit()
    desk.add(title="演出", venue="工厂")
    return desk.export()


def copy_of(package: Path, name: str) -> Path:
    path = package.with_name(name)
    shutil.copyfile(package, path)
    return path


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("id", "id || char(0) || 'junk'", rules.ID_MESSAGE),
        ("title", "'演出' || char(0) || char(27) || char(10)", rules.control_message("title")),
        ("notes", "char(0) || printf('%.5000c', 'x')", rules.control_message("notes")),
        (
            "venue",
            "'厂' || char(0) || printf('%.1000000c', 'x')",
            rules.control_message("venue"),
        ),
        ("notes", "printf('%.5000c', 'x')", rules.too_long_message("notes")),
        ("created_at", "created_at || 'junk'", rules.TIMESTAMP_MESSAGE),
        ("updated_at", "'2021-13-01T00:00:00+00:00'", rules.TIMESTAMP_MESSAGE),
        ("entered_by", "'张三' || char(9)", rules.control_message("entered_by")),
    ],
)
def test_a_rehashed_file_with_a_value_the_form_refuses_is_rejected(
    city, package, column, value, message
):
    path = tamper(copy_of(package, f"{column}.jzsub"), f"UPDATE records SET {column} = {value}")
    assert message in rejected(city, path)


def _sheet(path: Path, notes: str) -> Path:
    """A filled statistics sheet of 沁阳 with one row."""
    book = Workbook()
    ws = book.active
    ws["A1"] = "“中国梦·劳动美·工会情”河南工会万场文化活动进基层情况统计表"
    ws["A2"] = "（2021年第一季度）"
    ws["A3"] = "填报单位（盖章）：沁阳市总工会   填报人：李红"
    labels = ["序号", "活动日期", "活动名称（内容）", "活动地点（服务对象）"]
    labels += ["送文艺", "送电影", "送书画", "送培训", "送讲座", "受益职工（人次）", "备注"]
    for column, label in enumerate(labels, start=1):
        ws.cell(5, column, label)
    for column, cell in enumerate(
        [1, "2021-03-05", "演出", "工厂", 1, None, None, None, None, 10, notes], start=1
    ):
        ws.cell(6, column, cell)
    book.save(path)
    return path


def test_every_path_refuses_a_too_long_note_with_the_same_message(city, package, run_cli, tmp_path):
    too_long = "长" * (rules.MAX_TEXT + 1)
    message = rules.too_long_message("notes")
    fields = RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART, notes=too_long)

    assert [p.message for p in check_fields(fields)] == [message]  # the form shows these
    with pytest.raises(KnownError, match=message):
        ledger.add_record(city, fields)
    cli = run_cli(
        "add-event", "--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺", "--notes", too_long
    )
    assert cli.code == 1 and message in cli.err
    [sheet] = imports.import_files(city, [_sheet(tmp_path / "沁阳.xlsx", too_long)])
    assert sheet.status == "rejected" and message in sheet.reason
    path = tamper(copy_of(package, "notes.jzsub"), f"UPDATE records SET notes = '{too_long}'")
    assert message in rejected(city, path)
