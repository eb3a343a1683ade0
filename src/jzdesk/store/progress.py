"""The one aggregate query that progress, the quota table and (later) the charts stand on."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.progress import TypeCount

# daily_totals holds, per day, unit and type, the sums of the live records (kept by
# triggers), so a year is a range scan over a few thousand rows, not a million records.
_COUNTS = """
SELECT unit_code, type, SUM(sessions), SUM(demo_sessions), SUM(audience)
FROM daily_totals
WHERE date BETWEEN ? AND ?
GROUP BY unit_code, type
HAVING SUM(records) > 0
"""


def type_counts(db: sqlite_utils.Database, start: date, end: date) -> list[TypeCount]:
    """Sessions, demonstration sessions and audience per unit and type, ``start``..``end``."""
    return [
        TypeCount(unit, ActivityType(kind), sessions, demo, audience)
        for unit, kind, sessions, demo, audience in db.execute(
            _COUNTS, [start.isoformat(), end.isoformat()]
        )
    ]


def monthly_counts(
    db: sqlite_utils.Database, start: date, end: date, unit_codes: list[str] | None = None
) -> list[tuple[str, ActivityType, int, int]]:
    """(YYYY-MM, type, sessions, audience) per month and type, from the daily totals."""
    where, params = "date BETWEEN ? AND ?", [start.isoformat(), end.isoformat()]
    if unit_codes is not None:
        where += f" AND unit_code IN ({', '.join('?' * len(unit_codes))})"
        params += list(unit_codes)
    return [
        (month, ActivityType(kind), sessions, audience)
        for month, kind, sessions, audience in db.execute(
            f"SELECT substr(date, 1, 7), type, SUM(sessions), SUM(audience) FROM daily_totals "
            f"WHERE {where} GROUP BY 1, 2 ORDER BY 1",
            params,
        )
    ]
