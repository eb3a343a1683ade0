"""Use cases for submission files (.jzsub): a unit exports one, the city imports and merges
it (PRODUCT §6–7), settles conflicts, and tracks who has reported (completeness).

Shared by the window and the command line; no Qt here.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import sqlite_utils

from jzdesk import __version__, services
from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.completeness import Completeness, build_completeness
from jzdesk.domain.periods import Period, parse_period, quarter_of, quarter_period
from jzdesk.domain.records import (
    DELIVERIES,
    MAX_AUDIENCE,
    MAX_SESSIONS,
    MAX_TEXT,
    MEDIA_CHANNELS,
    VENUE_CATEGORIES,
)
from jzdesk.domain.units import CITY_CODE, Unit
from jzdesk.errors import KnownError, disk_full_message, is_disk_full
from jzdesk.exchange import ImportResult
from jzdesk.io.package import Package, PackageContent, open_package, write_package
from jzdesk.store import merge, plans, settings, submissions
from jzdesk.store.migrations import LATEST

MAX_PLAN_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ExportedPackage:
    path: Path
    records: int
    sheet_code: str
    sequence: int


def default_period(db: sqlite_utils.Database, today: date | None = None) -> Period:
    """The quarter a unit reports now: the last one ended in the plan year (its fourth
    once the year is over; its first while the first is still running)."""
    today = today or date.today()
    year = services.default_year(db, today=today)
    if year < today.year:
        return quarter_period(year, 4)
    return quarter_period(year, max(1, quarter_of(today) - 1))


def reporting_refusal(db: sqlite_utils.Database, unit: Unit) -> str | None:
    """Why this installation may not send ``unit``'s submission file, or None if it may.

    A submission file is the unit's own report, sent from its installation: a clerk who
    picked another unit in the list would otherwise report for it, and the city would
    count that unit's quarter as received. (An installation without a home unit, set up
    before there was one, may export for any unit.)"""
    home = services.home_unit(db)
    if CITY_CODE in (unit.code, home.code if home else None):
        return "市总工会接收各单位的上报文件，本身不导出上报文件"
    if home is not None and home.code != unit.code:
        return (
            f"本机登记的是{home.name}的数据，只能导出{home.name}的上报文件（选择的是{unit.name}）"
        )
    return None


def check_report_period(period: Period, today: date) -> None:
    """Reports are quarterly (PRODUCT §8): a file's period is a quarter that has begun, or
    a whole year that has ended (its fourth quarter's report, which covers the year)."""
    year = period.end.year
    if period.kind == "quarter":
        if period.start > today:
            raise KnownError(f"期间 {period.label} 还没有开始，不能报送", field="period")
        return
    if period.kind != "year":
        raise KnownError(f"上报文件按季度报送，期间应写成 {year}Q1～{year}Q4"
                         f"（“{period.label}”不是一个季度）", field="period")  # fmt: skip
    if period.end >= today:
        raise KnownError(f"{year} 年还没有结束，不能报送全年；请选择已开始的季度", field="period")


def suggested_name(unit: Unit, period: Period, today: date | None = None) -> str:
    """``<单位>-<期间>-<日期>.jzsub``, e.g. 沁阳市总工会-2021Q3-20211008.jzsub."""
    return f"{unit.name}-{period.text}-{(today or date.today()):%Y%m%d}.jzsub"


def unit_family(db: sqlite_utils.Database, unit: Unit, year: int) -> list[str]:
    """The unit's code and those of its subordinates (any depth) that do not report for
    themselves: a unit in the year's plan sends its own file (so the city's file, for
    one, carries only the city's own records)."""
    reporting = {entry.unit_code for entry in plans.plan_entries(db, year)}
    children: dict[str | None, list[str]] = {}
    for other in services.all_units(db):
        children.setdefault(other.parent_code, []).append(other.code)
    family, todo = [], [unit.code]
    while todo:
        code = todo.pop()
        if code not in family:
            family.append(code)
            todo.extend(c for c in children.get(code, []) if c not in reporting)
    return family


def export_package(db: sqlite_utils.Database, unit: Unit, path: Path, *,
                   period: Period | None = None, photos: bool = False) -> ExportedPackage:  # fmt: skip
    """Write the unit's submission file: its whole year up to now (cumulative), deletions
    included, the quarterly summaries, the header fields, the 实施方案 if attached, and
    (optionally) the photos.

    Raises:
        KnownError: the name does not end in .jzsub, the unit is not this installation's,
            the period is not a quarter (or a finished year) of a planned year, or the
            file cannot be written.
    """
    from jzdesk.exchange import sheet_code, sheet_data

    path = Path(path)
    if path.suffix.lower() != ".jzsub":
        raise KnownError(f"上报文件的文件名应以 .jzsub 结尾：{path.name}", field="out")
    refusal = reporting_refusal(db, unit)
    if refusal is not None:
        raise KnownError(refusal, field="unit")
    period = period or default_period(db)
    check_report_period(period, date.today())
    year = period.end.year
    if year not in plans.plan_years(db):
        raise KnownError(f"本机没有 {year} 年的计划，不能导出这一年的上报文件", field="period")
    family = unit_family(db, unit, year)
    with db.atomic():
        sequence = submissions.next_sequence(db)
        installation = submissions.installation_id(db)
    code = sheet_code(sheet_data(db, unit, period))
    header = settings.unit_settings(db, unit.code)
    document = submissions.plan_document(db, unit.code, year)
    manifest = {
        "unit_code": unit.code, "unit_name": unit.name, "year": str(year),
        "period": period.text, "quarter": str(quarter_of(period.end)),
        "exported_at": services.now_iso(), "installation": installation,
        "sequence": str(sequence), "program_version": __version__,
        "database_version": str(LATEST), "photos": "1" if photos else "0", "sheet_code": code,
    }  # fmt: skip
    content = PackageContent(
        manifest=manifest,
        records=submissions.package_records(db, family, year),
        photos=submissions.package_photos(db, family, year) if photos else (),
        summaries=submissions.package_summaries(db, unit.code, year),
        header=[(unit.code, header["filler"], header["phone"])],
        documents=[("plan", document["file_name"], document["data"], document["sha256"])]
        if document else [],
    )  # fmt: skip
    written = write_package(path, content)
    return ExportedPackage(path, written.records, code, sequence)


def attach_plan_document(db: sqlite_utils.Database, unit: Unit, year: int, path: Path) -> bool:
    """Keep the unit's 实施方案 (PDF, Word, …) for ``year``; it travels in every submission
    file. Returns False when the same file was attached already.

    Raises:
        KnownError: missing, empty or too large.
    """
    from jzdesk.io.files import checked_size

    path = Path(path)
    size = checked_size(path, limit=MAX_PLAN_DOCUMENT_BYTES, what="实施方案",
                        advice="请压缩后再附上（不超过 20 MB）")  # fmt: skip
    if size == 0:
        raise KnownError(f"文件 {path.name} 是空的", field="file")
    data = path.read_bytes()
    with db.atomic():
        return submissions.set_plan_document(
            db, unit.code, year, file_name=path.name[:200], data=data,
            sha256=hashlib.sha256(data).hexdigest(), now=services.now_iso(),
        )  # fmt: skip


# -- importing ----------------------------------------------------------------------------


def import_package(db: sqlite_utils.Database, path: Path, *,
                   should_stop: Callable[[], bool] | None = None, ahead: ReadAhead | None = None,
                   before_write: Callable[[], object] | None = None) -> ImportResult:  # fmt: skip
    """Check a submission file whole and merge it in one transaction (PRODUCT §7); with
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
            checked = check_package(path, should_stop=should_stop,
                                    known=submissions.imported_hashes(db))  # fmt: skip
        return _import_package(db, checked, before_write)
    except sqlite3.OperationalError as error:
        if "interrupt" in str(error).lower():
            raise KnownError(f"读取文件 {path.name} 超时或已取消，未导入") from error
        if is_disk_full(error):
            raise KnownError(disk_full_message(path)) from error
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise KnownError(
                f"数据库正被另一个程序写入，文件 {path.name} 未导入，请稍后再试"
            ) from error
        raise KnownError(f"文件 {path.name} 无法读取（已损坏），未导入") from error
    except (sqlite3.Error, OverflowError, ValueError, TypeError, KeyError) as error:
        # The checks should have caught it; the transaction was rolled back.
        raise KnownError(f"文件 {path.name} 中有无效的内容，未导入（{error}）") from error


def _import_package(db: sqlite_utils.Database, checked: Checked,
                    before_write: Callable[[], object] | None) -> ImportResult:  # fmt: skip
    with checked.package as package:
        package.restart_budget()
        unit, period = _package_unit(db, package)
        family = unit_family(db, unit, period.end.year)
        _reject_problems(checked, family)
        earlier = submissions.previous_import(db, unit.code, package.file_sha256)
        if earlier is not None:
            return ImportResult(
                package.name, "unchanged",
                f"此文件已于 {earlier['imported_at'][:10]} 导入过，未重复导入",
                unchanged=int(package.manifest["record_count"]), unit=unit.code,
                period=period.text, sheet_code=package.manifest["sheet_code"],
            )  # fmt: skip
        if before_write is not None:
            before_write()
        return _merge(db, checked, unit, family, period)


@dataclass
class Checked:
    """A submission file opened and checked on its own: its problems, found without the
    city's database (whose unit list and families are checked when it merges)."""

    package: Package
    broken: dict[int, list[str]]  # index in _RECORD_RULES → ids of records breaking it
    problems: list[str]  # summaries, header, photos, documents
    # The record rows copied into a scratch database for the merge (see stage_records);
    # None until then.
    stage: Path | None = None


def check_package(path: Path, *, should_stop: Callable[[], bool] | None = None,
                  known: frozenset[str] = frozenset()) -> Checked:  # fmt: skip
    """Open ``path`` untrusted, check its rows and stage them for the merge (reads only
    the file's private copy and writes only beside it). A file rejected anyway, or whose
    bytes were imported before (SHA-256 in ``known``: it will be found unchanged), is not
    staged.

    Raises:
        KnownError: the file is not a submission file, damaged, altered or too new.
        sqlite3.IntegrityError: the file carries one record id twice.
    """
    package = open_package(path, should_stop=should_stop)
    try:
        checked = Checked(package, _broken_rows(package), _other_problems(package))
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

    def __init__(self, paths: list[Path], *, known: frozenset[str] = frozenset(),
                 keep_waiting: Callable[[], bool] | None = None):  # fmt: skip
        """``known``: SHA-256 of files imported before (see check_package).
        ``keep_waiting``, if given, is called about ten times a second while a file's
        checks are awaited (the window keeps painting in it); False stops that file."""
        self._queue = [Path(p) for p in paths
                       if Path(p).suffix.lower() == ".jzsub" and Path(p).is_file()]  # fmt: skip
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
            future = self._pool.submit(check_package, path, should_stop=stop.is_set,
                                       known=self._known)  # fmt: skip
            self._pending = _Pending(path, future, stop)

    def take(self, path: Path) -> Checked | None:
        """The checked file for ``path`` (the next .jzsub of the batch), starting on the
        one after it; None when ``path`` was not read ahead.

        Raises:
            KnownError: as check_package, and when keep_waiting said to stop.
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


def _package_unit(db: sqlite_utils.Database, package: Package) -> tuple[Unit, Period]:
    manifest, name = package.manifest, package.name
    units = {unit.code: unit for unit in services.all_units(db)}
    unit = units.get(manifest["unit_code"])
    if unit is None:
        raise KnownError(f"文件 {name} 来自“{manifest['unit_name']}”（代码 {manifest['unit_code']}），"
                         "本机的单位名单中没有这个单位，未导入")  # fmt: skip
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
        raise KnownError(f"本机没有{unit.name} {year} 年的任务（请先导入 {year} 年的任务分解表），"
                         f"文件 {name} 未导入")  # fmt: skip
    return unit, period


# A canonical (lower-case) UUID, and any control character or line break (which the
# entry form and every import strip, so a file carrying one was not made by jzdesk).
_UUID_GLOB = "-".join("[0-9a-f]" * n for n in (8, 4, 4, 4, 12))
_CONTROL_GLOB = "*[" + chr(1) + "-" + chr(31) + chr(127) + "-" + chr(159) + "]*"
MAX_REVISION = 1_000_000  # a record edited a million times is not a record


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


def _sql_in(values) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def _record_rules(year: int) -> list[tuple[str, str]]:
    """(condition every record must meet, what it means when one does not); the unit
    rule, which needs the city's database, is _FAMILY_RULE."""
    flags = " AND ".join(f"{c} IN (0, 1)" for c in
                         ("demonstration", "original", "logo_shown", "deleted"))  # fmt: skip
    texts = " AND ".join(f"length({c}) <= {MAX_TEXT}" for c in
                         ("title", "venue", "presenter", "notes"))  # fmt: skip
    media = (
        "json_valid(media) AND json_type(media) = 'array' AND NOT EXISTS (SELECT 1 FROM "
        "json_each(media) j WHERE j.type <> 'array' OR json_array_length(j.value) <> 2 "
        f"OR json_extract(j.value, '$[0]') NOT IN ({_sql_in(MEDIA_CHANNELS)}) "
        "OR json_type(j.value, '$[1]') <> 'text' OR length(json_extract(j.value, '$[1]')) > 500 "
        f"OR json_extract(j.value, '$[1]') GLOB '{_CONTROL_GLOB}')"
    )
    return [
        (f"id GLOB '{_UUID_GLOB}'", "记录编号无效"),
        # '+0 days' makes SQLite normalise 02-30 to 03-02, so an impossible day differs.
        (
            f"date(date, '+0 days') IS date AND substr(date, 1, 4) = '{year}'",
            f"活动日期无效或不在 {year} 年",
        ),
        (f"type IN ({_sql_in(kind.value for kind in ActivityType)})", "活动类型无法识别"),
        (f"sessions BETWEEN 1 AND {MAX_SESSIONS}", f"场次不在 1–{MAX_SESSIONS} 之间"),
        (f"audience BETWEEN 0 AND {MAX_AUDIENCE}", f"受益职工不在 0–{MAX_AUDIENCE} 之间"),
        (f"venue_category IN ('', {_sql_in(VENUE_CATEGORIES)})", "场所类别无法识别"),
        (f"delivery IN ('', {_sql_in(DELIVERIES)})", "组织方式无法识别"),
        (flags, "是/否项的值无效"),
        (
            f"revision BETWEEN 1 AND {MAX_REVISION} AND base_revision BETWEEN 0 AND revision - 1",
            "版本号无效",
        ),  # fmt: skip
        # One GLOB over the texts joined: one per column would cost as much as the rest.
        (
            "NOT (title || venue || presenter || notes || entered_by || created_at "
            f"|| updated_at) GLOB '{_CONTROL_GLOB}'",
            "文字中有换行或控制字符",
        ),
        (
            f"{texts} AND length(entered_by) <= 200 AND length(created_at) <= 40 "
            "AND length(updated_at) <= 40",
            "文字太长",
        ),  # fmt: skip
        (media, "媒体宣传无效"),
    ]


_FAMILY_RULE = "记录不属于本单位（或其下属单位）"


def _manifest_year(package: Package) -> int | None:
    try:
        return int(package.manifest["year"])
    except ValueError:
        return None  # _package_unit rejects the file


def _broken_rows(package: Package) -> dict[int, list[str]]:
    """Records that break a rule of _record_rules, by rule (at most 20 records)."""
    year = _manifest_year(package)
    if year is None:
        return {}
    broken: dict[int, list[str]] = {}
    rules = _record_rules(year)
    for record_id, rule in package.violations([condition for condition, _ in rules]):
        broken.setdefault(rule, []).append(record_id)
    return broken


def _other_problems(package: Package) -> list[str]:
    """What is wrong with the file's summaries, header, photos and documents."""
    problems = []
    conn, year = package.conn, _manifest_year(package)
    bad_summary = conn.execute(
        f"SELECT COUNT(*) FROM summaries WHERE year IS NOT ? OR quarter NOT BETWEEN 1 AND 4 "
        f"OR length(text) > {MAX_TEXT * 5}", [year]
    ).fetchone()[0]  # fmt: skip
    if bad_summary:
        problems.append("活动小结的年度或季度无效")
    bad_header = conn.execute(
        "SELECT COUNT(*) FROM header WHERE unit_code <> ? OR length(filler) > 100 "
        "OR length(phone) > 100", [package.manifest["unit_code"]]
    ).fetchone()[0]  # fmt: skip
    if bad_header:
        problems.append("填报人或联系电话无效")
    bad_photo = conn.execute(
        "SELECT COUNT(*) FROM photos p WHERE NOT EXISTS (SELECT 1 FROM records r "
        "WHERE r.id = p.record_id) OR width NOT BETWEEN 1 AND 8000 "
        "OR height NOT BETWEEN 1 AND 8000"
    ).fetchone()[0]
    if bad_photo:
        problems.append("照片无效")
    if conn.execute("SELECT COUNT(*) FROM documents WHERE kind <> 'plan'").fetchone()[0]:
        problems.append("附件无效")
    return problems


def _reject_problems(checked: Checked, family: list[str]) -> None:
    """Refuse the file, naming the records, if any row is invalid or not the unit's own."""
    package = checked.package
    rules = _record_rules(_manifest_year(package) or 0)
    problems = [f"{rules[rule][1]}：记录 {'、'.join(ids[:5])}"
                for rule, ids in sorted(checked.broken.items())]  # fmt: skip
    strangers = package.violations([f"unit_code IN ({_sql_in(family)})"])
    if strangers:
        ids = "、".join(record_id for record_id, _ in strangers[:5])
        # In rule order: after invalid ids (rule 0), before the rest.
        problems.insert(1 if 0 in checked.broken else 0, f"{_FAMILY_RULE}：记录 {ids}")
    problems += checked.problems
    if problems:
        raise KnownError(f"文件 {package.name} 有 {len(problems)} 类问题，未导入：\n"
                         + "\n".join(problems))  # fmt: skip


def _merge(db: sqlite_utils.Database, checked: Checked, unit: Unit, family: list[str],
           period: Period) -> ImportResult:  # fmt: skip
    package = checked.package
    manifest = package.manifest
    now, by = services.now_iso(), services.current_user(db)
    saved_by = f"导入：{package.name}"[:100]
    year = period.end.year
    sequence = int(manifest["sequence"])
    with merge.attached_stage(db, stage_records(checked)), _immediate(db):
        newest = submissions.is_newest_file(db, unit.code, manifest["installation"], sequence)
        moved = submissions.from_another_installation(db, unit.code, manifest["installation"])
        import_id = submissions.start_import(db, {
            "file_name": package.name[:200], "file_sha256": package.file_sha256,
            "kind": "jzsub", "unit_code": unit.code, "year": year,
            "quarter": quarter_of(period.end), "period": period.text,
            "installation": manifest["installation"][:64], "sequence": sequence,
            "exported_at": manifest["exported_at"][:40], "imported_at": _local_now(),
            "imported_by": by, "sheet_code": manifest["sheet_code"][:20],
            "has_plan_document": int(bool(package.documents())),
        })  # fmt: skip
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
                db, row["id"], merge.incoming_fields(row), deleted=bool(row["deleted"]),
                unit_revision=row["revision"], import_id=import_id, now=now, saved_by=saved_by,
            )  # fmt: skip
            changes[change] += 1
        conflicts = sum(submissions.record_conflict(db, row, import_id, now=now)
                        for row in merge.staged(db, "conflict"))  # fmt: skip
        if manifest["photos"] == "1":
            _take_photos(db, package, now=now)
        if newest:
            _take_unit_texts(db, package, unit, now=now)
        updated = sum(changes.values())
        # Every record of the file in exactly one count: what was neither added, taken
        # nor kept as a conflict changed nothing (held already, older, a deletion of a
        # record never seen here, a version the city has decided against).
        unchanged = int(manifest["record_count"]) - added - updated - conflicts
        counts = {"added": added, "updated": updated, "deleted": changes["deleted"],
                  "unchanged": unchanged, "conflicts": conflicts}  # fmt: skip
        submissions.finish_import(db, import_id, counts)
    written = added or counts["updated"] or conflicts
    return ImportResult(
        package.name, "imported" if written else "unchanged",
        _notes(counts, manifest, unit=unit.name if moved else None),
        added, counts["updated"], unchanged, conflicts, unit.code, deleted=counts["deleted"],
        period=period.text, sheet_code=manifest["sheet_code"], import_id=import_id,
    )  # fmt: skip


