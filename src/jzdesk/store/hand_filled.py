"""The records hand-filled sheets brought, each with what the unit's latest sheet said of
it: a later sheet of the same unit and period replaces them rather than adds to them."""

from __future__ import annotations

import json
from datetime import date

import sqlite_utils


def hand_filled(db: sqlite_utils.Database, unit_code: str, start: date, end: date) -> list[dict]:
    """The records hand-filled sheets brought for the unit, dated from ``start`` to ``end``:
    each with what the unit's latest sheet said of it (``said``: the shown cells and
    whether the row was gone), that saying's revision, the row it was on, and its date."""
    rows = db.execute(
        "SELECT h.record_id, h.said, h.revision, h.position, r.date FROM hand_filled h "
        "JOIN records r ON r.id = h.record_id WHERE r.unit_code = ? AND r.date BETWEEN ? AND ? "
        "ORDER BY h.position, h.record_id",
        [unit_code, start.isoformat(), end.isoformat()],
    ).fetchall()
    return [
        {
            "record_id": record_id,
            "said": json.loads(said),
            "revision": revision,
            "position": position,
            "date": day,
        }
        for record_id, said, revision, position, day in rows
    ]


def note_hand_filled(
    db: sqlite_utils.Database,
    record_id: str,
    *,
    said: dict,
    revision: int,
    position: int,
    import_id: int,
) -> None:
    """Remember what a hand-filled sheet said of a record, under the unit's ``revision``."""
    db.execute(
        "INSERT INTO hand_filled (record_id, said, revision, position, import_id) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_id) DO UPDATE SET said = excluded.said, "
        "revision = excluded.revision, position = excluded.position, "
        "import_id = excluded.import_id",
        [record_id, json.dumps(said, ensure_ascii=False), revision, position, import_id],
    )
