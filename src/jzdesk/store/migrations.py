"""Schema migrations, named and ordered; the version lives in ``PRAGMA user_version``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.plans import PLAN_2021, PLAN_2021_TITLE
from jzdesk.domain.records import DELIVERIES, MEDIA_CHANNELS, VENUE_CATEGORIES
from jzdesk.domain.units import BUILTIN_UNITS, UnitKind
from jzdesk.errors import NewerDatabaseError


def _sql_list(values) -> str:
    return ", ".join("'" + str(value).replace("'", "''") + "'" for value in values)


_TYPES = _sql_list(kind.value for kind in ActivityType)
_KINDS = _sql_list(kind.value for kind in UnitKind)

_SCHEMA_1 = f"""
CREATE TABLE units (
    code TEXT PRIMARY KEY CHECK (code <> ''),
    name TEXT NOT NULL UNIQUE CHECK (name <> ''),
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ({_KINDS})),
    parent_code TEXT REFERENCES units(code),
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE plans (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    title TEXT NOT NULL,
    report_days INTEGER NOT NULL DEFAULT 10 CHECK (report_days >= 0)
);
CREATE TABLE plan_units (
    year INTEGER NOT NULL REFERENCES plans(year) ON DELETE CASCADE,
    unit_code TEXT NOT NULL REFERENCES units(code),
    quota INTEGER CHECK (quota IS NULL OR quota >= 0),
    sort_order INTEGER NOT NULL,
    PRIMARY KEY (year, unit_code)
) WITHOUT ROWID;
CREATE TABLE plan_minimums (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    unit_code TEXT NOT NULL,
    type TEXT CHECK (type IS NULL OR type IN ({_TYPES})),
    demonstration INTEGER NOT NULL CHECK (demonstration IN (0, 1)),
    at_least INTEGER NOT NULL CHECK (at_least >= 1),
    FOREIGN KEY (year, unit_code) REFERENCES plan_units(year, unit_code) ON DELETE CASCADE
);
CREATE INDEX plan_minimums_by_unit ON plan_minimums(year, unit_code);
CREATE TABLE records (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    unit_code TEXT NOT NULL REFERENCES units(code),
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    type TEXT NOT NULL CHECK (type IN ({_TYPES})),
    sessions INTEGER NOT NULL DEFAULT 1 CHECK (sessions >= 1),
    title TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    venue_category TEXT NOT NULL DEFAULT ''
        CHECK (venue_category IN ('', {_sql_list(VENUE_CATEGORIES)})),
    audience INTEGER NOT NULL DEFAULT 0 CHECK (audience >= 0),
    delivery TEXT NOT NULL DEFAULT '' CHECK (delivery IN ('', {_sql_list(DELIVERIES)})),
    presenter TEXT NOT NULL DEFAULT '',
    demonstration INTEGER NOT NULL DEFAULT 0 CHECK (demonstration IN (0, 1)),
    original INTEGER NOT NULL DEFAULT 0 CHECK (original IN (0, 1)),
    logo_shown INTEGER NOT NULL DEFAULT 0 CHECK (logo_shown IN (0, 1)),
    notes TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    base_revision INTEGER NOT NULL DEFAULT 0
        CHECK (base_revision >= 0 AND base_revision < revision),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
-- Progress: a range scan over dates that never touches the table itself.
CREATE INDEX records_progress
    ON records(date, unit_code, type, sessions, audience, demonstration, deleted)
    WHERE deleted = 0;
-- A unit's records for a period, newest first.
CREATE INDEX records_by_unit ON records(unit_code, date) WHERE deleted = 0;
CREATE TABLE record_media (
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ({_sql_list(MEDIA_CHANNELS)})),
    link TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (record_id, position)
) WITHOUT ROWID;
CREATE TABLE unit_settings (
    unit_code TEXT PRIMARY KEY REFERENCES units(code),
    filler TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT ''
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


_LEDGER = """
-- Every saved state of a record (insert, edit, delete, restore), for its history.
CREATE TABLE record_revisions (
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL,
    PRIMARY KEY (record_id, revision)
) WITHOUT ROWID;
-- Photos are kept downscaled and re-encoded as JPEG, with a thumbnail for the lists.
CREATE TABLE record_photos (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    image BLOB NOT NULL,
    thumbnail BLOB NOT NULL,
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (record_id, sha256)
);
CREATE INDEX record_photos_by_record ON record_photos(record_id, position);
-- The quarterly 活动小结 of a unit.
CREATE TABLE summaries (
    unit_code TEXT NOT NULL REFERENCES units(code),
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    text TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, year, quarter)
) WITHOUT ROWID;
"""


# Totals per unit, day and type of the live records, kept by triggers in the same
# transaction as every write: progress, the 合计 rows and the charts read these few
# thousand rows instead of a million records.
_DAILY_TOTALS = """
CREATE TABLE daily_totals (
    unit_code TEXT NOT NULL,
    date TEXT NOT NULL,
    type TEXT NOT NULL,
    records INTEGER NOT NULL,
    sessions INTEGER NOT NULL,
    demo_sessions INTEGER NOT NULL,
    audience INTEGER NOT NULL,
    PRIMARY KEY (date, unit_code, type)
) WITHOUT ROWID;
INSERT INTO daily_totals
    SELECT unit_code, date, type, COUNT(*), SUM(sessions), SUM(sessions * demonstration),
           SUM(audience)
    FROM records WHERE deleted = 0 GROUP BY date, unit_code, type;
CREATE TRIGGER daily_totals_insert AFTER INSERT ON records WHEN NEW.deleted = 0
BEGIN
    INSERT INTO daily_totals VALUES (NEW.unit_code, NEW.date, NEW.type, 1, NEW.sessions,
                                     NEW.sessions * NEW.demonstration, NEW.audience)
    ON CONFLICT (date, unit_code, type) DO UPDATE SET
        records = records + 1, sessions = sessions + excluded.sessions,
        demo_sessions = demo_sessions + excluded.demo_sessions,
        audience = audience + excluded.audience;
END;
CREATE TRIGGER daily_totals_delete AFTER DELETE ON records WHEN OLD.deleted = 0
BEGIN
    UPDATE daily_totals SET records = records - 1, sessions = sessions - OLD.sessions,
        demo_sessions = demo_sessions - OLD.sessions * OLD.demonstration,
        audience = audience - OLD.audience
    WHERE date = OLD.date AND unit_code = OLD.unit_code AND type = OLD.type;
END;
CREATE TRIGGER daily_totals_update
AFTER UPDATE OF unit_code, date, type, sessions, demonstration, audience, deleted ON records
BEGIN
    UPDATE daily_totals SET records = records - 1, sessions = sessions - OLD.sessions,
        demo_sessions = demo_sessions - OLD.sessions * OLD.demonstration,
        audience = audience - OLD.audience
    WHERE OLD.deleted = 0 AND date = OLD.date AND unit_code = OLD.unit_code AND type = OLD.type;
    INSERT INTO daily_totals
        SELECT NEW.unit_code, NEW.date, NEW.type, 1, NEW.sessions,
               NEW.sessions * NEW.demonstration, NEW.audience
        WHERE NEW.deleted = 0
    ON CONFLICT (date, unit_code, type) DO UPDATE SET
        records = records + 1, sessions = sessions + excluded.sessions,
        demo_sessions = demo_sessions + excluded.demo_sessions,
        audience = audience + excluded.audience;
END;
-- The ledger sorts a unit's records by these without reading them all.
CREATE INDEX records_by_unit_title ON records(unit_code, title) WHERE deleted = 0;
CREATE INDEX records_by_unit_venue ON records(unit_code, venue) WHERE deleted = 0;
CREATE INDEX records_by_unit_audience ON records(unit_code, audience) WHERE deleted = 0;
CREATE INDEX records_by_unit_type_sessions ON records(unit_code, type, sessions) WHERE deleted = 0;
"""


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run each statement of ``script`` inside the migration's transaction (executescript
    would commit it)."""
    for statement in _split_statements(script):
        db.execute(statement)


def _create_schema(db: sqlite_utils.Database) -> None:
    _run_script(db, _SCHEMA_1)


def _add_ledger_tables(db: sqlite_utils.Database) -> None:
    """Revision history, photos and quarterly summaries (the ledger issue)."""
    _run_script(db, _LEDGER)


def _add_daily_totals(db: sqlite_utils.Database) -> None:
    """Trigger-kept totals per unit, day and type, and the ledger's sort indexes."""
    _run_script(db, _DAILY_TOTALS)


