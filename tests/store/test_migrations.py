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


_HANGING = ("records", "record_media", "record_photos", "record_revisions", "daily_totals",
            "imports", "import_changes", "conflicts")  # fmt: skip


def _records_and_what_hangs_on_them(db: sqlite_utils.Database) -> dict[str, list]:
    return {
        table: db.execute(f"SELECT {'rowid, ' if table == 'records' else ''}* FROM {table} "
                          "ORDER BY 1, 2, 3").fetchall()
        for table in _HANGING
    }  # fmt: skip


def _indexes_and_triggers_on_records(db: sqlite_utils.Database) -> set[tuple]:
    return set(db.execute(
        "SELECT type, name FROM sqlite_master WHERE tbl_name = 'records' "
        "AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex%'"
    ).fetchall())  # fmt: skip


def _totals_from_records(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute(
        "SELECT unit_code, date, type, COUNT(*), SUM(sessions), SUM(sessions * demonstration), "
        "SUM(audience) FROM records WHERE deleted = 0 GROUP BY date, unit_code, type "
        "ORDER BY 1, 2, 3"
    ).fetchall()


def _version_7_with_everything(path: Path) -> sqlite_utils.Database:
    """A database at version 7 holding records with media, a photo, a deletion, an
    import with its changes and an open conflict."""
    from dataclasses import replace

    from PIL import Image

    from jzdesk import services
    from jzdesk.domain.records import MediaItem

    old = sqlite_utils.Database(path)
    old.execute("PRAGMA foreign_keys = ON")
    migrate(old, target=7)
    services.fill_sample_data(old, 300, seed=7)
    first, second = [row[0] for row in old.execute("SELECT id FROM records ORDER BY rowid LIMIT 2")]
    record = services.get_event(old, first)
    media = (MediaItem("网络", "https://example.cn/a"), MediaItem("报纸"))
    services.update_event(old, first, replace(record.fields, media=media), revision=record.revision)
    picture = path.with_name("photo.png")
    Image.new("RGB", (64, 48), (10, 200, 30)).save(picture)
    services.add_photos(old, first, [picture])
    services.delete_event(old, second)
    with old.conn:
        import_id = old.execute(
            "INSERT INTO imports (file_name, file_sha256, kind, unit_code, year, quarter, period, "
            "imported_at) VALUES ('q1.jzsub', 'ab', 'jzsub', 'qinyang', 2021, 1, '2021Q1', "
            "'2021-04-02T09:00:00')"
        ).lastrowid
        old.execute("INSERT INTO import_changes VALUES (?, ?, 'added', NULL)", [import_id, first])
        old.execute(
            "INSERT INTO conflicts (record_id, import_id, revision, state, detected_at) "
            "VALUES (?, ?, 2, '{}', '2021-04-02T09:00:00')", [first, import_id],
        )  # fmt: skip
    return old


def test_rebuilding_the_records_table_keeps_every_record_and_what_hangs_on_it(tmp_path):
    """Migration 8 copies the records into a table with cheaper CHECKs: records, their
    media, photos, history, totals, imports and conflicts come through whole; indexes and
    triggers are made again; the rules still hold."""
    from jzdesk import services
    from jzdesk.domain.activity_types import ActivityType
    from jzdesk.domain.records import RecordFields

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
    added = services.add_event(upgraded, RecordFields(
        unit_code="qinyang", date=date(2021, 6, 1), activity_type=ActivityType.FILM,
        sessions=3, audience=40))  # fmt: skip
    services.delete_event(upgraded, first)
    services.update_event(upgraded, added, services.get_event(upgraded, added).fields,
                          revision=1)  # fmt: skip
    assert upgraded.execute("SELECT unit_code, date, type, records, sessions, demo_sessions, "
                            "audience FROM daily_totals WHERE records > 0 ORDER BY 1, 2, 3"
                            ).fetchall() == _totals_from_records(upgraded)  # fmt: skip
    # Deleting a record still takes its photos along: the references follow the new table.
    upgraded.execute("DELETE FROM records WHERE id = ?", [first])
    assert upgraded.execute("SELECT COUNT(*) FROM record_photos").fetchone()[0] == 0


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
    for name, column in (("records_by_unit_title", "title"), ("records_by_unit_venue", "venue"),
                         ("records_by_unit_audience", "audience")):  # fmt: skip
        columns = [row[2] for row in db.execute(f"PRAGMA index_info({name})")]
        assert columns == ["unit_code", column, "date"]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    found = db.execute(
        "SELECT title FROM records INDEXED BY records_by_unit_title "
        "WHERE unit_code = 'qinyang' AND deleted = 0"
    ).fetchall()
    assert found == [("送戏下乡",)]
