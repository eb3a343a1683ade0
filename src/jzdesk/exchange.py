"""Use cases that move records in and out as files: the statistics sheet, filled sheets.

Like services, shared by the window and the command line; no Qt here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from jzdesk import services
from jzdesk.domain.periods import Period, quarter_of, year_period
from jzdesk.domain.records import (
    RecordFields,
    RecordFilter,
    cleaned,
    require_valid,
)
from jzdesk.domain.sheet import SheetData
from jzdesk.domain.units import Unit
from jzdesk.errors import KnownError, disk_full_message, is_disk_full, os_reason
from jzdesk.store import plans, records, settings, submissions

if TYPE_CHECKING:
    from jzdesk.packages import ReadAhead


@dataclass(frozen=True)
class ImportResult:
    """What importing one file did, in the shape of ``import --json`` (PRODUCT §8)."""

    file: str
    status: str  # imported | unchanged | rejected
    reason: str = ""
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    unit: str = ""
    deleted: int = 0  # of the updated, how many were deletions
    period: str = ""
    sheet_code: str = ""  # the 校验码 of the sheet the file corresponds to
    import_id: int | None = None

    def summary(self) -> str:
        """The result in one or two lines of plain Chinese."""
        if self.status == "rejected":
            return f"✘ {self.file}：未导入。{self.reason}"
        note = f"；{self.reason}" if self.reason else ""
        held = f"，无变化 {self.unchanged} 条" if self.unchanged else ""
        return f"✔ {self.file}：新增 {self.added} 条，更新 {self.updated} 条{held}{note}"

    @property
    def status_label(self) -> str:
        return {"imported": "已导入", "unchanged": "无变化", "rejected": "未导入"}[self.status]

    def to_json(self) -> dict:
        return {"file": self.file, "status": self.status, "reason": self.reason,
                "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "conflicts": self.conflicts}  # fmt: skip


def sheet_data(
    db: sqlite_utils.Database, unit: Unit, period: Period, *, filled_on: date | None = None,
    seal: bytes | None = None, filler: str | None = None, phone: str | None = None,
) -> SheetData:  # fmt: skip
    """What the unit's sheet for ``period`` shows: its records, header line and progress.

    ``seal``, ``filler`` and ``phone`` override the unit's stored ones for this sheet.
    """
    rows = services.list_events(db, RecordFilter(unit_codes=(unit.code,), period=period))
    year = period.end.year
    year_so_far = Period(year_period(year).start, period.end, "")
    totals = services.event_totals(db, RecordFilter(unit_codes=(unit.code,), period=year_so_far))
    quota = next((e.quota for e in plans.plan_entries(db, year) if e.unit_code == unit.code), None)
    header = services.header_fields(db, unit.code)
    summary = ""
    if period.start.month % 3 == 1 and period.start.day == 1 and period.label.endswith("季度"):
        quarter = (period.start.month - 1) // 3 + 1
        summary = services.quarter_summary(db, unit.code, period.start.year, quarter)
    return SheetData(
        unit_name=unit.name, unit_code=unit.code, period_label=period.label,
        period_text=period.text, filler=header["filler"] if filler is None else filler,
        phone=header["phone"] if phone is None else phone,
        filled_on=(filled_on or date.today()).isoformat(), records=tuple(rows),
        year_total=sum(totals["sessions"].values()), quota=quota, summary=summary,
        seal=seal if seal is not None else settings.seal(db, unit.code),
    )  # fmt: skip


def export_sheet_xlsx(db: sqlite_utils.Database, unit: Unit, period: Period, path: Path) -> Path:
    """Write the unit's statistics sheet for ``period`` as .xlsx; returns the path."""
    return export_sheet(sheet_data(db, unit, period), path)


def prepare_seal(path: Path) -> bytes:
    """A seal scan made ready for the sheet (see io.seal.prepare_seal)."""
    from jzdesk.io.seal import prepare_seal as prepare

    return prepare(Path(path))


