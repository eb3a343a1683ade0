"""The quarterly 活动小结 of each unit."""

from __future__ import annotations

import sqlite_utils


def get_summary(db: sqlite_utils.Database, unit_code: str, year: int, quarter: int) -> str:
    row = db.execute(
        "SELECT text FROM summaries WHERE unit_code = ? AND year = ? AND quarter = ?",
        [unit_code, year, quarter],
    ).fetchone()
    return row[0] if row else ""


def set_summary(
    db: sqlite_utils.Database, unit_code: str, year: int, quarter: int, text: str, *, now: str
) -> None:
    db.execute(
        "INSERT INTO summaries(unit_code, year, quarter, text, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(unit_code, year, quarter) DO UPDATE SET text = excluded.text, "
        "updated_at = excluded.updated_at",
        [unit_code, year, quarter, text, now],
    )
