"""Reviewing units' quarters (审核, PRODUCT §7a): the city decides 通过 or 退回 with comments
and exports reply files; a unit imports its reply and sees what to correct.

The window and the command line both call these functions, so the rules (a 退回 says why,
comments only on the unit's records of that quarter, a later file reopens the review) live
here and in domain/review.py only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import sqlite_utils

from jzdesk import __version__
from jzdesk.domain.periods import quarter_period
from jzdesk.domain.review import (
    Decision,
    QuarterReview,
    ReviewDecision,
    ReviewState,
    check_decision,
)
from jzdesk.domain.units import CITY_CODE, Unit
from jzdesk.errors import KnownError
from jzdesk.store import records, reviews
from jzdesk.usecases import installation
from jzdesk.usecases.import_result import ImportResult

REPLY_SUFFIX = ".jzreply"


def quarter_reviews(db: sqlite_utils.Database, year: int) -> list[QuarterReview]:
    """Every unit's four quarters of ``year`` as the review sees them, in plan order.

    At the city a quarter is 待审核 once a file reporting it arrived, and again when a
    file after the decision reports it or changes its records; at a unit (which imports
    no submissions) a quarter without a decision from the city is 待审核.
    """
    names = {unit.code: unit.name for unit in installation.all_units(db)}
    own = installation.unit_installation(db)
    entries = installation.plan_entries(db, year)
    codes = [own.code] if own else [e.unit_code for e in entries if e.quota is not None]
    reported = reviews.reported_quarters(db, year)
    latest: dict[tuple[str, int], ReviewDecision] = {}
    for decision in reviews.decisions(db, year, unit_codes=codes):
        latest[decision.unit_code, decision.quarter] = decision
    found = []
    for code in codes:
        for quarter in range(1, 5):
            decision = latest.get((code, quarter))
            state, why, changed = _state(
                db, code, year, quarter, decision, reported, at_unit=bool(own)
            )
            found.append(
                QuarterReview(code, names[code], year, quarter, state, decision, changed, why)
            )
    return found


def _state(db, code, year, quarter, decision, reported, *, at_unit: bool):
    """(state, why it is pending again, records changed since) of one unit's quarter."""
    if decision is None:
        received = at_unit or reported.get(code, 0) >= quarter
        return (ReviewState.PENDING if received else ReviewState.NOT_RECEIVED), "", 0
    again = f"{decision.decision.label}后重新报送"
    if at_unit:  # the unit knows only that it sent the quarter again since the reply
        sent = reviews.last_sent(db, year, quarter) > reviews.received_at(db, decision.uid)
        return (ReviewState.PENDING, again, 0) if sent else (ReviewState(decision.decision), "", 0)
    files, changed = reviews.changes_since(
        db, code, year, quarter, reviews.seen_import(db, decision.uid)
    )
    if files:
        return ReviewState.PENDING, f"{again}，改动 {changed} 条", changed
    return ReviewState(decision.decision.value), "", 0


def decide(
    db: sqlite_utils.Database,
    unit: Unit,
    year: int,
    quarter: int,
    decision: Decision,
    *,
    comment: str = "",
    record_comments: dict[str, str] | None = None,
) -> ReviewDecision:
    """Accept or send back ``unit``'s quarter, with a comment and comments on single
    records of it; a decision already made is changed by a new one (both stay in the log).

    Raises:
        KnownError: this is a unit's installation, a 退回 without a reason, a comment too
            long, or a record that is not the unit's in that quarter.
    """
    if installation.unit_installation(db) is not None:
        raise KnownError("审核由市总工会进行，报送单位的程序不能审核")
    made = ReviewDecision(
        str(uuid.uuid4()),
        unit.code,
        year,
        quarter,
        decision,
        comment.strip(),
        installation.now_iso(),
        installation.current_user(db),
        {rid: text.strip() for rid, text in (record_comments or {}).items()},
    )
    check_decision(made)
    period = quarter_period(year, quarter)
    for record_id in made.record_comments:
        record = records.get_record(db, record_id)
        if (
            record is None
            or record.fields.unit_code != unit.code
            or not period.contains(record.fields.date)
        ):
            raise KnownError(
                f"记录 {record_id[:8]} 不是{unit.name}{period.label}的记录", field="record"
            )
    with db.atomic():
        reviews.add_decision(db, made, seen_import=reviews.newest_import(db, unit.code))
    return made


def note_sent(db: sqlite_utils.Database, year: int, quarter: int) -> None:
    """At a unit, after exporting a file reporting ``quarter``: a quarter sent back and
    sent again waits for the city's review (待审核) until its next reply."""
    reviews.note_sent(db, year, quarter, datetime.now().isoformat(timespec="microseconds"))


