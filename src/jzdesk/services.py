"""The use cases, shared by the window and the command line. No Qt, no argument parsing."""

from __future__ import annotations

import getpass
from datetime import date, datetime, timezone
from pathlib import Path

import sqlite_utils

from jzdesk.domain.periods import Period
from jzdesk.domain.progress import ProgressReport, build_report
from jzdesk.domain.records import ActivityRecord, RecordFields, require_valid
from jzdesk.domain.units import Unit, name_key
from jzdesk.errors import KnownError
from jzdesk.store import plans, progress, records, settings, units
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


def home_unit(db: sqlite_utils.Database) -> Unit | None:
    """The unit this installation belongs to, once ``init`` (or the window) has set it."""
    code = settings.get_meta(db, settings.HOME_UNIT)
    return units.units_by_code(db).get(code) if code else None


def init_installation(
    db: sqlite_utils.Database,
    unit_text: str,
    *,
    filler: str | None = None,
    phone: str | None = None,
) -> Unit:
    """Record which unit this installation belongs to, with its filler and phone."""
    unit = resolve_unit(db, unit_text)
    with db.atomic():
        settings.set_meta(db, settings.HOME_UNIT, unit.code)
        settings.set_unit_settings(db, unit.code, filler=filler, phone=phone)
    return unit


def add_event(db: sqlite_utils.Database, fields: RecordFields) -> str:
    """Validate and store a new activity; returns its id.

    Raises:
        KnownError: a field breaks a rule (the message names it) or the unit is unknown.
    """
    require_valid(fields)
    if fields.unit_code not in units.units_by_code(db):
        raise KnownError(f"填报单位代码“{fields.unit_code}”不在单位名单中", field="unit")
    entered_by = settings.unit_settings(db, fields.unit_code)["filler"] or _os_user()
    with db.atomic():
        return records.insert_record(db, fields, entered_by=entered_by, now=now_iso())


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name, e.g. in a service account
        return ""


def list_events(
    db: sqlite_utils.Database,
    *,
    unit: Unit | None = None,
    period: Period | None = None,
    limit: int = -1,
    offset: int = 0,
) -> list[ActivityRecord]:
    """A unit's (or every unit's) live records in ``period``, in date order (or a page)."""
    codes = None if unit is None else [unit.code]
    return records.list_records(db, unit_codes=codes, period=period, limit=limit, offset=offset)


def summarize_events(
    db: sqlite_utils.Database, *, unit: Unit | None = None, period: Period | None = None
) -> tuple[int, int, int]:
    """(records, sessions, audience) of what list_events returns for the same filter."""
    codes = None if unit is None else [unit.code]
    return records.summarize(db, unit_codes=codes, period=period)


def has_sample_data(db: sqlite_utils.Database) -> bool:
    return records.has_sample_records(db)


def delete_event(db: sqlite_utils.Database, record_id: str) -> None:
    """Delete a record, keeping a tombstone so the deletion travels to the city.

    Raises:
        KnownError: there is no live record with this id.
    """
    with db.atomic():
        if not records.mark_deleted(db, record_id.strip().lower(), now=now_iso()):
            raise KnownError(f"没有编号为 {record_id} 的活动记录（或已删除）", field="id")


def default_year(db: sqlite_utils.Database, *, today: date | None = None) -> int:
    """This year's plan if there is one, else the latest plan before it, else the first."""
    years = plans.plan_years(db)
    if not years:
        raise KnownError("数据库中还没有任何年度计划")
    this_year = (today or date.today()).year
    earlier = [year for year in years if year <= this_year]
    return earlier[-1] if earlier else years[0]


def progress_report(
    db: sqlite_utils.Database,
    *,
    year: int | None = None,
    as_of: date | None = None,
    today: date | None = None,
) -> ProgressReport:
    """Each plan unit's progress in ``year``, counting records dated up to ``as_of``.

    ``year`` defaults to that of ``as_of``, else to default_year; ``as_of`` defaults to
    today, but not past the year's end.

    Raises:
        KnownError: there is no plan for the year, or ``as_of`` lies in another year.
    """
    today = today or date.today()
    if year is None:
        year = as_of.year if as_of else default_year(db, today=today)
    if as_of is None:
        as_of = min(today, date(year, 12, 31))
    if as_of.year != year:
        raise KnownError(f"统计截止日期 {as_of.isoformat()} 不在 {year} 年内", field="as_of")
    entries = plans.plan_entries(db, year)
    if not entries:
        raise KnownError(f"没有 {year} 年的任务分解表（计划）", field="year")
    return build_report(
        year=year,
        as_of=as_of,
        plan=entries,
        units=units.units_by_code(db),
        counts=progress.type_counts(db, date(year, 1, 1), as_of),
        sample_data=records.has_sample_records(db),
    )


def fill_sample_data(db: sqlite_utils.Database, count: int, *, seed: int = 2021) -> int:
    """Add ``count`` generated sample records (marked as such) to the 2021 plan's units."""
    from jzdesk.sample_data import sample_rows

    if count < 1:
        raise KnownError(f"示例记录数必须至少为 1，现在是 {count}", field="records")
    with db.atomic():
        records.insert_many(db, sample_rows(count, seed=seed, now=now_iso()))
    return count


def remove_sample_data(db: sqlite_utils.Database) -> int:
    """Delete every sample record outright (they never travel, so no tombstones)."""
    with db.atomic():
        return records.delete_sample_records(db)
