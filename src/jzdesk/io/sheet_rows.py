"""A statistics sheet's rows as read, and its cells as clerks write them: dates like
2021.3.5 or 3月5日, numbers like 约300人, type names like 文艺演出."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from jzdesk.domain.activity_types import ActivityType, parse_activity_type
from jzdesk.domain.records import (
    clean_text,
)
from jzdesk.domain.text import normalize
from jzdesk.errors import KnownError


@dataclass
class SheetRow:
    """One activity read from the sheet, before it is tied to a unit."""

    row: int
    date: date
    activity_type: ActivityType
    sessions: int
    title: str = ""
    venue: str = ""
    audience: int = 0
    notes: str = ""
    number: object = None  # the row's 序号 as written
    # The fields the printed sheet has no room for (the program's 活动明细 sheet).
    extra: dict = field(default_factory=dict)
    # The 活动明细 row this printed row is, when the two sheets line up.
    detail: DetailRow | None = None


@dataclass(frozen=True)
class DetailRow:
    """One row of the program's hidden 活动明细 sheet: a record as it was exported."""

    record_id: str
    revision: int
    row: SheetRow  # its cells, with ``extra``; ``row.row`` is its place on the detail sheet


def is_filled(value) -> bool:
    return value is not None and str(value).strip() != ""


def cell_text(value) -> str:
    if not is_filled(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date().isoformat()
    return clean_text(str(value))


_EXCEL_EPOCH = date(1899, 12, 30)


_FULL = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")


_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日?")


RANGE_TAIL = re.compile(r"\s*(至|到|—|–|-|~|～)\s*(\d{1,2}\s*月\s*)?\d{1,2}\s*日?$")


def parse_cell_date(value, year: int | None) -> date:
    """A date as clerks write it: a real Excel date, ``2021-03-05``, ``2021.3.5``,
    ``2021/3/5``, ``2021年3月5日``, ``20210305``, or ``3月5日`` (year from the sheet).
    A range such as ``3月5日至7日`` counts as its first day.

    Raises:
        ValueError: with a Chinese message saying what is wrong.
    """
    if not is_filled(value):
        raise ValueError("没有填写日期")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 < value < 80000:  # an Excel serial day number shown as a number
            return _EXCEL_EPOCH + timedelta(days=int(value))
        text = str(int(value)) if float(value).is_integer() else str(value)
    else:
        text = normalize(str(value))
    original = str(value).strip()
    if "月" in text:  # 3月5日至7日, 2021年3月5日-6日: the first day counts
        text = RANGE_TAIL.sub("", text)
    for pattern in (_FULL, _COMPACT):
        match = pattern.fullmatch(text)
        if match:
            return _real_date(int(match[1]), int(match[2]), int(match[3]), original)
    match = _MONTH_DAY.fullmatch(text)
    if match:
        if year is None:
            raise ValueError(f"日期“{original}”没有年份，表头或标题中也找不到年份")
        return _real_date(year, int(match[1]), int(match[2]), original)
    raise ValueError(f"无法识别日期“{original}”，请写成 2021-03-05 或 2021年3月5日")


def _real_date(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"日期“{original}”不存在") from None


_NUMBER = re.compile(r"(约|共|计)?\s*([\d,]+)\s*(场|次|人次|人|名)?")


def parse_cell_number(value) -> int:
    """A whole number as typed: ``300``, ``300.0``, ``３００``, ``"1,200"``, ``约300人``.

    Raises:
        ValueError: with a Chinese message.
    """
    if isinstance(value, bool):
        raise ValueError(f"“{value}”不是数字")
    if isinstance(value, (int, float)):
        if value < 0:
            raise ValueError(f"“{value}”不能为负数")
        if float(value).is_integer():
            return int(value)
        raise ValueError(f"“{value}”不是整数")
    text = normalize(str(value))
    if re.fullmatch(r"-\s*[\d,]+.*", text):
        raise ValueError(f"“{str(value).strip()}”不能为负数")
    match = _NUMBER.fullmatch(text)
    if not match or len(match[2].replace(",", "")) > 9:
        raise ValueError(f"“{str(value).strip()}”不是整数")
    return int(match[2].replace(",", ""))


def parse_cell_type(value) -> ActivityType:
    """A type word (文艺演出, 电影放映, 书画, 培训班, 讲座 …) or its number 1–5."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = int(value) if float(value).is_integer() else 0
        if 1 <= number <= 5:
            return list(ActivityType)[number - 1]
        raise ValueError(f"类型编号“{value}”应为 1–5")
    text = normalize(str(value))
    if text.isdigit() and 1 <= int(text) <= 5:
        return list(ActivityType)[int(text) - 1]
    try:
        return parse_activity_type(text)
    except KnownError:
        raise ValueError(f"无法识别活动类型“{str(value).strip()}”") from None
