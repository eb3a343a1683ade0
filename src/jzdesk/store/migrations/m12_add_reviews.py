"""Step 12: the review loop (审核): every decision on a unit's quarter, and its record comments."""

from __future__ import annotations

import sqlite_utils

from jzdesk.store.migrations._script import run_script

SQL = """
-- Every review decision on a unit's quarter, never updated: a changed decision is a new
-- row, so the rows are the log (who, when, what) and the latest row of a quarter is its
-- state. At the city the rows are made here; at the unit they come in reply files
-- (received_at set), and ``uid`` makes importing a reply twice the same as once.
CREATE TABLE review_decisions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    unit_code TEXT NOT NULL REFERENCES units(code),
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')),
    comment TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    -- The newest import of the unit the city held when deciding: a later file reporting
    -- the quarter, or changing its records, reopens the review.
    seen_import INTEGER NOT NULL DEFAULT 0,
    received_at TEXT
);
CREATE INDEX review_by_quarter ON review_decisions(unit_code, year, quarter, id);
-- A decision's comments on single records (what to correct).
CREATE TABLE review_comments (
    decision_id INTEGER NOT NULL REFERENCES review_decisions(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    comment TEXT NOT NULL,
    PRIMARY KEY (decision_id, record_id)
) WITHOUT ROWID;
"""


def apply(db: sqlite_utils.Database) -> None:
    run_script(db, SQL)
