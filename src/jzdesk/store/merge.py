"""The merge of a submission file, set-based: the fast path of the merge rule.

A file's records are staged in a scratch database, each is classified against what is held
with one statement (:data:`CLASSIFY_SQL`, the rule of domain/merge.py in SQL, held equal to
it by tests/merge/test_merge_rule.py), and new records go in with one INSERT … SELECT. Only
the few records that changed are handled one by one, so that a city importing a million
records is limited by SQLite, not by Python. The one-by-one steps (taking a version, bringing
a record level) are shared with the statistics-sheet path, which classifies row by row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from jzdesk.domain.merge import Held
from jzdesk.domain.records import FIELD_COLUMNS, RECORD_COLUMNS, MediaItem, RecordFields
from jzdesk.store import records
from jzdesk.store.records import MEDIA_JSON

_FIELDS = FIELD_COLUMNS

_STAGE_SCHEMA = "stage"
_STAGE = f"{_STAGE_SCHEMA}.incoming"


# A day's totals (the daily_totals row) of the records ``{source}`` selects: one statement
# for the staged file and for the records an import adds.
_DAY_TOTALS = (
    "SELECT unit_code, date, type, COUNT(*) AS records, SUM(sessions) AS sessions, "
    "SUM(sessions * demonstration) AS demo_sessions, SUM(audience) AS audience "
    "FROM {source} GROUP BY date, unit_code, type"
)


def write_stage(path: Path, received: Path, *, progress: Callable[[], int]) -> None:
    """Copy the record rows of ``received`` (a file's private copy, checked whole: its
    schema is exactly ours) into a scratch database of our own at ``path``, which the merge
    then attaches (the received file itself never is), with the live records' day totals
    (which a file of new records adds to daily_totals as they are).

    The copy is one INSERT … SELECT inside SQLite: ``received`` is attached read-only and
    immutable to this scratch connection only, with its schema distrusted and ``progress``
    (the file's time budget, SQLite's progress handler) able to stop it. Only a file whose
    records passed the rules of record_rules is staged, so every value is within the
    form's lengths. Rows are read in id order, through the primary key's index, as the
    content hash reads them.

    Done while the file is checked, so that in a batch the copying runs on the read-ahead
    thread while the file before merges. The scratch file is thrown away with the file's
    private folder, so it needs neither a journal nor syncing.

    Raises:
        sqlite3.IntegrityError: the file carries one id twice (the staging table's key).
        sqlite3.OperationalError: ``progress`` stopped the copy ("interrupted").
    """
    columns = ", ".join(f"{c} PRIMARY KEY" if c == "id" else c for c in RECORD_COLUMNS)
    listed = ", ".join(RECORD_COLUMNS)
    conn = sqlite3.connect(path, uri=True, isolation_level=None)  # uri: for the ATTACH
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA trusted_schema = OFF")
        if hasattr(conn, "enable_load_extension"):
            conn.enable_load_extension(False)
        conn.set_progress_handler(progress, 100_000)
        conn.execute(
            "ATTACH DATABASE ? AS received", [f"{received.resolve().as_uri()}?mode=ro&immutable=1"]
        )
        conn.execute("BEGIN")
        conn.execute(f"CREATE TABLE incoming ({columns}, kind)")
        conn.execute(
            f"INSERT INTO incoming ({listed}) SELECT {listed} FROM received.records ORDER BY id"
        )
        conn.execute(
            "CREATE TABLE day_totals AS " + _DAY_TOTALS.format(source="incoming WHERE deleted = 0")
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


@contextmanager
def attached_stage(db: sqlite_utils.Database, path: Path) -> Iterator[None]:
    """The staged rows at ``path`` (see write_stage) as _STAGE, for one merge. Outside any
    transaction: SQLite attaches and detaches only there. After a rollback the scratch
    file may be left inconsistent (it has no journal): it is never read again."""
    db.execute(f"ATTACH DATABASE ? AS {_STAGE_SCHEMA}", [str(path)])
    try:
        db.execute(f"PRAGMA {_STAGE_SCHEMA}.journal_mode = OFF")
        db.execute(f"PRAGMA {_STAGE_SCHEMA}.synchronous = OFF")
        yield
    finally:
        db.execute(f"DETACH DATABASE {_STAGE_SCHEMA}")


# CROSS JOIN keeps the staged rows outside: left to itself the planner walked every record
# the city holds, once per file.
FOREIGN_OWNED_SQL = (
    f"SELECT i.id, u.name FROM {_STAGE} i CROSS JOIN records r ON r.id = i.id "
    "JOIN units u ON u.code = r.unit_code WHERE r.unit_code NOT IN ({marks}) LIMIT 5"
)


def holds_any(db: sqlite_utils.Database) -> bool:
    """True if the city holds any staged record. When it holds none (a unit's first file,
    most of a busy import day) every record is new: there is nothing to classify, keep
    level or refuse as another unit's, and the merge skips those passes."""
    return bool(
        db.execute(
            f"SELECT EXISTS (SELECT 1 FROM {_STAGE} i CROSS JOIN records r ON r.id = i.id)"
        ).fetchone()[0]
    )


def foreign_owned(db: sqlite_utils.Database, unit_codes: Sequence[str]) -> list[tuple]:
    """Staged record ids that the city already holds under another unit."""
    marks = ", ".join("?" * len(unit_codes))
    return db.execute(FOREIGN_OWNED_SQL.format(marks=marks), list(unit_codes)).fetchall()


_SAME_CONTENT = " AND ".join(
    [f"r.{c} IS i.{c}" for c in _FIELDS] + ["r.deleted IS i.deleted", f"{MEDIA_JSON} IS i.media"]
)
# domain.merge.Held's properties over the alias r.
_LAST_RECEIVED = "(CASE WHEN r.received_revision > 0 THEN r.received_revision ELSE r.revision END)"
_EDITED_HERE = "(r.received_as > 0 AND r.revision > r.received_as)"
# domain.merge.classify for every staged record at once: its Outcome's value, left NULL for
# a new record (a row rewritten to NULL would cost a write each).
CLASSIFY_SQL = f"""
UPDATE {_STAGE} AS i SET kind = (
    SELECT CASE
        WHEN {_SAME_CONTENT} THEN
            CASE WHEN i.revision > r.received_revision THEN 'sync' ELSE 'same' END
        WHEN i.revision < {_LAST_RECEIVED} THEN 'old'
        WHEN i.revision = {_LAST_RECEIVED} THEN
            CASE WHEN {_EDITED_HERE} THEN 'old' ELSE 'conflict' END
        WHEN {_EDITED_HERE} THEN 'conflict'
        ELSE 'update'
    END
    FROM records r WHERE r.id = i.id)
WHERE EXISTS (SELECT 1 FROM records r WHERE r.id = i.id)
"""


def classify(db: sqlite_utils.Database) -> dict[str, int]:
    """Classify every staged record; returns how many fall in each class ('new', …)."""
    db.execute(CLASSIFY_SQL)
    return {
        (kind or "new"): count
        for kind, count in db.execute(f"SELECT kind, COUNT(*) FROM {_STAGE} GROUP BY kind")
    }


def add_new(db: sqlite_utils.Database, import_id: int, *, now: str, all_new: bool) -> int:
    """Insert the staged records the city does not hold yet, with their media; returns how
    many live ones (deletion marks of records never seen here add nothing). ``all_new``:
    the city holds none of the staged records (see holds_any), so that the day totals
    staged with them are the new records' own."""
    own = ", ".join(c for c in RECORD_COLUMNS if c != "media")
    # The per-row trigger that keeps daily_totals would cost a statement per record; it is
    # lifted for this one INSERT and the new records' totals are added in one statement.
    # All of it is inside the import's transaction: no other connection ever sees the
    # trigger missing, and a crash rolls the DROP back with the rest.
    trigger = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'daily_totals_insert'"
    ).fetchone()[0]
    db.execute("DROP TRIGGER daily_totals_insert")
    # In id order: the rows were staged in it (write_stage), so that is their rowid order.
    db.execute(
        f"INSERT INTO records ({own}, sample, received_revision, received_as) "
        f"SELECT {own}, 0, revision, revision FROM {_STAGE} WHERE kind IS NULL ORDER BY rowid"
    )
    db.execute(trigger)
    new_days = (
        f"{_STAGE_SCHEMA}.day_totals"
        if all_new
        else f"({_DAY_TOTALS.format(source=f'{_STAGE} WHERE kind IS NULL AND deleted = 0')})"
    )
    db.execute(
        f"INSERT INTO daily_totals SELECT * FROM {new_days} "
        "WHERE true ON CONFLICT (date, unit_code, type) DO UPDATE SET "
        "records = records + excluded.records, sessions = sessions + excluded.sessions, "
        "demo_sessions = demo_sessions + excluded.demo_sessions, "
        "audience = audience + excluded.audience"
    )
    db.execute(
        "INSERT INTO record_media (record_id, position, channel, link) "
        "SELECT i.id, j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') "
        f"FROM {_STAGE} i, json_each(i.media) j WHERE i.kind IS NULL"
    )
    added = [
        row[0] for row in db.execute(f"SELECT id FROM {_STAGE} WHERE kind IS NULL AND deleted = 0")
    ]
    note_added(db, import_id, added)
    # A deletion of a record never seen here is kept (it travels on) but adds nothing.
    return len(added)


