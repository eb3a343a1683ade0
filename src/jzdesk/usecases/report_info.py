"""What a unit's sheet says besides its rows: the header line (填报人, 联系电话) and each
quarter's 活动小结."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from jzdesk.domain.periods import Period, quarter_of, quarter_period, year_period
from jzdesk.domain.records import (
    RecordFilter,
)
from jzdesk.errors import KnownError
from jzdesk.store import settings, summaries
from jzdesk.usecases.installation import checked_filler, checked_phone, default_year, now_iso
from jzdesk.usecases.ledger import list_records

# The unit's 填报人 and 联系电话, as printed on its sheet.
header_fields = settings.unit_settings


def set_header_fields(db: sqlite_utils.Database, unit_code: str, *, filler: str, phone: str):
    save_report_info(db, unit_code, filler=filler, phone=phone)


def save_report_info(
    db: sqlite_utils.Database,
    unit_code: str,
    *,
    filler: str,
    phone: str,
    year: int | None = None,
    summaries_by_quarter: dict[int, str] | None = None,
) -> None:
    """Save the unit's 填报人, 联系电话 and its quarterly summaries, in one transaction.

    Raises:
        KnownError: the phone number or a summary cannot be right (the message says which).
    """
    filler, phone = checked_filler(filler), checked_phone(phone)
    for text in (summaries_by_quarter or {}).values():
        if len(text) > 20000:
            raise KnownError("活动小结太长（超过 20000 字）", field="summary")
    now = now_iso()
    with db.atomic():
        settings.set_unit_settings(db, unit_code, filler=filler, phone=phone)
        for quarter, text in (summaries_by_quarter or {}).items():
            summaries.set_summary(db, unit_code, year, quarter, text.strip(), now=now)


# The unit's 活动小结 for a quarter ('' when none was written).
quarter_summary = summaries.get_summary


def set_quarter_summary(
    db: sqlite_utils.Database, unit_code: str, year: int, quarter: int, text: str
) -> None:
    header = header_fields(db, unit_code)
    save_report_info(
        db,
        unit_code,
        filler=header["filler"],
        phone=header["phone"],
        year=year,
        summaries_by_quarter={quarter: text},
    )


def report_quarter(
    db: sqlite_utils.Database, unit_code: str | None, *, today: date | None = None
) -> Period:
    """The quarter 统计报表 opens on: that of the unit's latest record in the plan year
    (default_year), else today's quarter, or the year's last once the year is over.

    Once a plan year is over, its empty fourth quarter would show a blank sheet; the
    quarter with the latest records is the one a clerk is about to report.
    """
    today = today or date.today()
    year = default_year(db, today=today)
    spec = RecordFilter(
        unit_codes=None if unit_code is None else (unit_code,), period=year_period(year)
    )
    latest = list_records(db, spec, sort="date", descending=True, limit=1)
    day = latest[0].fields.date if latest else min(today, date(year, 12, 31))
    return quarter_period(year, quarter_of(day))
