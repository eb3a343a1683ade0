"""A record's photos: added small, shown as thumbnails, removed (each change a new revision)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from jzdesk.store import photos as storage
from jzdesk.store import records
from jzdesk.usecases.installation import now_iso, saved_by
from jzdesk.usecases.ledger import get_record, prepare_photos


def add_photos(db: sqlite_utils.Database, record_id: str, paths: list[Path]) -> int:
    """Attach image files to a record, all or none; returns how many were new.

    Raises:
        KnownError: a file is missing, too large, broken or not an image (the message
            names it); then no photo is attached.
    """
    return attach_photos(db, record_id, prepare_photos(paths))


def attach_photos(db: sqlite_utils.Database, record_id: str, prepared: list) -> int:
    """Attach prepared photos to a record as its next revision; returns how many were new."""
    record = get_record(db, record_id)
    now = now_iso()
    with db.atomic():
        before = len(storage.thumbnails(db, record.id))
        for photo in prepared:
            storage.add_photo(db, record.id, photo, now=now)
        added = len(storage.thumbnails(db, record.id)) - before
        if added:
            records.touch(db, record.id, now=now, saved_by=saved_by(db, record.fields.unit_code))
    return added


def remove_photo(db: sqlite_utils.Database, record_id: str, photo_id: int) -> None:
    record = get_record(db, record_id)
    with db.atomic():
        storage.remove_photo(db, photo_id)
        records.touch(db, record.id, now=now_iso(), saved_by=saved_by(db, record.fields.unit_code))


photo_thumbnails = storage.thumbnails


photo_image = storage.image
