"""Queries over units."""

from __future__ import annotations

import sqlite_utils

from jzdesk.domain.units import Unit, UnitKind


def _unit(row: dict) -> Unit:
    return Unit(
        row["code"], row["name"], row["short_name"], UnitKind(row["kind"]), row["parent_code"]
    )


def all_units(db: sqlite_utils.Database) -> list[Unit]:
    """Every unit, in the order of the quota table."""
    return [_unit(row) for row in db.query("SELECT * FROM units ORDER BY sort_order, code")]


def units_by_code(db: sqlite_utils.Database) -> dict[str, Unit]:
    return {unit.code: unit for unit in all_units(db)}