def _local_now() -> str:
    """Receipt time on the city's clock (the one the deadlines are judged by)."""
    return datetime.now().isoformat(timespec="seconds")


def _notes(counts: dict, manifest: dict, *, unit: str | None = None) -> str:
    """The result's notes; ``unit`` names the unit when the file came from another
    installation than its earlier ones."""
    notes = []
    if unit is not None:
        notes.append(f"注意：此文件来自另一台电脑上的 jzdesk，与{unit}以前的上报文件不同，"
                     "请确认是该单位报送的")  # fmt: skip
    if counts["deleted"]:
        notes.append(f"其中删除 {counts['deleted']} 条")
    if counts["conflicts"]:
        notes.append(
            f"{counts['conflicts']} 条与本机保存的版本冲突，两个版本都已保留，请在“汇总导入 → 冲突”中选择"
        )
    notes.append(f"对应统计表的校验码 {manifest['sheet_code']}，应与纸质表上的相同")
    return "；".join(notes)


def check_sheet_code(db: sqlite_utils.Database, import_id: int) -> dict:
    """The logged import's 校验码 against the one of the same sheet from what the city
    holds now: equal unless the city changed, or has not yet settled, a record."""
    from jzdesk.exchange import sheet_code, sheet_data

    entry = submissions.get_import(db, import_id)
    unit = next(u for u in services.all_units(db) if u.code == entry["unit_code"])
    held = sheet_code(sheet_data(db, unit, parse_period(entry["period"])))
    return {"file": entry["sheet_code"], "held": held, "same": held == entry["sheet_code"]}


