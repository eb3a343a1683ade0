"""The ledger's slow reads (a search's first page, its 合计) on a connection of their own,
for another thread: the window keeps taking keys while they read, and can stop them."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import sqlite_utils

from jzdesk.domain.records import ActivityRecord, RecordFilter
from jzdesk.errors import KnownError, sqlite_failure
from jzdesk.store.db import open_reader
from jzdesk.usecases import ledger


class SearchReader:
    """Reads of the ledger through a read-only connection to the database at ``path``,
    opened on the first read (in the thread that reads).

    Every read returns None when ``stop`` (called from any thread) cut it short. One
    thread reads at a time; ``close`` once no read runs any more.
    """

    def __init__(self, path: Path | str) -> None:
        self._path = path
        self._db: sqlite_utils.Database | None = None
        self._lock = threading.Lock()  # the connection is not opened or closed under a stop

    def page(
        self, spec: RecordFilter, *, sort: str, descending: bool, limit: int, offset: int = 0
    ) -> list[ActivityRecord] | None:
        """``limit`` records matching ``spec`` from ``offset`` on, in the ledger's order."""
        return self._read(
            lambda db: ledger.list_records(
                db, spec, sort=sort, descending=descending, limit=limit, offset=offset
            )
        )

    def totals(
        self, spec: RecordFilter, every_match: list[ActivityRecord] | None = None
    ) -> dict | None:
        """The 合计 of ``spec``: from ``every_match`` when given (all the matching records),
        else with a pass over the records when the daily totals cannot tell."""
        return self._read(
            lambda db: (
                ledger.totals_at_hand(db, spec, every_match) or ledger.record_totals(db, spec)
            )
        )

    def _read(self, read):
        try:
            return read(self._connection())
        except sqlite3.OperationalError as error:
            failure = sqlite_failure(error)
            if failure == "interrupt":
                return None
            if failure in ("busy", "locked"):  # without WAL (a network share) a long write
                raise KnownError("数据库正被写入，搜索没有完成，请稍后再试") from error
            raise

    def _connection(self) -> sqlite_utils.Database:
        with self._lock:
            if self._db is None:
                self._db = open_reader(self._path)
            return self._db

    def stop(self) -> None:
        """Cut short the read running now, if any (reads started later are not affected)."""
        with self._lock:
            if self._db is not None:
                self._db.conn.interrupt()

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
