"""Per-unit header fields (filler, phone) and installation-wide settings."""

from __future__ import annotations

import sqlite_utils

HOME_UNIT = "home_unit"
SAMPLE_DATA = "sample_data"


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def unit_settings(db: sqlite_utils.Database, unit_code: str) -> dict[str, str]:
    """The unit's 填报人 and 联系电话 (empty strings when not yet set)."""
    row = db.execute(
        "SELECT filler, phone FROM unit_settings WHERE unit_code = ?", [unit_code]
    ).fetchone()
    return {"filler": row[0], "phone": row[1]} if row else {"filler": "", "phone": ""}


def set_unit_settings(
    db: sqlite_utils.Database, unit_code: str, *, filler: str | None, phone: str | None
) -> None:
    """Change the given header fields; a None leaves that field as it was."""
    current = unit_settings(db, unit_code)
    db.execute(
        "INSERT INTO unit_settings(unit_code, filler, phone) VALUES (?, ?, ?) "
        "ON CONFLICT(unit_code) DO UPDATE SET filler = excluded.filler, phone = excluded.phone",
        [
            unit_code,
            current["filler"] if filler is None else filler,
            current["phone"] if phone is None else phone,
        ],
    )


def seal(db: sqlite_utils.Database, unit_code: str) -> bytes | None:
    row = db.execute("SELECT png FROM unit_seals WHERE unit_code = ?", [unit_code]).fetchone()
    return row[0] if row else None


def set_seal(db: sqlite_utils.Database, unit_code: str, png: bytes | None, *, now: str) -> None:
    """Store the unit's seal (None removes it)."""
    if png is None:
        db.execute("DELETE FROM unit_seals WHERE unit_code = ?", [unit_code])
        return
    db.execute(
        "INSERT INTO unit_seals(unit_code, png, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(unit_code) DO UPDATE SET png = excluded.png, updated_at = excluded.updated_at",
        [unit_code, png, now],
    )
