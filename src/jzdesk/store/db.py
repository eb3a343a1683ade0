"""Opening the database file: location, PRAGMAs, migrations, transactions."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from jzdesk.errors import (
    DamagedDatabaseError,
    DiskFullError,
    KnownError,
    is_disk_full,
    os_reason,
    sqlite_failure,
)
from jzdesk.store.migrations import migrate

DB_ENV = "JZDESK_DB"
DB_FILENAME = "jzdesk.sqlite"


def default_db_path() -> Path:
    """``$JZDESK_DB`` if set, else the database chosen in the first-run wizard, else
    ``jzdesk.sqlite`` in the user's data folder (the window and the command line agree).

    The data folder is platformdirs' user data dir: ``%LOCALAPPDATA%\\jzdesk`` on
    Windows, ``~/.local/share/jzdesk`` on Linux (UOS, Kylin).
    """
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    chosen = chosen_db_path()
    return chosen if chosen is not None else standard_db_path()


def standard_db_path() -> Path:
    import platformdirs  # only needed when no path was given

    return platformdirs.user_data_path("jzdesk", appauthor=False) / DB_FILENAME


def _choice_file() -> Path:
    """A one-line text file in the user's config folder: where the data lives."""
    import platformdirs

    return platformdirs.user_config_path("jzdesk", appauthor=False) / "database-path.txt"


def chosen_db_path() -> Path | None:
    try:
        text = _choice_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(text) if text else None


def remember_db_path(path: Path) -> None:
    """Keep the wizard's choice of database for every later start, window or command line."""
    target = _choice_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(str(Path(path).resolve()), encoding="utf-8")


class Database(sqlite_utils.Database):
    """sqlite-utils' database whose transactions take the write lock as they begin.

    A transaction begun with a plain BEGIN that reads before it writes (adding a record
    reads who is entering it) cannot wait for another program's write to end: SQLite
    refuses it at once, since its snapshot would be stale. BEGIN IMMEDIATE waits (up to
    the busy timeout) for the lock instead, so that adding a record while the window or
    another command imports a file waits for the import rather than failing.

    A write that finds the disk full is rolled back whole and raised as DiskFullError.
    """

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:  # nested: a savepoint, as sqlite-utils makes one
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException as error:
            self.conn.rollback()  # a no-op if the error already ended the transaction
            if is_disk_full(error):
                raise DiskFullError() from error
            raise


def open_db(path: Path | str) -> Database:
    """Open (creating if need be) and migrate the database at ``path``.

    Raises:
        KnownError: the file is not a jzdesk database, is damaged, is locked by another
            program, or was written by a newer jzdesk.
    """
    path = Path(path)
    if path.is_dir():
        raise KnownError(
            f"{path} 是一个文件夹，不是数据库文件；请在文件夹后加上文件名，例如 jzdesk.sqlite"
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise KnownError(
            f"数据库文件 {path} 是只读的或没有访问权限；请把它复制到可写的文件夹再打开"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KnownError(f"无法创建数据文件夹 {path.parent}：{os_reason(error)}") from error
    try:
        conn = sqlite3.connect(path, timeout=5.0)
    except sqlite3.Error as error:
        raise KnownError(f"无法打开数据库 {path}：{error}") from error
    try:
        # No sqlite-utils plugins: looking for them reads the metadata of every installed
        # package (20–30 ms of each start), and none may run code on our connection.
        db = Database(conn, execute_plugins=False)
        _configure(conn, wal=not on_network_share(path))
        migrate(db)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise _explain(path, error) from error
    except BaseException:
        conn.close()
        raise
    return db


def open_reader(path: Path | str) -> Database:
    """A read-only connection of its own to the (open, migrated) database at ``path``, for
    reading on another thread while the window's connection writes: under WAL neither waits
    for the other. It may be used from one thread at a time, not only the one that opened
    it; ``conn.interrupt()`` stops its read from any thread."""
    # query_only, not a mode=ro URI: the URI of a \\server\share path names the server
    # as its authority, which SQLite refuses.
    conn = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA cache_size = -32768")
    conn.execute("PRAGMA trusted_schema = OFF")
    return Database(conn, execute_plugins=False)


def on_network_share(path: Path, platform: str = sys.platform) -> bool:
    """Whether ``path`` is on a Windows network share: a ``\\\\server\\share`` path or a
    mapped network drive. SQLite's WAL needs memory shared between the programs using the
    database, which a network share cannot give: there the database keeps a rollback
    journal (slower, and the window waits while a write commits, but safe)."""
    if platform != "win32":
        return False
    text = str(path)
    if text.startswith(("\\\\?\\UNC\\", "//")) or (
        text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\"))
    ):
        return True
    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if sys.platform != "win32" or not drive:
        return False
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE


def _configure(conn: sqlite3.Connection, *, wal: bool = True) -> None:
    # WAL lets the window read while a write commits; synchronous=FULL so that a saved
    # record survives a power cut; foreign keys keep records tied to known units.
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    journal = "wal" if wal else "delete"
    if conn.execute(f"PRAGMA journal_mode = {journal}").fetchone()[0].lower() != journal:
        raise sqlite3.OperationalError("database is locked")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA cache_size = -32768")  # 32 MB: big imports touch many index pages
    conn.execute("PRAGMA trusted_schema = OFF")


@contextmanager
def checkpoint_at_end(db: sqlite_utils.Database) -> Iterator[None]:
    """Copy the write-ahead log into the database file seldom during a batch of
    transactions, and once at its end: pages that every file of an import touches (the
    indexes) are then written a few times instead of once per file. Each transaction is
    still safe when it commits (the log is synced); the log stays bounded (about
    BATCH_CHECKPOINT_PAGES pages beyond the largest single transaction)."""
    db.execute(f"PRAGMA wal_autocheckpoint = {BATCH_CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA wal_autocheckpoint = {_AUTOCHECKPOINT_PAGES}")
        # PASSIVE never waits: with a reader in the way, the next commit copies the rest.
        try:
            db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.OperationalError as error:
            # No room to grow the database file: what was committed is safe in the log,
            # which a later checkpoint copies back once there is room.
            if not is_disk_full(error):
                raise


_AUTOCHECKPOINT_PAGES = 1000  # SQLite's default
BATCH_CHECKPOINT_PAGES = 10_000  # 40 MB of log


def _no_room_beside(path: Path) -> bool:
    """Whether the disk holding ``path`` has (almost) no room left: SQLite reports the
    write-ahead log's index it could not make as an I/O error, not as a full disk."""
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 1024 * 1024
    except OSError:
        return False


def _explain(path: Path, error: sqlite3.DatabaseError) -> KnownError:
    failure = sqlite_failure(error)
    if failure in ("busy", "locked"):
        return KnownError(f"数据库 {path} 正被其他程序使用，请关闭其他 jzdesk 窗口后重试")
    if failure == "full" or (failure == "ioerr" and _no_room_beside(path)):
        # Opening upgrades the database (a migration, rolled back whole) and makes its
        # write-ahead log: either may find no room.
        return KnownError(
            f"磁盘空间不足，无法打开数据库 {path}（数据库没有改动）；请清理磁盘后重试"
        )
    if failure in ("notadb", "corrupt"):
        return DamagedDatabaseError(f"文件 {path} 不是 jzdesk 数据库或已损坏，请从备份恢复")
    if failure in ("cantopen", "readonly"):
        return KnownError(f"无法打开数据库 {path}：文件夹不存在或没有写入权限")
    return KnownError(f"无法打开数据库 {path}：{error}")