def set_unit_seal(db: sqlite_utils.Database, unit: Unit, path: Path | None) -> bytes | None:
    """Store the unit's seal from a scan (None removes it); returns the prepared PNG.

    Raises:
        KnownError: the image is missing, too large, broken or blank.
    """
    png = None if path is None else prepare_seal(path)
    with db.atomic():
        settings.set_seal(db, unit.code, png, now=services.now_iso())
    return png


def unit_seal(db: sqlite_utils.Database, unit: Unit) -> bytes | None:
    return settings.seal(db, unit.code)


def sheet_code(data: SheetData) -> str:
    """The 校验码 printed on the sheet (the import side shows it for comparison)."""
    from jzdesk.domain.sheet import verification_code

    return verification_code(data)


def export_sheet(data: SheetData, path: Path) -> Path:
    """Write ``data`` as .xlsx or .pdf, chosen by the file name; returns the path.

    Raises:
        KnownError: another extension, or the file cannot be written (open in Excel/WPS or
            a PDF reader, no permission, …).
    """
    from jzdesk.io.sheet_pdf import write_sheet_pdf
    from jzdesk.io.sheet_xlsx import write_sheet

    path = Path(path)
    writers = {".xlsx": write_sheet, ".pdf": write_sheet_pdf}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise KnownError(f"统计表的文件名应以 .xlsx 或 .pdf 结尾：{path.name}", field="out")
    _write_file(path, lambda target: writer(data, target))
    return path


def export_summary(db: sqlite_utils.Database, period: Period, path: Path) -> Path:
    """Write the city's summary sheet (one row per unit) as .xlsx or .pdf; returns the path.

    Raises:
        KnownError: no plan for the period's year, another extension, or unwritable.
    """
    from jzdesk.domain.sheet import SummaryData
    from jzdesk.io.summary import write_summary_pdf, write_summary_xlsx

    path = Path(path)
    writers = {".xlsx": write_summary_xlsx, ".pdf": write_summary_pdf}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise KnownError(f"汇总表的文件名应以 .xlsx 或 .pdf 结尾：{path.name}", field="out")
    data = SummaryData(
        period_label=period.label,
        period_report=services.period_report(db, period),
        year_report=services.progress_report(db, year=period.end.year, as_of=period.end),
    )
    _write_file(path, lambda target: writer(data, target))
    return path


def _write_file(path: Path, write) -> None:
    """Write through a temporary file beside ``path`` and move it into place, so a failure
    (disk full, file open elsewhere, Ctrl+C) never leaves half a sheet under the real
    name, nor the temporary file beside it."""
    import os

    if not path.parent.is_dir():
        raise KnownError(f"无法写入 {path}：文件夹 {path.parent} 不存在", field="out")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException as error:
        with suppress(OSError):  # a locked temporary must not hide why the write failed
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise KnownError(f"无法写入 {path}：{os_reason(error)}", field="out") from error
        raise


