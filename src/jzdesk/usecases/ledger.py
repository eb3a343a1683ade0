"""The ledger: entering, correcting, deleting and finding activity records (each write one
transaction, each a new revision)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import sqlite_utils

from jzdesk.domain.periods import Period
from jzdesk.domain.plans import date_outside_plans
from jzdesk.domain.records import (
    ActivityRecord,
    RecordFields,
    RecordFilter,
    cleaned,
    is_likely_duplicate,
    require_valid,
)
from jzdesk.domain.sheet import totals_of
from jzdesk.domain.units import Unit
from jzdesk.errors import KnownError
from jzdesk.store import photos as storage
from jzdesk.store import plans, record_queries, records, units
from jzdesk.usecases.installation import now_iso, saved_by


def _checked(db: sqlite_utils.Database, fields: RecordFields) -> RecordFields:
    """The fields as they will be stored (text cleaned), once every rule is met.

    Raises:
        KnownError: a rule is broken; the message names the field.
    """
    fields = cleaned(fields)
    require_valid(fields)
    if fields.unit_code not in units.units_by_code(db):
        raise KnownError(f"填报单位代码“{fields.unit_code}”不在单位名单中", field="unit")
    if fields.date > date.today():
        raise KnownError(
            f"活动日期 {fields.date.isoformat()} 在今天之后；只登记已经开展的活动", field="date"
        )
    outside = date_outside_plans(fields.date, plans.plan_years(db))
    if outside:
        raise KnownError(outside, field="date")
    return fields


def add_record(db: sqlite_utils.Database, fields: RecordFields, *, photos=()) -> str:
    """Validate and store a new activity with its photos (prepare_photos), in one transaction.

    Returns:
        The new record's id.

    Raises:
        KnownError: a field breaks a rule (the message names it) or the unit is unknown.
    """
    fields = _checked(db, fields)
    now = now_iso()
    with db.atomic():
        record_id = records.insert_record(
            db, fields, entered_by=saved_by(db, fields.unit_code), now=now
        )
        for photo in photos:
            storage.add_photo(db, record_id, photo, now=now)
        if photos:
            records.snapshot(db, record_id, saved_at=now, saved_by=saved_by(db, fields.unit_code))
    return record_id


def prepare_photos(paths) -> list:
    """Check, downscale and re-encode image files for add_record / attach_photos.

    Raises:
        KnownError: a file is missing, too large, broken or not an image (named).
    """
    from jzdesk.io.photos import prepare_photo

    return [prepare_photo(Path(path)) for path in paths]


def update_record(
    db: sqlite_utils.Database, record_id: str, fields: RecordFields, *, revision: int
) -> None:
    """Save an edit of a live record as its next revision.

    ``revision`` is the revision the edit started from: if someone (or an import) saved the
    record in between, the edit is refused rather than silently overwriting theirs.

    Raises:
        KnownError: a field breaks a rule, or the record changed or vanished meanwhile.
    """
    fields = _checked(db, fields)
    with db.atomic():
        saved = records.update_record(
            db,
            record_id,
            fields,
            revision=revision,
            now=now_iso(),
            saved_by=saved_by(db, fields.unit_code),
        )
        if not saved:
            raise KnownError("这条记录已被修改或删除，请刷新后重新编辑", field="id")


def get_record(db: sqlite_utils.Database, record_id: str) -> ActivityRecord:
    """A record, live or in the recycle bin.

    Raises:
        KnownError: there is no record with this id.
    """
    record = records.get_record(db, record_id.strip().lower())
    if record is None:
        raise KnownError(f"没有编号为 {record_id} 的活动记录", field="id")
    return record


# Records matching ``spec`` (live ones unless it asks for the recycle bin), sorted.
list_records = record_queries.list_records


# The 合计 of what list_records returns: records, sessions per type, audience.
record_totals = record_queries.totals


# True when record_totals answers from the daily totals, whatever the data size.
totals_are_instant = record_queries.is_simple


def totals_at_hand(
    db: sqlite_utils.Database,
    spec: RecordFilter,
    every_match: Sequence[ActivityRecord] | None,
) -> dict | None:
    """The 合计 of ``spec`` when it costs no pass over the records: from the daily totals,
    or counted from ``every_match`` (all the records matching ``spec``, when the caller has
    read them all, else None). None when only record_totals' pass can tell."""
    if totals_are_instant(spec):
        return record_totals(db, spec)
    if every_match is not None:
        return totals_of(every_match)
    return None


def record_filter(
    *, unit: Unit | None = None, period: Period | None = None, **criteria
) -> RecordFilter:
    """A RecordFilter for one unit (or all) and a period, plus any other criteria."""
    return RecordFilter(
        unit_codes=None if unit is None else (unit.code,), period=period, **criteria
    )


has_sample_data = records.has_sample_records


def delete_records(db: sqlite_utils.Database, record_ids: list[str]) -> None:
    """Move records to the recycle bin, all or none; tombstones travel to the city.

    Raises:
        KnownError: one of the ids names no live record (then nothing is deleted).
    """
    now = now_iso()
    with db.atomic():
        for record_id in record_ids:
            clean = record_id.strip().lower()
            record = records.get_record(db, clean)
            if record is None or record.deleted:
                raise KnownError(f"没有编号为 {record_id} 的活动记录（或已删除）", field="id")
            records.set_deleted(
                db, clean, True, now=now, saved_by=saved_by(db, record.fields.unit_code)
            )


def delete_record(db: sqlite_utils.Database, record_id: str) -> None:
    """Move one record to the recycle bin (see delete_records)."""
    delete_records(db, [record_id])


def restore_records(db: sqlite_utils.Database, record_ids: list[str]) -> None:
    """Bring records back from the recycle bin, as their next revision.

    Raises:
        KnownError: one of the ids is not in the recycle bin (then nothing is restored).
    """
    now = now_iso()
    with db.atomic():
        for record_id in record_ids:
            record = records.get_record(db, record_id)
            if record is None or not record.deleted:
                raise KnownError(f"回收站中没有编号为 {record_id} 的记录", field="id")
            records.set_deleted(
                db, record_id, False, now=now, saved_by=saved_by(db, record.fields.unit_code)
            )


# Every saved state of a record, oldest first (revision, saved_at, saved_by, state).
record_history = records.revisions


def likely_duplicates(
    db: sqlite_utils.Database, fields: RecordFields, *, exclude_id: str | None = None
) -> list[ActivityRecord]:
    """Live records that look like the same event as ``fields`` (see is_likely_duplicate)."""
    return [
        record
        for record in record_queries.same_day_records(
            db, fields.unit_code, fields.date, fields.activity_type
        )
        if record.id != exclude_id and is_likely_duplicate(fields, record.fields)
    ]


# Earlier titles, venues or presenters of a unit, for autocompletion.
suggestions = record_queries.suggestions
