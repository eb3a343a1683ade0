"""Step 9: the date added to the per-unit sort indexes.

Records of one title (venue, audience) then come in the ledger's order straight from the
index (dates break ties as the ledger's ORDER BY does, see store.records), so that a list
of all units by title is a merge of the units' indexes, not a sort of every record.
"""

from __future__ import annotations

import sqlite_utils

from jzdesk.store.migrations._script import run_script

SQL = """
DROP INDEX records_by_unit_title;
CREATE INDEX records_by_unit_title ON records(unit_code, title, date) WHERE deleted = 0;
DROP INDEX records_by_unit_venue;
CREATE INDEX records_by_unit_venue ON records(unit_code, venue, date) WHERE deleted = 0;
DROP INDEX records_by_unit_audience;
CREATE INDEX records_by_unit_audience ON records(unit_code, audience, date) WHERE deleted = 0;
"""


def apply(db: sqlite_utils.Database) -> None:
    run_script(db, SQL)
