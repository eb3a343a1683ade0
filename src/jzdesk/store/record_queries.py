"""Lists and totals over many records, fast at a million: the ledger's sorted pages (a merge
of the units' index walks where that beats a sort), totals from daily_totals, suggestions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import sqlite_utils

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import (
    ActivityRecord,
    RecordFilter,
)
from jzdesk.store.records import media_of, record_from_row

# ORDER BY expressions for each sort key of domain.records.SORT_KEYS.
_SORT_SQL = {
    "number": "r.date {o}, u.sort_order, r.created_at {o}, r.id",
    "date": "r.date {o}, u.sort_order, r.created_at {o}, r.id",
    # Ties go by date and id in the same direction: a unit's index walked backwards gives
    # them so (see _merged_page).
    "unit": "u.sort_order {o}, r.date {o}, r.id {o}",
    "title": "r.title {o}, r.date {o}, r.id {o}",
    "venue": "r.venue {o}, r.date {o}, r.id {o}",
    "audience": "r.audience {o}, r.date {o}, r.id {o}",
    "demonstration": "r.demonstration {o}, r.date {o}, r.id {o}",
    "notes": "r.notes {o}, r.date {o}, r.id {o}",
    "sessions": "r.sessions {o}, r.date {o}, r.id {o}",
    **{
        kind.value: f"(CASE WHEN r.type = '{kind.value}' THEN r.sessions ELSE 0 END) {{o}}, "
        "r.date, r.id"
        for kind in ActivityType
    },
}


def _unit_period_type(spec: RecordFilter, prefix: str) -> tuple[list[str], list]:
    """Conditions on unit, period and type, over columns named ``prefix`` + column."""
    where, params = [], []
    if spec.unit_codes is not None:
        where.append(f"{prefix}unit_code IN ({', '.join('?' * len(spec.unit_codes))})")
        params.extend(spec.unit_codes)
    if spec.period is not None:
        where.append(f"{prefix}date BETWEEN ? AND ?")
        params.extend([spec.period.start.isoformat(), spec.period.end.isoformat()])
    if spec.types is not None:
        where.append(f"{prefix}type IN ({', '.join('?' * len(spec.types))})")
        params.extend(sorted(kind.value for kind in spec.types))
    return where, params


def _where(spec: RecordFilter) -> tuple[str, list]:
    """The WHERE clause (over alias ``r``) for ``spec``."""
    # A literal, not a parameter: only then can SQLite use the partial (deleted = 0) indexes.
    where, params = _unit_period_type(spec, "r.")
    where.insert(0, f"r.deleted = {int(spec.deleted)}")
    if spec.unit_codes is None and spec.period is not None:
        # Every unit, as far as the rows go; it lets SQLite read a period as one range
        # of each unit's (unit_code, date) index instead of every record.
        where.append("r.unit_code IN (SELECT code FROM units)")
    if spec.demonstration is not None:
        where.append("r.demonstration = ?")
        params.append(int(spec.demonstration))
    if spec.has_photos is not None:
        exists = "EXISTS (SELECT 1 FROM record_photos p WHERE p.record_id = r.id)"
        where.append(exists if spec.has_photos else f"NOT {exists}")
    if spec.text.strip():
        pattern = (
            "%"
            + spec.text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            + "%"
        )
        where.append(
            "(r.title LIKE ? ESCAPE '\\' OR r.venue LIKE ? ESCAPE '\\' OR r.notes LIKE ? ESCAPE '\\')"
        )
        params.extend([pattern] * 3)
    return " AND ".join(where), params


def list_records(
    db: sqlite_utils.Database,
    spec: RecordFilter = RecordFilter(),
    *,
    sort: str = "date",
    descending: bool = False,
    limit: int = -1,
    offset: int = 0,
) -> list[ActivityRecord]:
    """Records matching ``spec``, sorted, one page of them (all with the default limit)."""
    if sort in _TYPE_KEYS:
        return _list_by_type_column(db, spec, ActivityType(sort), descending, limit, offset)
    direction = "DESC" if descending else "ASC"
    scan = _scan_hint(db, spec)
    units = [] if scan else _units_to_merge(db, spec, sort)
    if units:
        rows = _merged_page(db, spec, units, sort, direction, limit, offset)
    else:
        condition, params = _where(spec)
        order = _SORT_SQL[sort].format(o=direction)
        hint = scan or _sort_index_hint(db, spec, sort)
        rows = list(
            db.query(
                f"SELECT r.*, u.name AS unit_name FROM records r {hint} "
                f"JOIN units u ON u.code = r.unit_code "
                f"WHERE {condition} ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        )
    media = media_of(db, [row["id"] for row in rows])
    return [record_from_row(row, tuple(media.get(row["id"], ()))) for row in rows]


_TYPE_KEYS = {kind.value for kind in ActivityType}


def _list_by_type_column(db, spec, kind, descending, limit, offset) -> list[ActivityRecord]:
    """Sort by a type's column of the sheet: that type's records by their sessions, and the
    others (an empty cell) by date, as two index-friendly queries paged as one list."""
    wanted = spec.types if spec.types is not None else frozenset(ActivityType)
    typed = replace(spec, types=frozenset({kind} & wanted))
    others = replace(spec, types=wanted - {kind})
    segments = [(typed, "sessions"), (others, "date")]
    if not descending:
        segments.reverse()
    page: list[ActivityRecord] = []
    for segment, order in segments:
        if not segment.types or (limit >= 0 and len(page) >= limit):
            continue
        size = totals(db, segment)["records"]
        if offset >= size:
            offset -= size
            continue
        want = -1 if limit < 0 else limit - len(page)
        by_sessions = order == "sessions"
        page += list_records(
            db,
            segment,
            sort=order,
            descending=descending and by_sessions,
            limit=want,
            offset=offset,
        )
        offset = 0
    return page


# Indexes that give a unit's records in the order of a column (see the migrations).
_SORT_INDEXES = {
    "sessions": "records_by_unit_type_sessions",
    "title": "records_by_unit_title",
    "venue": "records_by_unit_venue",
    "audience": "records_by_unit_audience",
}


_WALK_THRESHOLD = 2000


def _scan_hint(db: sqlite_utils.Database, spec: RecordFilter) -> str:
    """``NOT INDEXED`` when a filter on the rows themselves (a search, demonstration,
    photos) has to look at more than a quarter of all records.

    Through an index every record in the unit and period range costs a jump to its row,
    about four times what reading it in a plain pass over the table costs; a search for a
    word found nowhere in 100 k records took 170 ms through the (unit, date) indexes and
    50 ms as one pass (benchmarks/run.py, "ledger search").
    """
    if is_simple(spec):
        return ""
    where, params = _unit_period_type(
        RecordFilter(unit_codes=spec.unit_codes, period=spec.period), ""
    )
    in_range, everything = db.execute(
        f"SELECT TOTAL(CASE WHEN {' AND '.join(['1', *where])} THEN records END), TOTAL(records) "
        "FROM daily_totals",
        params,
    ).fetchone()
    return "NOT INDEXED" if in_range * 4 > everything else ""


# Sorts whose per-unit index (_SORT_INDEXES, records_by_unit for dates) gives the order
# of _SORT_SQL, either way: the column, then the date; what else breaks ties is sorted
# within one day.
_MERGEABLE = frozenset({"title", "venue", "audience", "date", "number"})


def _units_to_merge(db: sqlite_utils.Database, spec: RecordFilter, sort: str) -> list[str]:
    """The units whose index walks _merged_page merges, for a list of several units' many
    records in the order of a column; empty when SQLite's own plan is the better one."""
    if sort not in _MERGEABLE or spec.deleted:
        return []
    if spec.unit_codes is not None and len(spec.unit_codes) < 2:
        return []  # one unit: _sort_index_hint
    matching = _daily_totals(db, RecordFilter(unit_codes=spec.unit_codes, period=spec.period))
    if matching["records"] < _WALK_THRESHOLD:
        return []
    if spec.unit_codes is not None:
        return list(dict.fromkeys(spec.unit_codes))  # a unit named twice is listed once
    return [code for (code,) in db.execute("SELECT code FROM units ORDER BY sort_order")]