def import_sheet(db: sqlite_utils.Database, path: Path, *, unit: Unit | None = None,
                 before_write: Callable[[], object] | None = None) -> ImportResult:  # fmt: skip
    """Import a filled statistics sheet as records of its unit, all or nothing, by the one
    merge rule (domain/merge.py, PRODUCT §7).

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
    import hashlib

    from jzdesk.io.sheet_import import read_sheet

    path = Path(path)
    parsed = read_sheet(path)
    unit = _sheet_unit(db, parsed, unit, path)
    rows = _checked_rows(db, parsed, unit, path)
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    earlier = submissions.previous_import(db, unit.code, sha256)
    if earlier is not None:  # an older sheet again must not undo a newer one
        return ImportResult(path.name, "unchanged",
                            f"此文件已于 {earlier['imported_at'][:10]} 导入过，未重复导入",
                            unchanged=len(rows), unit=unit.code, period=earlier["period"])  # fmt: skip
    if before_write is not None:
        before_write()
    now, saved_by = services.now_iso(), f"导入：{path.name}"[:100]
    period = _report_period(parsed, rows)
    with db.atomic():
        import_id = submissions.start_import(db, {
            "file_name": path.name[:200], "file_sha256": sha256, "kind": "xlsx",
            "unit_code": unit.code, "year": period.end.year,
            "quarter": quarter_of(period.end), "period": period.text,
            "imported_at": datetime.now().isoformat(timespec="seconds"),
            "imported_by": services.current_user(db),
        })  # fmt: skip
        versions = sheet_versions(db, unit, parsed, rows)
        counts = _apply_versions(db, versions, import_id, now=now, saved_by=saved_by)
        submissions.finish_import(db, import_id, counts)
    notes = [parsed.misaligned and f"表中的行与隐藏的“活动明细”对不上（{parsed.misaligned}），"
             "已按手填表的规则导入：每行按内容对应原来的记录，请在导入记录中核对变动"]  # fmt: skip
    if counts["deleted"]:
        notes.append(f"其中删除 {counts['deleted']} 条（新表中已没有这些行）")
    if counts["conflicts"]:
        notes.append(f"{counts['conflicts']} 条记录与本机保存的版本冲突，两个版本都已保留，"
                     "请在“汇总导入 → 冲突”中选择")  # fmt: skip
    written = counts["added"] or counts["updated"] or counts["conflicts"]
    return ImportResult(path.name, "imported" if written else "unchanged",
                        "；".join(note for note in notes if note), counts["added"],
                        counts["updated"], counts["unchanged"], counts["conflicts"], unit.code,
                        deleted=counts["deleted"], period=period.text, import_id=import_id)  # fmt: skip


def _checked_rows(db, parsed, unit: Unit, path: Path) -> list[tuple]:
    """(row, its RecordFields) for every row of the sheet, each checked as a form checks it.

    Raises:
        SheetRejected: naming every bad row.
    """
    from jzdesk.io.sheet_import import SheetRejected

    today = date.today()
    checked, problems = [], []
    for row in parsed.rows:
        fields = _row_fields(unit, row, row.extra)
        try:
            require_valid(fields)
            if fields.date > today:
                raise KnownError(f"活动日期 {fields.date.isoformat()} 在今天之后")
            if row.detail is not None:
                _check_owner(db, row.detail.record_id, unit)
        except KnownError as error:
            problems.append(f"第 {row.row} 行：{error.message}")
            continue
        checked.append((row, fields))
    for detail in parsed.details if parsed.misaligned else ():
        try:
            _check_owner(db, detail.record_id, unit)
        except KnownError as error:
            problems.append(f"“活动明细”第 {detail.row.row} 行：{error.message}")
    if problems:
        raise SheetRejected(path.name, problems)
    return checked


def _sheet_unit(db, parsed, unit: Unit | None, path: Path) -> Unit:
    """The unit a sheet belongs to: its own 填报单位, or ``unit`` when it names none."""
    if not parsed.unit_text:
        if unit is None:
            raise KnownError(f"文件 {path.name} 中没有填写填报单位，请指定是哪个单位的统计表",
                             field="unit")  # fmt: skip
        return unit
    named = services.resolve_unit(db, parsed.unit_text)
    if unit is not None and unit.code != named.code:
        raise KnownError(f"文件 {path.name} 的填报单位是“{named.name}”，与指定的“{unit.name}”不一致，"
                         "未导入", field="unit")  # fmt: skip
    return named


def _check_owner(db, record_id: str, unit: Unit) -> None:
    """A record id from the file must not belong to another unit here."""
    existing = records.get_record(db, record_id)
    if existing is not None and existing.fields.unit_code != unit.code:
        raise KnownError(f"记录编号 {record_id} 属于{existing.unit_name}，不能作为"
                         f"{unit.name}的记录导入")  # fmt: skip


def _row_fields(unit: Unit, row, extra: dict) -> RecordFields:
    """A sheet row's cells as a record of ``unit``, with ``extra`` for the fields a printed
    sheet has no room for."""
    return cleaned(RecordFields(
        unit_code=unit.code, date=row.date, activity_type=row.activity_type,
        sessions=row.sessions, title=row.title, venue=row.venue, audience=row.audience,
        notes=row.notes, **extra,
    ))  # fmt: skip


def _report_period(parsed, rows: list[tuple]) -> Period:
    """The report a sheet counts as: the quarter its title names, else the quarter of its
    latest activity."""
    from jzdesk.domain.periods import quarter_period

    if parsed.period is not None and parsed.period.kind == "quarter":
        return parsed.period
    latest = max(fields.date for _, fields in rows)
    return quarter_period(latest.year, quarter_of(latest))


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
    from jzdesk.store import merge

    versions: list[_Version] = []
    loose = []
    for row, fields in rows:
        if row.detail is None:
            loose.append((row, fields))
            continue
        changed = shown(fields) != shown(_row_fields(unit, row.detail.row, {}))
        versions.append(_Version(row.detail.record_id, fields,
                                 sheet_revision(row.detail.revision, changed=changed)))  # fmt: skip
    stands_for = _stands_for(parsed, rows)
    first = min([p.start for p in stands_for] + [f.date for _, f in loose])
    last = max([p.end for p in stands_for] + [f.date for _, f in loose])
    candidates = {}
    if parsed.misaligned:
        for detail in parsed.details:
            said = _row_fields(unit, detail.row, detail.row.extra)
            candidates[detail.record_id] = _Said(shown(said), False, detail.revision,
                                                 detail.row.row - 1, said, vanishes=True)  # fmt: skip
    for held in merge.hand_filled(db, unit.code, first, last):
        if held["record_id"] not in candidates:
            day = date.fromisoformat(held["date"])
            candidates[held["record_id"]] = _Said(
                tuple(held["said"]["shown"]), held["said"]["deleted"], held["revision"],
                held["position"], None, hand=True,
                vanishes=any(p.contains(day) for p in stands_for),
            )  # fmt: skip
    pairs = pair_rows([shown(fields) for _, fields in loose],
                      [Candidate(key, said.shown, said.position)
                       for key, said in candidates.items()])  # fmt: skip
    # Records the sheet speaks of are never also "held already" for another row.
    taken = {version.record_id for version in versions} | set(candidates)
    for position, ((_, fields), key) in enumerate(zip(loose, pairs, strict=True), start=1):
        if key is None:
            versions.append(_unpaired(db, fields, taken, position))
            continue
        said = candidates.pop(key)
        fields = said.completed(db, key, fields)
        changed = shown(fields) != said.shown or said.deleted
        versions.append(_Version(key, fields, sheet_revision(said.revision, changed=changed),
                                 hand_position=position if said.hand else None))  # fmt: skip
    for key, said in candidates.items():
        if said.vanishes and not said.deleted and records.get_record(db, key) is not None:
            versions.append(_Version(key, said.completed(db, key, None), said.revision + 1,
                                     deleted=True, from_row=False,
                                     hand_position=said.position if said.hand else None))  # fmt: skip
    return versions


def _stands_for(parsed, rows: list[tuple]) -> list[Period]:
    """The periods a sheet stands for whole: the one its title names, else the quarters
    its dates fall in."""
    from jzdesk.domain.periods import quarter_period

    if parsed.period is not None:
        return [parsed.period]
    quarters = {(fields.date.year, quarter_of(fields.date)) for _, fields in rows}
    return [quarter_period(year, quarter) for year, quarter in sorted(quarters)]


@dataclass(frozen=True)
class _Version:
    """The unit's version of a record, as a sheet brings it (record_id None: a new one)."""

    record_id: str | None
    fields: RecordFields
    revision: int
    deleted: bool = False
    from_row: bool = True  # False: a record the sheet no longer has
    hand_position: int | None = None  # the row of a hand-filled record, to remember it
    held_already: bool = False  # the same activity, held from another file: count only


