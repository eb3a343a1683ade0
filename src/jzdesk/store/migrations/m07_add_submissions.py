"""Step 7: submission files: receipt revisions, the import log, changes, conflicts, documents."""

from __future__ import annotations

import sqlite_utils

from jzdesk.store.migrations._script import run_script

SQL = """
-- The unit's revision this copy was last brought level with by a submission file, and
-- the local revision that made; a later local edit (revision > received_as) is a city
-- correction that a newer file from the unit must not silently overwrite.
ALTER TABLE records ADD COLUMN received_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN received_as INTEGER NOT NULL DEFAULT 0;
-- Records held before: level with themselves.
UPDATE records SET received_revision = revision, received_as = revision;
-- Every accepted import: which file, whose, for which period, what it did.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('jzsub', 'xlsx')),
    unit_code TEXT NOT NULL REFERENCES units(code),
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    period TEXT NOT NULL,
    installation TEXT NOT NULL DEFAULT '',
    sequence INTEGER NOT NULL DEFAULT 0,
    exported_at TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL DEFAULT '',
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    sheet_code TEXT NOT NULL DEFAULT '',
    has_plan_document INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX imports_by_unit ON imports(year, unit_code, quarter);
-- What each import changed compared with what was held before.
CREATE TABLE import_changes (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('added', 'updated', 'deleted', 'restored')),
    before TEXT,
    PRIMARY KEY (import_id, record_id)
) WITHOUT ROWID;
-- Two edits of one record: the stored one stays in records, the incoming one waits here
-- until the city picks.
CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    revision INTEGER NOT NULL,
    state TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    -- superseded: a newer file from the unit overtook it before the city chose
    resolution TEXT CHECK (resolution IS NULL OR resolution IN ('ours', 'theirs', 'superseded')),
    resolved_at TEXT,
    resolved_by TEXT
);
CREATE INDEX conflicts_open ON conflicts(record_id) WHERE resolution IS NULL;
-- A unit's 实施方案 (implementation plan) for a year, as the file it attached.
CREATE TABLE unit_documents (
    unit_code TEXT NOT NULL REFERENCES units(code),
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('plan')),
    file_name TEXT NOT NULL,
    data BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, year, kind)
) WITHOUT ROWID;
"""


def apply(db: sqlite_utils.Database) -> None:
    run_script(db, SQL)
