"""Queries over record photos."""

from __future__ import annotations

import sqlite_utils


def add_photo(db: sqlite_utils.Database, record_id: str, photo, *, now: str) -> int:
    """Attach a photo (io.photos.PreparedPhoto: jpeg, thumbnail, width, height, sha256);
    the same picture twice is kept once. Returns its id."""
    existing = db.execute(
        "SELECT id FROM record_photos WHERE record_id = ? AND sha256 = ?", [record_id, photo.sha256]
    ).fetchone()
    if existing:
        return existing[0]
    position = db.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM record_photos WHERE record_id = ?", [record_id]
    ).fetchone()[0]
    cursor = db.execute(
        "INSERT INTO record_photos(record_id, position, image, thumbnail, width, height, sha256, "
        "added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            record_id,
            position,
            photo.jpeg,
            photo.thumbnail,
            photo.width,
            photo.height,
            photo.sha256,
            now,
        ],
    )
    return cursor.lastrowid


def thumbnails(db: sqlite_utils.Database, record_id: str) -> list[tuple[int, bytes]]:
    """(photo id, thumbnail JPEG) of a record's photos, in order."""
    return db.execute(
        "SELECT id, thumbnail FROM record_photos WHERE record_id = ? ORDER BY position", [record_id]
    ).fetchall()


def image(db: sqlite_utils.Database, photo_id: int) -> bytes | None:
    row = db.execute("SELECT image FROM record_photos WHERE id = ?", [photo_id]).fetchone()
    return row[0] if row else None


def remove_photo(db: sqlite_utils.Database, photo_id: int) -> None:
    db.execute("DELETE FROM record_photos WHERE id = ?", [photo_id])
