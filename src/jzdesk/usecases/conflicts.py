"""Conflicts the merge kept for the city to settle, and joint events counted by two units."""

from __future__ import annotations

import sqlite_utils

from jzdesk.domain.periods import Period
from jzdesk.errors import KnownError
from jzdesk.store import merge, records, submissions
from jzdesk.usecases import installation

open_conflicts = submissions.open_conflicts


def resolve_conflict(db: sqlite_utils.Database, conflict_id: int, keep: str) -> None:
    """Settle a conflict keeping ``ours`` (the record as held here) or ``theirs`` (the
    unit's version from the file).

    Raises:
        KnownError: no such open conflict, or ``keep`` is neither.
    """
    if keep not in ("ours", "theirs"):
        raise KnownError("请选择保留本机版本（ours）或来件版本（theirs）", field="keep")
    conflict = submissions.get_conflict(db, conflict_id)
    if conflict is None or conflict["resolution"] is not None:
        raise KnownError(f"没有待处理的冲突 {conflict_id}", field="id")
    received = submissions.received_revision(db, conflict["record_id"])
    if received is not None and conflict["revision"] < received:
        with db.atomic():
            merge.close_superseded(
                db,
                conflict["record_id"],
                received,
                now=installation.now_iso(),
                by=installation.current_user(db),
            )
        raise KnownError(f"冲突 {conflict_id} 已被该单位更新的上报文件取代，已自动关闭", field="id")
    with db.atomic():
        submissions.resolve_conflict(
            db, conflict, keep, now=installation.now_iso(), saved_by=installation.current_user(db)
        )


MAX_PAIRS_EXAMINED = 20_000


def joint_duplicates(db: sqlite_utils.Database, period: Period) -> list[tuple]:
    """Pairs of records (ActivityRecord, ActivityRecord) of two units that look like one
    event counted twice, for the city to decide; at most MAX_PAIRS_EXAMINED same-day
    pairs are examined."""
    from jzdesk.domain.records import is_joint_event

    pairs = submissions.same_day_pairs(
        db, period.start.isoformat(), period.end.isoformat(), limit=MAX_PAIRS_EXAMINED
    )
    cache: dict = {}

    def record(record_id):
        if record_id not in cache:
            cache[record_id] = records.get_record(db, record_id)
        return cache[record_id]

    return [
        (record(a), record(b))
        for a, b in pairs
        if is_joint_event(record(a).fields, record(b).fields)
    ]
