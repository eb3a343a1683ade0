"""The city imports a submission file: checked whole as an untrusted file (on a second thread
in a batch), then merged in one transaction by the set-based fast path of the merge rule."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import sqlite_utils

from jzdesk.domain.periods import Period, parse_period, quarter_of
from jzdesk.domain.units import Unit
from jzdesk.errors import KnownError, disk_full_message, sqlite_failure
from jzdesk.io.submission_checks import reject_problems
from jzdesk.io.submission_reader import ReceivedSubmission
from jzdesk.store import merge, plans, settings, submissions
from jzdesk.usecases import installation
from jzdesk.usecases.import_result import ImportResult
from jzdesk.usecases.submission_check import Checked, ReadAhead, check_submission, stage_records
from jzdesk.usecases.submission_export import unit_family


def import_submission(
    db: sqlite_utils.Database,
    path: Path,
    *,
    should_stop: Callable[[], bool] | None = None,
    ahead: ReadAhead | None = None,
    before_write: Callable[[], object] | None = None,
) -> ImportResult:
    """Check a submission file whole and merge it in one transaction, all of it or nothing; with
    ``ahead``, the checks of the file alone may already have run on its thread.
    ``before_write`` is called when the checks have passed, before the merge.

    Raises:
        KnownError: the file is not a submission file, damaged, altered, from a newer
            program, of an unknown unit, or carries records it may not; nothing changes.
    """
    path = Path(path)
    try:
        checked = ahead.take(path) if ahead is not None else None
        if checked is None:
            checked = check_submission(
                path, should_stop=should_stop, known=submissions.imported_hashes(db)
            )
        return _import_checked(db, checked, before_write)
    except sqlite3.OperationalError as error:
        failure = sqlite_failure(error)
        if failure == "interrupt":
            raise KnownError(f"读取文件 {path.name} 超时或已取消，未导入") from error
        if failure == "full":
            raise KnownError(disk_full_message(path)) from error
        if failure in ("busy", "locked"):
            raise KnownError(
                f"数据库正被另一个程序写入，文件 {path.name} 未导入，请稍后再试"
            ) from error
        raise KnownError(f"文件 {path.name} 无法读取（已损坏），未导入") from error
    except (sqlite3.Error, OverflowError, ValueError, TypeError, KeyError) as error:
        # The checks should have caught it; the transaction was rolled back.
        raise KnownError(f"文件 {path.name} 中有无效的内容，未导入（{error}）") from error


def _import_checked(
    db: sqlite_utils.Database, checked: Checked, before_write: Callable[[], object] | None
) -> ImportResult:
    with checked.package as package:
        package.restart_budget()
        unit, period = _package_unit(db, package)
        family = unit_family(db, unit, period.end.year)
        reject_problems(checked.package, checked.broken, checked.problems, family)
        again = _imported_before(db, package, unit, period)
        if again is not None:
            return again
        if before_write is not None:
            before_write()
        return _merge(db, checked, unit, family, period)


def _imported_before(
    db: sqlite_utils.Database, package: ReceivedSubmission, unit: Unit, period: Period
) -> ImportResult | None:
    """The result of importing a file whose very bytes were imported before: unchanged."""
    earlier = submissions.previous_import(db, unit.code, package.file_sha256)
    if earlier is None:
        return None
    return ImportResult(
        package.name,
        "unchanged",
        f"此文件已于 {earlier['imported_at'][:10]} 导入过，未重复导入",
        unchanged=int(package.manifest["record_count"]),
        unit=unit.code,
        period=period.text,
        sheet_code=package.manifest["sheet_code"],
    )


def _package_unit(db: sqlite_utils.Database, package: ReceivedSubmission) -> tuple[Unit, Period]:
    manifest, name = package.manifest, package.name
    units = {unit.code: unit for unit in installation.all_units(db)}
    unit = units.get(manifest["unit_code"])
    if unit is None:
        raise KnownError(
            f"文件 {name} 来自“{manifest['unit_name']}”（代码 {manifest['unit_code']}），"
            "本机的单位名单中没有这个单位，未导入"
        )
    try:
        period = parse_period(manifest["period"])
        year = int(manifest["year"])
    except (KnownError, ValueError):
        raise KnownError(f"文件 {name} 的报送期间无法识别，未导入") from None
    if period.end.year != year or str(quarter_of(period.end)) != manifest["quarter"]:
        raise KnownError(f"文件 {name} 的报送期间与年度不一致，未导入")
    if not re.fullmatch(r"[0-9]{1,9}", manifest["sequence"]):
        raise KnownError(f"文件 {name} 的文件说明无效（导出序号），未导入")
    if unit.code not in {entry.unit_code for entry in plans.plan_entries(db, year)}:
        raise KnownError(
            f"本机没有{unit.name} {year} 年的任务（请先导入 {year} 年的任务分解表），"
            f"文件 {name} 未导入"
        )
    return unit, period


def _merge(
    db: sqlite_utils.Database, checked: Checked, unit: Unit, family: list[str], period: Period
) -> ImportResult:
    package = checked.package
    manifest = package.manifest
    now, by = installation.now_iso(), installation.current_user(db)
    saved_by = f"导入：{package.name}"[:100]
    year = period.end.year
    sequence = int(manifest["sequence"])
    # One write transaction taken at once (store.db.Database.atomic: BEGIN IMMEDIATE):
    # another program writing meanwhile makes the import wait, never fail half-way.
    with merge.attached_stage(db, stage_records(checked)), db.atomic():
        again = _imported_before(db, package, unit, period)
        if again is not None:  # by another program while this one checked the file
            return again
        newest = submissions.is_newest_file(db, unit.code, manifest["installation"], sequence)
        moved = submissions.from_another_installation(db, unit.code, manifest["installation"])
        import_id = submissions.start_import(
            db,
            {
                "file_name": package.name[:200],
                "file_sha256": package.file_sha256,
                "kind": "jzsub",
                "unit_code": unit.code,
                "year": year,
                "quarter": quarter_of(period.end),
                "period": period.text,
                "installation": manifest["installation"][:64],
                "sequence": sequence,
                "exported_at": manifest["exported_at"][:40],
                "imported_at": _local_now(),
                "imported_by": by,
                "sheet_code": manifest["sheet_code"][:20],
                "has_plan_document": int(bool(package.documents())),
            },
        )
        all_new = not merge.holds_any(db)
        if not all_new:
            owned = merge.foreign_owned(db, family)
            if owned:
                listed = "、".join(f"{record_id}（{name}）" for record_id, name in owned)
                raise KnownError(
                    f"文件 {package.name} 中的记录在本机属于其他单位：{listed}，未导入"
                )
            merge.classify(db)
            merge.mark_synced(db)
        added = merge.add_new(db, import_id, now=now, all_new=all_new)
        changes = {"updated": 0, "deleted": 0, "restored": 0}
        for row in merge.staged(db, "update"):
            change = merge.take_incoming(
                db,
                row["id"],
                merge.incoming_fields(row),
                deleted=bool(row["deleted"]),
                unit_revision=row["revision"],
                import_id=import_id,
                now=now,
                saved_by=saved_by,
                unit_row=row,
            )
            changes[change] += 1
        conflicts = sum(
            submissions.record_conflict(db, row, import_id, now=now)
            for row in merge.staged(db, "conflict")
        )
        if manifest["photos"] == "1":
            _take_photos(db, package, now=now)
        if newest:
            _take_unit_texts(db, package, unit, now=now)
        updated = sum(changes.values())
        # Every record of the file in exactly one count: what was neither added, taken
        # nor kept as a conflict changed nothing (held already, older, a deletion of a
        # record never seen here, a version the city has decided against).
        unchanged = int(manifest["record_count"]) - added - updated - conflicts
        counts = {
            "added": added,
            "updated": updated,
            "deleted": changes["deleted"],
            "unchanged": unchanged,
            "conflicts": conflicts,
        }
        submissions.finish_import(db, import_id, counts)
    written = added or counts["updated"] or conflicts
    return ImportResult(
        package.name,
        "imported" if written else "unchanged",
        _notes(counts, manifest, unit=unit.name if moved else None),
        added,
        counts["updated"],
        unchanged,
        conflicts,
        unit.code,
        deleted=counts["deleted"],
        period=period.text,
        sheet_code=manifest["sheet_code"],
        import_id=import_id,
    )


def _local_now() -> str:
    """Receipt time on the city's clock (the one the deadlines are judged by)."""
    return datetime.now().isoformat(timespec="seconds")


