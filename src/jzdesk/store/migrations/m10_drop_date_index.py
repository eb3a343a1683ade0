"""Step 10: the index on the date alone dropped, its use gone and its cost not.

All units' records by date are a merge of the units' (unit_code, date) walks now, and joint
events are found from daily_totals; the index only cost one more entry for every record an
import adds.
"""

from __future__ import annotations

import sqlite_utils


def apply(db: sqlite_utils.Database) -> None:
    db.execute("DROP INDEX records_by_date")
