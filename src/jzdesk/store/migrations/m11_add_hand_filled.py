"""Step 11: what hand-filled sheets brought, so that a corrected sheet replaces them.

A corrected sheet replaces, never adds to, the earlier one. Records imported from sheets
before this step are not known to have come from a hand-filled sheet; a re-sent sheet
still finds their rows by content.
"""

from __future__ import annotations

import sqlite_utils

from jzdesk.store.migrations._script import run_script

SQL = """
-- Records a hand-filled sheet brought (rows without the program's ids), with what the
-- unit's latest sheet said of each (its shown cells and whether the row was gone, as JSON)
-- under which revision of the unit's, and on which row: a later sheet of the same unit and
-- period replaces them.
CREATE TABLE hand_filled (
    record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    said TEXT NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    position INTEGER NOT NULL,
    import_id INTEGER NOT NULL REFERENCES imports(id)
) WITHOUT ROWID;
"""


def apply(db: sqlite_utils.Database) -> None:
    run_script(db, SQL)
