"""Step 3: revision history, photos and quarterly summaries (the ledger)."""

from __future__ import annotations

import sqlite_utils

from jzdesk.store.migrations._script import run_script

SQL = """
-- Every saved state of a record (insert, edit, delete, restore), for its history.
CREATE TABLE record_revisions (
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL,
    PRIMARY KEY (record_id, revision)
) WITHOUT ROWID;
-- Photos are kept downscaled and re-encoded as JPEG, with a thumbnail for the lists.
CREATE TABLE record_photos (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    image BLOB NOT NULL,
    thumbnail BLOB NOT NULL,
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (record_id, sha256)
);
CREATE INDEX record_photos_by_record ON record_photos(record_id, position);
-- The quarterly 活动小结 of a unit.
CREATE TABLE summaries (
    unit_code TEXT NOT NULL REFERENCES units(code),
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    text TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, year, quarter)
) WITHOUT ROWID;
"""


def apply(db: sqlite_utils.Database) -> None:
    run_script(db, SQL)
