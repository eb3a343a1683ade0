"""Activity records one at a time: writes (each leaving a revision snapshot) and reading one
record back with its media and history."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import date

import sqlite_utils

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import (
    FIELD_COLUMNS,
    ActivityRecord,
    MediaItem,
    RecordFields,
    fields_json,
)

# A record's media as the JSON array of [channel, link] a submission file carries, over
# the alias ``r``.
MEDIA_JSON = (
    "(SELECT json_group_array(json_array(channel, link)) FROM (SELECT channel, link "
    "FROM record_media m WHERE m.record_id = r.id ORDER BY position))"
)


_META_COLUMNS = (
    "id",
    "entered_by",
    "sample",
    "revision",
    "base_revision",
    "created_at",
    "updated_at",
)


# A new record is level with itself: received_revision and received_as (see
# store.submissions) start at its revision, the parameter numbered _REVISION_PARAMETER.
_REVISION_PARAMETER = len(FIELD_COLUMNS) + _META_COLUMNS.index("revision") + 1


_INSERT = (
    f"INSERT INTO records ({', '.join(FIELD_COLUMNS + _META_COLUMNS)}, received_revision, "
    f"received_as) VALUES ({', '.join('?' * (len(FIELD_COLUMNS) + len(_META_COLUMNS)))}, "
    f"?{_REVISION_PARAMETER}, ?{_REVISION_PARAMETER})"
)


_UPDATE = (
    f"UPDATE records SET {', '.join(f'{c} = ?' for c in FIELD_COLUMNS)}, "
    "base_revision = revision, revision = revision + 1, updated_at = ? "
    "WHERE id = ? AND deleted = 0 AND revision = ?"
)


def field_values(fields: RecordFields) -> tuple:
    """The values of FIELD_COLUMNS for ``fields``."""
    return (
        fields.unit_code,
        fields.date.isoformat(),
        fields.activity_type.value,
        fields.sessions,
        fields.title,
        fields.venue,
        fields.venue_category,
        fields.audience,
        fields.delivery,
        fields.presenter,
        int(fields.demonstration),
        int(fields.original),
        int(fields.logo_shown),
        fields.notes,
    )


def insert_record(
    db: sqlite_utils.Database,
    fields: RecordFields,
    *,
    entered_by: str,
    now: str,
    sample: bool = False,
    record_id: str | None = None,
    revision: int = 1,
) -> str:
    """Store a record with its media; returns its UUID (a new one unless ``record_id`` is
    given, as when a record made elsewhere arrives with its id and revision)."""
    record_id = record_id or str(uuid.uuid4())
    meta = (record_id, entered_by, int(sample), revision, revision - 1, now, now)
    db.execute(_INSERT, field_values(fields) + meta)
    write_media(db, record_id, fields.media)
    snapshot(db, record_id, saved_at=now, saved_by=entered_by)
    return record_id


def insert_many(db: sqlite_utils.Database, rows: Iterable[Sequence]) -> None:
    """Bulk insert of rows in ``FIELD_COLUMNS + _META_COLUMNS`` order (sample data: no history)."""
    db.conn.executemany(_INSERT, rows)


def update_record(
    db: sqlite_utils.Database,
    record_id: str,
    fields: RecordFields,
    *,
    revision: int,
    now: str,
    saved_by: str,
) -> bool:
    """Save new field values as the next revision; False if ``revision`` is no longer current."""
    cursor = db.execute(_UPDATE, field_values(fields) + (now, record_id, revision))
    if cursor.rowcount != 1:
        return False
    db.execute("DELETE FROM record_media WHERE record_id = ?", [record_id])
    write_media(db, record_id, fields.media)
    snapshot(db, record_id, saved_at=now, saved_by=saved_by)
    return True


def adopt_revision(
    db: sqlite_utils.Database,
    record_id: str,
    fields: RecordFields,
    *,
    revision: int,
    now: str,
    saved_by: str,
) -> None:
    """Take a newer revision made elsewhere (by the unit), with its revision number."""
    db.execute(
        f"UPDATE records SET {', '.join(f'{c} = ?' for c in FIELD_COLUMNS)}, "
        "base_revision = revision, revision = ?, updated_at = ?, received_revision = ?, "
        "received_as = ? WHERE id = ? AND revision < ?",
        field_values(fields) + (revision, now, revision, revision, record_id, revision),
    )
    db.execute("DELETE FROM record_media WHERE record_id = ?", [record_id])
    write_media(db, record_id, fields.media)
    snapshot(db, record_id, saved_at=now, saved_by=saved_by)


def write_media(db: sqlite_utils.Database, record_id: str, media: Sequence[MediaItem]) -> None:
    db.conn.executemany(
        "INSERT INTO record_media(record_id, position, channel, link) VALUES (?, ?, ?, ?)",
        [(record_id, n, item.channel, item.link) for n, item in enumerate(media)],
    )


def set_deleted(
    db: sqlite_utils.Database, record_id: str, deleted: bool, *, now: str, saved_by: str
) -> bool:
    """Move a record to (or back from) the recycle bin as its next revision.

    A deleted record stays as a tombstone so the deletion travels to the city. Returns
    False if the record does not exist or is already in that state.
    """
    cursor = db.execute(
        "UPDATE records SET deleted = ?, base_revision = revision, revision = revision + 1, "
        "updated_at = ? WHERE id = ? AND deleted = ?",
        [int(deleted), now, record_id, int(not deleted)],
    )
    if cursor.rowcount != 1:
        return False
    snapshot(db, record_id, saved_at=now, saved_by=saved_by)
    return True


def touch(db: sqlite_utils.Database, record_id: str, *, now: str, saved_by: str) -> None:
    """Count a change outside the fields (a photo added or removed) as the next revision."""
    db.execute(
        "UPDATE records SET base_revision = revision, revision = revision + 1, updated_at = ? "
        "WHERE id = ?",
        [now, record_id],
    )
    snapshot(db, record_id, saved_at=now, saved_by=saved_by)


def snapshot(db: sqlite_utils.Database, record_id: str, *, saved_at: str, saved_by: str) -> None:
    """Keep the record's current state (fields, media, photos, deletion) under its revision."""
    record = get_record(db, record_id)
    state = state_of(record)
    state["photos"] = [
        row[0]
        for row in db.execute(
            "SELECT sha256 FROM record_photos WHERE record_id = ? ORDER BY position", [record_id]
        )
    ]
    db.execute(
        "INSERT OR REPLACE INTO record_revisions(record_id, revision, saved_at, saved_by, "
        "snapshot) VALUES (?, ?, ?, ?, ?)",
        [record_id, record.revision, saved_at, saved_by, json.dumps(state, ensure_ascii=False)],
    )


