"""The merge rule, written once: how a unit's version of a record meets the
version the city holds, whichever kind of file brought it.

A held record remembers the unit's revision it was last brought level with
(``received_revision``) and the local revision that made (``received_as``); a local revision
above ``received_as`` is an edit made here (a correction at the city), which no later
version from the unit may silently overwrite.

Two paths apply the rule: the .jzsub merge classifies a whole file with one SQL statement
(store/merge.py, its fast path, held equal to :func:`classify` by a property test), and a
statistics sheet calls :func:`classify` for each of its rows. A row of a sheet carries no
revision of its own when it was filled or corrected by hand; :func:`sheet_revision` gives it
one, and :func:`pair_rows` finds which record a hand-filled row stands for.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from enum import Enum


class Outcome(str, Enum):
    """What an incoming version does to the held one."""

    NEW = "new"  # not held here: added
    SAME = "same"  # held already, same content: nothing to do
    SYNC = "sync"  # same content under a newer revision: brought level, nothing else
    OLD = "old"  # an older version (or one the city has moved past): rolls nothing back
    UPDATE = "update"  # a newer version: replaces the held one
    CONFLICT = "conflict"  # two different edits: both kept, the city picks


@dataclass(frozen=True)
class Held:
    """The bookkeeping of a record held here (see the module docstring)."""

    revision: int
    received_revision: int
    received_as: int

    @property
    def edited_here(self) -> bool:
        """Whether the record was changed here after the unit's version was last taken."""
        return self.received_as > 0 and self.revision > self.received_as

    @property
    def last_received(self) -> int:
        """The unit's revision last taken (records older than the bookkeeping: their own)."""
        return self.received_revision if self.received_revision > 0 else self.revision


def classify(incoming_revision: int, same_content: bool, held: Held | None) -> Outcome:
    """The merge rule for one record.

    Args:
        incoming_revision: the unit's revision of the incoming version.
        same_content: whether its content (fields, media, deletion) equals the held one's.
        held: the record as held here, or None when it is not.
    """
    if held is None:
        return Outcome.NEW
    if same_content:
        return Outcome.SYNC if incoming_revision > held.received_revision else Outcome.SAME
    if incoming_revision < held.last_received:
        return Outcome.OLD
    if incoming_revision == held.last_received:
        # The same revision with other content is two edits of one version, unless the
        # city has edited since: then the city's edit is the newer one.
        return Outcome.OLD if held.edited_here else Outcome.CONFLICT
    return Outcome.CONFLICT if held.edited_here else Outcome.UPDATE


def sheet_revision(reference_revision: int, *, changed: bool) -> int:
    """The unit's revision of a sheet row, from the version the row was made from.

    A row of the program's own sheet carries its record's revision; a clerk who corrected
    a cell in Excel, WPS or LibreOffice made the next revision of it. A hand-filled row is,
    in the same way, the next revision of what the unit's earlier sheet said, or that same
    revision when the row is unchanged.
    """
    return reference_revision + 1 if changed else reference_revision


@dataclass(frozen=True)
class Candidate:
    """A record a sheet's row may stand for: what the unit last said of it (``shown``,
    the cells a sheet shows) and the row it was on."""

    key: Hashable  # the caller's handle (a record id)
    shown: tuple
    position: int


# How many of the shown cells (date, type, sessions, title, venue, audience, notes) a
# corrected row must still share with what it was, to be taken for that row.
_ALIKE = 4


def pair_rows(rows: Sequence[tuple], candidates: Sequence[Candidate]) -> list[Hashable | None]:
    """For each row (its shown cells, in sheet order), the candidate it stands for, or None.

    Equal rows pair first, nearest position first, so that two identical rows stay two
    records. A row left over pairs with a left-over candidate it still shares at least
    four cells with (a corrected date, type or audience), the most alike first; anything
    else is a new row, and a candidate left over is a row the sheet no longer has. The
    pairing only decides what is reported as updated rather than removed and added: the
    records held afterwards are the sheet's rows either way.
    """
    paired: list[Hashable | None] = [None] * len(rows)
    free = dict(enumerate(candidates))
    by_shown: dict[tuple, list[int]] = {}
    for index, candidate in free.items():
        by_shown.setdefault(candidate.shown, []).append(index)
    for position, shown in enumerate(rows, start=1):
        same = [i for i in by_shown.get(shown, ()) if i in free]
        if same:
            best = min(same, key=lambda i: abs(free[i].position - position))
            paired[position - 1] = free.pop(best).key
    for position, index in _alike_pairs(rows, paired, free):
        paired[position - 1] = free.pop(index).key
    return paired


def _alike_pairs(rows, paired, free: dict[int, Candidate]):
    """(row position, candidate index) of left-over rows and candidates alike enough, most
    alike first. Only candidates sharing the date, title or venue are compared, so a sheet
    of thousands of rows costs no more than its similar rows."""
    index: dict[tuple, list[int]] = {}
    for i, candidate in free.items():
        for slot in (0, 3, 4):  # date, title, venue
            index.setdefault((slot, candidate.shown[slot]), []).append(i)
    scored = []
    for position, shown in enumerate(rows, start=1):
        if paired[position - 1] is not None:
            continue
        near = {i for slot in (0, 3, 4) for i in index.get((slot, shown[slot]), ())}
        for i in near:
            alike = sum(a == b for a, b in zip(shown, free[i].shown, strict=True))
            if alike >= _ALIKE:
                scored.append((-alike, abs(free[i].position - position), position, i))
    taken_rows: set[int] = set()
    for _, _, position, i in sorted(scored):
        if position not in taken_rows and i in free:
            taken_rows.add(position)
            yield position, i
