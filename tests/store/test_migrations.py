import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from jzdesk.errors import KnownError, NewerDatabaseError
from jzdesk.store.db import open_db
from jzdesk.store.migrations import LATEST, MIGRATIONS, migrate, user_version


def schema_of(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()


def content_of(db: sqlite_utils.Database) -> dict[str, list]:
    return {
        name: db.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall()
        for name in db.table_names()
    }


def test_a_new_database_is_at_the_latest_version(db):
    assert user_version(db) == LATEST == len(MIGRATIONS)


@pytest.mark.parametrize("start", range(LATEST))
def test_migrating_from_every_earlier_version_gives_the_fresh_schema(tmp_path, db, start):
    old = sqlite_utils.Database(tmp_path / f"v{start}.sqlite")
    migrate(old, target=start)
    assert user_version(old) == start
    old.close()
    upgraded = open_db(tmp_path / f"v{start}.sqlite")
    assert user_version(upgraded) == LATEST
    assert schema_of(upgraded) == schema_of(db)
    assert content_of(upgraded) == content_of(db)


def test_opening_twice_changes_nothing(db_path, db):
    before = content_of(db)
    again = open_db(db_path)
    assert content_of(again) == before


def test_a_failing_migration_leaves_the_previous_version(tmp_path, monkeypatch):
    from jzdesk.store import migrations

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("boom")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, ("broken", broken)))
    db = sqlite_utils.Database(tmp_path / "x.sqlite")
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(db)
    assert user_version(db) == LATEST
    assert "half_done" not in db.table_names()


def test_a_database_from_a_newer_program_is_refused(db_path, db):
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.close()
    with pytest.raises(NewerDatabaseError) as caught:
        open_db(db_path)
    assert "请升级程序" in caught.value.message


def test_a_file_that_is_not_a_database_is_refused_plainly(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"this is a letter, not a database" * 200)
    with pytest.raises(KnownError) as caught:
        open_db(bogus)
    assert "不是 jzdesk 数据库或已损坏" in caught.value.message
    assert bogus.read_bytes().startswith(b"this is a letter")