def _take_photos(db: sqlite_utils.Database, package: Package, *, now: str) -> None:
    """The file's photos of the records merge.photo_owners names."""
    taken = merge.photo_owners(db)
    by_record: dict[str, list[tuple]] = {}
    for photo in package.photos():
        if photo[0] in taken:
            by_record.setdefault(photo[0], []).append(photo)
    for record_id, photos in by_record.items():
        submissions.set_photos(db, record_id, photos, now=now)


def _take_unit_texts(db: sqlite_utils.Database, package: Package, unit: Unit, *, now: str) -> None:
    """Summaries, header fields and the 实施方案 from the unit's newest file."""
    from jzdesk.store import summaries

    for year, quarter, text, _updated in package.summaries():
        summaries.set_summary(db, unit.code, year, quarter, text, now=now)
    for _code, filler, phone in package.header():
        settings.set_unit_settings(db, unit.code, filler=filler, phone=phone)
    for _kind, file_name, data, sha256 in package.documents():
        submissions.set_plan_document(db, unit.code, int(package.manifest["year"]),
                                      file_name=file_name, data=data, sha256=sha256, now=now)  # fmt: skip


# -- conflicts and completeness ----------------------------------------------------------


def open_conflicts(db: sqlite_utils.Database) -> list[dict]:
    return submissions.open_conflicts(db)


