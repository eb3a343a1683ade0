"""Step 13: what an import added is one list of record ids per import, not a row per record.

An import of 10 000 new records wrote 10 000 entries into import_changes (7 % of a big
import's time) for a list read only when someone opens that import's changes. The list is
now one JSON array in import_added, in id order; import_changes keeps the records an
import changed, with their state before.
"""

from __future__ import annotations

import sqlite_utils

from jzdesk.store.migrations._script import run_script

SQL = """
CREATE TABLE import_added (
    import_id INTEGER PRIMARY KEY REFERENCES imports(id) ON DELETE CASCADE,
    record_ids TEXT NOT NULL  -- a JSON array
);
-- An import no longer in imports (a file edited with other tools) lists nothing: its
-- list would be a new broken reference, and no reader could reach it.
INSERT INTO import_added (import_id, record_ids)
    SELECT import_id, json_group_array(record_id) FROM (
        SELECT import_id, record_id FROM import_changes
        WHERE change = 'added' AND import_id IN (SELECT id FROM imports)
        ORDER BY import_id, record_id)
    GROUP BY import_id;
CREATE TABLE import_changes_changed (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('updated', 'deleted', 'restored')),
    before TEXT,
    PRIMARY KEY (import_id, record_id)
) WITHOUT ROWID;
INSERT INTO import_changes_changed SELECT * FROM import_changes WHERE change <> 'added';
DROP TABLE import_changes;
ALTER TABLE import_changes_changed RENAME TO import_changes;
"""


def apply(db: sqlite_utils.Database) -> None:
    run_script(db, SQL)
