"""Backups: one before every import and restore, one a day, kept in rotation, restorable."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import sqlite_utils

from jzdesk.errors import KnownError, os_reason, sqlite_failure
from jzdesk.store.migrations import LATEST


def backup_folder(db: sqlite_utils.Database) -> Path:
    from jzdesk.store import backup

    return backup.backup_folder(db)


def make_backup(db: sqlite_utils.Database, reason: str = "manual") -> Path:
    """Copy the database into the backups beside it (the last 30 are kept); returns the copy.

    Raises:
        KnownError: the backup folder cannot be written.
    """
    from jzdesk.store import backup

    try:
        return backup.write_backup(db, reason, now=datetime.now())
    except OSError as error:
        raise KnownError(f"无法写入备份：{os_reason(error)}") from error
    except sqlite3.Error as error:  # SQLite writes the copy: a full disk comes this way
        failure = sqlite_failure(error)
        if failure == "full":
            why = "磁盘空间不足"
        elif failure == "cantopen":
            why = "备份文件夹不存在或没有写入权限"
        else:
            why = f"SQLite 错误（{error}）"
        raise KnownError(f"无法写入备份：{why}") from error


def daily_backup(db: sqlite_utils.Database) -> Path | None:
    """A backup if none was made today (the window calls this after it opens)."""
    from jzdesk.store import backup

    today = date.today().strftime("%Y%m%d")
    if any(path.name.startswith(f"jzdesk-{today}") for path in backup.backups(db)):
        return None
    return make_backup(db, "daily")


def list_backups(db: sqlite_utils.Database) -> list[dict]:
    """Each backup, newest first: path, made, reason, records."""
    from jzdesk.store import backup

    return [backup.describe(path) for path in backup.backups(db)]


def restore_backup(db: sqlite_utils.Database, path: Path) -> Path:
    """Bring back a backup, after backing up the current state; returns that safety copy.

    Raises:
        KnownError: the file is missing, not a jzdesk database, damaged, or from a newer
            program; then nothing is changed.
    """
    import sqlite3

    from jzdesk.store import backup
    from jzdesk.store.migrations import migrate

    path = Path(path)
    if not path.is_file():
        raise KnownError(f"找不到备份文件 {path}", field="file")
    try:
        version = backup.check_backup(path)
    except sqlite3.DatabaseError as error:
        raise KnownError(
            f"文件 {path.name} 不是 jzdesk 的数据库备份或已损坏，未恢复", field="file"
        ) from error
    if version > LATEST:
        raise KnownError(
            f"备份 {path.name} 来自更新版本的 jzdesk，请升级程序后再恢复", field="file"
        )
    safety = make_backup(db, "before-restore")
    backup.restore_into(db, path)
    migrate(db)  # a backup from an older program is brought up to date
    return safety


def latest_backup_beside(db_path: Path) -> dict | None:
    """The newest readable backup beside a (damaged) database: path, made, reason, records."""
    import sqlite3

    from jzdesk.store import backup

    for path in backup.backups_beside(Path(db_path)):
        try:
            backup.check_backup(path)
            return backup.describe(path)
        except (sqlite3.DatabaseError, ValueError, IndexError):
            continue
    return None


def recover_database(db_path: Path, backup_file: Path) -> Path:
    """Put a backup in place of a damaged database (moved aside, not deleted); returns
    where the damaged file was moved.

    Raises:
        KnownError: the files cannot be moved or written.
    """
    from jzdesk.store import backup

    try:
        return backup.replace_damaged(Path(db_path), Path(backup_file), now=datetime.now())
    except OSError as error:
        raise KnownError(f"无法恢复数据库 {db_path}：{os_reason(error)}") from error
