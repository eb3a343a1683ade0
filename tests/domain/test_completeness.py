"""Completeness statuses from receipt days (PRODUCT §4.3, §8)."""

from __future__ import annotations

from datetime import date

from jzdesk.domain.completeness import ReportStatus, build_completeness


def statuses(receipts, today, *, days=10, plan=None):
    matrix = build_completeness(
        2021,
        [("u", "单位")],
        {"u": receipts},
        {"u": plan} if plan else {},
        deadline_days=days,
        today=today,
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
        {"a": {1: [date(2021, 4, 1)]}, "b": {1: [date(2021, 4, 20)]}},
        {},
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
        {"u": {4: [date(2022, 1, 8)]}},
        {},
        deadline_days=10,
        today=date(2026, 12, 1),
    )
    cells = [cell.text() for cell in matrix.units[0].quarters]
    assert cells == ["2022-01-08 逾期"] * 3 + ["01-08 按时"]
