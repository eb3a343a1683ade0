"""The seeded plan, the constraints that guard records, and the indexes the queries use."""

import sqlite3
from datetime import date

import pytest

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields
from jzdesk.store import plans, progress, record_queries, records, units
from jzdesk.store.progress import _COUNTS
from jzdesk.usecases import ledger

NOW = "2021-03-05T08:00:00+00:00"


def test_first_open_holds_the_2021_plan(db):
    assert plans.plan_years(db) == [2021]
    entries = plans.plan_entries(db, 2021)
    assert len(entries) == 17
    assert sum(e.quota or 0 for e in entries) == 510
    names = [u.name for u in units.all_units(db)]
    assert names[:3] == ["沁阳市总工会", "孟州市总工会", "博爱县总工会"]
    assert "焦作市总工会" in names and "财贸工会" in names
    minimum_count = db.execute("SELECT COUNT(*) FROM plan_minimums WHERE year = 2021").fetchone()
    assert minimum_count[0] == 13  # 11 county-level + 2 for the city itself


def insert(db, **changes):
    base = {"unit_code": "qinyang", "date": date(2021, 3, 5), "activity_type": ActivityType.ART}
    with db.atomic():
        return records.insert_record(
            db, RecordFields(**{**base, **changes}), entered_by="t", now=NOW
        )


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE records SET sessions = 0",
        "UPDATE records SET audience = -1",
        "UPDATE records SET type = 'dance'",
        "UPDATE records SET unit_code = 'nowhere'",
        "UPDATE records SET date = '5.3.2021'",
        "UPDATE records SET venue_category = '学校'",
        "UPDATE records SET base_revision = revision",
    ],
)
def test_constraints_reject_impossible_records(db, sql):
    insert(db)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(sql)


def test_a_deleted_record_stays_as_a_tombstone_with_a_new_revision(db):
    record_id = insert(db)
    with db.atomic():
        assert records.set_deleted(db, record_id, True, now=NOW, saved_by="t")
    row = db.execute("SELECT deleted, revision, base_revision FROM records").fetchone()
    assert row == (1, 2, 1)
    assert record_queries.list_records(db) == []
    assert not records.set_deleted(db, record_id, True, now=NOW, saved_by="t")


def test_progress_query_reads_the_daily_totals_by_date(db):
    plan = db.execute("EXPLAIN QUERY PLAN " + _COUNTS, ["2021-01-01", "2021-12-31"]).fetchall()
    detail = " ".join(row[-1] for row in plan)
    assert "SEARCH daily_totals USING PRIMARY KEY (date>? AND date<?)" in detail


def test_type_counts_respect_dates_and_tombstones(db):
    insert(db, sessions=2, audience=100, demonstration=True)
    insert(db, date=date(2021, 10, 2), sessions=5)
    gone = insert(db, activity_type=ActivityType.FILM)
    with db.atomic():
        records.set_deleted(db, gone, True, now=NOW, saved_by="t")
    counts = progress.type_counts(db, date(2021, 1, 1), date(2021, 10, 1))
    assert [
        (c.unit_code, c.activity_type, c.sessions, c.demo_sessions, c.audience) for c in counts
    ] == [("qinyang", ActivityType.ART, 2, 2, 100)]


@pytest.mark.parametrize(
    ("path", "remote"),
    [
        ("\\\\server\\share\\jzdesk.sqlite", True),
        ("//server/share/jzdesk.sqlite", True),
        ("\\\\?\\UNC\\server\\share\\jzdesk.sqlite", True),
        ("\\\\?\\C:\\data\\jzdesk.sqlite", False),
    ],
)
def test_a_windows_network_share_is_recognised(path, remote):
    from jzdesk.store import db as store_db

    assert store_db.on_network_share(path, "win32") is remote
    assert store_db.on_network_share(path, "linux") is False


def test_a_database_on_a_network_share_keeps_a_rollback_journal(tmp_path, monkeypatch):
    """SQLite's WAL does not work on network shares (its index lives in shared memory):
    there the database keeps a rollback journal instead."""
    from jzdesk.store import db as store_db

    monkeypatch.setattr(store_db, "on_network_share", lambda path: True)
    database = store_db.open_db(tmp_path / "share.sqlite")
    try:
        assert database.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        ledger.add_record(database, RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART))
        assert len(ledger.list_records(database)) == 1
    finally:
        database.close()
    assert not (tmp_path / "share.sqlite-wal").exists()
