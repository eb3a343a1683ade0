"""This installation: its database, the units it knows, which one it belongs to, who works
at it, and the plan years it holds."""

from __future__ import annotations

import getpass
import re
from datetime import date, datetime, timezone
from pathlib import Path

import sqlite_utils

from jzdesk.domain.text import normalize
from jzdesk.domain.units import CITY_CODE, Unit, name_key
from jzdesk.errors import KnownError
from jzdesk.store import plans, settings, units
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


# Every unit, in the order of the quota table.
all_units = units.all_units


plan_years = plans.plan_years


# The year's plan lines (unit, quota, minimums) in the order of 附件1.
plan_entries = plans.plan_entries


def data_version(db: sqlite_utils.Database) -> int:
    """Changes when another connection commits (the window polls it to stay current)."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def home_unit(db: sqlite_utils.Database) -> Unit | None:
    """The unit this installation belongs to, once ``init`` (or the window) has set it."""
    code = settings.get_meta(db, settings.HOME_UNIT)
    return units.units_by_code(db).get(code) if code else None


def checked_filler(filler: str) -> str:
    filler = filler.strip()
    if len(filler) > 50:
        raise KnownError("填报人姓名太长（超过 50 个字）", field="filler")
    return filler


def checked_phone(phone: str) -> str:
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
    filler = None if filler is None else checked_filler(filler)
    phone = None if phone is None else checked_phone(phone)
    with db.atomic():
        settings.set_meta(db, settings.HOME_UNIT, unit.code)
        settings.set_unit_settings(db, unit.code, filler=filler, phone=phone)
    return unit


def saved_by(db: sqlite_utils.Database, unit_code: str) -> str:
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


def default_year(db: sqlite_utils.Database, *, today: date | None = None) -> int:
    """This year's plan if there is one, else the latest plan before it, else the first."""
    years = plans.plan_years(db)
    if not years:
        raise KnownError("数据库中还没有任何年度计划")
    this_year = (today or date.today()).year
    earlier = [year for year in years if year <= this_year]
    return earlier[-1] if earlier else years[0]


def unit_installation(db: sqlite_utils.Database) -> Unit | None:
    """The home unit when this installation belongs to a unit rather than the city.

    Roles: a unit's installation takes its plan from the city's plan file and
    cannot change it, and shows none of the city's views; the city's installation (or one
    not yet set up) can do everything.
    """
    home = home_unit(db)
    return home if home is not None and home.code != CITY_CODE else None