def _levelled_revision(unit_revision: str) -> str:
    """The revision ``r`` takes when brought level with the unit's revision
    ``unit_revision`` (an SQL expression) of the same content: the unit's number, unless
    the city had edited the record (to the same content)."""
    return (
        "CASE WHEN r.received_as IN (0, r.revision) "
        f"THEN MAX(r.revision, {unit_revision}) ELSE r.revision END"
    )


def _levelled(unit_revision: str) -> str:
    """The SET clause that brings ``r`` level with the unit's revision (see
    _levelled_revision)."""
    revision = _levelled_revision(unit_revision)
    return f"received_revision = {unit_revision}, revision = {revision}, received_as = {revision}"


def mark_synced(db: sqlite_utils.Database) -> None:
    """Every staged record of the same content under a newer revision (Outcome.SYNC): see
    bring_level. A record that takes the unit's revision number takes its bookkeeping
    with it (what it was made from, when), as if the file had brought it new: the city
    then holds the same row whatever order the unit's files arrived in."""
    taken = f"{_levelled_revision('i.revision')} > r.revision"
    db.execute(
        f"UPDATE records AS r SET {_levelled('i.revision')}, "
        f"base_revision = CASE WHEN {taken} THEN i.base_revision ELSE r.base_revision END, "
        f"updated_at = CASE WHEN {taken} THEN i.updated_at ELSE r.updated_at END "
        f"FROM {_STAGE} i WHERE i.kind = 'sync' AND r.id = i.id"
    )
    db.execute(
        "UPDATE conflicts SET resolution = 'superseded', resolved_at = datetime('now') "
        f"WHERE resolution IS NULL AND revision < (SELECT i.revision FROM {_STAGE} i "
        "WHERE i.id = conflicts.record_id AND i.kind = 'sync')"
    )


