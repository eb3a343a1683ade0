"""Importing a batch of files (PRODUCT §8: each file in its own transaction, going on after
a rejection) while the next file is checked on a second thread."""

from __future__ import annotations

import tempfile

import pytest

from jzdesk.domain.periods import parse_period
from jzdesk.store import merge
from jzdesk.store.db import open_db
from jzdesk.usecases import imports, sheets

from .conftest import city_state, stage_rows


def outcome(result) -> tuple:
    return (
        result.file,
        result.status,
        result.reason.split("：")[0],
        result.added,
        result.updated,
        result.deleted,
        result.unchanged,
        result.conflicts,
    )


def test_a_batch_ends_as_importing_the_files_one_at_a_time(make_unit, city, tmp_path):
    qinyang, mengzhou = make_unit("沁阳"), make_unit("孟州")
    first = qinyang.add(title="第一场")
    older = qinyang.export()
    qinyang.edit(first, audience=80)
    qinyang.add("2021-03-09", title="第二场")
    newer = qinyang.export()
    mengzhou.add(title="孟州的活动")
    other = mengzhou.export()
    damaged = tmp_path / "damaged.jzsub"
    damaged.write_bytes(older.read_bytes()[:3000])
    folder = tmp_path / "folder.jzsub"
    folder.mkdir()
    sheet = sheets.export_sheet_xlsx(
        mengzhou.db, mengzhou.unit, parse_period("2021Q1"), tmp_path / "孟州.xlsx"
    )
    batch = [newer, damaged, folder, other, sheet, older, newer]

    together = imports.import_files(city, batch)
    alone_db = open_db(tmp_path / "alone" / "city.sqlite")
    alone = [imports.import_file(alone_db, path) for path in batch]

    assert [outcome(r) for r in together] == [outcome(r) for r in alone]
    assert [r.status for r in together] == [
        "imported",
        "rejected",
        "rejected",
        "imported",
        "unchanged",
        "unchanged",
        "unchanged",
    ]
    assert city_state(city) == city_state(alone_db)
    assert len(city_state(city)) == 3
    alone_db.close()


def test_after_a_batch_the_database_file_itself_holds_the_records(make_unit, city, tmp_path):
    """The log is copied back at the end of a batch: the database file alone (without its
    -wal) has the imported records, and checkpoints go back to SQLite's default."""
    import shutil
    import sqlite3

    from jzdesk.store.db import BATCH_CHECKPOINT_PAGES

    desk = make_unit()
    desk.add()
    path = desk.export()
    with imports.import_batch(city, [path]) as import_one:
        assert city.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == BATCH_CHECKPOINT_PAGES
        assert import_one(path).status == "imported"
    assert city.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    alone = tmp_path / "alone.sqlite"
    shutil.copyfile(tmp_path / "city" / "city.sqlite", alone)  # the file, not its log
    copy = sqlite3.connect(alone)
    assert copy.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 1
    copy.close()


def test_checkpoints_go_back_to_normal_when_a_batch_breaks_off(city):
    try:
        with imports.import_batch(city, []):
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert city.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000


