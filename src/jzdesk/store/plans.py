"""Queries over the yearly plans: quotas and minimums."""

from __future__ import annotations

import sqlite_utils

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.plans import Minimum, PlanEntry


def plan_years(db: sqlite_utils.Database) -> list[int]:
    return [row["year"] for row in db.query("SELECT year FROM plans ORDER BY year")]


def plan_entries(db: sqlite_utils.Database, year: int) -> list[PlanEntry]:
    """The plan's lines for ``year`` in table order; empty if there is no such plan."""
    minimums: dict[str, list[Minimum]] = {}
    for row in db.query(
        "SELECT unit_code, type, demonstration, at_least FROM plan_minimums "
        "WHERE year = ? ORDER BY id",
        [year],
    ):
        kind = ActivityType(row["type"]) if row["type"] else None
        minimum = Minimum(kind, bool(row["demonstration"]), row["at_least"])
        minimums.setdefault(row["unit_code"], []).append(minimum)
    return [
        PlanEntry(row["unit_code"], row["quota"], tuple(minimums.get(row["unit_code"], ())))
        for row in db.query(
            "SELECT unit_code, quota FROM plan_units WHERE year = ? ORDER BY sort_order",
            [year],
        )
    ]


def ensure_plan_year(db: sqlite_utils.Database, year: int, *, copy_from: int | None) -> bool:
    """Create the plan for ``year`` (a copy of ``copy_from``'s, if given); False if it existed."""
    if db.execute("SELECT 1 FROM plans WHERE year = ?", [year]).fetchone():
        return False
    title = f"{year}年“中国梦·劳动美·工会情”文化活动进基层任务分解表"
    db.execute("INSERT INTO plans(year, title, report_days) VALUES (?, ?, 10)", [year, title])
    if copy_from is not None:
        db.execute(
            "INSERT INTO plan_units(year, unit_code, quota, sort_order) "
            "SELECT ?, unit_code, quota, sort_order FROM plan_units WHERE year = ?",
            [year, copy_from],
        )
        db.execute(
            "INSERT INTO plan_minimums(year, unit_code, type, demonstration, at_least) "
            "SELECT ?, unit_code, type, demonstration, at_least FROM plan_minimums "
            "WHERE year = ? ORDER BY id",
            [year, copy_from],
        )
    return True


def set_quota(db: sqlite_utils.Database, year: int, unit_code: str, quota: int | None) -> None:
    """Set a unit's quota in ``year``'s plan, adding the unit at the end if it was not in it."""
    db.execute(
        "INSERT INTO plan_units(year, unit_code, quota, sort_order) VALUES (?, ?, ?, "
        "(SELECT COALESCE(MAX(sort_order) + 1, 0) FROM plan_units WHERE year = ?)) "
        "ON CONFLICT(year, unit_code) DO UPDATE SET quota = excluded.quota",
        [year, unit_code, quota, year],
    )


def audit(
    db: sqlite_utils.Database,
    *,
    year: int,
    unit_code: str | None,
    what: str,
    old,
    new,
    by: str,
    at: str,
) -> None:
    """Keep one change to a plan: who, when, what, old → new."""
    db.execute(
        "INSERT INTO plan_audit(changed_at, changed_by, year, unit_code, what, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            at,
            by,
            year,
            unit_code,
            what,
            None if old is None else str(old),
            None if new is None else str(new),
        ],
    )


def audit_log(db: sqlite_utils.Database, year: int) -> list[dict]:
    return list(db.query("SELECT * FROM plan_audit WHERE year = ? ORDER BY id", [year]))


def set_minimums(db: sqlite_utils.Database, year: int, unit_code: str, minimums) -> None:
    """Replace a unit's minimums in ``year``'s plan."""
    db.execute("DELETE FROM plan_minimums WHERE year = ? AND unit_code = ?", [year, unit_code])
    for minimum in minimums:
        db.execute(
            "INSERT INTO plan_minimums(year, unit_code, type, demonstration, at_least) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                year,
                unit_code,
                minimum.activity_type.value if minimum.activity_type else None,
                int(minimum.demonstration),
                minimum.at_least,
            ],
        )


def retire(db: sqlite_utils.Database, year: int, unit_code: str) -> None:
    """Take a unit out of ``year``'s plan (its minimums go with it; the unit stays)."""
    db.execute("DELETE FROM plan_minimums WHERE year = ? AND unit_code = ?", [year, unit_code])
    db.execute("DELETE FROM plan_units WHERE year = ? AND unit_code = ?", [year, unit_code])


def report_days(db: sqlite_utils.Database, year: int) -> int:
    """Days after a quarter's end its report is due (10 unless changed)."""
    row = db.execute("SELECT report_days FROM plans WHERE year = ?", [year]).fetchone()
    return row[0] if row else 10


def set_report_days(db: sqlite_utils.Database, year: int, days: int) -> None:
    db.execute("UPDATE plans SET report_days = ? WHERE year = ?", [days, year])