def _split_statements(script: str) -> list[str]:
    """Split a script on the semicolons that end statements (not those inside triggers)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    return statements


def _seed_2021_plan(db: sqlite_utils.Database) -> None:
    """The units of 附件1 and the city union, and the 2021 plan with its minimums."""
    db["units"].insert_all(
        {
            "code": unit.code,
            "name": unit.name,
            "short_name": unit.short_name,
            "kind": unit.kind.value,
            "parent_code": unit.parent_code,
            "sort_order": position,
        }
        for position, unit in enumerate(BUILTIN_UNITS)
    )
    db["plans"].insert({"year": 2021, "title": PLAN_2021_TITLE, "report_days": 10})
    for position, entry in enumerate(PLAN_2021):
        db["plan_units"].insert(
            {
                "year": 2021,
                "unit_code": entry.unit_code,
                "quota": entry.quota,
                "sort_order": position,
            }
        )
        for minimum in entry.minimums:
            db["plan_minimums"].insert(
                {
                    "year": 2021,
                    "unit_code": entry.unit_code,
                    "type": minimum.activity_type.value if minimum.activity_type else None,
                    "demonstration": int(minimum.demonstration),
                    "at_least": minimum.at_least,
                }
            )


def _add_unit_seals(db: sqlite_utils.Database) -> None:
    """Each unit's seal, as a transparent PNG printed over 填报单位 on its sheets."""
    db.execute(
        "CREATE TABLE unit_seals (unit_code TEXT PRIMARY KEY REFERENCES units(code), "
        "png BLOB NOT NULL, updated_at TEXT NOT NULL)"
    )