def resolve_conflict(db: sqlite_utils.Database, conflict_id: int, keep: str) -> None:
    """Settle a conflict keeping ``ours`` (the record as held here) or ``theirs`` (the
    unit's version from the file).

    Raises:
        KnownError: no such open conflict, or ``keep`` is neither.
    """
    if keep not in ("ours", "theirs"):
        raise KnownError("请选择保留本机版本（ours）或来件版本（theirs）", field="keep")
    conflict = submissions.get_conflict(db, conflict_id)
    if conflict is None or conflict["resolution"] is not None:
        raise KnownError(f"没有待处理的冲突 {conflict_id}", field="id")
    received = submissions.received_revision(db, conflict["record_id"])
    if received is not None and conflict["revision"] < received:
        with db.atomic():
            merge.close_superseded(db, conflict["record_id"], received,
                                         now=services.now_iso(), by=services.current_user(db))  # fmt: skip
        raise KnownError(f"冲突 {conflict_id} 已被该单位更新的上报文件取代，已自动关闭", field="id")
    with db.atomic():
        submissions.resolve_conflict(db, conflict, keep, now=services.now_iso(),
                                     saved_by=services.current_user(db))  # fmt: skip


MAX_PAIRS_EXAMINED = 20_000


def joint_duplicates(db: sqlite_utils.Database, period: Period) -> list[tuple]:
    """Pairs of records (ActivityRecord, ActivityRecord) of two units that look like one
    event counted twice, for the city to decide; at most MAX_PAIRS_EXAMINED same-day
    pairs are examined."""
    from jzdesk.domain.records import is_joint_event
    from jzdesk.store import records

    pairs = submissions.same_day_pairs(db, period.start.isoformat(), period.end.isoformat(),
                                       limit=MAX_PAIRS_EXAMINED)  # fmt: skip
    cache: dict = {}

    def record(record_id):
        if record_id not in cache:
            cache[record_id] = records.get_record(db, record_id)
        return cache[record_id]

    return [(record(a), record(b)) for a, b in pairs
            if is_joint_event(record(a).fields, record(b).fields)]  # fmt: skip