def bring_level(
    db: sqlite_utils.Database, record_id: str, unit_revision: int, *, now: str, by: str
) -> None:
    """The unit's revision ``unit_revision`` has the content held (Outcome.SYNC): the copy
    is level with the unit again, and open conflicts over older revisions are overtaken."""
    db.execute(
        f"UPDATE records AS r SET {_levelled('?1')} WHERE r.id = ?2", [unit_revision, record_id]
    )
    close_superseded(db, record_id, unit_revision, now=now, by=by)


def photo_owners(db: sqlite_utils.Database) -> set[str]:
    """Staged records whose photos the city takes: those this import added, updated or
    brought level, and those it holds without photos (a unit may send them later)."""
    return {
        row[0]
        for row in db.execute(
            f"SELECT id FROM {_STAGE} i WHERE kind IS NULL OR kind IN ('update', 'sync') "
            "OR (kind <> 'conflict' AND NOT EXISTS (SELECT 1 FROM record_photos p "
            "WHERE p.record_id = i.id))"
        )
    }


def staged(db: sqlite_utils.Database, kind: str) -> list[dict]:
    """The staged rows of one class, as dicts."""
    return list(db.query(f"SELECT * FROM {_STAGE} WHERE kind = ? ORDER BY id", [kind]))


def incoming_fields(row: dict) -> RecordFields:
    """A staged row's fields (its media as the file's JSON)."""
    media = tuple(MediaItem(channel, link) for channel, link in json.loads(row["media"]))
    return records.fields_from_row(row, media)


