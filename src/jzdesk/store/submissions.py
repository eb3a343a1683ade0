"""Submission files in the database: what a unit exports, and how the city merges one.

The merge is set-based: a file's records are staged in a scratch database,
each is classified against what is stored with one statement, and new records go in with
one INSERT … SELECT. Only the few records that changed are handled one by one, so that a
city importing a million records is limited by SQLite, not by Python.

A stored record remembers the unit's revision it was last brought level with
(``received_revision``) and the local revision that made (``received_as``); a later
local edit (a correction made at the city) is never silently overwritten by a newer file
from the unit — the two are a conflict, and the city picks.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime

import sqlite_utils

from jzdesk.domain.completeness import Receipt
from jzdesk.domain.records import RECORD_COLUMNS, RecordFields, fields_from_json, fields_json
from jzdesk.store import records, settings
from jzdesk.store.merge import incoming_fields, take_incoming
from jzdesk.store.records import MEDIA_JSON

_INSTALLATION = "installation_id"
_SEQUENCE = "export_sequence"


# -- the unit's side ---------------------------------------------------------------------


def package_records(db: sqlite_utils.Database, unit_codes: Sequence[str], year: int):
    """The units' records of ``year`` (tombstones included) in RECORD_COLUMNS order; sample
    records never travel."""
    columns = ", ".join(f"r.{c}" if c != "media" else MEDIA_JSON for c in RECORD_COLUMNS)
    marks = ", ".join("?" * len(unit_codes))
    return db.execute(
        f"SELECT {columns} FROM records r WHERE r.unit_code IN ({marks}) "
        "AND r.date BETWEEN ? AND ? AND r.sample = 0 ORDER BY r.id",
        [*unit_codes, f"{year}-01-01", f"{year}-12-31"],
    )


def package_photos(db: sqlite_utils.Database, unit_codes: Sequence[str], year: int):
    """The photos of those records, as PHOTO_COLUMNS rows."""
    marks = ", ".join("?" * len(unit_codes))
    return db.execute(
        "SELECT p.record_id, p.position, p.width, p.height, p.sha256, p.image, p.thumbnail "
        "FROM record_photos p JOIN records r ON r.id = p.record_id "
        f"WHERE r.unit_code IN ({marks}) AND r.date BETWEEN ? AND ? AND r.sample = 0 "
        "AND r.deleted = 0",
        [*unit_codes, f"{year}-01-01", f"{year}-12-31"],
    )


def package_summaries(db: sqlite_utils.Database, unit_code: str, year: int) -> list[tuple]:
    return db.execute(
        "SELECT year, quarter, text, updated_at FROM summaries WHERE unit_code = ? AND year = ?",
        [unit_code, year],
    ).fetchall()


def installation_id(db: sqlite_utils.Database) -> str:
    """This database's own id, made once: a unit's files are ordered within it."""
    value = settings.get_meta(db, _INSTALLATION)
    if value is None:
        value = str(uuid.uuid4())
        settings.set_meta(db, _INSTALLATION, value)
    return value


def next_sequence(db: sqlite_utils.Database) -> int:
    """The next export number: county PC clocks are often wrong, a counter is not."""
    value = int(settings.get_meta(db, _SEQUENCE) or 0) + 1
    settings.set_meta(db, _SEQUENCE, str(value))
    return value


def plan_document(db: sqlite_utils.Database, unit_code: str, year: int) -> dict | None:
    row = db.execute(
        "SELECT file_name, data, sha256, added_at FROM unit_documents "
        "WHERE unit_code = ? AND year = ? AND kind = 'plan'",
        [unit_code, year],
    ).fetchone()
    if row is None:
        return None
    return {"file_name": row[0], "data": row[1], "sha256": row[2], "added_at": row[3]}


def set_plan_document(
    db: sqlite_utils.Database,
    unit_code: str,
    year: int,
    *,
    file_name: str,
    data: bytes,
    sha256: str,
    now: str,
) -> bool:
    """Store the unit's 实施方案; False if the same file was already there."""
    current = plan_document(db, unit_code, year)
    if current is not None and current["sha256"] == sha256:
        return False
    db.execute(
        "INSERT INTO unit_documents VALUES (?, ?, 'plan', ?, ?, ?, ?) "
        "ON CONFLICT(unit_code, year, kind) DO UPDATE SET file_name = excluded.file_name, "
        "data = excluded.data, sha256 = excluded.sha256, added_at = excluded.added_at",
        [unit_code, year, file_name, data, sha256, now],
    )
    return True


# -- the city's side: the import log --------------------------------------------------------


def start_import(db: sqlite_utils.Database, entry: dict) -> int:
    """Log an import (the counts are filled in by finish_import); returns its id."""
    return db["imports"].insert(entry).last_pk


def finish_import(db: sqlite_utils.Database, import_id: int, counts: dict) -> None:
    db["imports"].update(import_id, counts)