def _add_plan_audit(db: sqlite_utils.Database) -> None:
    """Every change to a plan: who, when, what, old value → new value."""
    db.execute(
        "CREATE TABLE plan_audit (id INTEGER PRIMARY KEY, changed_at TEXT NOT NULL, "
        "changed_by TEXT NOT NULL, year INTEGER NOT NULL, unit_code TEXT, what TEXT NOT NULL, "
        "old TEXT, new TEXT)"
    )


_SUBMISSIONS = """
-- The unit's revision this copy was last brought level with by a submission file, and
-- the local revision that made; a later local edit (revision > received_as) is a city
-- correction that a newer file from the unit must not silently overwrite.
ALTER TABLE records ADD COLUMN received_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN received_as INTEGER NOT NULL DEFAULT 0;
-- Records held before: level with themselves.
UPDATE records SET received_revision = revision, received_as = revision;
-- Every accepted import: which file, whose, for which period, what it did.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('jzsub', 'xlsx')),
    unit_code TEXT NOT NULL REFERENCES units(code),
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    period TEXT NOT NULL,
    installation TEXT NOT NULL DEFAULT '',
    sequence INTEGER NOT NULL DEFAULT 0,
    exported_at TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL DEFAULT '',
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    sheet_code TEXT NOT NULL DEFAULT '',
    has_plan_document INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX imports_by_unit ON imports(year, unit_code, quarter);
-- What each import changed compared with what was held before.
CREATE TABLE import_changes (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('added', 'updated', 'deleted', 'restored')),
    before TEXT,
    PRIMARY KEY (import_id, record_id)
) WITHOUT ROWID;
-- Two edits of one record: the stored one stays in records, the incoming one waits here
-- until the city picks.
CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    revision INTEGER NOT NULL,
    state TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    -- superseded: a newer file from the unit overtook it before the city chose
    resolution TEXT CHECK (resolution IS NULL OR resolution IN ('ours', 'theirs', 'superseded')),
    resolved_at TEXT,
    resolved_by TEXT
);
CREATE INDEX conflicts_open ON conflicts(record_id) WHERE resolution IS NULL;
-- A unit's 实施方案 (implementation plan) for a year, as the file it attached.
CREATE TABLE unit_documents (
    unit_code TEXT NOT NULL REFERENCES units(code),
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('plan')),
    file_name TEXT NOT NULL,
    data BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, year, kind)
) WITHOUT ROWID;
"""


def _add_submissions(db: sqlite_utils.Database) -> None:
    """Submission files: receipt revisions, the import log, changes, conflicts, documents."""
    _run_script(db, _SUBMISSIONS)


def _one_of(column: str, values) -> str:
    """``column`` equals one of ``values``, written as comparisons: SQLite evaluates an
    ``IN (…)`` list in a CHECK constraint by building a little table for every row, which
    cost a bulk import more than all its indexes."""
    literals = [str(v) if isinstance(v, int) else _sql_list([v]) for v in values]
    return "(" + " OR ".join(f"{column} = {literal}" for literal in literals) + ")"


def _lean_records_sql() -> str:
    """The records table as of migration 7 (same columns, same rules), its CHECKs cheap."""
    return f"""
CREATE TABLE records_lean (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    unit_code TEXT NOT NULL REFERENCES units(code),
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    type TEXT NOT NULL CHECK {_one_of("type", [kind.value for kind in ActivityType])},
    sessions INTEGER NOT NULL DEFAULT 1 CHECK (sessions >= 1),
    title TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    venue_category TEXT NOT NULL DEFAULT ''
        CHECK {_one_of("venue_category", ["", *VENUE_CATEGORIES])},
    audience INTEGER NOT NULL DEFAULT 0 CHECK (audience >= 0),
    delivery TEXT NOT NULL DEFAULT ''
        CHECK {_one_of("delivery", ["", *DELIVERIES])},
    presenter TEXT NOT NULL DEFAULT '',
    demonstration INTEGER NOT NULL DEFAULT 0 CHECK {_one_of("demonstration", (0, 1))},
    original INTEGER NOT NULL DEFAULT 0 CHECK {_one_of("original", (0, 1))},
    logo_shown INTEGER NOT NULL DEFAULT 0 CHECK {_one_of("logo_shown", (0, 1))},
    notes TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0 CHECK {_one_of("sample", (0, 1))},
    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    base_revision INTEGER NOT NULL DEFAULT 0
        CHECK (base_revision >= 0 AND base_revision < revision),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK {_one_of("deleted", (0, 1))},
    received_revision INTEGER NOT NULL DEFAULT 0,
    received_as INTEGER NOT NULL DEFAULT 0
)"""


