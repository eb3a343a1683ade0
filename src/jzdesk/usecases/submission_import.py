"""The city imports a submission file: checked whole as an untrusted file (on a second thread
in a batch), then merged in one transaction by the set-based fast path of the merge rule."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from jzdesk.domain.periods import Period, parse_period, quarter_of
from jzdesk.domain.units import Unit
from jzdesk.errors import KnownError, disk_full_message, sqlite_failure
from jzdesk.io.submission_checks import broken_rows, other_problems, reject_problems
from jzdesk.io.submission_reader import ReceivedSubmission, open_submission
from jzdesk.store import merge, plans, settings, submissions
from jzdesk.usecases import installation
from jzdesk.usecases.import_result import ImportResult
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
        earlier = submissions.previous_import(db, unit.code, package.file_sha256)
        if earlier is not None:
            return ImportResult(
                package.name,
                "unchanged",
                f"此文件已于 {earlier['imported_at'][:10]} 导入过，未重复导入",
                unchanged=int(package.manifest["record_count"]),
                unit=unit.code,
                period=period.text,
                sheet_code=package.manifest["sheet_code"],
            )
        if before_write is not None:
            before_write()
        return _merge(db, checked, unit, family, period)


@dataclass
class Checked:
    """A submission file opened and checked on its own: its problems, found without the
    city's database (whose unit list and families are checked when it merges)."""

    package: ReceivedSubmission
    broken: dict[int, list[str]]  # index in _RECORD_RULES → ids of records breaking it
    problems: list[str]  # summaries, header, photos, documents
    # The record rows copied into a scratch database for the merge (see stage_records);
    # None until then.
    stage: Path | None = None


def check_submission(
    path: Path,
    *,
    should_stop: Callable[[], bool] | None = None,
    known: frozenset[str] = frozenset(),
) -> Checked:
    """Open ``path`` untrusted, check its rows and stage them for the merge (reads only
    the file's private copy and writes only beside it). A file rejected anyway, or whose
    bytes were imported before (SHA-256 in ``known``: it will be found unchanged), is not
    staged.

    Raises:
        KnownError: the file is not a submission file, damaged, altered or too new.
        sqlite3.IntegrityError: the file carries one record id twice.
    """
    package = open_submission(path, should_stop=should_stop)
    try:
        checked = Checked(package, broken_rows(package), other_problems(package))
        if not (checked.broken or checked.problems) and package.file_sha256 not in known:
            stage_records(checked)
        return checked
    except BaseException:
        package.close()
        raise


def stage_records(checked: Checked) -> Path:
    """The scratch database of the file's records (merge.write_stage), made now if
    the checks did not. Copying has a time budget of its own, apart from the checks'."""
    if checked.stage is None:
        checked.package.restart_budget()
        stage = checked.package.folder / "stage.sqlite"
        merge.write_stage(stage, checked.package.records())
        checked.stage = stage
    return checked.stage


@dataclass
class _Pending:
    path: Path
    future: Future
    stop: threading.Event  # this file's own: stopping it leaves the next file's checks be


class ReadAhead:
    """Opens, checks and stages the next submission file of a batch on a second thread
    while the current one merges. That work reads only the file's private copy and writes
    only beside it, never the city's database, so it can overlap the merge (which spends
    most of its time inside SQLite, without Python's global lock). Use as a context
    manager; leaving it stops and closes what was read ahead and not taken."""

    def __init__(
        self,
        paths: list[Path],
        *,
        known: frozenset[str] = frozenset(),
        keep_waiting: Callable[[], bool] | None = None,
    ):
        """``known``: SHA-256 of files imported before (see check_submission).
        ``keep_waiting``, if given, is called about ten times a second while a file's
        checks are awaited (the window keeps painting in it); False stops that file."""
        self._queue = [
            Path(p) for p in paths if Path(p).suffix.lower() == ".jzsub" and Path(p).is_file()
        ]
        self._known = known
        self._keep_waiting = keep_waiting
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jzdesk-read-ahead")
        self._pending: _Pending | None = None
        self._start_next()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc) -> None:
        if self._pending is not None:
            _discard(self._pending)
        self._pool.shutdown(wait=True)

    def _start_next(self) -> None:
        if self._queue:
            path, stop = self._queue.pop(0), threading.Event()
            future = self._pool.submit(
                check_submission, path, should_stop=stop.is_set, known=self._known
            )
            self._pending = _Pending(path, future, stop)

    def take(self, path: Path) -> Checked | None:
        """The checked file for ``path`` (the next .jzsub of the batch), starting on the
        one after it; None when ``path`` was not read ahead.

        Raises:
            KnownError: as check_submission, and when keep_waiting said to stop.
        """
        if self._pending is None or self._pending.path != Path(path):
            return None
        pending, self._pending = self._pending, None
        try:
            self._wait(pending)
            return pending.future.result()
        except BaseException:  # Ctrl+C while waiting, too: the private copy is removed
            _discard(pending)
            raise
        finally:
            self._start_next()

    def _wait(self, pending: _Pending) -> None:
        while self._keep_waiting is not None and not pending.future.done():
            if not self._keep_waiting():
                raise KnownError(f"导入已取消，文件 {pending.path.name} 未导入")
            wait([pending.future], timeout=0.1)


def _discard(pending: _Pending) -> None:
    """Stop a file's checks and close what they opened, whenever they end."""
    pending.stop.set()
    pending.future.add_done_callback(_close_checked)


def _close_checked(future: Future) -> None:
    if not future.cancelled() and future.exception() is None:
        future.result().package.close()


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


@contextmanager
def _immediate(db: sqlite_utils.Database):
    """One write transaction taken at once (BEGIN IMMEDIATE): another program writing
    meanwhile makes the import wait, never fail half-way."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.execute("COMMIT")


def _merge(
    db: sqlite_utils.Database, checked: Checked, unit: Unit, family: list[str], period: Period
) -> ImportResult:
    package = checked.package
    manifest = package.manifest
    now, by = installation.now_iso(), installation.current_user(db)
    saved_by = f"导入：{package.name}"[:100]
    year = period.end.year
    sequence = int(manifest["sequence"])
    with merge.attached_stage(db, stage_records(checked)), _immediate(db):
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
        owned = merge.foreign_owned(db, family)
        if owned:
            listed = "、".join(f"{record_id}（{name}）" for record_id, name in owned)
            raise KnownError(f"文件 {package.name} 中的记录在本机属于其他单位：{listed}，未导入")
        merge.classify(db)
        added = merge.add_new(db, import_id, now=now)
        merge.mark_synced(db)
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