def _notes(counts: dict, manifest: dict, *, unit: str | None = None) -> str:
    """The result's notes; ``unit`` names the unit when the file came from another
    installation than its earlier ones."""
    notes = []
    if unit is not None:
        notes.append(
            f"注意：此文件来自另一台电脑上的 jzdesk，与{unit}以前的上报文件不同，"
            "请确认是该单位报送的"
        )
    if counts["deleted"]:
        notes.append(f"其中删除 {counts['deleted']} 条")
    if counts["conflicts"]:
        notes.append(
            f"{counts['conflicts']} 条与本机保存的版本冲突，两个版本都已保留，请在“汇总导入 → 冲突”中选择"
        )
    notes.append(f"对应统计表的校验码 {manifest['sheet_code']}，应与纸质表上的相同")
    return "；".join(notes)


def _take_photos(db: sqlite_utils.Database, package: ReceivedSubmission, *, now: str) -> None:
    """The file's photos of the records merge.photo_owners names."""
    taken = merge.photo_owners(db)
    by_record: dict[str, list[tuple]] = {}
    for photo in package.photos():
        if photo[0] in taken:
            by_record.setdefault(photo[0], []).append(photo)
    for record_id, photos in by_record.items():
        submissions.set_photos(db, record_id, photos, now=now)


def _take_unit_texts(
    db: sqlite_utils.Database, package: ReceivedSubmission, unit: Unit, *, now: str
) -> None:
    """Summaries, header fields and the 实施方案 from the unit's newest file."""
    from jzdesk.store import summaries

    for year, quarter, text, _updated in package.summaries():
        summaries.set_summary(db, unit.code, year, quarter, text, now=now)
    for _code, filler, phone in package.header():
        settings.set_unit_settings(db, unit.code, filler=filler, phone=phone)
    for _kind, file_name, data, sha256 in package.documents():
        submissions.set_plan_document(
            db,
            unit.code,
            int(package.manifest["year"]),
            file_name=file_name,
            data=data,
            sha256=sha256,
            now=now,
        )