def state_of(record: ActivityRecord) -> dict:
    """The user-visible state of a record as plain JSON values (for history and diffs)."""
    return {**fields_json(record.fields), "deleted": record.deleted}


def revisions(db: sqlite_utils.Database, record_id: str) -> list[dict]:
    """A record's saved states, oldest first: revision, saved_at, saved_by, state."""
    return [
        {**row, "state": json.loads(row.pop("snapshot"))}
        for row in db.query(
            "SELECT revision, saved_at, saved_by, snapshot FROM record_revisions "
            "WHERE record_id = ? ORDER BY revision",
            [record_id],
        )
    ]


def get_record(db: sqlite_utils.Database, record_id: str) -> ActivityRecord | None:
    """The record with this id, live or deleted; None if there is none."""
    rows = list(
        db.query(
            "SELECT r.*, u.name AS unit_name FROM records r JOIN units u ON u.code = r.unit_code "
            "WHERE r.id = ?",
            [record_id],
        )
    )
    if not rows:
        return None
    return record_from_row(rows[0], tuple(media_of(db, [record_id]).get(record_id, ())))


def media_of(db: sqlite_utils.Database, record_ids: list[str]) -> dict[str, list[MediaItem]]:
    media: dict[str, list[MediaItem]] = {}
    for start in range(0, len(record_ids), 500):  # stay under SQLite's variable limit
        chunk = record_ids[start : start + 500]
        for record_id, channel, link in db.execute(
            f"SELECT record_id, channel, link FROM record_media "
            f"WHERE record_id IN ({', '.join('?' * len(chunk))}) ORDER BY record_id, position",
            chunk,
        ):
            media.setdefault(record_id, []).append(MediaItem(channel, link))
    return media


def fields_from_row(row: dict, media: tuple[MediaItem, ...]) -> RecordFields:
    """The fields of a row of the records table (or of a staged file's, which has the
    same columns), with its media."""
    return RecordFields(
        unit_code=row["unit_code"],
        date=date.fromisoformat(row["date"]),
        activity_type=ActivityType(row["type"]),
        sessions=row["sessions"],
        title=row["title"],
        venue=row["venue"],
        venue_category=row["venue_category"],
        audience=row["audience"],
        delivery=row["delivery"],
        presenter=row["presenter"],
        demonstration=bool(row["demonstration"]),
        original=bool(row["original"]),
        logo_shown=bool(row["logo_shown"]),
        media=media,
        notes=row["notes"],
    )


def record_from_row(row: dict, media: tuple[MediaItem, ...]) -> ActivityRecord:
    fields = fields_from_row(row, media)
    return ActivityRecord(
        id=row["id"],
        fields=fields,
        unit_name=row["unit_name"],
        entered_by=row["entered_by"],
        revision=row["revision"],
        base_revision=row["base_revision"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        deleted=bool(row["deleted"]),
        sample=bool(row["sample"]),
    )


def has_sample_records(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT EXISTS (SELECT 1 FROM records WHERE sample = 1)").fetchone()[0] == 1


def delete_sample_records(db: sqlite_utils.Database) -> int:
    return db.execute("DELETE FROM records WHERE sample = 1").rowcount
