"""The use cases, shared by the window and the command line. No Qt, no argument parsing."""

from __future__ import annotations

import getpass
import re
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

import sqlite_utils

from jzdesk.domain.periods import Period, quarter_of, quarter_period, year_period
from jzdesk.domain.plans import date_outside_plans
from jzdesk.domain.progress import ProgressReport, TypeCount, build_report
from jzdesk.domain.records import (
    ActivityRecord,
    RecordFields,
    RecordFilter,
    cleaned,
    is_likely_duplicate,
    require_valid,
)
from jzdesk.domain.text import normalize
from jzdesk.domain.units import CITY_CODE, Unit, name_key
from jzdesk.errors import KnownError
from jzdesk.store import photos as storage
from jzdesk.store import plans, progress, records, settings, summaries, units
from jzdesk.store.db import default_db_path, open_db


def open_database(path: Path | str | None = None) -> sqlite_utils.Database:
    """Open the database at ``path``, or the user's default one (see default_db_path)."""
    return open_db(default_db_path() if path is None else path)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def resolve_unit(db: sqlite_utils.Database, text: str) -> Unit:
    """The unit named by its display name, short name or code.

    Raises:
        KnownError: no unit (or more than one) answers to ``text``.
    """
    key = name_key(text)
    matches = [unit for unit in units.all_units(db) if key in unit.names()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise KnownError(
            f"填报单位“{text}”不在单位名单中（可用 jzdesk progress 查看单位）", field="unit"
        )
    names = "、".join(unit.name for unit in matches)
    raise KnownError(f"填报单位“{text}”不能确定是哪个单位：{names}", field="unit")


def all_units(db: sqlite_utils.Database) -> list[Unit]:
    """Every unit, in the order of the quota table."""
    return units.all_units(db)


def plan_years(db: sqlite_utils.Database) -> list[int]:
    return plans.plan_years(db)


def plan_entries(db: sqlite_utils.Database, year: int):
    """The year's plan lines (unit, quota, minimums) in the order of 附件1."""
    return plans.plan_entries(db, year)


def data_version(db: sqlite_utils.Database) -> int:
    """Changes when another connection commits (the window polls it to stay current)."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def backup_folder(db: sqlite_utils.Database) -> Path:
    from jzdesk.store import backup

    return backup.backup_folder(db)


def home_unit(db: sqlite_utils.Database) -> Unit | None:
    """The unit this installation belongs to, once ``init`` (or the window) has set it."""
    code = settings.get_meta(db, settings.HOME_UNIT)
    return units.units_by_code(db).get(code) if code else None


def unit_installation(db: sqlite_utils.Database) -> Unit | None:
    """The home unit when this installation belongs to a unit rather than the city.

    Roles (PRODUCT §2): a unit's installation takes its plan from the city's plan file and
    cannot change it, and shows none of the city's views; the city's installation (or one
    not yet set up) can do everything.
    """
    home = home_unit(db)
    return home if home is not None and home.code != CITY_CODE else None


def _checked_filler(filler: str) -> str:
    filler = filler.strip()
    if len(filler) > 50:
        raise KnownError("填报人姓名太长（超过 50 个字）", field="filler")
    return filler


def _checked_phone(phone: str) -> str:
    phone = phone.strip()
    if phone and not re.fullmatch(r"[0-9+()\- ]{5,30}", normalize(phone).replace("转", "-")):
        raise KnownError(f"联系电话“{phone}”不像电话号码，例如 0391-3999928", field="phone")
    return phone


def init_installation(
    db: sqlite_utils.Database,
    unit_text: str,
    *,
    filler: str | None = None,
    phone: str | None = None,
) -> Unit:
    """Record which unit this installation belongs to, with its filler and phone."""
    unit = resolve_unit(db, unit_text)
    filler = None if filler is None else _checked_filler(filler)
    phone = None if phone is None else _checked_phone(phone)
    with db.atomic():
        settings.set_meta(db, settings.HOME_UNIT, unit.code)
        settings.set_unit_settings(db, unit.code, filler=filler, phone=phone)
    return unit


def _saved_by(db: sqlite_utils.Database, unit_code: str) -> str:
    """Who a write is attributed to: the unit's 填报人, else the computer's login name."""
    return settings.unit_settings(db, unit_code)["filler"] or _os_user()


def current_user(db: sqlite_utils.Database) -> str:
    """Who is working at this computer, for audit logs: this installation's filler, else
    the login name."""
    code = settings.get_meta(db, settings.HOME_UNIT)
    filler = settings.unit_settings(db, code)["filler"] if code else ""
    return filler or _os_user()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name, e.g. in a service account
        return ""


def _checked(db: sqlite_utils.Database, fields: RecordFields) -> RecordFields:
    """The fields as they will be stored (text cleaned), once every rule is met.

    Raises:
        KnownError: a rule is broken; the message names the field.
    """
    fields = cleaned(fields)
    require_valid(fields)
    if fields.unit_code not in units.units_by_code(db):
        raise KnownError(f"填报单位代码“{fields.unit_code}”不在单位名单中", field="unit")
    if fields.date > date.today():
        raise KnownError(f"活动日期 {fields.date.isoformat()} 在今天之后；只登记已经开展的活动",
                         field="date")  # fmt: skip
    outside = date_outside_plans(fields.date, plans.plan_years(db))
    if outside:
        raise KnownError(outside, field="date")
    return fields


def add_event(db: sqlite_utils.Database, fields: RecordFields, *, photos=()) -> str:
    """Validate and store a new activity with its photos (prepare_photos), in one transaction.

    Returns:
        The new record's id.

    Raises:
        KnownError: a field breaks a rule (the message names it) or the unit is unknown.
    """
    fields = _checked(db, fields)
    now = now_iso()
    with db.atomic():
        record_id = records.insert_record(
            db, fields, entered_by=_saved_by(db, fields.unit_code), now=now
        )
        for photo in photos:
            storage.add_photo(db, record_id, photo, now=now)
        if photos:
            records.snapshot(db, record_id, saved_at=now, saved_by=_saved_by(db, fields.unit_code))
    return record_id


def prepare_photos(paths) -> list:
    """Check, downscale and re-encode image files for add_event / attach_photos.

    Raises:
        KnownError: a file is missing, too large, broken or not an image (named).
    """
    from jzdesk.io.photos import prepare_photo

    return [prepare_photo(Path(path)) for path in paths]


def update_event(
    db: sqlite_utils.Database, record_id: str, fields: RecordFields, *, revision: int
) -> None:
    """Save an edit of a live record as its next revision.

    ``revision`` is the revision the edit started from: if someone (or an import) saved the
    record in between, the edit is refused rather than silently overwriting theirs.

    Raises:
        KnownError: a field breaks a rule, or the record changed or vanished meanwhile.
    """
    fields = _checked(db, fields)
    with db.atomic():
        saved = records.update_record(
            db,
            record_id,
            fields,
            revision=revision,
            now=now_iso(),
            saved_by=_saved_by(db, fields.unit_code),
        )
        if not saved:
            raise KnownError("这条记录已被修改或删除，请刷新后重新编辑", field="id")


def get_event(db: sqlite_utils.Database, record_id: str) -> ActivityRecord:
    """A record, live or in the recycle bin.

    Raises:
        KnownError: there is no record with this id.
    """
    record = records.get_record(db, record_id.strip().lower())
    if record is None:
        raise KnownError(f"没有编号为 {record_id} 的活动记录", field="id")
    return record


def list_events(
    db: sqlite_utils.Database,
    spec: RecordFilter = RecordFilter(),
    *,
    sort: str = "date",
    descending: bool = False,
    limit: int = -1,
    offset: int = 0,
) -> list[ActivityRecord]:
    """Records matching ``spec`` (live ones unless it asks for the recycle bin), sorted."""
    return records.list_records(
        db, spec, sort=sort, descending=descending, limit=limit, offset=offset
    )


def event_totals(db: sqlite_utils.Database, spec: RecordFilter = RecordFilter()) -> dict:
    """The 合计 of what list_events returns: records, sessions per type, audience."""
    return records.totals(db, spec)


def totals_are_instant(spec: RecordFilter) -> bool:
    """True when event_totals answers from the daily totals, whatever the data size."""
    return records.is_simple(spec)


def event_filter(
    *, unit: Unit | None = None, period: Period | None = None, **criteria
) -> RecordFilter:
    """A RecordFilter for one unit (or all) and a period, plus any other criteria."""
    return RecordFilter(
        unit_codes=None if unit is None else (unit.code,), period=period, **criteria
    )


def has_sample_data(db: sqlite_utils.Database) -> bool:
    return records.has_sample_records(db)


def delete_events(db: sqlite_utils.Database, record_ids: list[str]) -> None:
    """Move records to the recycle bin, all or none; tombstones travel to the city.

    Raises:
        KnownError: one of the ids names no live record (then nothing is deleted).
    """
    now = now_iso()
    with db.atomic():
        for record_id in record_ids:
            clean = record_id.strip().lower()
            record = records.get_record(db, clean)
            if record is None or record.deleted:
                raise KnownError(f"没有编号为 {record_id} 的活动记录（或已删除）", field="id")
            records.set_deleted(
                db, clean, True, now=now, saved_by=_saved_by(db, record.fields.unit_code)
            )


def delete_event(db: sqlite_utils.Database, record_id: str) -> None:
    """Move one record to the recycle bin (see delete_events)."""
    delete_events(db, [record_id])


def restore_events(db: sqlite_utils.Database, record_ids: list[str]) -> None:
    """Bring records back from the recycle bin, as their next revision.

    Raises:
        KnownError: one of the ids is not in the recycle bin (then nothing is restored).
    """
    now = now_iso()
    with db.atomic():
        for record_id in record_ids:
            record = records.get_record(db, record_id)
            if record is None or not record.deleted:
                raise KnownError(f"回收站中没有编号为 {record_id} 的记录", field="id")
            records.set_deleted(
                db, record_id, False, now=now, saved_by=_saved_by(db, record.fields.unit_code)
            )


def event_history(db: sqlite_utils.Database, record_id: str) -> list[dict]:
    """Every saved state of a record, oldest first (revision, saved_at, saved_by, state)."""
    return records.revisions(db, record_id)


def likely_duplicates(
    db: sqlite_utils.Database, fields: RecordFields, *, exclude_id: str | None = None
) -> list[ActivityRecord]:
    """Live records that look like the same event as ``fields`` (see is_likely_duplicate)."""
    return [
        record
        for record in records.same_day_records(
            db, fields.unit_code, fields.date, fields.activity_type
        )
        if record.id != exclude_id and is_likely_duplicate(fields, record.fields)
    ]


def suggestions(db: sqlite_utils.Database, unit_code: str, column: str) -> list[str]:
    """Earlier titles, venues or presenters of a unit, for autocompletion."""
    return records.suggestions(db, unit_code, column)


def add_photos(db: sqlite_utils.Database, record_id: str, paths: list[Path]) -> int:
    """Attach image files to a record, all or none; returns how many were new.

    Raises:
        KnownError: a file is missing, too large, broken or not an image (the message
            names it); then no photo is attached.
    """
    return attach_photos(db, record_id, prepare_photos(paths))


def attach_photos(db: sqlite_utils.Database, record_id: str, prepared: list) -> int:
    """Attach prepared photos to a record as its next revision; returns how many were new."""
    record = get_event(db, record_id)
    now = now_iso()
    with db.atomic():
        before = len(storage.thumbnails(db, record.id))
        for photo in prepared:
            storage.add_photo(db, record.id, photo, now=now)
        added = len(storage.thumbnails(db, record.id)) - before
        if added:
            records.touch(db, record.id, now=now, saved_by=_saved_by(db, record.fields.unit_code))
    return added


def remove_photo(db: sqlite_utils.Database, record_id: str, photo_id: int) -> None:
    record = get_event(db, record_id)
    with db.atomic():
        storage.remove_photo(db, photo_id)
        records.touch(db, record.id, now=now_iso(), saved_by=_saved_by(db, record.fields.unit_code))


def photo_thumbnails(db: sqlite_utils.Database, record_id: str) -> list[tuple[int, bytes]]:
    return storage.thumbnails(db, record_id)


def photo_image(db: sqlite_utils.Database, photo_id: int) -> bytes | None:
    return storage.image(db, photo_id)


def header_fields(db: sqlite_utils.Database, unit_code: str) -> dict[str, str]:
    """The unit's 填报人 and 联系电话, as printed on its sheet."""
    return settings.unit_settings(db, unit_code)


def set_header_fields(db: sqlite_utils.Database, unit_code: str, *, filler: str, phone: str):
    save_report_info(db, unit_code, filler=filler, phone=phone)


def save_report_info(
    db: sqlite_utils.Database, unit_code: str, *, filler: str, phone: str, year: int | None = None,
    summaries_by_quarter: dict[int, str] | None = None,
) -> None:  # fmt: skip
    """Save the unit's 填报人, 联系电话 and its quarterly summaries, in one transaction.

    Raises:
        KnownError: the phone number or a summary cannot be right (the message says which).
    """
    filler, phone = _checked_filler(filler), _checked_phone(phone)
    for text in (summaries_by_quarter or {}).values():
        if len(text) > 20000:
            raise KnownError("活动小结太长（超过 20000 字）", field="summary")
    now = now_iso()
    with db.atomic():
        settings.set_unit_settings(db, unit_code, filler=filler, phone=phone)
        for quarter, text in (summaries_by_quarter or {}).items():
            summaries.set_summary(db, unit_code, year, quarter, text.strip(), now=now)


def quarter_summary(db: sqlite_utils.Database, unit_code: str, year: int, quarter: int) -> str:
    """The unit's 活动小结 for a quarter ('' when none was written)."""
    return summaries.get_summary(db, unit_code, year, quarter)


def set_quarter_summary(
    db: sqlite_utils.Database, unit_code: str, year: int, quarter: int, text: str
) -> None:
    header = header_fields(db, unit_code)
    save_report_info(db, unit_code, filler=header["filler"], phone=header["phone"], year=year,
                     summaries_by_quarter={quarter: text})  # fmt: skip


def default_year(db: sqlite_utils.Database, *, today: date | None = None) -> int:
    """This year's plan if there is one, else the latest plan before it, else the first."""
    years = plans.plan_years(db)
    if not years:
        raise KnownError("数据库中还没有任何年度计划")
    this_year = (today or date.today()).year
    earlier = [year for year in years if year <= this_year]
    return earlier[-1] if earlier else years[0]


def report_quarter(
    db: sqlite_utils.Database, unit_code: str | None, *, today: date | None = None
) -> Period:
    """The quarter 统计报表 opens on: that of the unit's latest record in the plan year
    (default_year), else today's quarter, or the year's last once the year is over.

    Once a plan year is over, its empty fourth quarter would show a blank sheet; the
    quarter with the latest records is the one a clerk is about to report.
    """
    today = today or date.today()
    year = default_year(db, today=today)
    spec = RecordFilter(unit_codes=None if unit_code is None else (unit_code,),
                        period=year_period(year))  # fmt: skip
    latest = list_events(db, spec, sort="date", descending=True, limit=1)
    day = latest[0].fields.date if latest else min(today, date(year, 12, 31))
    return quarter_period(year, quarter_of(day))


def progress_report(
    db: sqlite_utils.Database,
    *,
    year: int | None = None,
    as_of: date | None = None,
    today: date | None = None,
    counts: list[TypeCount] | None = None,
) -> ProgressReport:
    """Each plan unit's progress in ``year``, counting records dated up to ``as_of``.

    ``year`` defaults to that of ``as_of``, else to default_year; ``as_of`` defaults to
    today, but not past the year's end. ``counts``: progress.type_counts of the year to
    ``as_of``, if the caller has them already.

    Raises:
        KnownError: there is no plan for the year, or ``as_of`` lies in another year.
    """
    today = today or date.today()
    year_field = "year" if year is not None or as_of is None else "as_of"
    if year is None:
        year = as_of.year if as_of else default_year(db, today=today)
    if not 2000 <= year <= 2100:
        raise KnownError(f"年度 {year} 不在 2000–2100 之间", field="year")
    if as_of is None:
        as_of = min(today, date(year, 12, 31))
    if as_of.year != year:
        raise KnownError(f"统计截止日期 {as_of.isoformat()} 不在 {year} 年内", field="as_of")
    entries = plans.plan_entries(db, year)
    if not entries:
        raise KnownError(f"没有 {year} 年的任务分解表（计划）", field=year_field)
    return build_report(
        year=year,
        as_of=as_of,
        plan=entries,
        units=units.units_by_code(db),
        counts=counts if counts is not None else progress.type_counts(db, date(year, 1, 1), as_of),
        sample_data=records.has_sample_records(db),
    )


def period_report(db: sqlite_utils.Database, period: Period, *,
                  counts: list[TypeCount] | None = None) -> ProgressReport:  # fmt: skip
    """Each plan unit's sessions within ``period`` (the plan of the period's last year);
    ``counts``: progress.type_counts of the period, if the caller has them already.

    Raises:
        KnownError: there is no plan for that year.
    """
    year = period.end.year
    entries = plans.plan_entries(db, year)
    if not entries:
        raise KnownError(f"没有 {year} 年的任务分解表（计划）", field="period")
    return build_report(
        year=year,
        as_of=period.end,
        plan=entries,
        units=units.units_by_code(db),
        counts=counts if counts is not None else progress.type_counts(db, period.start, period.end),
        sample_data=records.has_sample_records(db),
    )


def chart_data(db: sqlite_utils.Database, period: Period, *, unit_codes: set[str] | None = None):
    """The numbers of the 图表 tab for ``period`` (and, where it applies, some units).

    Completion is the year to the period's end; sessions and audience by type count the
    period; the cumulative line runs through the months of the year to the period's end.
    """
    from jzdesk.domain.charts import build_chart_data

    year = period.end.year
    as_of = min(period.end, date.today())
    # One aggregate per date range (a whole year's period and its year are the same one).
    in_period = progress.type_counts(db, period.start, period.end)
    to_date = (in_period if (period.start, period.end) == (date(year, 1, 1), as_of)
               else progress.type_counts(db, date(year, 1, 1), as_of))  # fmt: skip
    year_report = progress_report(db, year=year, as_of=as_of, counts=to_date)
    # "All units" is the 合计 of 附件1: the units with a quota, as the pace line is.
    codes = sorted(unit_codes or {u.unit.code for u in year_report.with_quota})
    return build_chart_data(
        period_label=period.label,
        year_report=year_report,
        period_report=period_report(db, period, counts=in_period),
        monthly=progress.monthly_counts(db, date(year, 1, 1), as_of, codes),
        period_counts=[c for c in in_period if unit_codes is None or c.unit_code in unit_codes],
        unit_codes=unit_codes,
    )  # fmt: skip


MAX_SAMPLE_RECORDS = 2_000_000


def fill_sample_data(db: sqlite_utils.Database, count: int, *, seed: int | None = None) -> int:
    """Add ``count`` generated sample records (marked as such) to the 2021 plan's units.

    Each call draws new records unless a ``seed`` is given (benchmarks want the same data).
    """
    from jzdesk.sample_data import sample_rows

    if not 1 <= count <= MAX_SAMPLE_RECORDS:
        raise KnownError(f"示例记录数应在 1 到 {MAX_SAMPLE_RECORDS} 之间，现在是 {count}",
                         field="records")  # fmt: skip
    with db.atomic():
        records.insert_many(db, sample_rows(count, seed=seed, now=now_iso()))
    return count


def remove_sample_data(db: sqlite_utils.Database) -> int:
    """Delete every sample record outright (they never travel, so no tombstones)."""
    with db.atomic():
        return records.delete_sample_records(db)


def make_backup(db: sqlite_utils.Database, reason: str = "manual") -> Path:
    """Copy the database into the backups beside it (the last 30 are kept); returns the copy.

    Raises:
        KnownError: the backup folder cannot be written.
    """
    from jzdesk.errors import is_disk_full, os_reason
    from jzdesk.store import backup

    try:
        return backup.write_backup(db, reason, now=datetime.now())
    except OSError as error:
        raise KnownError(f"无法写入备份：{os_reason(error)}") from error
    except sqlite3.Error as error:  # SQLite writes the copy: a full disk comes this way
        if is_disk_full(error):
            why = "磁盘空间不足"
        elif "unable to open" in str(error).lower():
            why = "备份文件夹不存在或没有写入权限"
        else:
            why = f"SQLite 错误（{error}）"
        raise KnownError(f"无法写入备份：{why}") from error


def daily_backup(db: sqlite_utils.Database) -> Path | None:
    """A backup if none was made today (the window calls this after it opens)."""
    from jzdesk.store import backup

    today = date.today().strftime("%Y%m%d")
    if any(path.name.startswith(f"jzdesk-{today}") for path in backup.backups(db)):
        return None
    return make_backup(db, "daily")


def list_backups(db: sqlite_utils.Database) -> list[dict]:
    """Each backup, newest first: path, made, reason, records."""
    from jzdesk.store import backup

    return [backup.describe(path) for path in backup.backups(db)]


def restore_backup(db: sqlite_utils.Database, path: Path) -> Path:
    """Bring back a backup, after backing up the current state; returns that safety copy.

    Raises:
        KnownError: the file is missing, not a jzdesk database, damaged, or from a newer
            program; then nothing is changed.
    """
    import sqlite3

    from jzdesk.store import backup
    from jzdesk.store.migrations import LATEST, migrate

    path = Path(path)
    if not path.is_file():
        raise KnownError(f"找不到备份文件 {path}", field="file")
    try:
        version = backup.check_backup(path)
    except sqlite3.DatabaseError as error:
        raise KnownError(
            f"文件 {path.name} 不是 jzdesk 的数据库备份或已损坏，未恢复", field="file"
        ) from error
    if version > LATEST:
        raise KnownError(
            f"备份 {path.name} 来自更新版本的 jzdesk，请升级程序后再恢复", field="file"
        )
    safety = make_backup(db, "before-restore")
    backup.restore_into(db, path)
    migrate(db)  # a backup from an older program is brought up to date
    return safety


def latest_backup_beside(db_path: Path) -> dict | None:
    """The newest readable backup beside a (damaged) database: path, made, reason, records."""
    import sqlite3

    from jzdesk.store import backup

    for path in backup.backups_beside(Path(db_path)):
        try:
            backup.check_backup(path)
            return backup.describe(path)
        except (sqlite3.DatabaseError, ValueError, IndexError):
            continue
    return None


def recover_database(db_path: Path, backup_file: Path) -> Path:
    """Put a backup in place of a damaged database (moved aside, not deleted); returns
    where the damaged file was moved.

    Raises:
        KnownError: the files cannot be moved or written.
    """
    from jzdesk.errors import os_reason
    from jzdesk.store import backup

    try:
        return backup.replace_damaged(Path(db_path), Path(backup_file), now=datetime.now())
    except OSError as error:
        raise KnownError(f"无法恢复数据库 {db_path}：{os_reason(error)}") from error
