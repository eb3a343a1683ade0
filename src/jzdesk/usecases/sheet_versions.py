"""Which versions of records a statistics sheet brings, for the merge rule: the record each
row stands for (through the hidden 活动明细, or paired with what the unit's earlier
hand-filled sheet said) under the unit's revision, and a deletion for each record the sheet
stands for but no longer has."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from jzdesk.domain.periods import Period, quarter_of, quarter_period
from jzdesk.domain.records import (
    RecordFields,
    cleaned,
)
from jzdesk.domain.units import Unit
from jzdesk.store import hand_filled, record_queries, records

# The code of a rejection: the sheet names no 填报单位 (the window then asks which unit).
UNIT_MISSING = "unit_missing"


def sheet_versions(db: sqlite_utils.Database, unit: Unit, parsed, rows: list[tuple]) -> list:
    """The unit's versions of records a sheet brings, for the merge rule: one per row, and a
    deletion for each record the sheet stands for that it no longer has.

    A row lined up with the 活动明细 sheet is that record; its revision is the exported one,
    or the next if a cell was corrected by hand. Any other row is paired (domain.merge.
    pair_rows) with what the unit said before: the 活动明细 rows when the sheets no longer
    line up, and the records the unit's hand-filled sheets brought for the period. A row
    paired with nothing is an activity already held from another file (counted, not
    doubled) or a new one."""
    from jzdesk.domain.merge import Candidate, pair_rows, sheet_revision
    from jzdesk.domain.sheet import shown

    versions: list[Version] = []
    loose = []
    for row, fields in rows:
        if row.detail is None:
            loose.append((row, fields))
            continue
        changed = shown(fields) != shown(row_fields(unit, row.detail.row, {}))
        versions.append(
            Version(
                row.detail.record_id, fields, sheet_revision(row.detail.revision, changed=changed)
            )
        )
    stands_for = _stands_for(parsed, rows)
    first = min([p.start for p in stands_for] + [f.date for _, f in loose])
    last = max([p.end for p in stands_for] + [f.date for _, f in loose])
    candidates = {}
    if parsed.misaligned:
        for detail in parsed.details:
            said = row_fields(unit, detail.row, detail.row.extra)
            candidates[detail.record_id] = Said(
                shown(said), False, detail.revision, detail.row.row - 1, said, vanishes=True
            )
    for held in hand_filled.hand_filled(db, unit.code, first, last):
        if held["record_id"] not in candidates:
            day = date.fromisoformat(held["date"])
            candidates[held["record_id"]] = Said(
                tuple(held["said"]["shown"]),
                held["said"]["deleted"],
                held["revision"],
                held["position"],
                None,
                hand=True,
                vanishes=any(p.contains(day) for p in stands_for),
            )
    pairs = pair_rows(
        [shown(fields) for _, fields in loose],
        [Candidate(key, said.shown, said.position) for key, said in candidates.items()],
    )
    # Records the sheet speaks of are never also "held already" for another row.
    taken = {version.record_id for version in versions} | set(candidates)
    for position, ((_, fields), key) in enumerate(zip(loose, pairs, strict=True), start=1):
        if key is None:
            versions.append(_unpaired(db, fields, taken, position))
            continue
        said = candidates.pop(key)
        fields = said.completed(db, key, fields)
        changed = shown(fields) != said.shown or said.deleted
        versions.append(
            Version(
                key,
                fields,
                sheet_revision(said.revision, changed=changed),
                hand_position=position if said.hand else None,
            )
        )
    for key, said in candidates.items():
        if said.vanishes and not said.deleted and records.get_record(db, key) is not None:
            versions.append(
                Version(
                    key,
                    said.completed(db, key, None),
                    said.revision + 1,
                    deleted=True,
                    from_row=False,
                    hand_position=said.position if said.hand else None,
                )
            )
    return versions


def row_fields(unit: Unit, row, extra: dict) -> RecordFields:
    """A sheet row's cells as a record of ``unit``, with ``extra`` for the fields a printed
    sheet has no room for."""
    return cleaned(
        RecordFields(
            unit_code=unit.code,
            date=row.date,
            activity_type=row.activity_type,
            sessions=row.sessions,
            title=row.title,
            venue=row.venue,
            audience=row.audience,
            notes=row.notes,
            **extra,
        )
    )


def _stands_for(parsed, rows: list[tuple]) -> list[Period]:
    """The periods a sheet stands for whole: the one its title names, else the quarters
    its dates fall in."""

    if parsed.period is not None:
        return [parsed.period]
    quarters = {(fields.date.year, quarter_of(fields.date)) for _, fields in rows}
    return [quarter_period(year, quarter) for year, quarter in sorted(quarters)]


@dataclass(frozen=True)
class Version:
    """The unit's version of a record, as a sheet brings it (record_id None: a new one)."""

    record_id: str | None
    fields: RecordFields
    revision: int
    deleted: bool = False
    from_row: bool = True  # False: a record the sheet no longer has
    hand_position: int | None = None  # the row of a hand-filled record, to remember it
    held_already: bool = False  # the same activity, held from another file: count only


@dataclass(frozen=True)
class Said:
    """What the unit said of a record before: a row of the 活动明细 sheet or of an earlier
    hand-filled sheet."""

    shown: tuple
    deleted: bool
    revision: int
    position: int
    fields: RecordFields | None  # all its fields, where the sheet had them
    hand: bool = False
    vanishes: bool = False  # deleted if the sheet no longer has it

    def completed(self, db, record_id: str, fields: RecordFields | None) -> RecordFields:
        """``fields`` (None: as said before) with what a printed row cannot show taken from
        the 活动明细 row, or for a hand-filled record from the record as held."""
        from dataclasses import replace

        whole = self.fields or records.get_record(db, record_id).fields
        if fields is None:
            return whole
        return replace(
            whole,
            date=fields.date,
            activity_type=fields.activity_type,
            sessions=fields.sessions,
            title=fields.title,
            venue=fields.venue,
            audience=fields.audience,
            notes=fields.notes,
        )


def _unpaired(db, fields: RecordFields, taken: set[str], position: int) -> Version:
    """A row that stands for no record the unit sent before: the same activity held from
    another file (a .jzsub, the city's own entry) is counted, never doubled; anything else
    is a new activity of a hand-filled sheet."""
    from jzdesk.domain.sheet import shown

    for record in record_queries.same_day_records(
        db, fields.unit_code, fields.date, fields.activity_type
    ):
        if record.id not in taken and shown(record.fields) == shown(fields):
            taken.add(record.id)
            return Version(record.id, fields, record.revision, held_already=True)
    return Version(None, fields, 1, hand_position=position)
