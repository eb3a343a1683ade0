from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jzdesk.domain.periods import parse_date, parse_period, report_deadline
from jzdesk.errors import KnownError


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2021", date(2021, 1, 1), date(2021, 12, 31), "2021年度"),
        ("2021Q1", date(2021, 1, 1), date(2021, 3, 31), "2021年第一季度"),
        ("2021q2", date(2021, 4, 1), date(2021, 6, 30), "2021年第二季度"),
        ("2021Q4", date(2021, 10, 1), date(2021, 12, 31), "2021年第四季度"),
        ("2021-03", date(2021, 3, 1), date(2021, 3, 31), "2021年3月"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "2024年2月"),
        ("2021-01-01..2021-03-31", date(2021, 1, 1), date(2021, 3, 31), "2021年第一季度"),
        (
            "2021-03-05..2021-04-10",
            date(2021, 3, 5),
            date(2021, 4, 10),
            "2021年3月5日至2021年4月10日",
        ),
        ("２０２１Ｑ３", date(2021, 7, 1), date(2021, 9, 30), "2021年第三季度"),
    ],
)
def test_periods_parse_to_inclusive_ranges(text, start, end, label):
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("2021-01-01..2021-03-31", "2021Q1"),
        ("2021-10-01..2021-12-31", "2021Q4"),
        ("2021-01-01..2021-12-31", "2021"),
        ("2024-02-01..2024-02-29", "2024-02"),
        ("2021-03-05..2021-03-31", "2021-03-05..2021-03-31"),
        ("2021-01-01..2021-06-30", "2021-01-01..2021-06-30"),
    ],
)
def test_a_range_that_is_a_year_quarter_or_month_is_written_so(typed, text):
    assert parse_period(typed).text == text


@pytest.mark.parametrize(
    "text",
    ["", "21", "2021Q5", "2021-13", "2021-02-30..2021-03-01", "2021-03-01..2021-02-01", "第一季度"],
)
def test_bad_periods_are_rejected_naming_the_field(text):
    with pytest.raises(KnownError) as caught:
        parse_period(text)
    assert caught.value.field == "period"


@pytest.mark.parametrize("text", ["2021-02-29", "2021-13-01", "2021/03/05", "昨天", ""])
def test_impossible_dates_are_rejected(text):
    with pytest.raises(KnownError) as caught:
        parse_date(text)
    assert caught.value.field == "date"


def test_a_report_is_due_ten_days_after_its_quarter_by_default():
    assert report_deadline(2021, 1) == date(2021, 4, 10)
    assert report_deadline(2021, 4, days_after=15) == date(2022, 1, 15)


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.integers(0, 400))
def test_any_date_range_round_trips(start, length):
    end = min(start + timedelta(days=length), date(2100, 12, 31))
    period = parse_period(f"{start.isoformat()}..{end.isoformat()}")
    assert (period.start, period.end) == (start, end)
    assert parse_period(period.text) == period  # one period, one text
    assert period.contains(start) and period.contains(end)
    assert not period.contains(end + timedelta(days=1))


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_every_day_is_in_exactly_one_quarter_of_its_year(day):
    quarters = [parse_period(f"{day.year}Q{q}") for q in range(1, 5)]
    assert sum(q.contains(day) for q in quarters) == 1
    assert parse_period(f"{day.year}-{day.month:02d}").contains(day)