@dataclass(frozen=True)
class _Said:
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
        return replace(whole, date=fields.date, activity_type=fields.activity_type,
                       sessions=fields.sessions, title=fields.title, venue=fields.venue,
                       audience=fields.audience, notes=fields.notes)  # fmt: skip


def _unpaired(db, fields: RecordFields, taken: set[str], position: int) -> _Version:
    """A row that stands for no record the unit sent before: the same activity held from
    another file (a .jzsub, the city's own entry) is counted, never doubled; anything else
    is a new activity of a hand-filled sheet."""
    from jzdesk.domain.sheet import shown

    for record in records.same_day_records(db, fields.unit_code, fields.date,
                                           fields.activity_type):  # fmt: skip
        if record.id not in taken and shown(record.fields) == shown(fields):
            taken.add(record.id)
            return _Version(record.id, fields, record.revision, held_already=True)
    return _Version(None, fields, 1, hand_position=position)


def _apply_versions(db, versions: list[_Version], import_id: int, *, now: str,
                    saved_by: str) -> dict[str, int]:  # fmt: skip
    """Apply each version by the merge rule; returns the import's counts, every row of the
    sheet in exactly one of added, updated, unchanged and conflicts."""
    import uuid

    from jzdesk.domain.merge import Outcome, classify
    from jzdesk.domain.sheet import shown
    from jzdesk.store import merge

    counts = dict.fromkeys(("added", "updated", "deleted", "unchanged", "conflicts"), 0)
    for version in versions:
        outcome, change = Outcome.SAME, None
        if not version.held_already:
            held = records.get_record(db, version.record_id) if version.record_id else None
            same = held is not None and (held.fields, held.deleted) == (
                version.fields, version.deleted)  # fmt: skip
            outcome = classify(version.revision, same, merge.held(db, version.record_id))
        record_id = version.record_id
        if outcome is Outcome.NEW:
            record_id = records.insert_record(
                db, version.fields, entered_by=saved_by, now=now,
                record_id=record_id or str(uuid.uuid4()), revision=version.revision)  # fmt: skip
            merge.note_change(db, import_id, record_id, "added", None)
            change = "added"
        elif outcome is Outcome.SYNC:
            merge.bring_level(db, record_id, version.revision, now=now, by=saved_by)
        elif outcome is Outcome.UPDATE:
            change = merge.take_incoming(db, record_id, version.fields, deleted=version.deleted,
                                         unit_revision=version.revision, import_id=import_id,
                                         now=now, saved_by=saved_by)  # fmt: skip
        elif outcome is Outcome.CONFLICT and submissions.keep_conflict(
            db, record_id, version.revision,
            submissions.state_json(version.fields, version.deleted), import_id, now=now,
        ):  # fmt: skip
            change = "conflict"
        if version.hand_position is not None:
            merge.note_hand_filled(db, record_id, said={"shown": list(shown(version.fields)),
                                                        "deleted": version.deleted},
                                   revision=version.revision, position=version.hand_position,
                                   import_id=import_id)  # fmt: skip
        if change == "added":
            counts["added"] += 1
        elif change == "conflict":
            counts["conflicts"] += 1
        elif change is not None:
            counts["updated"] += 1
            counts["deleted"] += change == "deleted"
        elif version.from_row:
            counts["unchanged"] += 1
    return counts