def _lean_records(db: sqlite_utils.Database) -> None:
    """Rebuild the records table with the same rules written as comparisons (a third of
    a bulk import's time went to ``IN`` lists), and trade the wide covering date index
    (progress reads daily_totals since migration 4) for one on the date alone.

    SQLite's procedure for changing a table: foreign keys are off while migrations run
    (see _apply), the rows are copied with their rowids, the old table dropped, the new
    one renamed, its indexes and triggers made again from their stored SQL."""
    kept = [sql for (sql,) in db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'records' AND type IN ('index', "
        "'trigger') AND sql IS NOT NULL AND name <> 'records_progress' ORDER BY type, name"
    )]  # fmt: skip
    columns = ", ".join(row[1] for row in db.execute("PRAGMA table_info(records)"))
    db.execute(_lean_records_sql())
    db.execute(f"INSERT INTO records_lean (rowid, {columns}) SELECT rowid, {columns} FROM records")
    db.execute("DROP TABLE records")
    db.execute("ALTER TABLE records_lean RENAME TO records")
    for sql in kept:
        db.execute(sql)
    db.execute("CREATE INDEX records_by_date ON records(date) WHERE deleted = 0")


# Indexes a unit's records come in the order of a column from, dates breaking ties as the
# ledger's ORDER BY does (see store.records._SORT_SQL).
_DATED_SORT_INDEXES = {"records_by_unit_title": "title", "records_by_unit_venue": "venue",
                       "records_by_unit_audience": "audience"}  # fmt: skip


def _date_sort_indexes(db: sqlite_utils.Database) -> None:
    """Add the date to the per-unit sort indexes: records of one title (venue, audience)
    then come in the ledger's order straight from the index, so that a list of all units
    by title is a merge of the units' indexes, not a sort of every record."""
    for name, column in _DATED_SORT_INDEXES.items():
        db.execute(f"DROP INDEX {name}")
        db.execute(f"CREATE INDEX {name} ON records(unit_code, {column}, date) WHERE deleted = 0")


def _drop_date_index(db: sqlite_utils.Database) -> None:
    """All units' records by date are a merge of the units' (unit_code, date) walks now,
    and joint events are found from daily_totals: the index on the date alone had no use
    left but its cost, one more index for every record an import adds."""
    db.execute("DROP INDEX records_by_date")


_HAND_FILLED = """
-- Records a hand-filled sheet brought (rows without the program's ids), with what the
-- unit's latest sheet said of each (its shown cells and whether the row was gone, as JSON)
-- under which revision of the unit's, and on which row: a later sheet of the same unit and
-- period replaces them (PRODUCT §7).
CREATE TABLE hand_filled (
    record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    said TEXT NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    position INTEGER NOT NULL,
    import_id INTEGER NOT NULL REFERENCES imports(id)
) WITHOUT ROWID;
"""


def _add_hand_filled(db: sqlite_utils.Database) -> None:
    """What hand-filled sheets brought, so that a corrected sheet replaces, never adds to,
    the earlier one. Records imported from sheets before this step are not known to have
    come from a hand-filled sheet; a re-sent sheet still finds their rows by content."""
    _run_script(db, _HAND_FILLED)


Migration = Callable[[sqlite_utils.Database], None]

# Append only: position + 1 is the user_version a migration leads to.
MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("create_schema", _create_schema),
    ("seed_2021_plan", _seed_2021_plan),
    ("add_ledger_tables", _add_ledger_tables),
    ("add_daily_totals", _add_daily_totals),
    ("add_unit_seals", _add_unit_seals),
    ("add_plan_audit", _add_plan_audit),
    ("add_submissions", _add_submissions),
    ("lean_records", _lean_records),
    ("date_sort_indexes", _date_sort_indexes),
    ("drop_date_index", _drop_date_index),
    ("add_hand_filled", _add_hand_filled),
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


def _check_no_new_broken_references(db: sqlite_utils.Database, version: int,
                                    before: set[tuple]) -> None:  # fmt: skip
    """Refuse a step that broke a reference; ones the database already had (an old
    external edit) are not this step's doing and do not stop the program from opening."""
    new = [row for row in _broken_references(db) if row not in before]
    if new:
        raise sqlite3.IntegrityError(
            f"数据库升级第 {version} 步会破坏记录之间的关联，已撤销（{new[:5]}）"
        )
