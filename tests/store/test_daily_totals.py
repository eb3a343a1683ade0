"""The trigger-kept daily totals always equal a GROUP BY over the live records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields, RecordFilter
from jzdesk.store.db import open_db
from jzdesk.usecases import ledger, progress, samples

fields = st.builds(
    RecordFields,
    unit_code=st.sampled_from(["qinyang", "mengzhou", "city"]),
    date=st.dates(date(2021, 1, 1), date(2021, 1, 5)),
    activity_type=st.sampled_from(list(ActivityType)),
    sessions=st.integers(1, 5),
    audience=st.integers(0, 300),
    demonstration=st.booleans(),
)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), fields),
        st.tuples(st.just("edit"), fields),
        st.tuples(st.just("delete"), st.none()),
        st.tuples(st.just("restore"), st.none()),
    ),
    max_size=25,
)


def recomputed(db):
    return db.execute(
        "SELECT date, unit_code, type, COUNT(*), SUM(sessions), SUM(sessions * demonstration), "
        "SUM(audience) FROM records WHERE deleted = 0 GROUP BY date, unit_code, type "
        "ORDER BY date, unit_code, type"
    ).fetchall()


def kept(db):
    return db.execute(
        "SELECT date, unit_code, type, records, sessions, demo_sessions, audience FROM daily_totals "
        "WHERE records > 0 ORDER BY date, unit_code, type"
    ).fetchall()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations)
def test_daily_totals_follow_every_write(tmp_path_factory, steps):
    db = open_db(tmp_path_factory.mktemp("totals") / "t.sqlite")
    live, gone = [], []
    for action, value in steps:
        if action == "add":
            live.append(ledger.add_record(db, value))
        elif action == "edit" and live:
            record = ledger.get_record(db, live[0])
            ledger.update_record(db, record.id, replace(value), revision=record.revision)
        elif action == "delete" and live:
            ledger.delete_records(db, [live[-1]])
            gone.append(live.pop())
        elif action == "restore" and gone:
            ledger.restore_records(db, [gone[-1]])
            live.append(gone.pop())
        assert kept(db) == recomputed(db)
    db.close()


def test_totals_are_built_for_records_that_existed_before_the_migration(tmp_path):
    import sqlite_utils

    from jzdesk.store.migrations import MIGRATIONS, migrate

    path2 = tmp_path / "old2.sqlite"
    old = sqlite_utils.Database(path2)
    before = [name for name, _ in MIGRATIONS].index("add_daily_totals")
    migrate(old, target=before)
    old.conn.execute("PRAGMA foreign_keys = ON")
    from jzdesk.domain.sample_records import sample_rows
    from jzdesk.store import records

    columns = records.FIELD_COLUMNS + (
        "id",
        "entered_by",
        "sample",
        "revision",
        "base_revision",
        "created_at",
        "updated_at",
    )
    with old.atomic():
        old.conn.executemany(
            f"INSERT INTO records ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            sample_rows(200, seed=7, now="2021-12-31T00:00:00+00:00"),
        )
    old.close()
    db = open_db(path2)
    assert kept(db) == recomputed(db) and len(kept(db)) > 50
    db.close()


@pytest.mark.parametrize("period, aggregates", [("2021", 1), ("2021Q3", 2)])
def test_chart_data_counts_each_date_range_once_and_right(db, period, aggregates):
    """The 图表 tab's numbers: completion to the period's end, sessions and audience in the
    period; a whole year's period and its year are one aggregate, not two."""
    from jzdesk.domain.activity_types import ActivityType
    from jzdesk.domain.periods import parse_period

    samples.fill_sample_data(db, 400, seed=8)
    chosen = parse_period(period)
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        charts = progress.chart_data(db, chosen)
    finally:
        db.conn.set_trace_callback(None)
    assert sum("GROUP BY unit_code, type" in s for s in statements) == aggregates
    year = progress.progress_report(db, year=2021, as_of=chosen.end)
    assert sorted(charts.completion) == sorted(
        (u.unit.name, u.rate or 0.0, u.total, u.quota) for u in year.with_quota
    )
    in_period = progress.period_report(db, chosen)
    assert charts.by_type == tuple((u.unit.name, dict(u.done)) for u in in_period.with_quota)
    spec = RecordFilter(period=chosen)
    people = {
        kind: ledger.record_totals(db, replace(spec, types=frozenset({kind})))["audience"]
        for kind in ActivityType
    }
    assert charts.audience == people