IMPORTABLE = (".jzsub", ".xlsx")


def import_file(db: sqlite_utils.Database, path: Path, *, unit: Unit | None = None,
                should_stop: Callable[[], bool] | None = None, ahead: ReadAhead | None = None,
                before_write: Callable[[], object] | None = None) -> ImportResult:  # fmt: skip
    """Import one submission file (.jzsub) or filled sheet (.xlsx) in its own transaction;
    a rejection is returned as a result, never raised. ``ahead``: the batch's
    packages.ReadAhead, which may have checked the file already. ``before_write`` is
    called once the file has passed its checks, just before it may change the database
    (import_batch backs the database up there)."""
    from jzdesk.packages import import_package

    path = Path(path)
    try:
        if path.is_dir():
            raise KnownError(f"{path.name} 是一个文件夹，请选择其中的 .jzsub 或 .xlsx 文件")
        suffix = path.suffix.lower()
        if suffix == ".jzsub":
            return import_package(db, path, should_stop=should_stop, ahead=ahead,
                                  before_write=before_write)  # fmt: skip
        if suffix == ".xlsx":
            return import_sheet(db, path, unit=unit, before_write=before_write)
        raise KnownError(f"不支持的文件类型 {suffix or '（无扩展名）'}：可以导入上报文件 .jzsub "
                         "和填好的统计表 .xlsx")  # fmt: skip
    except KnownError as error:
        return ImportResult(path.name, "rejected", error.message)
    except sqlite3.OperationalError as error:  # a filled sheet's import ran out of room
        if not is_disk_full(error):
            raise
        return ImportResult(path.name, "rejected", disk_full_message(path))