def history(db: sqlite_utils.Database, unit: Unit, year: int, quarter: int) -> list[ReviewDecision]:
    """Every decision on the quarter, oldest first: the review's log."""
    return reviews.decisions(db, year, unit_codes=[unit.code], quarter=quarter)


def record_comments(db: sqlite_utils.Database, unit: Unit, year: int) -> dict[str, str]:
    """The comments on single records of the quarters sent back (record id → comment):
    what the unit is asked to correct, marked in its ledger. A quarter accepted since
    asks nothing more."""
    latest: dict[int, ReviewDecision] = {}
    for decision in reviews.decisions(db, year, unit_codes=[unit.code]):
        latest[decision.quarter] = decision
    returned = [d for d in latest.values() if d.decision is Decision.RETURNED]
    return {rid: text for d in returned for rid, text in d.record_comments.items()}


def comments_to_act_on(db: sqlite_utils.Database) -> dict[str, str]:
    """At a unit's installation, record_comments of its own unit this year; {} at the city."""
    own = installation.unit_installation(db)
    return record_comments(db, own, installation.default_year(db)) if own else {}


def export_replies(
    db: sqlite_utils.Database, year: int, out: Path, *, unit: Unit | None = None
) -> list[Path]:
    """Write the review replies of ``year``: one ``<unit>-<year>-审核意见.jzreply`` per unit
    with decisions (or for ``unit`` only) into the folder ``out``; or to the file ``out``
    ``unit``'s, or every unit's in one file (each unit takes its own part).
    A reply carries every decision of the year (a later one supersedes an earlier one),
    so a unit that missed a file loses nothing.

    Raises:
        KnownError: nothing decided yet, or the file or folder cannot be written.
    """
    from jzdesk.io.reply_file import write_reply

    if installation.unit_installation(db) is not None:
        raise KnownError("审核回复由市总工会导出，报送单位的程序不能导出")
    codes = [unit.code] if unit else None
    decided = reviews.decisions(db, year, unit_codes=codes)
    if not decided:
        raise KnownError(f"{year} 年还没有审核意见可以导出")
    manifest = {"from_unit": CITY_CODE, "year": str(year), "exported_at": installation.now_iso()}
    manifest["program_version"] = __version__
    names = {u.code: u.name for u in installation.all_units(db)}
    if not out.is_dir() and (unit is not None or out.suffix.lower() == REPLY_SUFFIX):
        if out.suffix.lower() != REPLY_SUFFIX:
            raise KnownError(f"审核回复的文件名应以 {REPLY_SUFFIX} 结尾：{out.name}", field="out")
        write_reply(out, manifest, decided)
        return [out]
    if not out.is_dir():
        raise KnownError(f"文件夹 {out} 不存在", field="out")
    written = []
    for code in dict.fromkeys(d.unit_code for d in decided):
        path = out / f"{names[code]}-{year}-审核意见{REPLY_SUFFIX}"
        write_reply(path, manifest, [d for d in decided if d.unit_code == code])
        written.append(path)
    return written


def import_reply(
    db: sqlite_utils.Database, path: Path, *, before_write: Callable[[], object] | None = None
) -> ImportResult:
    """Take this unit's decisions from a reply file, all or nothing; the same file again
    changes nothing. ``before_write``: see imports.import_file.

    Raises:
        KnownError: not a unit's installation, the file is not a sound reply, holds a bad
            decision, or none for this unit; nothing is written.
    """
    from jzdesk.io.reply_file import read_reply

    path = Path(path)
    own = installation.unit_installation(db)
    if own is None:
        raise KnownError(f"{path.name} 是市总工会的审核回复，应在报送单位的程序中导入")
    reply = read_reply(path)
    for decision in reply.decisions:
        try:
            check_decision(decision)
        except KnownError as error:
            raise KnownError(
                f"审核回复文件 {path.name} 中有无效的审核意见：{error.message}"
            ) from None
    mine = [d for d in reply.decisions if d.unit_code == own.code]
    if not mine:
        raise KnownError(f"审核回复文件 {path.name} 中没有{own.name}的审核意见")
    if before_write is not None:
        before_write()
    received_at = datetime.now().isoformat(timespec="microseconds")
    with db.atomic():
        taken = [d for d in mine if reviews.add_decision(db, d, received_at=received_at)]
    return _reply_result(path, own, taken, len(mine))


def _reply_result(path: Path, own: Unit, taken: list[ReviewDecision], total: int) -> ImportResult:
    if not taken:
        reason = f"其中 {total} 条审核意见都已导入过"
    else:
        said = "；".join(f"第 {d.quarter} 季度{d.decision.label}" for d in taken)
        reason = f"审核意见 {len(taken)} 条：{said}"
    return ImportResult(
        path.name,
        "imported" if taken else "unchanged",
        reason,
        unit=own.code,
        kind="reply",
    )
