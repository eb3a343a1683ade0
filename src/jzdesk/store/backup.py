"""Backups of the database file with SQLite's online backup API, kept in rotation."""

from __future__ import annotations

import sqlite3
from contextlib import closing, suppress
from datetime import datetime, timedelta
from pathlib import Path

import sqlite_utils

FOLDER_NAME = "jzdesk-backups"
KEEP = 30


def database_file(db: sqlite_utils.Database) -> Path:
    """The file behind an open database."""
    return Path(db.execute("PRAGMA database_list").fetchone()[2])


def backup_folder(db: sqlite_utils.Database) -> Path:
    """Beside the database: ``jzdesk-backups/<database name>/``."""
    return folder_for(database_file(db))


def folder_for(db_path: Path) -> Path:
    """Each database its own folder: two databases side by side never share (or restore
    from, or rotate away) each other's backups."""
    return Path(db_path).parent / FOLDER_NAME / Path(db_path).stem


def write_backup(db: sqlite_utils.Database, reason: str, *, now: datetime) -> Path:
    """A consistent copy of the live database, taken while it stays open, then rotation.

    The copy is written under a name the backup list does not show and renamed when
    whole: a full disk or a Ctrl+C leaves no half backup to restore from, and what a
    killed program left under that name is removed by the next backup."""
    folder = backup_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_partials(folder, now=now)
    target = folder / f"jzdesk-{now.strftime('%Y%m%d-%H%M%S-%f')}-{reason}.sqlite"
    partial = target.with_name(target.name + ".partial")
    try:
        copy = sqlite3.connect(partial)
        try:
            db.conn.backup(copy)
            # One self-contained file: reading it later leaves no -wal/-shm beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    for old in sorted(folder.glob("jzdesk-*.sqlite"))[:-KEEP]:
        with suppress(OSError):  # open in another program (Windows refuses): next time
            old.unlink(missing_ok=True)
    return target


_PARTIAL_STALE_AFTER = timedelta(hours=1)  # no backup takes an hour


def _remove_stale_partials(folder: Path, *, now: datetime) -> None:
    for left in folder.glob("jzdesk-*.sqlite.partial*"):
        try:
            if now - datetime.fromtimestamp(left.stat().st_mtime) > _PARTIAL_STALE_AFTER:
                left.unlink()
        except OSError:
            continue  # in use (another program's backup) or already gone


def backups(db: sqlite_utils.Database) -> list[Path]:
    """The backups beside the database, newest first."""
    return backups_beside(database_file(db))


def backups_beside(db_path: Path) -> list[Path]:
    """The backups beside a database file (which may be too damaged to open), newest first."""
    folder = folder_for(db_path)
    return sorted(folder.glob("jzdesk-*.sqlite"), reverse=True) if folder.exists() else []


def replace_damaged(db_path: Path, backup: Path, *, now: datetime) -> Path:
    """Move a damaged database file (and its -wal/-shm) aside and put a copy of ``backup``
    in its place; returns where the damaged file now is (kept for the technicians)."""
    db_path = Path(db_path)
    aside = db_path.with_name(f"{db_path.name}.damaged-{now:%Y%m%d-%H%M%S}")
    for suffix in ("-wal", "-shm"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    db_path.replace(aside)
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    target = sqlite3.connect(db_path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return aside


def describe(path: Path) -> dict:
    """When a backup was made, why, and how many live records it holds (read-only look)."""
    parts = path.stem.split("-")
    made = datetime.strptime(f"{parts[1]}{parts[2]}", "%Y%m%d%H%M%S")
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        count = conn.execute("SELECT COUNT(*) FROM records WHERE deleted = 0").fetchone()[0]
    return {"path": path, "made": made, "reason": "-".join(parts[4:]), "records": count}


def check_backup(path: Path) -> int:
    """The schema version of a backup file after checking it is whole.

    Raises:
        sqlite3.DatabaseError: not a database, damaged, or not a jzdesk database.
    """
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("damaged")
        conn.execute("SELECT id FROM records LIMIT 1")
        return conn.execute("PRAGMA user_version").fetchone()[0]


def restore_into(db: sqlite_utils.Database, path: Path) -> None:
    """Replace the live database's content with the backup's, page by page (online)."""
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
    finally:
        source.close()