def _merged_page(
    db: sqlite_utils.Database,
    spec: RecordFilter,
    units: list[str],
    sort: str,
    direction: str,
    limit: int,
    offset: int,
) -> list[dict]:
    """One page of several units' records in the order of ``sort``, as SQLite's merge of
    one ordered walk of each unit's index (a UNION ALL with one ORDER BY): the first page
    of a million records by title then costs a few hundred rows, not a sort of them all."""
    index = _SORT_INDEXES.get(sort, "records_by_unit")
    # A compound SELECT orders by its result columns: _SORT_SQL's keys without the aliases.
    order = _SORT_SQL[sort].replace("u.sort_order", "unit_order").replace("r.", "")
    arms, params = [], []
    for code in units:
        condition, arm_params = _where(replace(spec, unit_codes=(code,)))
        arms.append(
            f"SELECT r.*, u.name AS unit_name, u.sort_order AS unit_order "
            f"FROM records r INDEXED BY {index} JOIN units u ON u.code = r.unit_code "
            f"WHERE {condition}"
        )
        params += arm_params
    return list(
        db.query(
            f"{' UNION ALL '.join(arms)} ORDER BY {order.format(o=direction)} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    )


def _sort_index_hint(db: sqlite_utils.Database, spec: RecordFilter, sort: str) -> str:
    """``INDEXED BY`` the column's index when a unit's period holds many records.

    Walking the column's index yields the first page at once when most of the unit's
    records match; for a short period, sorting the few matching rows is quicker, and
    SQLite (which cannot tell how wide a date range is) picks that on its own.
    """
    index = _SORT_INDEXES.get(sort)
    if index is None or spec.deleted or spec.unit_codes is None or len(spec.unit_codes) != 1:
        return ""
    matching = _daily_totals(db, RecordFilter(unit_codes=spec.unit_codes, period=spec.period))
    return f"INDEXED BY {index}" if matching["records"] >= _WALK_THRESHOLD else ""


def totals(db: sqlite_utils.Database, spec: RecordFilter = RecordFilter()) -> dict:
    """Count, sessions per type and audience of the records matching ``spec`` (the 合计 row).

    Filters by unit, period and type are answered from daily_totals; the others (text,
    demonstration, photos, the recycle bin) need the records themselves.
    """
    if is_simple(spec):
        return _daily_totals(db, spec)
    condition, params = _where(spec)
    per_type = ", ".join(
        f"TOTAL(CASE WHEN r.type = '{kind.value}' THEN r.sessions END)" for kind in ActivityType
    )
    row = db.execute(
        f"SELECT COUNT(*), TOTAL(r.audience), {per_type} FROM records r {_scan_hint(db, spec)} "
        f"WHERE {condition}",
        params,
    ).fetchone()
    sessions = {kind: int(value) for kind, value in zip(ActivityType, row[2:], strict=True)}
    return {"records": row[0], "audience": int(row[1]), "sessions": sessions}


def is_simple(spec: RecordFilter) -> bool:
    """True if only units, period and types are asked for: the totals are then instant."""
    return not (
        spec.text.strip()
        or spec.deleted
        or spec.demonstration is not None
        or spec.has_photos is not None
    )


def _daily_totals(db: sqlite_utils.Database, spec: RecordFilter) -> dict:
    where, params = _unit_period_type(spec, "")
    where.insert(0, "1")
    sessions = dict.fromkeys(ActivityType, 0)
    count = audience = 0
    for kind, records_, sessions_, audience_ in db.execute(
        f"SELECT type, SUM(records), SUM(sessions), SUM(audience) FROM daily_totals "
        f"WHERE {' AND '.join(where)} GROUP BY type",
        params,
    ):
        sessions[ActivityType(kind)] = sessions_
        count += records_
        audience += audience_
    return {"records": count, "audience": audience, "sessions": sessions}


def suggestions(db: sqlite_utils.Database, unit_code: str, column: str, *, limit: int = 300):
    """Distinct earlier values of ``column`` (title or venue) for a unit, most recent first."""
    if column not in ("title", "venue", "presenter"):
        raise ValueError(column)
    return [
        row[0]
        for row in db.execute(
            f"SELECT {column} FROM records WHERE unit_code = ? AND deleted = 0 AND {column} <> '' "
            f"GROUP BY {column} ORDER BY MAX(updated_at) DESC LIMIT ?",
            [unit_code, limit],
        )
    ]


def same_day_records(
    db: sqlite_utils.Database, unit_code: str, day: date, kind: ActivityType
) -> list[ActivityRecord]:
    """Live records of a unit on a day and of a type: the candidates for a likely duplicate."""
    spec = RecordFilter(unit_codes=(unit_code,), period=None, types=frozenset({kind}))
    condition, params = _where(spec)
    rows = list(
        db.query(
            f"SELECT r.*, u.name AS unit_name FROM records r JOIN units u ON u.code = r.unit_code "
            f"WHERE {condition} AND r.date = ?",
            [*params, day.isoformat()],
        )
    )
    return [record_from_row(row, ()) for row in rows]
