"""Every write on a nearly full disk ends in 磁盘空间不足 with nothing half-written: import,
export, backup, restore, migration and entry, each on a small tmpfs mounted for the test
(issue 22, item 3). CI runs as root, which may mount one; elsewhere the tests say why not."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from jzdesk.domain.records import FIELD_COLUMNS
from jzdesk.store import records
from jzdesk.store.db import open_db
from jzdesk.store.migrations import migrate
from jzdesk.usecases import installation

FULL = "磁盘空间不足"


class SmallDisk:
    """A tmpfs of a few MB at ``root``, filled on demand to leave ``free`` bytes."""

    def __init__(self, root: Path):
        self.root = root
        self._filler = root / "filler"

    def leave(self, free: int) -> None:
        self._filler.unlink(missing_ok=True)
        room = shutil.disk_usage(self.root).free - free
        with open(self._filler, "wb") as filler:
            filler.write(b"\0" * max(room, 0))

    def empty(self) -> None:
        self._filler.unlink(missing_ok=True)


@pytest.fixture
def disk(tmp_path):
    root = tmp_path / "disk"
    root.mkdir()
    if not sys.platform.startswith("linux"):
        pytest.skip("a tmpfs is mounted on Linux only")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(root)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.strip()}")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=True)


def content(path: Path) -> list[str]:
    """The whole content of a database as SQL, read by a connection of its own."""
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if "sqlite_sequence" not in line]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """A unit's genuine 1.3 MB submission file: 3 000 records of 沁阳."""
    from jzdesk.domain.periods import parse_period
    from jzdesk.usecases import submission_export

    folder = tmp_path_factory.mktemp("unit")
    db = open_db(folder / "unit.sqlite")
    installation.init_installation(db, "沁阳", filler="张三", phone="13800000000")
    now = "2021-03-31T08:00:00+00:00"
    rows = []
    for n in range(3000):
        fields = ("qinyang", f"2021-0{1 + n % 3}-{1 + n % 28:02d}", "art", 1)
        fields += (f"送戏下乡第{n}场" * 3, f"第{n}厂", "", 10, "", "", 0, 0, 0, "备注" * 20)
        assert len(fields) == len(FIELD_COLUMNS)
        rows.append((*fields, str(uuid.uuid4()), "张三", 0, 1, 0, now, now))
    with db.atomic():
        records.insert_many(db, rows)
    unit = installation.resolve_unit(db, "沁阳")
    path = folder / "沁阳.jzsub"
    submission_export.export_submission(db, unit, path, period=parse_period("2021Q1"))
    db.close()
    return path


def city_on(disk: SmallDisk) -> Path:
    path = disk.root / "city.sqlite"
    db = open_db(path)
    installation.init_installation(db, "焦作市总工会", filler="李四", phone="13800000001")
    db.close()
    return path


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    """The command line as a program of its own (a disk-full error may end a process)."""
    code = "import sys; from jzdesk.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=300,
    )


@pytest.mark.parametrize("free", [300_000, 1_500_000, 2_500_000, 3_500_000])
def test_an_import_onto_a_nearly_full_disk_is_whole_or_refused(disk, package, free):
    city = city_on(disk)
    before = content(city)
    disk.leave(free)

    result = cli(city, "import", str(package))

    assert "Traceback" not in result.stderr, result.stderr
    disk.empty()
    if result.returncode == 0:
        assert "新增 3000 条" in result.stdout
        assert len(content(city)) > len(before)
    else:
        assert result.returncode == 1 and FULL in result.stdout + result.stderr
        assert content(city) == before
    assert sqlite3.connect(city).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_adding_a_record_on_a_full_disk_says_so(disk):
    """In the running program (the window's way; the command line's is the same use case):
    the database was opened while there was room."""
    from datetime import date

    from jzdesk.domain.activity_types import ActivityType
    from jzdesk.domain.records import RecordFields
    from jzdesk.errors import KnownError
    from jzdesk.usecases import ledger

    city = city_on(disk)
    before = content(city)
    db = open_db(city)
    try:
        disk.leave(0)
        fields = RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART, notes="长" * 1999)
        with pytest.raises(KnownError, match=FULL):
            ledger.add_record(db, fields)
    finally:
        db.close()
    disk.empty()
    assert content(city) == before


def test_exports_onto_a_full_disk_say_so_and_leave_no_file(disk, tmp_path, package):
    unit_db = package.parent / "unit.sqlite"
    disk.leave(20_000)
    sub = cli(unit_db, "export-package", "--period", "2021Q1", "--out", str(disk.root / "a.jzsub"))
    sheet = cli(unit_db, "export-sheet", "--period", "2021Q1", "--out", str(disk.root / "a.xlsx"))

    for result in (sub, sheet):
        # (openpyxl's writer, collected at exit, may print what it could not close)
        assert result.returncode == 1, result.stderr
        assert f"错误：--out：无法写入 {disk.root}" in result.stderr and FULL in result.stderr
    assert sorted(p.name for p in disk.root.iterdir()) == ["filler"]


def test_backup_and_restore_on_a_full_disk_say_so_and_change_nothing(disk):
    city = city_on(disk)
    made = cli(city, "backup")
    assert made.returncode == 0, made.stderr
    [backup] = (disk.root / "jzdesk-backups").rglob("jzdesk-*.sqlite")
    cli(city, "add-event", "--date", "2021-03-05", "--type", "文艺")
    before = content(city)
    disk.leave(150_000)  # room to open the database, none for a copy of it

    for result in (cli(city, "backup"), cli(city, "restore", str(backup))):
        assert (result.returncode, "Traceback" in result.stderr) == (1, False), result.stderr
        assert "无法写入备份：磁盘空间不足" in result.stderr
    disk.empty()
    assert content(city) == before


def test_a_migration_on_a_full_disk_says_so_and_changes_nothing(disk):
    path = disk.root / "old.sqlite"
    conn = sqlite3.connect(path)
    import sqlite_utils

    migrate(sqlite_utils.Database(conn), target=6)
    conn.close()
    before = content(path)
    disk.leave(0)

    result = cli(path, "events")

    assert (result.returncode, "Traceback" in result.stderr) == (1, False), result.stderr
    assert FULL in result.stderr
    disk.empty()
    assert content(path) == before
