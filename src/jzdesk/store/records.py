"""Queries over activity records and their media coverage."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date

import sqlite_utils

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import Period
from jzdesk.domain.records import ActivityRecord, MediaItem, RecordFields

# Columns written from RecordFields, in the order of the INSERT below.
_FIELD_COLUMNS = (
    "unit_code",
    "date",
    "type",
    "sessions",
    "title",
    "venue",
    "venue_category",
    "audience",
    "delivery",
    "presenter",
    "demonstration",
    "original",
    "logo_shown",
    "notes",
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
_INSERT = (
    f"INSERT INTO records ({', '.join(_FIELD_COLUMNS + _META_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(_FIELD_COLUMNS) + len(_META_COLUMNS)))})"
)


def field_values(fields: RecordFields) -> tuple:
    """The values of ``_FIELD_COLUMNS`` for ``fields``."""
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
) -> str:
    """Store a new record (revision 1) with its media; returns its new UUID."""
    record_id = str(uuid.uuid4())
    db.execute(_INSERT, field_values(fields) + (record_id, entered_by, int(sample), 1, 0, now, now))
    db.conn.executemany(
        "INSERT INTO record_media(record_id, position, channel, link) VALUES (?, ?, ?, ?)",
        [(record_id, n, item.channel, item.link) for n, item in enumerate(fields.media)],
    )
    return record_id


def insert_many(db: sqlite_utils.Database, rows: Iterable[Sequence]) -> None:
    """Bulk insert of rows already in ``_FIELD_COLUMNS + _META_COLUMNS`` order (demo data)."""
    db.conn.executemany(_INSERT, rows)


def mark_deleted(db: sqlite_utils.Database, record_id: str, *, now: str) -> bool:
    """Turn a live record into a tombstone (next revision); False if there was none."""
    cursor = db.execute(
        "UPDATE records SET deleted = 1, base_revision = revision, revision = revision + 1, "
        "updated_at = ? WHERE id = ? AND deleted = 0",
        [now, record_id],
    )
    return cursor.rowcount == 1


def _filter(unit_codes: Sequence[str] | None, period: Period | None) -> tuple[str, list]:
    """The WHERE clause (over alias ``r``) selecting live records of some units and a period."""
    where, params = ["r.deleted = 0"], []
    if unit_codes is not None:
        where.append(f"r.unit_code IN ({', '.join('?' * len(unit_codes))})")
        params.extend(unit_codes)
    if period is not None:
        where.append("r.date BETWEEN ? AND ?")
        params.extend([period.start.isoformat(), period.end.isoformat()])
    return " AND ".join(where), params


def list_records(
    db: sqlite_utils.Database,
    *,
    unit_codes: Sequence[str] | None = None,
    period: Period | None = None,
    limit: int = -1,
    offset: int = 0,
) -> list[ActivityRecord]:
    """Live records, optionally of some units and a period, in date order, one page of them."""
    condition, params = _filter(unit_codes, period)
    rows = list(
        db.query(
            f"SELECT r.*, u.name AS unit_name FROM records r JOIN units u ON u.code = r.unit_code "
            f"WHERE {condition} ORDER BY r.date, u.sort_order, r.created_at, r.id "
            f"LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    )
    media = _media_of(db, [row["id"] for row in rows])
    return [_record(row, tuple(media.get(row["id"], ()))) for row in rows]


def _media_of(db: sqlite_utils.Database, record_ids: list[str]) -> dict[str, list[MediaItem]]:
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


def summarize(
    db: sqlite_utils.Database,
    *,
    unit_codes: Sequence[str] | None = None,
    period: Period | None = None,
) -> tuple[int, int, int]:
    """(records, sessions, audience) of the live records list_records would return."""
    condition, params = _filter(unit_codes, period)
    count, sessions, audience = db.execute(
        f"SELECT COUNT(*), TOTAL(sessions), TOTAL(audience) FROM records r WHERE {condition}",
        params,
    ).fetchone()
    return count, int(sessions), int(audience)


def _record(row: dict, media: tuple[MediaItem, ...]) -> ActivityRecord:
    fields = RecordFields(
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