def test_a_batch_left_early_leaves_no_private_copy_behind(make_unit, city, tmp_path, monkeypatch):
    """Cancelling between files: the file already being read ahead is closed and its
    private copy removed."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    desk = make_unit()
    desk.add()
    files = [desk.export(), desk.export(), desk.export()]
    with imports.import_batch(city, files) as import_one:
        assert import_one(files[0]).status == "imported"
    assert list((tmp_path / "temp").iterdir()) == []
    assert len(city_state(city)) == 1


def test_the_owner_check_reads_only_the_staged_records(city, tmp_path):
    """Looking up who holds each staged id must not walk every record the city holds
    (once per file, that made big imports quadratic)."""
    stage_rows(tmp_path / "stage.sqlite", [])
    with merge.attached_stage(city, tmp_path / "stage.sqlite"):
        plan = city.execute(
            "EXPLAIN QUERY PLAN " + merge.FOREIGN_OWNED_SQL.format(marks="?"), ["qinyang"]
        ).fetchall()
    details = [row[3] for row in plan]
    assert details[0].startswith("SCAN i"), details
    assert not any(detail.startswith("SCAN r") for detail in details), details


def many_records_file(desk, count: int):
    """A file of ``count`` records of the desk's unit (made as sample data, then made real
    so that they travel)."""
    from jzdesk.usecases import samples

    samples.fill_sample_data(desk.db, count, seed=11)
    with desk.db.atomic():
        desk.db.execute("UPDATE records SET sample = 0, unit_code = ?", [desk.unit.code])
    return desk.export("2021")


def test_a_batch_told_to_stop_while_a_file_is_checked_imports_nothing_of_it(make_unit, city):
    """The window's 取消 while a big file is still being checked: the checks stop, the file
    is rejected whole, and the same file imports whole when left to finish."""
    path = many_records_file(make_unit(), 3000)
    asked = []

    def keep_waiting() -> bool:
        asked.append(True)
        return False

    with imports.import_batch(city, [path], keep_waiting=keep_waiting) as import_one:
        result = import_one(path)
    assert asked and result.status == "rejected" and "已取消" in result.reason, result
    assert city_state(city) == {}
    assert city.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 0
    with imports.import_batch(city, [path], keep_waiting=lambda: True) as import_one:
        assert import_one(path).added == 3000


def test_stopping_one_file_leaves_the_next_files_checks_alone(make_unit, city):
    """取消 stops the file being checked, not the batch's later files (whose checks have
    their own stop), if the caller goes on."""
    first = many_records_file(make_unit("沁阳"), 3000)
    second = many_records_file(make_unit("孟州"), 3000)
    answers = iter([False])
    with imports.import_batch(
        city, [first, second], keep_waiting=lambda: next(answers, True)
    ) as import_one:
        stopped, imported = import_one(first), import_one(second)
    assert stopped.status == "rejected" and "已取消" in stopped.reason
    assert imported.status == "imported" and imported.added == 3000, imported


def test_a_failure_while_waiting_leaves_no_private_copy_behind(
    make_unit, city, tmp_path, monkeypatch
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    path = many_records_file(make_unit(), 3000)

    def keep_waiting() -> bool:
        raise RuntimeError("the window went away")

    with (
        pytest.raises(RuntimeError),
        imports.import_batch(city, [path], keep_waiting=keep_waiting) as one,
    ):
        one(path)
    assert list((tmp_path / "temp").iterdir()) == []
    assert city_state(city) == {}


def test_a_file_imported_before_is_not_copied_again(make_unit, city):
    """Its bytes are in the import log: it will be found unchanged, so its rows are not
    staged while it is checked (a big file's copy costs as long as its checks)."""
    from jzdesk.store.submissions import imported_hashes
    from jzdesk.usecases.submission_check import ReadAhead

    path = many_records_file(make_unit(), 500)

    def staged_ahead() -> bool:
        with ReadAhead([path], known=imported_hashes(city)) as ahead:
            checked = ahead.take(path)
            checked.package.close()
            return checked.stage is not None

    assert staged_ahead()
    assert imports.import_files(city, [path])[0].added == 500
    assert not staged_ahead()
    [again] = imports.import_files(city, [path])
    assert again.status == "unchanged" and again.unchanged == 500


def test_a_batch_sweeps_away_what_unfinished_imports_left(city, tmp_path, monkeypatch):
    """A killed import leaves its private folder (the file's copy, its staged rows): the
    next batch removes those older than a day, and leaves a younger one (another import's)."""
    import os
    import time

    from jzdesk.io.submission_reader import STALE_AFTER_S

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    old, young = tmp_path / "temp" / "jzdesk-import-old", tmp_path / "temp" / "jzdesk-import-new"
    for folder in (old, young):
        folder.mkdir(parents=True)
        (folder / "stage.sqlite").write_bytes(b"x" * 1000)
    then = time.time() - STALE_AFTER_S - 60
    os.utime(old, (then, then))
    with imports.import_batch(city, []):
        pass
    assert not old.exists() and young.exists()


def test_a_full_disk_rejects_the_file_plainly_and_changes_nothing(make_unit, city, tmp_path):
    """SQLite's "database or disk is full" (here the database's own page limit) is told as
    such, never as a damaged file, for a submission file and a filled sheet alike."""
    desk = make_unit()
    package = many_records_file(desk, 3000)
    sheet = sheets.export_sheet_xlsx(
        desk.db, desk.unit, parse_period("2021Q1"), tmp_path / "沁阳一季度.xlsx"
    )
    pages = city.execute("PRAGMA page_count").fetchone()[0]
    city.execute(f"PRAGMA max_page_count = {pages}")
    results = imports.import_files(city, [package, sheet])
    assert [r.status for r in results] == ["rejected", "rejected"]
    assert all(r.reason.startswith("磁盘空间不足，文件 ") for r in results), results
    assert city_state(city) == {}
    assert city.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 0
    city.execute("PRAGMA max_page_count = 1073741823")
    assert imports.import_files(city, [package])[0].added == 3000


def test_one_backup_per_batch_and_none_for_a_file_imported_before(make_unit, city):
    from jzdesk.store import backup

    qinyang, mengzhou = make_unit("沁阳"), make_unit("孟州")
    qinyang.add(title="第一场")
    mengzhou.add(title="孟州的活动")
    files = [qinyang.export(), mengzhou.export()]
    imports.import_files(city, files)
    [made] = backup.backups(city)
    assert made.name.endswith("-import.sqlite")
    assert {r.status for r in imports.import_files(city, files)} == {"unchanged"}
    assert backup.backups(city) == [made]
