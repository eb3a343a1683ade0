"""Step 5: each unit's seal, a transparent PNG printed over 填报单位 on its sheets."""

from __future__ import annotations

import sqlite_utils

SQL = (
    "CREATE TABLE unit_seals (unit_code TEXT PRIMARY KEY REFERENCES units(code), "
    "png BLOB NOT NULL, updated_at TEXT NOT NULL)"
)


def apply(db: sqlite_utils.Database) -> None:
    db.execute(SQL)
