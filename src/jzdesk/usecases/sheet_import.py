"""Importing a filled statistics sheet at the city by the one merge rule (domain/merge.py):
the program's own sheet row by row through its hidden 活动明细 sheet, a hand-filled sheet as
the whole of its unit's period."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import sqlite_utils

from jzdesk.domain.periods import Period, quarter_of, quarter_period
from jzdesk.domain.record_rules import revision_problem
from jzdesk.domain.records import (
    require_valid,
)
from jzdesk.domain.units import Unit
from jzdesk.errors import KnownError
from jzdesk.store import hand_filled, merge, records, submissions
from jzdesk.usecases import installation
from jzdesk.usecases.import_result import ImportResult
from jzdesk.usecases.sheet_versions import Version, row_fields, sheet_versions

# The code of a rejection: the sheet names no 填报单位 (the window then asks which unit).
UNIT_MISSING = "unit_missing"


def import_sheet(
    db: sqlite_utils.Database,
    path: Path,
    *,
    unit: Unit | None = None,
    before_write: Callable[[], object] | None = None,
) -> ImportResult:
    """Import a filled statistics sheet as records of its unit, all or nothing, by the one
    merge rule (domain/merge.py).

    The unit is the sheet's 填报单位; ``unit`` is for a sheet that names none (a sheet
    naming another unit is refused). Each row of the program's own sheet is its record
    (through the hidden 活动明细 sheet), whatever cell was corrected. A hand-filled sheet
    stands for its unit's period: it replaces what the unit's earlier hand-filled sheets
    brought for it (rows updated, rows gone deleted, new rows added) and never touches
    records that came otherwise. ``before_write`` is called once the sheet has passed its
    checks, before it is written (see import_batch).

    Raises:
        KnownError: the file is unsafe, unreadable, names no known unit or another unit,
            holds another unit's records, or has a bad row; the message names each bad row
            and cell, and nothing is imported.
    """

    from jzdesk.io.sheet_import import read_sheet

    path = Path(path)
    parsed = read_sheet(path)
    unit = _sheet_unit(db, parsed, unit, path)
    rows = _checked_rows(db, parsed, unit, path)
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    again = _imported_before(db, unit, sha256, path, len(rows))
    if again is not None:  # an older sheet again must not undo a newer one
        return again
    if before_write is not None:
        before_write()
    now, saved_by = installation.now_iso(), f"导入：{path.name}"[:100]
    period = _report_period(parsed, rows)
    with db.atomic():
        again = _imported_before(db, unit, sha256, path, len(rows))
        if again is not None:  # by another program while this one read the sheet
            return again
        import_id = submissions.start_import(
            db,
            {
                "file_name": path.name[:200],
                "file_sha256": sha256,
                "kind": "xlsx",  # a filled sheet, whatever its container (.xls, .ods, .csv)
                "unit_code": unit.code,
                "year": period.end.year,
                "quarter": quarter_of(period.end),
                "period": period.text,
                # The 填报时间 stands for the export time a submission file states.
                "exported_at": parsed.filled_on.isoformat() if parsed.filled_on else "",
                "imported_at": datetime.now().isoformat(timespec="seconds"),
                "imported_by": installation.current_user(db),
            },
        )
        versions = sheet_versions(db, unit, parsed, rows)
        counts = _apply_versions(db, versions, import_id, now=now, saved_by=saved_by)
        submissions.finish_import(db, import_id, counts)
    notes = [
        parsed.misaligned
        and f"表中的行与隐藏的“活动明细”对不上（{parsed.misaligned}），"
        "已按手填表的规则导入：每行按内容对应原来的记录，请在导入记录中核对变动"
    ]
    if counts["deleted"]:
        notes.append(f"其中删除 {counts['deleted']} 条（新表中已没有这些行）")
    if counts["conflicts"]:
        notes.append(
            f"{counts['conflicts']} 条记录与本机保存的版本冲突，两个版本都已保留，"
            "请在“汇总导入 → 冲突”中选择"
        )
    written = counts["added"] or counts["updated"] or counts["conflicts"]
    return ImportResult(
        path.name,
        "imported" if written else "unchanged",
        "；".join(note for note in notes if note),
        counts["added"],
        counts["updated"],
        counts["unchanged"],
        counts["conflicts"],
        unit.code,
        deleted=counts["deleted"],
        period=period.text,
        import_id=import_id,
    )


def _checked_rows(db, parsed, unit: Unit, path: Path) -> list[tuple]:
    """(row, its RecordFields) for every row of the sheet, each checked as a form checks it.

    Raises:
        SheetRejected: naming every bad row.
    """
    from jzdesk.io.sheet_import import SheetRejected

    today = date.today()
    checked, problems = [], []
    for row in parsed.rows:
        fields = row_fields(unit, row, row.extra)
        try:
            require_valid(fields)
            if fields.date > today:
                raise KnownError(f"活动日期 {fields.date.isoformat()} 在今天之后")
            if row.detail is not None:
                _check_owner(db, row.detail.record_id, unit)
                _check_revision(row.detail.revision)
        except KnownError as error:
            problems.append(f"第 {row.row} 行：{error.message}")
            continue
        checked.append((row, fields))
    for detail in parsed.details if parsed.misaligned else ():
        try:
            _check_owner(db, detail.record_id, unit)
            _check_revision(detail.revision)
        except KnownError as error:
            problems.append(f"“活动明细”第 {detail.row.row} 行：{error.message}")
    if problems:
        raise SheetRejected(path.name, problems)
    return checked


def _imported_before(db, unit: Unit, sha256: str, path: Path, rows: int) -> ImportResult | None:
    """The result of importing a sheet whose very bytes were imported before: unchanged."""
    earlier = submissions.previous_import(db, unit.code, sha256)
    if earlier is None:
        return None
    return ImportResult(
        path.name,
        "unchanged",
        f"此文件已于 {earlier['imported_at'][:10]} 导入过，未重复导入",
        unchanged=rows,
        unit=unit.code,
        period=earlier["period"],
    )


def _check_revision(revision: int) -> None:
    """The hidden 活动明细 sheet's 版本 of a row obeys the rule a submission file's does."""
    problem = revision_problem(revision)
    if problem:
        raise KnownError(f"“活动明细”中的{problem}")


def _sheet_unit(db, parsed, unit: Unit | None, path: Path) -> Unit:
    """The unit a sheet belongs to: its own 填报单位, or ``unit`` when it names none."""
    if not parsed.unit_text:
        if unit is None:
            raise KnownError(
                f"文件 {path.name} 中没有填写填报单位，请指定是哪个单位的统计表",
                field="unit",
                code=UNIT_MISSING,
            )
        return unit
    try:
        named = installation.resolve_unit(db, parsed.unit_text)
    except KnownError as error:  # a refusal names the file, as every other one does
        raise KnownError(f"文件 {path.name} 的{error.message}", field=error.field) from None
    if unit is not None and unit.code != named.code:
        raise KnownError(
            f"文件 {path.name} 的填报单位是“{named.name}”，与指定的“{unit.name}”不一致，未导入",
            field="unit",
        )
    return named


def _check_owner(db, record_id: str, unit: Unit) -> None:
    """A record id from the file must not belong to another unit here."""
    existing = records.get_record(db, record_id)
    if existing is not None and existing.fields.unit_code != unit.code:
        raise KnownError(
            f"记录编号 {record_id} 属于{existing.unit_name}，不能作为{unit.name}的记录导入"
        )


def _report_period(parsed, rows: list[tuple]) -> Period:
    """The report a sheet counts as: the quarter its title names, else the quarter of its
    latest activity."""

    if parsed.period is not None and parsed.period.kind == "quarter":
        return parsed.period
    latest = max(fields.date for _, fields in rows)
    return quarter_period(latest.year, quarter_of(latest))


def _apply_versions(
    db, versions: list[Version], import_id: int, *, now: str, saved_by: str
) -> dict[str, int]:
    """Apply each version by the merge rule; returns the import's counts, every row of the
    sheet in exactly one of added, updated, unchanged and conflicts."""
    import uuid

    from jzdesk.domain.merge import Outcome, classify
    from jzdesk.domain.sheet import shown

    counts = dict.fromkeys(("added", "updated", "deleted", "unchanged", "conflicts"), 0)
    added: list[str] = []
    for version in versions:
        outcome, change = Outcome.SAME, None
        if not version.held_already:
            held = records.get_record(db, version.record_id) if version.record_id else None
            same = held is not None and (held.fields, held.deleted) == (
                version.fields,
                version.deleted,
            )
            outcome = classify(version.revision, same, merge.held(db, version.record_id))
        record_id = version.record_id
        if outcome is Outcome.NEW:
            record_id = records.insert_record(
                db,
                version.fields,
                entered_by=saved_by,
                now=now,
                record_id=record_id or str(uuid.uuid4()),
                revision=version.revision,
            )
            added.append(record_id)
            change = "added"
        elif outcome is Outcome.SYNC:
            merge.bring_level(db, record_id, version.revision, now=now, by=saved_by)
        elif outcome is Outcome.UPDATE:
            change = merge.take_incoming(
                db,
                record_id,
                version.fields,
                deleted=version.deleted,
                unit_revision=version.revision,
                import_id=import_id,
                now=now,
                saved_by=saved_by,
            )
        elif outcome is Outcome.CONFLICT and submissions.keep_conflict(
            db,
            record_id,
            version.revision,
            submissions.state_json(version.fields, version.deleted),
            import_id,
            now=now,
        ):
            change = "conflict"
        if version.hand_position is not None:
            hand_filled.note_hand_filled(
                db,
                record_id,
                said={"shown": list(shown(version.fields)), "deleted": version.deleted},
                revision=version.revision,
                position=version.hand_position,
                import_id=import_id,
            )
        if change == "added":
            counts["added"] += 1
        elif change == "conflict":
            counts["conflicts"] += 1
        elif change is not None:
            counts["updated"] += 1
            counts["deleted"] += change == "deleted"
        elif version.from_row:
            counts["unchanged"] += 1
    merge.note_added(db, import_id, [i for i in added if not merge.noted(db, import_id, i)])
    return counts