def import_files(
    db: sqlite_utils.Database, paths: list[Path], *, unit: Unit | None = None
) -> list[ImportResult]:
    """Import each file in its own transaction, going on after a rejection; the database
    is backed up before the first file that may change it (see import_batch)."""
    paths = [Path(path) for path in paths]
    with import_batch(db, paths) as import_one:
        return [import_one(path, unit=unit) for path in paths]


@contextmanager
def import_batch(
    db: sqlite_utils.Database, paths: list[Path], *, keep_waiting: Callable[[], bool] | None = None
) -> Iterator[Callable[..., ImportResult]]:
    """A function importing one file of ``paths`` as import_file does, faster for a batch:
    the next submission file is checked on a second thread while the current one merges,
    and the write-ahead log is copied back once at the end. ``keep_waiting``: see
    packages.ReadAhead (a file whose checks it stops is rejected, nothing of it imported).

    The database is backed up once, before the first file that passed its checks is
    written (PRODUCT §9: a backup before every import). A batch of rejected files and
    of submission files imported before makes none, so that a run of bad drops
    cannot push the daily backups out of the rotation."""
    from jzdesk.io.package import sweep_stale_copies
    from jzdesk.packages import ReadAhead
    from jzdesk.store.db import checkpoint_at_end
    from jzdesk.store.submissions import imported_hashes

    sweep_stale_copies()
    known = imported_hashes(db)
    with (
        ReadAhead(paths, known=known, keep_waiting=keep_waiting) as ahead,
        checkpoint_at_end(db),
    ):
        backup = _BackupBeforeWriting(db)
        yield lambda path, *, unit=None: import_file(db, path, unit=unit, ahead=ahead,
                                                     before_write=backup)  # fmt: skip


class _BackupBeforeWriting:
    """Backs the database up the first time it is called (see import_batch)."""

    def __init__(self, db: sqlite_utils.Database):
        self._db = db
        self._made = False

    def __call__(self) -> None:
        """Raises KnownError (the file is then not imported) if the backup fails."""
        if not self._made:
            try:
                services.make_backup(self._db, "import")
            except KnownError as error:
                raise KnownError(f"{error.message}；为安全起见，没有导入") from error
            self._made = True


def export_quota_table(db: sqlite_utils.Database, year: int, path: Path) -> Path:
    """Write ``year``'s quota table (附件1) as .xlsx; returns the path.

    Raises:
        KnownError: no plan for the year, or the file cannot be written.
    """
    from jzdesk.io.quota_xlsx import write_quota_table

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise KnownError(f"任务分解表的文件名应以 .xlsx 结尾：{path.name}", field="out")
    entries = plans.plan_entries(db, year)
    if not entries:
        raise KnownError(f"没有 {year} 年的任务分解表（计划）", field="year")
    names = {unit.code: unit.name for unit in services.all_units(db)}
    lines = [(names[e.unit_code], e.quota) for e in entries if e.quota is not None]
    _write_file(path, lambda target: write_quota_table(year, lines, target))
    return path


@dataclass(frozen=True)
class QuotaImport:
    year: int
    created: bool
    changed: int
    unchanged: int
    not_in_file: tuple[str, ...]

    def summary(self) -> str:
        made = f"已新建 {self.year} 年计划（复制上一年的最低要求）；" if self.created else ""
        rest = (f"；文件中没有的单位保持原任务：{'、'.join(self.not_in_file)}"
                if self.not_in_file else "")  # fmt: skip
        return (
            f"{made}{self.year} 年任务：修改 {self.changed} 个单位，未变 {self.unchanged} 个{rest}"
        )


