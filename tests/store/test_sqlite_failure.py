"""SQLite failures are told apart by SQLite's error names, not by English message text."""

from __future__ import annotations

import sqlite3

import pytest

from jzdesk.errors import sqlite_failure


def failure_of(action) -> str:
    with pytest.raises(sqlite3.Error) as caught:
        action()
    return sqlite_failure(caught.value)


def test_real_failures_are_named(tmp_path):
    path = tmp_path / "held.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    assert failure_of(lambda: other.execute("BEGIN IMMEDIATE")) == "busy"
    holder.execute("ROLLBACK")

    text = tmp_path / "text.sqlite"
    text.write_text("not a database at all, just some words to read" * 20, encoding="utf-8")
    assert failure_of(lambda: sqlite3.connect(text).execute("SELECT * FROM t")) == "notadb"
    assert failure_of(lambda: sqlite3.connect(tmp_path / "no" / "such.sqlite")) == "cantopen"

    busy = sqlite3.connect(":memory:")
    busy.set_progress_handler(lambda: 1, 1)
    query = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
    assert failure_of(lambda: busy.execute(query).fetchone()) == "interrupt"


def test_without_error_names_the_fixed_messages_are_read():
    """Python 3.10 has no sqlite_errorname: SQLite's own message for each code is read."""
    assert sqlite_failure(sqlite3.OperationalError("database or disk is full")) == "full"
    assert sqlite_failure(sqlite3.OperationalError("database is locked")) == "busy"
    assert sqlite_failure(ValueError("something else")) == ""
