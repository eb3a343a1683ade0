"""Importing files at the city: one file of either kind, or a batch checked ahead on a second
thread, each in its own transaction, the database backed up before the first write."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from jzdesk.domain.units import Unit
from jzdesk.errors import (
    DiskFullError,
    KnownError,
    disk_full_message,
    is_disk_full,
    os_reason,
)
from jzdesk.io.files import readable_paths
from jzdesk.io.workbook import SUFFIXES as SHEET_SUFFIXES
from jzdesk.usecases import backups
from jzdesk.usecases.import_result import ImportResult
from jzdesk.usecases.review import REPLY_SUFFIX, import_reply
from jzdesk.usecases.sheet_import import import_sheet
from jzdesk.usecases.submission_check import ReadAhead

IMPORTABLE = (".jzsub", *SHEET_SUFFIXES, REPLY_SUFFIX)


def importable(paths: list[Path]) -> list[Path]:
    """The files among ``paths`` this program imports (by their extension)."""
    return [path for path in paths if path.suffix.lower() in IMPORTABLE]


def only_replies(paths: list[Path]) -> bool:
    """Whether ``paths`` are all review replies (which a unit imports, never the city)."""
    return all(path.suffix.lower() == REPLY_SUFFIX for path in paths)


def import_file(
    db: sqlite_utils.Database,
    path: Path,
    *,
    unit: Unit | None = None,
    should_stop: Callable[[], bool] | None = None,
    ahead: ReadAhead | None = None,
    before_write: Callable[[], object] | None = None,
) -> ImportResult:
    """Import one submission file (.jzsub), filled sheet (.xlsx, .xls, .ods, .csv) or review
    reply (.jzreply, at a unit) in its own transaction;
    a rejection is returned as a result, never raised. ``ahead``: the batch's
    submission_check.ReadAhead, which may have checked the file already. ``before_write`` is
    called once the file has passed its checks, just before it may change the database
    (import_batch backs the database up there)."""
    with readable_paths([Path(path)]) as usable:
        return _import_file(
            db,
            usable[Path(path)],
            unit=unit,
            should_stop=should_stop,
            ahead=ahead,
            before_write=before_write,
        )


def _import_file(
    db: sqlite_utils.Database,
    path: Path,
    *,
    unit: Unit | None,
    should_stop: Callable[[], bool] | None,
    ahead: ReadAhead | None,
    before_write: Callable[[], object] | None,
) -> ImportResult:
    from jzdesk.usecases.submission_import import import_submission as import_submission

    try:
        if path.is_dir():
            raise KnownError(f"{path.name} 是一个文件夹，请选择其中的上报文件或统计表")
        suffix = path.suffix.lower()
        if suffix == ".jzsub":
            return import_submission(
                db, path, should_stop=should_stop, ahead=ahead, before_write=before_write
            )
        if suffix in SHEET_SUFFIXES:
            return import_sheet(db, path, unit=unit, before_write=before_write)
        if suffix == REPLY_SUFFIX:
            return import_reply(db, path, before_write=before_write)
        raise KnownError(
            f"不支持的文件类型 {suffix or '（无扩展名）'}：可以导入上报文件 .jzsub、"
            "填好的统计表 .xlsx、.xls、.ods、.csv 和审核回复 .jzreply"
        )
    except DiskFullError:  # the write was rolled back whole: say which file was not
        return ImportResult(path.name, "rejected", disk_full_message(path))
    except KnownError as error:
        return ImportResult(path.name, "rejected", error.message, reason_code=error.code)
    except sqlite3.OperationalError as error:  # a filled sheet's import ran out of room
        if not is_disk_full(error):
            raise
        return ImportResult(path.name, "rejected", disk_full_message(path))
    except OSError as error:  # the path itself: too long, a folder gone meanwhile, …
        return ImportResult(path.name, "rejected", f"无法读取文件 {path.name}：{os_reason(error)}")


def discard_unfinished() -> None:
    """After an interruption (Ctrl+C), the private copies of files this program was
    importing: nothing of them was written, and nothing of them is kept."""
    from jzdesk.io.submission_reader import discard_own_copies

    discard_own_copies()


def import_files(
    db: sqlite_utils.Database, paths: list[Path], *, unit: Unit | None = None
) -> list[ImportResult]:
    """Import each file in its own transaction, going on after a rejection; the database
    is backed up before the first file that may change it (see import_batch)."""
    paths = [Path(path) for path in paths]
    with import_batch(db, paths) as import_one:
        return [import_one(path, unit=unit) for path in paths]


@contextmanager
def import_batch(
    db: sqlite_utils.Database, paths: list[Path], *, keep_waiting: Callable[[], bool] | None = None
) -> Iterator[Callable[..., ImportResult]]:
    """A function importing one file of ``paths`` as import_file does, faster for a batch:
    the next submission file is checked on a second thread while the current one merges,
    and the write-ahead log is copied back once at the end. ``keep_waiting``: see
    submission_check.ReadAhead (a file whose checks it stops is rejected, nothing of it imported).

    The database is backed up once, before the first file that passed its checks is
    written, so that every import can be undone from a backup. A batch of rejected files and
    of submission files imported before makes none, so that a run of bad drops
    cannot push the daily backups out of the rotation."""
    from jzdesk.io.submission_reader import sweep_stale_copies
    from jzdesk.store.db import checkpoint_at_end
    from jzdesk.store.submissions import imported_hashes
    from jzdesk.usecases.submission_check import ReadAhead

    sweep_stale_copies()
    known = imported_hashes(db)
    with (
        readable_paths(paths) as usable,
        ReadAhead(list(usable.values()), known=known, keep_waiting=keep_waiting) as ahead,
        checkpoint_at_end(db),
    ):
        backup = _BackupBeforeWriting(db)
        yield lambda path, *, unit=None: import_file(
            db, usable.get(Path(path), path), unit=unit, ahead=ahead, before_write=backup
        )


class _BackupBeforeWriting:
    """Backs the database up the first time it is called (see import_batch)."""

    def __init__(self, db: sqlite_utils.Database):
        self._db = db
        self._made = False

    def __call__(self) -> None:
        """Raises KnownError (the file is then not imported) if the backup fails."""
        if not self._made:
            try:
                backups.make_backup(self._db, "import")
            except KnownError as error:
                raise KnownError(f"{error.message}；为安全起见，没有导入") from error
            self._made = True
