"""Backups: taken online, kept in rotation, restored after a safety copy."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.errors import KnownError
from jzdesk.store import backup
from jzdesk.usecases import backups, imports, installation, ledger, progress, sheets


def add(db, day=5):
    return ledger.add_record(db, RecordFields("qinyang", date(2021, 3, day), T.ART))


def test_backup_and_restore_bring_the_data_back(db, db_path):
    add(db)
    saved = backups.make_backup(db)
    assert saved.parent == db_path.parent / "jzdesk-backups" / db_path.stem
    add(db, 6)
    assert len(ledger.list_records(db)) == 2
    safety = backups.restore_backup(db, saved)
    assert len(ledger.list_records(db)) == 1
    assert progress.progress_report(db, year=2021).total == 1  # the daily totals came back too
    described = {b["path"]: b for b in backups.list_backups(db)}
    assert described[safety]["records"] == 2 and described[safety]["reason"] == "before-restore"
    assert described[saved]["records"] == 1 and described[saved]["reason"] == "manual"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_bad_backup_is_refused_and_nothing_changes(db, tmp_path):
    add(db)
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"not a database" * 100)
    for path in (bogus, tmp_path / "missing.sqlite"):
        with pytest.raises(KnownError):
            backups.restore_backup(db, path)
    assert len(ledger.list_records(db)) == 1


def test_rotation_keeps_the_latest(db, monkeypatch):
    monkeypatch.setattr(backup, "KEEP", 3)
    made = [backups.make_backup(db, f"n{i}") for i in range(5)]
    assert [p.name for p in backup.backups(db)] == [p.name for p in reversed(made[-3:])]


def test_daily_backup_once_a_day_and_before_every_import(db, tmp_path):
    assert backups.daily_backup(db) is not None
    assert backups.daily_backup(db) is None
    add(db)
    sheet = sheets.export_sheet_xlsx(
        db, installation.resolve_unit(db, "qinyang"), parse_period("2021"), tmp_path / "s.xlsx"
    )
    before = len(backup.backups(db))
    imports.import_files(db, [sheet])
    assert len(backup.backups(db)) == before + 1
    assert backups.list_backups(db)[0]["reason"] == "import"


def test_cli_backup_and_restore(run_cli, db_path):
    run_cli("add-event", "--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺")
    made = run_cli("backup")
    assert made.code == 0
    run_cli("add-event", "--unit", "沁阳", "--date", "2021-03-06", "--type", "文艺")
    listed = run_cli("restore")
    assert "1 条记录" in listed.out
    assert run_cli("restore", made.out.strip()).code == 0
    assert "2021-03-06" not in run_cli("events").out
    assert run_cli("restore", str(db_path.parent / "nothing.sqlite")).code == 1


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path):
    from jzdesk.store.db import open_db
    from jzdesk.usecases import backups

    first, second = open_db(tmp_path / "unit.sqlite"), open_db(tmp_path / "city.sqlite")
    backups.make_backup(first, "manual")
    assert backups.list_backups(second) == []
    assert len(backups.list_backups(first)) == 1
    listed = backups.list_backups(first)[0]["path"]
    assert sorted(p.name for p in listed.parent.iterdir()) == [listed.name]  # no -wal/-shm
    first.close()
    second.close()


def test_a_backup_taken_while_another_program_writes_holds_what_was_committed(db, db_path):
    """Another program (here a second connection) is in the middle of a write: the backup
    is a consistent copy of what was committed, and restores whole."""
    from jzdesk.store.db import open_db

    for day in (1, 2, 3):
        add(db, day)
    writer = open_db(db_path)
    writer.conn.execute("BEGIN IMMEDIATE")
    for day in (4, 5):
        add(writer, day)  # not committed yet
    saved = backups.make_backup(db)
    writer.conn.execute("COMMIT")
    writer.close()
    assert backup.describe(saved)["records"] == 3
    backups.restore_backup(db, saved)
    assert len(ledger.list_records(db)) == 3
    assert progress.progress_report(db, year=2021).total == 3
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_import_that_changes_nothing_makes_no_backup(db, tmp_path):
    """Rejected files and files imported before write nothing: a run of them must not push
    the daily backups out of the rotation."""
    junk = tmp_path / "junk.jzsub"
    junk.write_text("不是上报文件", encoding="utf-8")
    bad_sheet = tmp_path / "bad.xlsx"
    bad_sheet.write_bytes(b"PK\x03\x04 not really")
    empty_sheet = sheets.export_sheet_xlsx(
        db,
        installation.resolve_unit(db, "qinyang"),
        parse_period("2021Q2"),
        tmp_path / "empty.xlsx",
    )
    results = imports.import_files(db, [junk, tmp_path / "missing.jzsub", bad_sheet, empty_sheet])
    assert [r.status for r in results] == ["rejected"] * 4  # a sheet without rows, too
    assert backup.backups(db) == []


def test_an_import_whose_backup_fails_imports_nothing(db, tmp_path):
    add(db)
    sheet = sheets.export_sheet_xlsx(
        db, installation.resolve_unit(db, "qinyang"), parse_period("2021"), tmp_path / "s.xlsx"
    )
    with db.atomic():
        db.execute("DELETE FROM records")
    folder = backup.backup_folder(db)
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the backup folder should be", encoding="utf-8")
    [result] = imports.import_files(db, [sheet])
    assert result.status == "rejected" and "为安全起见" in result.reason
    assert db.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 0


def test_a_backup_sqlite_cannot_write_is_explained_and_leaves_no_half_copy(db_path):
    """SQLite writes the copy, so a full disk shows up as an SQLite error, not an OSError."""
    import sqlite3

    import sqlite_utils

    class FullDisk(sqlite3.Connection):
        def backup(self, target, **kwargs):
            target.execute("CREATE TABLE half (x)")
            raise sqlite3.OperationalError("database or disk is full")

    installation.open_database(db_path).close()
    db = sqlite_utils.Database(sqlite3.connect(db_path, factory=FullDisk))
    with pytest.raises(KnownError, match="无法写入备份：磁盘空间不足"):
        backups.make_backup(db, "import")
    assert backups.list_backups(db) == []
    assert list(backup.backup_folder(db).iterdir()) == []
    db.close()


def test_a_half_backup_left_by_a_killed_program_is_removed_by_the_next(db):
    import os
    import time

    folder = backup.backup_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / "jzdesk-20210101-000000-000000-import.sqlite.partial"
    young = folder / "jzdesk-20210101-000001-000000-import.sqlite.partial"
    for left in (old, young):
        left.write_bytes(b"half")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    backups.make_backup(db)
    assert not old.exists() and young.exists()  # a young one may be another program's
    assert len(backups.list_backups(db)) == 1


def test_a_backup_another_program_holds_open_is_rotated_away_later(db, monkeypatch):
    """Windows refuses to delete a file another program has open (a technician looking
    into an old backup): the new backup is still made, the old one goes next time."""
    from pathlib import Path

    monkeypatch.setattr(backup, "KEEP", 2)
    first = backups.make_backup(db, "n0")
    backups.make_backup(db, "n1")
    real_unlink = Path.unlink

    def held_open(self, missing_ok=False):
        if self == first:
            raise PermissionError(13, "The process cannot access the file", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", held_open)
    third = backups.make_backup(db, "n2")
    assert third.exists() and first.exists()
    monkeypatch.setattr(Path, "unlink", real_unlink)
    backups.make_backup(db, "n3")
    assert not first.exists()
