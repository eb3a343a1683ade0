"""Step 8: the records table rebuilt with the same rules written as comparisons.

SQLite evaluates an ``IN (…)`` list in a CHECK constraint by building a little table for
every row, which cost a bulk import more than all its indexes (a third of its time). The
wide covering date index goes too (progress reads daily_totals since step 4), for one on
the date alone. The allowed values are the ones of step 1, frozen here as literals.
"""

from __future__ import annotations

import sqlite_utils

# The records table as of step 7 (same columns, same rules), its CHECKs cheap.
SQL = """
CREATE TABLE records_lean (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    unit_code TEXT NOT NULL REFERENCES units(code),
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    type TEXT NOT NULL CHECK (type = 'art' OR type = 'film' OR type = 'calligraphy' OR type = 'training' OR type = 'lecture'),
    sessions INTEGER NOT NULL DEFAULT 1 CHECK (sessions >= 1),
    title TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    venue_category TEXT NOT NULL DEFAULT ''
        CHECK (venue_category = '' OR venue_category = '厂矿企业' OR venue_category = '基层社区' OR venue_category = '重点工程及建设项目工地' OR venue_category = '偏远农村' OR venue_category = '车间/班组' OR venue_category = '其他'),
    audience INTEGER NOT NULL DEFAULT 0 CHECK (audience >= 0),
    delivery TEXT NOT NULL DEFAULT ''
        CHECK (delivery = '' OR delivery = '购买服务' OR delivery = '志愿服务' OR delivery = '自办'),
    presenter TEXT NOT NULL DEFAULT '',
    demonstration INTEGER NOT NULL DEFAULT 0 CHECK (demonstration = 0 OR demonstration = 1),
    original INTEGER NOT NULL DEFAULT 0 CHECK (original = 0 OR original = 1),
    logo_shown INTEGER NOT NULL DEFAULT 0 CHECK (logo_shown = 0 OR logo_shown = 1),
    notes TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0 CHECK (sample = 0 OR sample = 1),
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    base_revision INTEGER NOT NULL DEFAULT 0
        CHECK (base_revision >= 0 AND base_revision < revision),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),
    received_revision INTEGER NOT NULL DEFAULT 0,
    received_as INTEGER NOT NULL DEFAULT 0
)"""


def apply(db: sqlite_utils.Database) -> None:
    """SQLite's procedure for changing a table: foreign keys are off while migrations run
    (see ``_apply`` in this package), the rows are copied with their rowids, the old table
    dropped, the new one renamed, its indexes and triggers made again from their stored SQL.
    """
    kept = [
        sql
        for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'records' AND type IN ('index', "
            "'trigger') AND sql IS NOT NULL AND name <> 'records_progress' ORDER BY type, name"
        )
    ]
    columns = ", ".join(row[1] for row in db.execute("PRAGMA table_info(records)"))
    db.execute(SQL)
    db.execute(f"INSERT INTO records_lean (rowid, {columns}) SELECT rowid, {columns} FROM records")
    db.execute("DROP TABLE records")
    db.execute("ALTER TABLE records_lean RENAME TO records")
    for sql in kept:
        db.execute(sql)
    db.execute("CREATE INDEX records_by_date ON records(date) WHERE deleted = 0")
