"""Step 6: every change to a plan: who, when, what, old value → new value."""

from __future__ import annotations

import sqlite_utils

SQL = (
    "CREATE TABLE plan_audit (id INTEGER PRIMARY KEY, changed_at TEXT NOT NULL, "
    "changed_by TEXT NOT NULL, year INTEGER NOT NULL, unit_code TEXT, what TEXT NOT NULL, "
    "old TEXT, new TEXT)"
)


def apply(db: sqlite_utils.Database) -> None:
    db.execute(SQL)
