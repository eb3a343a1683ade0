"""Sample data for training and trying the program, marked as such: it never travels."""

from __future__ import annotations

import sqlite_utils

from jzdesk.errors import KnownError
from jzdesk.store import records
from jzdesk.usecases.installation import now_iso

MAX_SAMPLE_RECORDS = 2_000_000


def fill_sample_data(db: sqlite_utils.Database, count: int, *, seed: int | None = None) -> int:
    """Add ``count`` generated sample records (marked as such) to the 2021 plan's units.

    Each call draws new records unless a ``seed`` is given (benchmarks want the same data).
    """
    from jzdesk.domain.sample_records import sample_rows

    if not 1 <= count <= MAX_SAMPLE_RECORDS:
        raise KnownError(
            f"示例记录数应在 1 到 {MAX_SAMPLE_RECORDS} 之间，现在是 {count}", field="records"
        )
    with db.atomic():
        records.insert_many(db, sample_rows(count, seed=seed, now=now_iso()))
    return count


def remove_sample_data(db: sqlite_utils.Database) -> int:
    """Delete every sample record outright (they never travel, so no tombstones)."""
    with db.atomic():
        return records.delete_sample_records(db)
