"""The one aggregate query that progress, the quota table and (later) the charts stand on."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.progress import TypeCount

# Served entirely by the covering partial index records_progress.
_COUNTS = """
SELECT unit_code, type, SUM(sessions), SUM(sessions * demonstration), SUM(audience)
FROM records
WHERE deleted = 0 AND date BETWEEN ? AND ?
GROUP BY unit_code, type
"""


def type_counts(db: sqlite_utils.Database, start: date, end: date) -> list[TypeCount]:
    """Sessions, demonstration sessions and audience per unit and type, ``start``..``end``."""
    return [
        TypeCount(unit, ActivityType(kind), sessions, demo, audience)
        for unit, kind, sessions, demo, audience in db.execute(
            _COUNTS, [start.isoformat(), end.isoformat()]
        )
    ]