def take_incoming(
    db: sqlite_utils.Database,
    record_id: str,
    fields: RecordFields,
    *,
    deleted: bool,
    unit_revision: int,
    import_id: int | None,
    now: str,
    saved_by: str,
    unit_row: dict | None = None,
) -> str:
    """Replace a stored record by the unit's version ``unit_revision`` as its next local
    revision (the history keeps both); returns the change: updated, deleted or restored.

    ``unit_row``, the version's row in a submission file: a record that takes the unit's
    revision number takes the unit's bookkeeping with it (base_revision, updated_at), so
    that the city holds the same row whatever order the unit's files arrived in."""
    before = records.get_record(db, record_id)
    _ensure_snapshot(db, before)
    revision = max(before.revision + 1, unit_revision)
    base, updated = before.revision, now
    if unit_row is not None and revision == unit_revision:
        base, updated = unit_row["base_revision"], unit_row["updated_at"]
    db.execute(
        f"UPDATE records SET {', '.join(f'{c} = ?' for c in _FIELDS)}, deleted = ?, "
        "base_revision = ?, revision = ?, updated_at = ?, "
        "received_revision = MAX(received_revision, ?), received_as = ? WHERE id = ?",
        records.field_values(fields)
        + (int(deleted), base, revision, updated, unit_revision, revision, record_id),
    )
    close_superseded(db, record_id, unit_revision, now=now, by=saved_by)
    db.execute("DELETE FROM record_media WHERE record_id = ?", [record_id])
    records.write_media(db, record_id, fields.media)
    records.snapshot(db, record_id, saved_at=now, saved_by=saved_by)
    change = "updated"
    if deleted and not before.deleted:
        change = "deleted"
    elif before.deleted and not deleted:
        change = "restored"
    if import_id is not None:
        note_change(db, import_id, record_id, change, records.state_of(before))
    return change


def note_change(
    db: sqlite_utils.Database, import_id: int, record_id: str, change: str, before: dict
) -> None:
    """List a record among an import's changes (updated, deleted, restored), with its state
    before; the records it added are listed by note_added."""
    db.execute(
        "INSERT OR REPLACE INTO import_changes (import_id, record_id, change, before) "
        "VALUES (?, ?, ?, ?)",
        [
            import_id,
            record_id,
            change,
            json.dumps(before, ensure_ascii=False),
        ],
    )


def note_added(db: sqlite_utils.Database, import_id: int, record_ids: list[str]) -> None:
    """List the records an import added: one JSON array per import, in id order (a row
    per record cost a big import 7 % of its time, for a list read only when someone opens
    the import's changes)."""
    if record_ids:
        db.execute(
            "INSERT INTO import_added (import_id, record_ids) VALUES (?, ?)",
            [import_id, json.dumps(sorted(record_ids), separators=(",", ":"))],
        )


def noted(db: sqlite_utils.Database, import_id: int, record_id: str) -> bool:
    """Whether the import's changes list the record (a sheet that added it may change it
    again on a later row: it is then listed as changed, with its state after the add)."""
    return bool(
        db.execute(
            "SELECT 1 FROM import_changes WHERE import_id = ? AND record_id = ?",
            [import_id, record_id],
        ).fetchone()
    )


def held(db: sqlite_utils.Database, record_id: str | None) -> Held | None:
    """The merge bookkeeping of a record held here; None if it is not."""
    row = (
        None
        if record_id is None
        else db.execute(
            "SELECT revision, received_revision, received_as FROM records WHERE id = ?", [record_id]
        ).fetchone()
    )
    return None if row is None else Held(*row)


def close_superseded(
    db: sqlite_utils.Database, record_id: str, unit_revision: int, *, now: str, by: str
) -> None:
    """Open conflicts over older revisions of the unit are overtaken by a newer one."""
    db.execute(
        "UPDATE conflicts SET resolution = 'superseded', resolved_at = ?, resolved_by = ? "
        "WHERE record_id = ? AND resolution IS NULL AND revision < ?",
        [now, by, record_id, unit_revision],
    )


def _ensure_snapshot(db: sqlite_utils.Database, record) -> None:
    """Keep the state about to be replaced in the history (records added from a file get
    their first snapshot only when they first change)."""
    exists = db.execute(
        "SELECT 1 FROM record_revisions WHERE record_id = ? AND revision = ?",
        [record.id, record.revision],
    ).fetchone()
    if not exists:
        records.snapshot(db, record.id, saved_at=record.updated_at, saved_by=record.entered_by)
