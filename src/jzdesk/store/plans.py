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
