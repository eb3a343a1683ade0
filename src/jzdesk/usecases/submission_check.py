"""Checking a received submission file on its own (its rows, without the city's database),
now or on a second thread while the file before it merges: that work reads only the file's
private copy and writes only beside it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from jzdesk.errors import KnownError
from jzdesk.io.submission_checks import broken_rows, other_problems
from jzdesk.io.submission_reader import ReceivedSubmission, open_submission
from jzdesk.store import merge


@dataclass
class Checked:
    """A submission file opened and checked on its own: its problems, found without the
    city's database (whose unit list and families are checked when it merges)."""

    package: ReceivedSubmission
    broken: dict[int, list[str]]  # index in _RECORD_RULES → ids of records breaking it
    problems: list[str]  # summaries, header, photos, documents
    # The record rows copied into a scratch database for the merge (see stage_records);
    # None until then.
    stage: Path | None = None


def check_submission(
    path: Path,
    *,
    should_stop: Callable[[], bool] | None = None,
    known: frozenset[str] = frozenset(),
) -> Checked:
    """Open ``path`` untrusted, check its rows and stage them for the merge (reads only
    the file's private copy and writes only beside it). A file rejected anyway, or whose
    bytes were imported before (SHA-256 in ``known``: it will be found unchanged), is not
    staged.

    Raises:
        KnownError: the file is not a submission file, damaged, altered or too new.
        sqlite3.IntegrityError: the file carries one record id twice.
    """
    package = open_submission(path, should_stop=should_stop)
    try:
        checked = Checked(package, broken_rows(package), other_problems(package))
        if not (checked.broken or checked.problems) and package.file_sha256 not in known:
            stage_records(checked)
        return checked
    except BaseException:
        package.close()
        raise


def stage_records(checked: Checked) -> Path:
    """The scratch database of the file's records (merge.write_stage), made now if
    the checks did not. Copying has a time budget of its own, apart from the checks'."""
    if checked.stage is None:
        checked.package.restart_budget()
        stage = checked.package.folder / "stage.sqlite"
        merge.write_stage(stage, checked.package.private_copy, progress=checked.package.progress)
        checked.stage = stage
    return checked.stage


@dataclass
class _Pending:
    path: Path
    future: Future
    stop: threading.Event  # this file's own: stopping it leaves the next file's checks be


class ReadAhead:
    """Opens, checks and stages the next submission file of a batch on a second thread
    while the current one merges. That work reads only the file's private copy and writes
    only beside it, never the city's database, so it can overlap the merge (which spends
    most of its time inside SQLite, without Python's global lock). Use as a context
    manager; leaving it stops and closes what was read ahead and not taken."""

    def __init__(
        self,
        paths: list[Path],
        *,
        known: frozenset[str] = frozenset(),
        keep_waiting: Callable[[], bool] | None = None,
    ):
        """``known``: SHA-256 of files imported before (see check_submission).
        ``keep_waiting``, if given, is called about ten times a second while a file's
        checks are awaited (the window keeps painting in it); False stops that file."""
        self._queue = [Path(p) for p in paths if Path(p).suffix.lower() == ".jzsub" and _is_file(p)]
        self._known = known
        self._keep_waiting = keep_waiting
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jzdesk-read-ahead")
        self._pending: _Pending | None = None
        self._start_next()

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc) -> None:
        if self._pending is not None:
            _discard(self._pending)
        self._pool.shutdown(wait=True)

    def _start_next(self) -> None:
        if self._queue:
            path, stop = self._queue.pop(0), threading.Event()
            future = self._pool.submit(
                check_submission, path, should_stop=stop.is_set, known=self._known
            )
            self._pending = _Pending(path, future, stop)

    def take(self, path: Path) -> Checked | None:
        """The checked file for ``path`` (the next .jzsub of the batch), starting on the
        one after it; None when ``path`` was not read ahead.

        Raises:
            KnownError: as check_submission, and when keep_waiting said to stop.
        """
        if self._pending is None or self._pending.path != Path(path):
            return None
        pending, self._pending = self._pending, None
        try:
            self._wait(pending)
            return pending.future.result()
        except BaseException:  # Ctrl+C while waiting, too: the private copy is removed
            _discard(pending)
            raise
        finally:
            self._start_next()

    def _wait(self, pending: _Pending) -> None:
        while self._keep_waiting is not None and not pending.future.done():
            if not self._keep_waiting():
                raise KnownError(f"导入已取消，文件 {pending.path.name} 未导入")
            wait([pending.future], timeout=0.1)


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; False for one whose path the system refuses (too long):
    its import then says why."""
    try:
        return Path(path).is_file()
    except OSError:
        return False


def _discard(pending: _Pending) -> None:
    """Stop a file's checks and close what they opened, whenever they end."""
    pending.stop.set()
    pending.future.add_done_callback(_close_checked)


def _close_checked(future: Future) -> None:
    if not future.cancelled() and future.exception() is None:
        future.result().package.close()
