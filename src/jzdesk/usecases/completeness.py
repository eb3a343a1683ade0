"""Who has reported what, and when: completeness, deadlines, the import log and its changes."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from jzdesk.domain.completeness import Completeness, build_completeness
from jzdesk.domain.periods import parse_period
from jzdesk.errors import KnownError
from jzdesk.store import plans, submissions
from jzdesk.usecases import installation, review


def completeness(
    db: sqlite_utils.Database, *, year: int | None = None, as_of: date | None = None
) -> Completeness:
    """Who has reported which quarter (and the 实施方案), on time or late, for ``year``."""
    year = year or installation.default_year(db)
    names = {unit.code: unit.name for unit in installation.all_units(db)}
    entries = plans.plan_entries(db, year)
    if not entries:
        raise KnownError(f"没有 {year} 年的任务分解表（计划）", field="year")
    units = [(e.unit_code, names[e.unit_code]) for e in entries if e.quota is not None]
    return build_completeness(
        year,
        units,
        submissions.receipts(db, year),
        deadline_days=plans.report_days(db, year),
        today=as_of or date.today(),
        reviews={(q.unit_code, q.quarter): q.state for q in review.quarter_reviews(db, year)},
    )


deadline_days = plans.report_days


def set_deadline_days(db: sqlite_utils.Database, year: int, days: int) -> None:
    """How many days after a quarter ends its report is due (default 10)."""
    if not 0 <= days <= 90:
        raise KnownError("报送期限应在季度结束后 0–90 天之间", field="days")
    with db.atomic():
        plans.set_report_days(db, year, days)


import_log = submissions.import_log


import_changes = submissions.import_changes


def check_sheet_code(db: sqlite_utils.Database, import_id: int) -> dict:
    """The logged import's 校验码 against the one of the same sheet from what the city
    holds now: equal unless the city changed, or has not yet settled, a record."""
    from jzdesk.usecases.sheets import sheet_code, sheet_data

    entry = submissions.get_import(db, import_id)
    unit = next(u for u in installation.all_units(db) if u.code == entry["unit_code"])
    held = sheet_code(sheet_data(db, unit, parse_period(entry["period"])))
    return {"file": entry["sheet_code"], "held": held, "same": held == entry["sheet_code"]}