def test_pragmas_protect_the_data(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


_HANGING = (
    "records",
    "record_media",
    "record_photos",
    "record_revisions",
    "daily_totals",
    "imports",
    "conflicts",
)


def _records_and_what_hangs_on_them(db: sqlite_utils.Database) -> dict[str, list]:
    hanging = {
        table: db.execute(
            f"SELECT {'rowid, ' if table == 'records' else ''}* FROM {table} ORDER BY 1, 2, 3"
        ).fetchall()
        for table in _HANGING
    }
    return {**hanging, "import changes": _import_changes(db)}


def _import_changes(db: sqlite_utils.Database) -> list[tuple]:
    """Every import's changes as rows (import, record, change, before), the records it
    added included, whichever way the version keeps them (a list per import since 13)."""
    rows = db.execute("SELECT * FROM import_changes").fetchall()
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'import_added'").fetchone():
        rows += db.execute(
            "SELECT a.import_id, j.value, 'added', NULL FROM import_added a, "
            "json_each(a.record_ids) j"
        ).fetchall()
    return sorted(rows)


def _indexes_and_triggers_on_records(db: sqlite_utils.Database) -> set[tuple]:
    return set(
        db.execute(
            "SELECT type, name FROM sqlite_master WHERE tbl_name = 'records' "
            "AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex%'"
        ).fetchall()
    )


def _totals_from_records(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute(
        "SELECT unit_code, date, type, COUNT(*), SUM(sessions), SUM(sessions * demonstration), "
        "SUM(audience) FROM records WHERE deleted = 0 GROUP BY date, unit_code, type "
        "ORDER BY 1, 2, 3"
    ).fetchall()


def test_rebuilding_the_records_table_keeps_every_record_and_what_hangs_on_it(tmp_path):
    """Migration 8 copies the records into a table with cheaper CHECKs: records, their
    media, photos, history, totals, imports and conflicts come through whole; indexes and
    triggers are made again; the rules still hold."""
    from jzdesk.domain.activity_types import ActivityType
    from jzdesk.domain.records import RecordFields
    from jzdesk.usecases import ledger

    assert MIGRATIONS[7][0] == "lean_records"
    path = tmp_path / "v7.sqlite"
    old = _version_7_with_everything(path)
    before = _records_and_what_hangs_on_them(old)
    assert all(before.values())
    kept = _indexes_and_triggers_on_records(old)
    first = old.execute("SELECT id FROM records ORDER BY rowid LIMIT 1").fetchone()[0]
    old.close()

    upgraded = open_db(path)
    assert _records_and_what_hangs_on_them(upgraded) == before
    # records_by_date, which version 8 made in records_progress's place, went in version 10.
    assert _indexes_and_triggers_on_records(upgraded) == kept - {("index", "records_progress")}
    assert upgraded.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    sql = upgraded.execute("SELECT sql FROM sqlite_master WHERE name = 'records'").fetchone()[0]
    assert " IN (" not in sql
    for column, value in [("type", "dance"), ("delivery", "外包"), ("logo_shown", 2)]:
        with pytest.raises(sqlite3.IntegrityError):
            upgraded.execute(f"UPDATE records SET {column} = ? WHERE id = ?", [value, first])
    # The totals' triggers work on the new table: add, edit and delete, then recount.
    added = ledger.add_record(
        upgraded,
        RecordFields(
            unit_code="qinyang",
            date=date(2021, 6, 1),
            activity_type=ActivityType.FILM,
            sessions=3,
            audience=40,
        ),
    )
    ledger.delete_record(upgraded, first)
    ledger.update_record(upgraded, added, ledger.get_record(upgraded, added).fields, revision=1)
    assert upgraded.execute(
        "SELECT unit_code, date, type, records, sessions, demo_sessions, "
        "audience FROM daily_totals WHERE records > 0 ORDER BY 1, 2, 3"
    ).fetchall() == _totals_from_records(upgraded)
    # Deleting a record still takes its photos along: the references follow the new table.
    upgraded.execute("DELETE FROM records WHERE id = ?", [first])
    assert upgraded.execute("SELECT COUNT(*) FROM record_photos").fetchone()[0] == 0


def test_the_records_an_import_added_become_one_list_per_import(tmp_path):
    """Version 13: an import's added records move from a row each in import_changes to one
    list in import_added; its other changes stay; the import's change list reads the same."""
    from jzdesk.store import submissions

    old = sqlite_utils.Database(tmp_path / "v12.sqlite")
    migrate(old, target=12)
    with old.conn:
        for number in (1, 2, 3):
            old.execute(
                "INSERT INTO records (id, unit_code, date, type, created_at, updated_at) "
                "VALUES (?, 'qinyang', '2021-03-05', 'art', '', '')",
                [_old_id(number)],
            )
        imported = [
            old.execute(
                "INSERT INTO imports (file_name, file_sha256, kind, unit_code, year, quarter, "
                "period, imported_at) VALUES (?, 'cd', 'jzsub', 'qinyang', 2021, 1, '2021Q1', ?)",
                [name, _AT],
            ).lastrowid
            for name in ("q1.jzsub", "q1-again.jzsub")
        ]
        for import_id, number, change, before in [
            (imported[0], 3, "added", None),
            (imported[0], 1, "added", None),
            (imported[1], 2, "added", None),
            (imported[1], 1, "updated", '{"title": ""}'),
            (99, 2, "added", None),  # of an import gone (edited with other tools)
        ]:
            old.execute(
                "INSERT INTO import_changes VALUES (?, ?, ?, ?)",
                [import_id, _old_id(number), change, before],
            )
    before = [row for row in _import_changes(old) if row[0] != 99]
    old.close()

    db = open_db(tmp_path / "v12.sqlite")
    assert _import_changes(db) == before
    lists = db.execute("SELECT import_id, record_ids FROM import_added ORDER BY 1").fetchall()
    assert [(import_id, json.loads(ids)) for import_id, ids in lists] == [
        (imported[0], [_old_id(1), _old_id(3)]),
        (imported[1], [_old_id(2)]),
    ]
    changes = submissions.import_changes(db, imported[1])
    assert [(c["record_id"], c["change"], c["before"]) for c in changes] == [
        (_old_id(2), "added", None),
        (_old_id(1), "updated", {"title": ""}),
    ]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO import_changes VALUES (?, ?, 'added', NULL)", [1, _old_id(2)])
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_broken_reference_from_before_does_not_stop_the_upgrade(tmp_path):
    """A row left dangling by some old external edit is not the migration's doing."""
    path = tmp_path / "v7.sqlite"
    old = sqlite_utils.Database(path)
    migrate(old, target=7)
    old.execute("INSERT INTO record_media VALUES ('no-such-record', 0, '报纸', '')")
    old.close()
    upgraded = open_db(path)
    assert user_version(upgraded) == LATEST


def test_foreign_keys_come_back_on_when_the_upgrade_cannot_start(tmp_path):
    """Another program holding the write lock: the upgrade gives up, and the connection
    still enforces references (restoring a backup migrates the window's own connection)."""
    path = tmp_path / "v7.sqlite"
    old = sqlite_utils.Database(path)
    migrate(old, target=7)
    old.close()
    mine = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    mine.execute("PRAGMA foreign_keys = ON")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        migrate(sqlite_utils.Database(mine))
    assert mine.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    other.execute("ROLLBACK")


def test_the_per_unit_sort_indexes_end_with_the_date(tmp_path):
    """Version 9: a column, then the date (the ledger's order), for records kept from
    before the upgrade too."""
    old = sqlite_utils.Database(tmp_path / "v8.sqlite")
    migrate(old, target=8)
    old.execute(
        "INSERT INTO records (id, unit_code, date, type, title, created_at, updated_at) "
        "VALUES (?, 'qinyang', '2021-03-05', 'art', '送戏下乡', '', '')",
        ["1" * 36],
    )
    old.conn.commit()
    old.close()
    db = open_db(tmp_path / "v8.sqlite")
    for name, column in (
        ("records_by_unit_title", "title"),
        ("records_by_unit_venue", "venue"),
        ("records_by_unit_audience", "audience"),
    ):
        columns = [row[2] for row in db.execute(f"PRAGMA index_info({name})")]
        assert columns == ["unit_code", column, "date"]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    found = db.execute(
        "SELECT title FROM records INDEXED BY records_by_unit_title "
        "WHERE unit_code = 'qinyang' AND deleted = 0"
    ).fetchall()
    assert found == [("送戏下乡",)]


# --- Old versions built from the frozen steps, filled with the SQL they accepted --------

# Rows written with literal values, as a program at that version wrote them: today's
# services and constants may have moved on since. (type, venue_category, delivery, channel)
_OLD_RECORDS = (
    ("art", "厂矿企业", "购买服务", "报纸"),
    ("film", "基层社区", "志愿服务", "电视"),
    ("calligraphy", "重点工程及建设项目工地", "自办", "广播"),
    ("training", "偏远农村", "", "网络"),
    ("lecture", "车间/班组", "", "微博微信"),
    ("art", "其他", "", "APP"),
    ("film", "", "", "报纸"),
)
_RECORD_COLUMNS_1 = (
    "id, unit_code, date, type, sessions, title, venue, venue_category, "
    "audience, delivery, demonstration, revision, base_revision, created_at, "
    "updated_at, deleted"
)
_AT = "2021-05-01T08:00:00+00:00"


def _old_id(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


def _fill_as_of(db: sqlite_utils.Database, version: int) -> None:
    """A unit of its own, records of every type, category, delivery and channel (one of
    them deleted), and rows in each other table ``version`` had, in plain SQL."""
    with db.conn:
        db.execute(
            "INSERT INTO units (code, name, short_name, kind, parent_code, sort_order) "
            "VALUES ('zhongyuan', '中原工会', '中原', 'enterprise', NULL, 99)"
        )
        for number, (kind, category, delivery, channel) in enumerate(_OLD_RECORDS, 1):
            db.execute(
                f"INSERT INTO records ({_RECORD_COLUMNS_1}) VALUES "
                "(?, 'zhongyuan', ?, ?, ?, '旧记录', '礼堂', ?, ?, ?, ?, 2, 1, ?, ?, ?)",
                [
                    _old_id(number),
                    f"2021-0{number}-1{number}",
                    kind,
                    number,
                    category,
                    10 * number,
                    delivery,
                    number % 2,
                    _AT,
                    _AT,
                    int(number == len(_OLD_RECORDS)),
                ],
            )
            db.execute("INSERT INTO record_media VALUES (?, 0, ?, '')", [_old_id(number), channel])
        if version >= 2:
            db.execute("INSERT INTO plan_units VALUES (2021, 'zhongyuan', 5, 99)")
            db.execute(
                "INSERT INTO plan_minimums (year, unit_code, type, demonstration, "
                "at_least) VALUES (2021, 'zhongyuan', 'lecture', 0, 1)"
            )
        if version >= 3:
            db.execute("INSERT INTO record_revisions VALUES (?, 1, ?, '', '{}')", [_old_id(1), _AT])
            db.execute(
                "INSERT INTO record_photos (record_id, position, image, thumbnail, width, "
                "height, sha256, added_at) VALUES (?, 0, x'ff', x'ff', 4, 3, 'ab', ?)",
                [_old_id(1), _AT],
            )
            db.execute("INSERT INTO summaries VALUES ('zhongyuan', 2021, 2, '小结', ?)", [_AT])
        if version >= 5:
            db.execute("INSERT INTO unit_seals VALUES ('zhongyuan', x'89', ?)", [_AT])
        if version >= 6:
            db.execute(
                "INSERT INTO plan_audit (changed_at, changed_by, year, unit_code, what, "
                "old, new) VALUES (?, '市总', 2021, 'zhongyuan', 'quota', '4', '5')",
                [_AT],
            )
        if version >= 7:
            import_id = db.execute(
                "INSERT INTO imports (file_name, file_sha256, kind, unit_code, year, quarter, "
                "period, imported_at) VALUES ('q2.jzsub', 'cd', 'jzsub', 'zhongyuan', 2021, 2, "
                "'2021Q2', ?)",
                [_AT],
            ).lastrowid
            db.execute(
                "INSERT INTO import_changes VALUES (?, ?, 'added', NULL)", [import_id, _old_id(2)]
            )
            db.execute(
                "INSERT INTO conflicts (record_id, import_id, revision, state, "
                "detected_at) VALUES (?, ?, 3, '{}', ?)",
                [_old_id(2), import_id, _AT],
            )
            db.execute(
                "INSERT INTO unit_documents VALUES ('zhongyuan', 2021, 'plan', 'p.pdf', "
                "x'25', 'ef', ?)",
                [_AT],
            )


def _version_7_with_everything(path: Path) -> sqlite_utils.Database:
    """A database at version 7 holding records with media, a photo, history, a deletion,
    an import with its changes and an open conflict, and a few hundred more records."""
    old = sqlite_utils.Database(path)
    old.execute("PRAGMA foreign_keys = ON")
    migrate(old, target=7)
    _fill_as_of(old, 7)
    units = [code for (code,) in old.execute("SELECT code FROM units ORDER BY sort_order")]
    with old.conn:
        for number in range(len(_OLD_RECORDS) + 1, 300):
            kind, category, delivery, channel = _OLD_RECORDS[number % len(_OLD_RECORDS)]
            old.execute(
                f"INSERT INTO records ({_RECORD_COLUMNS_1}) VALUES "
                "(?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, 1, 0, ?, ?, ?)",
                [
                    _old_id(number),
                    units[number % len(units)],
                    f"2021-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
                    kind,
                    number % 4 + 1,
                    category,
                    number * 7 % 500,
                    delivery,
                    int(number % 5 == 0),
                    _AT,
                    _AT,
                    int(number % 50 == 0),
                ],
            )
            old.execute("INSERT INTO record_media VALUES (?, 0, ?, '')", [_old_id(number), channel])
    return old


def _rows(db: sqlite_utils.Database) -> dict[str, list]:
    """Every table's rows; an import's changes as _import_changes reads them (version 13
    moved the records an import added into a list per import)."""
    rows = {name: db.execute(f"SELECT * FROM {name}").fetchall() for name in db.table_names()}
    if "import_changes" in rows:
        rows.pop("import_added", None)
        rows["import_changes"] = _import_changes(db)
    return rows


def _domain_values() -> list[tuple[str, str]]:
    """Every value today's domain allows in a column the schema checks, read at call time
    (so that a test can add one)."""
    from jzdesk.domain import records as domain_records
    from jzdesk.domain.activity_types import ActivityType
    from jzdesk.domain.units import UnitKind

    return [
        *(("type", kind.value) for kind in ActivityType),
        *(("venue_category", value) for value in ("", *domain_records.VENUE_CATEGORIES)),
        *(("delivery", value) for value in ("", *domain_records.DELIVERIES)),
        *(("channel", value) for value in domain_records.MEDIA_CHANNELS),
        *(("unit_kind", kind.value) for kind in UnitKind),
        *(("minimum_type", kind.value) for kind in ActivityType),
    ]


# Values no version ever allowed: both databases must refuse them alike.
_NEVER = [
    ("type", "dance"),
    ("venue_category", "网吧"),
    ("delivery", "外包"),
    ("channel", "传单"),
    ("unit_kind", "club"),
    ("minimum_type", "dance"),
]


_PROBE_RECORD = "1" * 36


def _writes(column: str, value: str) -> list[tuple[str, list]]:
    """The statements that put ``value`` in ``column``: a record (with a medium for a
    channel), a unit for a unit's kind, a plan minimum for a minimum's type."""
    if column == "unit_kind":
        return [("INSERT INTO units (code, name, kind) VALUES ('probe', '探测工会', ?)", [value])]
    if column == "minimum_type":
        return [
            (
                "INSERT INTO plan_minimums (year, unit_code, type, demonstration, at_least) "
                "VALUES (2021, 'qinyang', ?, 0, 1)",
                [value],
            )
        ]
    fields = {"type": "art", "venue_category": "", "delivery": ""}
    fields.update({column: value} if column in fields else {})
    writes = [
        (
            "INSERT INTO records (id, unit_code, date, type, venue_category, delivery, "
            "created_at, updated_at) VALUES (?, 'qinyang', '2021-06-01', ?, ?, ?, ?, ?)",
            [_PROBE_RECORD, *fields.values(), _AT, _AT],
        )
    ]
    if column == "channel":
        writes.append(
            (
                "INSERT INTO record_media (record_id, position, channel) VALUES (?, 0, ?)",
                [_PROBE_RECORD, value],
            )
        )
    return writes


def _accepts(db: sqlite_utils.Database, column: str, value: str) -> bool:
    """Whether ``db`` takes ``value`` in ``column``; the writes are undone either way."""
    db.conn.execute("SAVEPOINT probe")
    try:
        for sql, params in _writes(column, value):
            db.execute(sql, params)
    except sqlite3.IntegrityError:
        return False
    finally:
        db.conn.execute("ROLLBACK TO probe")
        db.conn.execute("RELEASE probe")
    return True


def _refused(db: sqlite_utils.Database, values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(column, value) for column, value in values if not _accepts(db, column, value)]


def test_a_fresh_database_accepts_every_value_the_domain_allows(db):
    """Fails when a value is added to ActivityType, VENUE_CATEGORIES, DELIVERIES,
    MEDIA_CHANNELS or UnitKind without a new migration that allows it."""
    assert _refused(db, _domain_values()) == []
    assert _refused(db, _NEVER) == _NEVER


def test_a_value_added_to_the_domain_without_a_migration_is_caught(db, monkeypatch):
    from jzdesk.domain import records as domain_records

    monkeypatch.setattr(
        domain_records, "VENUE_CATEGORIES", (*domain_records.VENUE_CATEGORIES, "文化广场")
    )
    assert _refused(db, _domain_values()) == [("venue_category", "文化广场")]


@pytest.mark.parametrize("start", range(1, LATEST))
def test_an_upgraded_database_accepts_every_record_a_fresh_one_accepts(tmp_path, db, start):
    """Version ``start`` built from the frozen steps and filled by the SQL it accepted:
    the upgrade keeps every row, breaks no reference, and afterwards takes and refuses the
    same values as a fresh database, every one today's domain allows among them."""
    path = tmp_path / f"v{start}.sqlite"
    old = sqlite_utils.Database(path)
    old.execute("PRAGMA foreign_keys = ON")
    migrate(old, target=start)
    _fill_as_of(old, start)
    before = _rows(old)
    old.close()

    upgraded = open_db(path)
    assert user_version(upgraded) == LATEST
    after = _rows(upgraded)
    for table, rows in before.items():
        if table == "records":  # received_revision, received_as came with version 7
            assert [row[: len(rows[0])] for row in after[table]] == rows
        else:
            assert set(rows) <= set(after[table]), table
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    totals = upgraded.execute(
        "SELECT unit_code, date, type, records, sessions, demo_sessions, audience "
        "FROM daily_totals WHERE unit_code = 'zhongyuan' ORDER BY 1, 2, 3"
    ).fetchall()
    assert (
        totals
        == upgraded.execute(
            "SELECT unit_code, date, type, COUNT(*), SUM(sessions), SUM(sessions * demonstration), "
            "SUM(audience) FROM records WHERE deleted = 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        ).fetchall()
    )

    probes = _domain_values() + _NEVER
    assert _refused(upgraded, probes) == _refused(db, probes) == _NEVER


def test_the_steps_read_no_living_constants():
    """A step holds its SQL and rows as literals: it imports nothing of the program's but
    the package's script runner, so a later change elsewhere cannot change an old step."""
    import ast

    from jzdesk.store import migrations

    folder = Path(migrations.__file__).parent
    steps = sorted(folder.glob("m[0-9][0-9]_*.py"))
    assert [step.stem.split("_", 1)[1] for step in steps] == [name for name, _ in MIGRATIONS]
    for step in steps:
        imported = set()
        for node in ast.walk(ast.parse(step.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
        ours = {name for name in imported if name.split(".")[0] == "jzdesk"}
        assert ours <= {"jzdesk.store.migrations._script"}, step.name
