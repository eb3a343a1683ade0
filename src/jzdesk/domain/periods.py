"""Reporting periods: a year, a quarter, a month or a date range, and report deadlines."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from jzdesk.domain.text import normalize
from jzdesk.errors import KnownError

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})[-]?Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_RANGE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})\.\.(\d{4}-\d{1,2}-\d{1,2})$")


@dataclass(frozen=True)
class Period:
    """An inclusive range of days with the text it was written as."""

    start: date
    end: date
    text: str

    @property
    def label(self) -> str:
        """How the period is written on a sheet, e.g. 2021年第一季度."""
        return _label(self)

    @property
    def kind(self) -> str:
        """What the days are, however they were written: ``year``, ``quarter``, ``month``
        or ``days`` (any other range)."""
        return _kind(self.start, self.end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def parse_date(text: str, *, field: str = "date") -> date:
    """Read an ISO date (YYYY-MM-DD, full-width digits allowed).

    Raises:
        KnownError: the text is not a real calendar date.
    """
    clean = normalize(text)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", clean)
    if not match:
        raise KnownError(f"日期“{text}”的格式不对，应写成 YYYY-MM-DD，例如 2021-03-05", field=field)
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if 1 <= month <= 12:
        raise KnownError(f"日期“{text}”不存在：{year}年{month}月没有{day}日", field=field)
    raise KnownError(f"日期“{text}”不存在：月份应为 1–12", field=field)


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), str(year))


def quarter_period(year: int, quarter: int) -> Period:
    first_month = 3 * (quarter - 1) + 1
    last_month = first_month + 2
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Period(date(year, first_month, 1), end, f"{year}Q{quarter}")


def year_to_date(day: date) -> Period:
    """From 1 January to ``day``: a summary "up to a date" (the whole year on 31 December)."""
    return named_period(date(day.year, 1, 1), day)


def parse_period(text: str) -> Period:
    """Read ``2021``, ``2021Q1``, ``2021-03`` or ``2021-01-01..2021-03-31``.

    Raises:
        KnownError: the text is none of these, or names an impossible date or range.
    """
    clean = normalize(text)
    year = re.match(r"\d{4}", clean)
    if year and not 2000 <= int(year[0]) <= 2100:
        raise KnownError(f"期间“{text}”的年份应在 2000–2100 之间", field="period")
    if match := _YEAR.match(clean):
        return year_period(int(match[1]))
    if match := _QUARTER.match(clean):
        return quarter_period(int(match[1]), int(match[2]))
    if match := _MONTH.match(clean):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return named_period(date(year, month, 1), _month_end(year, month))
    if match := _RANGE.match(clean):
        start = parse_date(match[1], field="period")
        end = parse_date(match[2], field="period")
        if start <= end:
            return named_period(start, end)
        raise KnownError(f"期间“{text}”的开始日期晚于结束日期", field="period")
    raise KnownError(
        f"期间“{text}”无法识别，应写成 2021、2021Q1、2021-03 或 2021-01-01..2021-03-31",
        field="period",
    )


_CHINESE_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_WORDS_QUARTER = re.compile(r"(\d{4})\s*年\s*(?:第\s*)?([一二三四1-4])\s*季度")
_WORDS_MONTHS = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*(?:月\s*)?(?:-|—|–|~|～|至|到)\s*(\d{1,2})\s*月"
)
_WORDS_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)")
_WORDS_YEAR = re.compile(r"(\d{4})\s*(?:年度|年全年|全年)")
_WORDS_CODE = re.compile(r"(\d{4})\s*Q([1-4])", re.IGNORECASE)


def period_in_words(text: str) -> Period | None:
    """The period a sheet's title names, as offices write it: 2021年第一季度, 2021年一季度,
    2021年1-3月, 2021年3月, 2021年度 or 2021全年, 2021Q1 (full-width digits allowed);
    None when the text names none. A date (2021年3月5日) is not a period."""
    clean = normalize(text)
    if match := _WORDS_QUARTER.search(clean) or _WORDS_CODE.search(clean):
        return quarter_period(int(match[1]), _CHINESE_QUARTERS[match[2]])
    if match := _WORDS_MONTHS.search(clean):
        year, first, last = int(match[1]), int(match[2]), int(match[3])
        if 1 <= first <= last <= 12:
            return named_period(date(year, first, 1), _month_end(year, last))
    if (match := _WORDS_MONTH.search(clean)) and 1 <= int(match[2]) <= 12:
        year, month = int(match[1]), int(match[2])
        return named_period(date(year, month, 1), _month_end(year, month))
    if match := _WORDS_YEAR.search(clean):
        return year_period(int(match[1]))
    return None


def named_period(start: date, end: date) -> Period:
    """The days from ``start`` to ``end`` under their shortest name: a range that is
    exactly a year, a quarter or a month is written so. One period then has one text,
    and the sheet's 校验码 (which covers it) is the same however the period was typed."""
    text = {
        "year": f"{start.year}",
        "quarter": f"{start.year}Q{quarter_of(start)}",
        "month": f"{start.year}-{start.month:02d}",
    }.get(_kind(start, end), f"{start.isoformat()}..{end.isoformat()}")
    return Period(start, end, text)


def _kind(start: date, end: date) -> str:
    if (start, end) == (date(start.year, 1, 1), date(start.year, 12, 31)):
        return "year"
    if start.day != 1 or end != _month_end(end.year, end.month):
        return "days"
    if (start.year, start.month) == (end.year, end.month):
        return "month"
    if start.year == end.year and start.month % 3 == 1 and end.month == start.month + 2:
        return "quarter"
    return "days"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def report_deadline(year: int, quarter: int, *, days_after: int = 10) -> date:
    """The day a quarterly report is due: ``days_after`` days after the quarter ends."""
    return quarter_period(year, quarter).end + timedelta(days=days_after)


_QUARTER_NAMES = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


def date_in_words(day: date) -> str:
    """``2021年04月07日``. Written out, not by strftime: Windows' C library cannot take a
    format holding Chinese (under Wine it crashed the window)."""
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def _label(period: Period) -> str:
    start, end = period.start, period.end
    kind = period.kind
    if kind == "year":
        return f"{start.year}年度"
    if kind == "quarter":
        return f"{start.year}年{_QUARTER_NAMES[quarter_of(start)]}"
    if kind == "month":
        return f"{start.year}年{start.month}月"
    return f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