def import_quota_table(
    db: sqlite_utils.Database, path: Path, *, year: int | None = None
) -> QuotaImport:
    """Take a year's quotas from a 附件1 file, in one transaction, each change audited.

    A year not yet planned starts as a copy of the latest earlier plan (its minimums and
    the city's own line). Units are named as people write them (spaces, full-width).

    Raises:
        KnownError: unreadable file, no year, a unit not in the list (row named), a unit
            twice, or a 合计 that does not add up; nothing is changed then.
    """
    from jzdesk.io.quota_xlsx import read_quota_table

    path = Path(path)
    named_year, lines = read_quota_table(path)
    if year is None:
        year = named_year
    elif named_year is not None and named_year != year:
        raise KnownError(f"文件 {path.name} 是 {named_year} 年的任务分解表，与指定的 {year} 年不一致",
                         field="year")  # fmt: skip
    if year is None:
        raise KnownError(f"文件 {path.name} 的标题中没有年份，请用 --year 指定", field="year")
    if not 2000 <= year <= 2100:
        raise KnownError(f"年度 {year} 不在 2000–2100 之间", field="year")
    quotas, problems = {}, []
    for line in lines:
        try:
            unit = services.resolve_unit(db, line.name)
        except KnownError as error:
            problems.append(f"第 {line.row} 行：{error.message}")
            continue
        if unit.code in quotas:
            problems.append(f"第 {line.row} 行：{unit.name}出现了两次")
            continue
        quotas[unit.code] = line.quota
    if problems:
        raise KnownError(
            f"文件 {path.name} 有 {len(problems)} 处无法读取，未导入：\n" + "\n".join(problems)
        )
    earlier = [y for y in plans.plan_years(db) if y < year]
    now, by = services.now_iso(), services.current_user(db)
    changed = unchanged = 0
    with db.atomic():
        created = plans.ensure_plan_year(db, year, copy_from=earlier[-1] if earlier else None)
        current = {e.unit_code: e.quota for e in plans.plan_entries(db, year)}
        for code, quota in quotas.items():
            if current.get(code, "absent") == quota:
                unchanged += 1
                continue
            plans.set_quota(db, year, code, quota)
            plans.audit(db, year=year, unit_code=code, what="quota", old=current.get(code),
                        new=quota, by=by, at=now)  # fmt: skip
            changed += 1
    names = {unit.code: unit.name for unit in services.all_units(db)}
    missing = tuple(names[c] for c, q in current.items() if q is not None and c not in quotas)
    return QuotaImport(year, created, changed, unchanged, missing)


def evaluation(db: sqlite_utils.Database, *, as_of: date | None = None, rules=None):
    """(the progress report, the ranked and flagged rows) for the inspection.

    ``as_of`` defaults to 1 October of the latest plan year, the day the inspection counts.
    """
    from jzdesk.domain.evaluation import EvaluationRules, evaluate

    if as_of is None:
        as_of = date(services.default_year(db), 10, 1)
    report = services.progress_report(db, as_of=as_of)
    return report, evaluate(report, rules or EvaluationRules())


def export_evaluation(db: sqlite_utils.Database, path: Path, *, as_of: date | None = None,
                      rules=None) -> Path:  # fmt: skip
    """Write the inspection ranking as .xlsx or .pdf; returns the path."""
    from jzdesk.io.evaluation_files import write_evaluation_pdf, write_evaluation_xlsx

    path = Path(path)
    writers = {".xlsx": write_evaluation_xlsx, ".pdf": write_evaluation_pdf}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise KnownError(f"排名表的文件名应以 .xlsx 或 .pdf 结尾：{path.name}", field="out")
    report, rows = evaluation(db, as_of=as_of, rules=rules)
    _write_file(path, lambda target: writer(report.year, report.as_of, rows, target))
    return path