def import_log(db: sqlite_utils.Database, *, year: int | None = None) -> list[dict]:
    return submissions.import_log(db, year=year)


def import_changes(db: sqlite_utils.Database, import_id: int) -> list[dict]:
    return submissions.import_changes(db, import_id)


def completeness(db: sqlite_utils.Database, *, year: int | None = None,
                 as_of: date | None = None) -> Completeness:  # fmt: skip
    """Who has reported which quarter (and the 实施方案), on time or late, for ``year``."""
    year = year or services.default_year(db)
    names = {unit.code: unit.name for unit in services.all_units(db)}
    entries = plans.plan_entries(db, year)
    if not entries:
        raise KnownError(f"没有 {year} 年的任务分解表（计划）", field="year")
    units = [(e.unit_code, names[e.unit_code]) for e in entries if e.quota is not None]
    return build_completeness(
        year, units, submissions.receipts(db, year),
        submissions.first_plan_documents(db, year), deadline_days=plans.report_days(db, year),
        today=as_of or date.today(),
    )  # fmt: skip


def deadline_days(db: sqlite_utils.Database, year: int) -> int:
    return plans.report_days(db, year)


def set_deadline_days(db: sqlite_utils.Database, year: int, days: int) -> None:
    """How many days after a quarter ends its report is due (default 10)."""
    if not 0 <= days <= 90:
        raise KnownError("报送期限应在季度结束后 0–90 天之间", field="days")
    with db.atomic():
        plans.set_report_days(db, year, days)
