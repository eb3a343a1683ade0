"""Schema migrations, named and ordered; the version lives in ``PRAGMA user_version``.

Each step is a module holding its SQL and seed rows as literals, frozen as they were when
the step shipped: a database at version N is the same whether it was made last year or is
built today, so an upgrade from it meets the schema a fresh database has. A later change
of allowed values (a new activity type, venue category, …) is a new step, never an edit
of an old one. Steps import nothing from the domain.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

from jzdesk.errors import NewerDatabaseError
from jzdesk.store.migrations import (
    m01_create_schema,
    m02_seed_2021_plan,
    m03_add_ledger_tables,
    m04_add_daily_totals,
    m05_add_unit_seals,
    m06_add_plan_audit,
    m07_add_submissions,
    m08_lean_records,
    m09_date_sort_indexes,
    m10_drop_date_index,
    m11_add_hand_filled,
    m12_add_reviews,
    m13_list_added_records,
)

Migration = Callable[[sqlite_utils.Database], None]

# Append only: position + 1 is the user_version a migration leads to.
MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("create_schema", m01_create_schema.apply),
    ("seed_2021_plan", m02_seed_2021_plan.apply),
    ("add_ledger_tables", m03_add_ledger_tables.apply),
    ("add_daily_totals", m04_add_daily_totals.apply),
    ("add_unit_seals", m05_add_unit_seals.apply),
    ("add_plan_audit", m06_add_plan_audit.apply),
    ("add_submissions", m07_add_submissions.apply),
    ("lean_records", m08_lean_records.apply),
    ("date_sort_indexes", m09_date_sort_indexes.apply),
    ("drop_date_index", m10_drop_date_index.apply),
    ("add_hand_filled", m11_add_hand_filled.apply),
    ("add_reviews", m12_add_reviews.apply),
    ("list_added_records", m13_list_added_records.apply),
)
LATEST = len(MIGRATIONS)


def user_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, *, target: int | None = None) -> None:
    """Bring ``db`` up to ``target`` (default: the latest), each migration in one transaction.

    Raises:
        NewerDatabaseError: the database was written by a newer jzdesk.
    """
    latest = len(MIGRATIONS)
    current = user_version(db)
    if current > latest:
        raise NewerDatabaseError(
            f"此数据库由更新版本的 jzdesk 创建（数据版本 {current}，本程序支持到 {latest}），"
            "请升级程序"
        )
    for version in range(current + 1, (latest if target is None else target) + 1):
        _apply(db, version)


def _apply(db: sqlite_utils.Database, version: int) -> None:
    # Foreign keys are off while a migration runs, as SQLite's procedure for rebuilding a
    # table asks (dropping the old table must not cascade into photos and history); the
    # step may not add a broken reference. The PRAGMA only takes effect outside a
    # transaction, and is put back on every path (restore migrates a live connection).
    enforced = db.execute("PRAGMA foreign_keys").fetchone()[0]
    try:
        db.conn.execute("PRAGMA foreign_keys = OFF")
        # BEGIN IMMEDIATE takes the write lock before reading the version, so two programs
        # opening a new file at once cannot both run the same migration.
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(db) < version:
                _, step = MIGRATIONS[version - 1]
                before = set(_broken_references(db))
                step(db)
                _check_no_new_broken_references(db, version, before)
                db.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            db.conn.rollback()
            raise
        db.conn.commit()
    finally:
        db.conn.execute(f"PRAGMA foreign_keys = {int(enforced)}")


def _broken_references(db: sqlite_utils.Database) -> list[tuple]:
    return [tuple(row) for row in db.execute("PRAGMA foreign_key_check")]


def _check_no_new_broken_references(
    db: sqlite_utils.Database, version: int, before: set[tuple]
) -> None:
    """Refuse a step that broke a reference; ones the database already had (an old
    external edit) are not this step's doing and do not stop the program from opening."""
    new = [row for row in _broken_references(db) if row not in before]
    if new:
        raise sqlite3.IntegrityError(
            f"数据库升级第 {version} 步会破坏记录之间的关联，已撤销（{new[:5]}）"
        )