def get_import(db: sqlite_utils.Database, import_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM imports WHERE id = ?", [import_id]))
    return rows[0] if rows else None


def previous_import(db: sqlite_utils.Database, unit_code: str, file_sha256: str) -> dict | None:
    """The earlier import of this very file for this unit, if any."""
    rows = list(
        db.query(
            "SELECT * FROM imports WHERE unit_code = ? AND file_sha256 = ? ORDER BY id LIMIT 1",
            [unit_code, file_sha256],
        )
    )
    return rows[0] if rows else None


def imported_hashes(db: sqlite_utils.Database) -> frozenset[str]:
    """The SHA-256 of every file imported so far."""
    return frozenset(sha for (sha,) in db.execute("SELECT DISTINCT file_sha256 FROM imports"))


def is_newest_file(
    db: sqlite_utils.Database, unit_code: str, installation: str, sequence: int
) -> bool:
    """True unless a later export of the same installation was imported already (then the
    file's summaries and header fields are older than what the city holds)."""
    row = db.execute(
        "SELECT MAX(sequence) FROM imports WHERE unit_code = ? AND installation = ? "
        "AND kind = 'jzsub'",
        [unit_code, installation],
    ).fetchone()
    return row[0] is None or sequence >= row[0]


def from_another_installation(db: sqlite_utils.Database, unit_code: str, installation: str) -> bool:
    """Whether the unit's earlier files came from other installations only: a new PC, a
    reinstallation, or someone else's program exporting under the unit's name."""
    row = db.execute(
        "SELECT COUNT(*), COALESCE(SUM(installation = ?), 0) FROM imports "
        "WHERE unit_code = ? AND kind = 'jzsub' AND installation <> ''",
        [installation, unit_code],
    ).fetchone()
    return row[0] > 0 and row[1] == 0


def import_log(db: sqlite_utils.Database, *, year: int | None = None) -> list[dict]:
    """Every import, newest first, with the unit's name."""
    where, params = ("WHERE i.year = ?", [year]) if year is not None else ("", [])
    return list(
        db.query(
            f"SELECT i.*, u.name AS unit_name FROM imports i JOIN units u ON u.code = i.unit_code "
            f"{where} ORDER BY i.id DESC",
            params,
        )
    )


def receipts(db: sqlite_utils.Database, year: int) -> dict[str, list[Receipt]]:
    """For each unit, every import of ``year``: the quarter the file reports, the day it
    was imported, the day the unit says it sent it, and whether it carried the 实施方案."""
    found: dict[str, list[Receipt]] = {}
    for code, quarter, imported_at, exported_at, plan_document in db.execute(
        "SELECT unit_code, quarter, imported_at, exported_at, has_plan_document FROM imports "
        "WHERE year = ?",
        [year],
    ):
        receipt = Receipt(
            quarter,
            date.fromisoformat(imported_at[:10]),
            _local_day(exported_at),
            plan_document == 1,
        )
        found.setdefault(code, []).append(receipt)
    return found


def _local_day(stamp: str) -> date | None:
    """The day, on this computer's clock, of a stored export time (UTC with its offset)
    or 填报时间 (a date); None when the file stated none or nothing readable."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment.astimezone().date() if moment.tzinfo is not None else moment.date()


def import_changes(db: sqlite_utils.Database, import_id: int) -> list[dict]:
    """What one import changed: each record with its change, its state before (None when
    added) and now."""
    rows = list(
        db.query(
            "SELECT record_id, change, before FROM import_changes WHERE import_id = ?1 "
            "UNION ALL SELECT j.value, 'added', NULL FROM import_added a, "
            "json_each(a.record_ids) j WHERE a.import_id = ?1 ORDER BY change, record_id",
            [import_id],
        )
    )
    changes = []
    for row in rows:
        record = records.get_record(db, row["record_id"])
        changes.append(
            {
                "record_id": row["record_id"],
                "change": row["change"],
                "before": json.loads(row["before"]) if row["before"] else None,
                "now": records.state_of(record) if record else None,
            }
        )
    return changes


def state_json(fields: RecordFields, deleted: bool) -> str:
    """A record version's user-visible state as stored for a conflict (see state_of)."""
    return json.dumps({**fields_json(fields), "deleted": bool(deleted)}, ensure_ascii=False)


def record_conflict(db: sqlite_utils.Database, row: dict, import_id: int, *, now: str) -> bool:
    """Keep a staged record's incoming version for the city to decide (keep_conflict)."""
    state = state_json(incoming_fields(row), row["deleted"])
    return keep_conflict(db, row["id"], row["revision"], state, import_id, now=now)


def keep_conflict(
    db: sqlite_utils.Database,
    record_id: str,
    revision: int,
    state: str,
    import_id: int,
    *,
    now: str,
) -> bool:
    """Keep an incoming version (``state``, see state_json) of a conflicting record for the
    city to decide; False if this very version is already waiting or was decided (the
    same file again)."""
    known = db.execute(
        "SELECT 1 FROM conflicts WHERE record_id = ? AND revision = ? AND state = ?",
        [record_id, revision, state],
    ).fetchone()
    if known:  # waiting already, or the city has decided on this very version
        return False
    db.execute(
        "INSERT INTO conflicts (record_id, import_id, revision, state, detected_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [record_id, import_id, revision, state, now],
    )
    return True


def open_conflicts(db: sqlite_utils.Database) -> list[dict]:
    """Conflicts waiting for the city, oldest first: both versions side by side."""
    rows = list(
        db.query(
            "SELECT c.id, c.record_id, c.revision, c.state, c.detected_at, i.file_name, "
            "u.name AS unit_name, r.revision AS our_revision FROM conflicts c "
            "JOIN imports i ON i.id = c.import_id JOIN records r ON r.id = c.record_id "
            "JOIN units u ON u.code = r.unit_code WHERE c.resolution IS NULL ORDER BY c.id"
        )
    )
    for row in rows:
        row["theirs"] = json.loads(row.pop("state"))
        row["ours"] = records.state_of(records.get_record(db, row["record_id"]))
    return rows


def received_revision(db: sqlite_utils.Database, record_id: str) -> int | None:
    """The unit's revision the stored record was last brought level with."""
    row = db.execute("SELECT received_revision FROM records WHERE id = ?", [record_id]).fetchone()
    return row[0] if row else None


def get_conflict(db: sqlite_utils.Database, conflict_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM conflicts WHERE id = ?", [conflict_id]))
    return rows[0] if rows else None


def resolve_conflict(
    db: sqlite_utils.Database, conflict: dict, keep: str, *, now: str, saved_by: str
) -> None:
    """Settle a conflict: ``ours`` keeps the stored record, ``theirs`` takes the unit's
    version as the next revision. Either way the unit's revision counts as received, so
    importing the same file again does not bring the conflict back."""
    record_id = conflict["record_id"]
    if keep == "theirs":
        # The version set aside counts as decided too: the file that carries it (the other
        # PC of a unit, say) does not raise the same conflict again.
        ours = records.get_record(db, record_id)
        db.execute(
            "INSERT INTO conflicts (record_id, import_id, revision, state, detected_at, "
            "resolution, resolved_at, resolved_by) VALUES (?, ?, ?, ?, ?, 'theirs', ?, ?)",
            [
                record_id,
                conflict["import_id"],
                conflict["revision"],
                state_json(ours.fields, ours.deleted),
                now,
                now,
                saved_by,
            ],
        )
        state = json.loads(conflict["state"])
        take_incoming(
            db,
            record_id,
            fields_from_json(state),
            deleted=state["deleted"],
            unit_revision=conflict["revision"],
            import_id=None,
            now=now,
            saved_by=saved_by,
        )
    else:
        # The kept version becomes a local edit over the unit's: the same file again is
        # old news, and the unit's next edit of this record is a conflict again.
        db.execute(
            "UPDATE records SET base_revision = revision, revision = revision + 1, "
            "updated_at = ?, received_revision = MAX(received_revision, ?), "
            "received_as = revision WHERE id = ?",
            [now, conflict["revision"], record_id],
        )
        records.snapshot(db, record_id, saved_at=now, saved_by=saved_by)
    db.execute(
        "UPDATE conflicts SET resolution = ?, resolved_at = ?, resolved_by = ? "
        "WHERE record_id = ? AND resolution IS NULL AND revision <= ?",
        [keep, now, saved_by, record_id, conflict["revision"]],
    )


def set_photos(db: sqlite_utils.Database, record_id: str, photos: list[tuple], *, now: str) -> None:
    """Replace a record's photos by those a file carries (PHOTO_COLUMNS rows)."""
    db.execute("DELETE FROM record_photos WHERE record_id = ?", [record_id])
    db.conn.executemany(
        "INSERT INTO record_photos (record_id, position, width, height, sha256, image, "
        "thumbnail, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(*photo, now) for photo in photos],
    )


def same_day_pairs(db: sqlite_utils.Database, start: str, end: str, *, limit: int) -> list[tuple]:
    """(id, id) of live records of two different units with the same date and type, in
    the period: the candidates for joint events counted twice (sample data left out).

    The days come from daily_totals (a day and type with two units' records); each
    unit's records of such a day are then one seek in its (unit_code, date) index."""
    return db.execute(
        "WITH days AS (SELECT date, type FROM daily_totals WHERE date BETWEEN ? AND ? "
        "AND records > 0 GROUP BY date, type HAVING COUNT(*) > 1) "
        "SELECT a.id, b.id FROM days d CROSS JOIN units ua CROSS JOIN records a "
        "ON a.unit_code = ua.code AND a.date = d.date AND a.type = d.type "
        "CROSS JOIN units ub ON ub.code > ua.code CROSS JOIN records b "
        "ON b.unit_code = ub.code AND b.date = d.date AND b.type = d.type "
        "WHERE a.deleted = 0 AND b.deleted = 0 AND a.sample = 0 AND b.sample = 0 "
        "ORDER BY a.date, a.id, b.id LIMIT ?",
        [start, end, limit],
    ).fetchall()
