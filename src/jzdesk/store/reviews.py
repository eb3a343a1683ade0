"""Review decisions in the database: the log of decisions and their record comments, and
what the unit sent after a decision (which reopens it)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from jzdesk.domain.periods import quarter_period
from jzdesk.domain.review import Decision, ReviewDecision
from jzdesk.store import settings


def add_decision(
    db: sqlite_utils.Database,
    decision: ReviewDecision,
    *,
    seen_import: int = 0,
    received_at: str | None = None,
) -> bool:
    """Keep a decision and its record comments; False if it was kept already (a reply
    imported twice)."""
    cursor = db.execute(
        "INSERT INTO review_decisions (uid, unit_code, year, quarter, decision, comment, "
        "decided_at, decided_by, seen_import, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(uid) DO NOTHING",
        [
            decision.uid,
            decision.unit_code,
            decision.year,
            decision.quarter,
            decision.decision.value,
            decision.comment,
            decision.decided_at,
            decision.decided_by,
            seen_import,
            received_at,
        ],
    )
    if cursor.rowcount == 0:
        return False
    db.conn.executemany(
        "INSERT INTO review_comments (decision_id, record_id, comment) VALUES (?, ?, ?)",
        [(cursor.lastrowid, rid, text) for rid, text in decision.record_comments.items()],
    )
    return True


def decisions(
    db: sqlite_utils.Database,
    year: int,
    *,
    unit_codes: Iterable[str] | None = None,
    quarter: int | None = None,
) -> list[ReviewDecision]:
    """The decisions of ``year`` (of some units, of one quarter), oldest first."""
    where, params = ["d.year = ?"], [year]
    if unit_codes is not None:
        codes = list(unit_codes)
        where.append(f"d.unit_code IN ({', '.join('?' * len(codes))})")
        params += codes
    if quarter is not None:
        where.append("d.quarter = ?")
        params.append(quarter)
    rows = db.execute(
        "SELECT d.id, d.uid, d.unit_code, d.year, d.quarter, d.decision, d.comment, "
        f"d.decided_at, d.decided_by FROM review_decisions d WHERE {' AND '.join(where)} "
        "ORDER BY d.decided_at, d.id",
        params,
    ).fetchall()
    comments: dict[int, dict[str, str]] = {}
    if rows:
        for decision_id, record_id, text in db.execute(
            "SELECT decision_id, record_id, comment FROM review_comments "
            "WHERE decision_id BETWEEN ? AND ? ORDER BY record_id",
            [min(row[0] for row in rows), max(row[0] for row in rows)],
        ):
            comments.setdefault(decision_id, {})[record_id] = text
    return [
        ReviewDecision(
            uid, unit, year_, quarter_, Decision(kind), text, at, by, comments.get(row_id, {})
        )
        for row_id, uid, unit, year_, quarter_, kind, text, at, by in rows
    ]


def seen_import(db: sqlite_utils.Database, uid: str) -> int:
    row = db.execute("SELECT seen_import FROM review_decisions WHERE uid = ?", [uid]).fetchone()
    return row[0] if row else 0


def newest_import(db: sqlite_utils.Database, unit_code: str) -> int:
    """The id of the unit's newest import (0: none): what a decision has seen."""
    row = db.execute("SELECT MAX(id) FROM imports WHERE unit_code = ?", [unit_code]).fetchone()
    return row[0] or 0


# The records each of a unit's imports after a given one changed or added (?1 the unit,
# ?2 that import): import_changes and import_added's lists.
_TOUCHED = """
WITH touched(import_id, record_id) AS (
    SELECT c.import_id, c.record_id FROM imports i JOIN import_changes c ON c.import_id = i.id
    WHERE i.unit_code = ?1 AND i.id > ?2
    UNION ALL
    SELECT a.import_id, j.value FROM imports i JOIN import_added a ON a.import_id = i.id,
        json_each(a.record_ids) j
    WHERE i.unit_code = ?1 AND i.id > ?2)
"""


def changes_since(
    db: sqlite_utils.Database, unit_code: str, year: int, quarter: int, after_import: int
) -> tuple[int, int]:
    """(files, records changed): the unit's imports after ``after_import`` that report the
    quarter or change its records, and how many of its records they changed."""
    period = quarter_period(year, quarter)
    within = [unit_code, after_import, period.start.isoformat(), period.end.isoformat()]
    files = db.execute(
        _TOUCHED + "SELECT COUNT(*) FROM imports i WHERE i.unit_code = ?1 AND i.id > ?2 "
        "AND i.year = ?5 AND (i.quarter = ?6 OR i.id IN (SELECT t.import_id FROM touched t "
        "JOIN records r ON r.id = t.record_id WHERE r.date BETWEEN ?3 AND ?4))",
        [*within, year, quarter],
    ).fetchone()[0]
    changed = db.execute(
        _TOUCHED + "SELECT COUNT(DISTINCT t.record_id) FROM touched t "
        "JOIN records r ON r.id = t.record_id WHERE r.date BETWEEN ?3 AND ?4",
        within,
    ).fetchone()[0]
    return files, changed


def reported_quarters(db: sqlite_utils.Database, year: int) -> dict[str, int]:
    """For each unit, the latest quarter of ``year`` a file of it reported (a file reports
    its own quarter and, being cumulative, every one before it)."""
    return dict(
        db.execute(
            "SELECT unit_code, MAX(quarter) FROM imports WHERE year = ? GROUP BY unit_code",
            [year],
        ).fetchall()
    )


def note_sent(db: sqlite_utils.Database, year: int, quarter: int, at: str) -> None:
    """At a unit: a submission file reporting ``quarter`` (and, being cumulative, every
    quarter before it) was exported at ``at`` (local time, as received_at)."""
    settings.set_meta(db, f"review_sent_{year}Q{quarter}", at)


def last_sent(db: sqlite_utils.Database, year: int, quarter: int) -> str:
    """At a unit: when a file reporting ``quarter`` was last exported ("" if never)."""
    times = [settings.get_meta(db, f"review_sent_{year}Q{q}") or "" for q in range(quarter, 5)]
    return max(times)


def received_at(db: sqlite_utils.Database, uid: str) -> str:
    row = db.execute("SELECT received_at FROM review_decisions WHERE uid = ?", [uid]).fetchone()
    return (row[0] or "") if row else ""
