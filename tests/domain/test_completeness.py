"""Completeness statuses from receipt days (PRODUCT §4.3, §8)."""

from __future__ import annotations

from datetime import date

import pytest

from jzdesk.domain.completeness import Receipt, ReportStatus, build_completeness


def imported(days_by_quarter: dict, plan: date | None = None) -> list[Receipt]:
    """Receipts of files that stated no sending day: each counts from its import."""
    receipts = [Receipt(q, day, None) for q, days in days_by_quarter.items() for day in days]
    return receipts + ([Receipt(1, plan, None, plan_document=True)] if plan else [])


def statuses(receipts, today, *, days=10, plan=None):
    matrix = build_completeness(
        2021, [("u", "单位")], {"u": imported(receipts, plan)}, deadline_days=days, today=today
    )
    unit = matrix.units[0]
    return [cell.status for cell in unit.quarters], unit.plan_document.status


def test_on_time_late_missing_and_not_due():
    quarters, plan = statuses(
        {1: [date(2021, 4, 8)], 2: [date(2021, 7, 15)]}, date(2021, 10, 20), plan=date(2021, 3, 1)
    )
    assert quarters == [
        ReportStatus.ON_TIME,
        ReportStatus.LATE,
        ReportStatus.MISSING,
        ReportStatus.NOT_DUE,
    ]
    assert plan == ReportStatus.ON_TIME


def test_a_later_file_reports_the_earlier_quarters_late():
    quarters, _ = statuses({3: [date(2021, 10, 5)]}, date(2021, 10, 20))
    assert quarters[:3] == [ReportStatus.LATE, ReportStatus.LATE, ReportStatus.ON_TIME]


def test_a_file_before_a_quarter_ends_does_not_report_it():
    quarters, _ = statuses({4: [date(2021, 4, 5)]}, date(2021, 4, 30))
    assert quarters == [
        ReportStatus.ON_TIME,
        ReportStatus.NOT_DUE,
        ReportStatus.NOT_DUE,
        ReportStatus.NOT_DUE,
    ]


def test_receipts_after_the_as_of_day_do_not_count_yet():
    quarters, plan = statuses({1: [date(2021, 4, 8)]}, date(2021, 4, 7), plan=date(2021, 4, 8))
    assert quarters[0] == ReportStatus.NOT_DUE and plan == ReportStatus.MISSING


def test_the_share_counts_reports_due_or_received():
    matrix = build_completeness(
        2021,
        [("a", "甲"), ("b", "乙")],
        {"a": imported({1: [date(2021, 4, 1)]}), "b": imported({1: [date(2021, 4, 20)]})},
        deadline_days=10,
        today=date(2021, 5, 1),
    )
    assert matrix.on_time_share() == (1, 4)  # Q1 ×2 and the two 实施方案 are due


def test_a_cell_shows_the_year_of_a_receipt_in_another_year_than_its_deadline():
    """The fourth quarter is due in January: its cell needs no year; the file also
    reports the first three quarters, late, in the year after theirs."""
    matrix = build_completeness(
        2021,
        [("u", "单位")],
        {"u": imported({4: [date(2022, 1, 8)]})},
        deadline_days=10,
        today=date(2026, 12, 1),
    )
    cells = [cell.text() for cell in matrix.units[0].quarters]
    assert cells == ["2022-01-08 逾期"] * 3 + ["01-08 按时"]


def quarter_one(receipt: Receipt, today=date(2021, 6, 1)):
    matrix = build_completeness(
        2021, [("u", "单位")], {"u": [receipt]}, deadline_days=10, today=today
    )
    return matrix.units[0].quarters[0]


def test_a_report_counts_from_the_day_the_unit_sent_it():
    """Exported on 7 April (due 10 April), imported on 20 April: on time."""
    cell = quarter_one(Receipt(1, date(2021, 4, 20), date(2021, 4, 7)))
    assert (cell.sent, cell.received, cell.status) == (
        date(2021, 4, 7),
        date(2021, 4, 20),
        ReportStatus.ON_TIME,
    )
    assert cell.note == "" and "2021年04月07日报送" in cell.explanation()
    assert "2021年04月20日导入" in cell.explanation()


@pytest.mark.parametrize(
    ("stated", "why"),
    [
        (date(2020, 12, 31), "早于所报季度开始"),  # a PC clock a year behind
        (date(2021, 4, 25), "晚于导入日期"),  # a clock ahead of the city's import
        (None, "未注明报送时间"),
    ],
)
def test_an_implausible_sending_day_gives_way_to_the_import_day(stated, why):
    cell = quarter_one(Receipt(1, date(2021, 4, 20), stated))
    assert (cell.sent, cell.status) == (date(2021, 4, 20), ReportStatus.LATE)
    assert why in cell.note and why in cell.explanation()


def test_the_sending_and_import_days_of_the_quarter_boundaries_are_plausible():
    """The first day of the quarter and the import day itself are both believable."""
    assert quarter_one(Receipt(1, date(2021, 4, 20), date(2021, 4, 20))).note == ""
    early = quarter_one(Receipt(1, date(2021, 4, 20), date(2021, 1, 1)))
    # plausible, but sent before the quarter ended: it does not report the whole quarter
    assert (early.status, early.sent) == (ReportStatus.MISSING, None)


def test_the_earliest_sending_day_counts_even_if_imported_later():
    """Two files: one sent on 5 April and imported on 30 April, one sent and imported on
    15 April. The quarter was first sent on 5 April."""
    matrix = build_completeness(
        2021,
        [("u", "单位")],
        {
            "u": [
                Receipt(1, date(2021, 4, 15), None),
                Receipt(1, date(2021, 4, 30), date(2021, 4, 5)),
            ]
        },
        deadline_days=10,
        today=date(2021, 5, 1),
    )
    cell = matrix.units[0].quarters[0]
    assert (cell.sent, cell.received, cell.status) == (
        date(2021, 4, 5),
        date(2021, 4, 30),
        ReportStatus.ON_TIME,
    )
    assert matrix.to_json()["units"][0]["quarters"]["Q1"] == {
        "sent": "2021-04-05",
        "received": "2021-04-30",
        "status": "on_time",
        "deadline": "2021-04-10",
        "sent_note": "",
        "review": None,
    }
