"""Edits, the recycle bin, history, duplicates, filters and totals, through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import MediaItem, RecordFields, RecordFilter
from jzdesk.errors import KnownError
from jzdesk.store import record_queries
from jzdesk.usecases import installation, ledger, report_info, samples


def fields(**changes) -> RecordFields:
    base = {"unit_code": "qinyang", "date": date(2021, 3, 5), "activity_type": T.ART}
    return RecordFields(**{**base, **changes})


def test_an_edit_is_the_next_revision_and_keeps_history(db):
    record_id = ledger.add_record(db, fields(title="文艺演出", audience=100))
    ledger.update_record(
        db,
        record_id,
        fields(title="文艺演出进沁阳钢厂", audience=350, media=(MediaItem("报纸", "http://x"),)),
        revision=1,
    )
    record = ledger.get_record(db, record_id)
    assert (record.revision, record.base_revision) == (2, 1)
    assert record.fields.audience == 350 and record.fields.media == (MediaItem("报纸", "http://x"),)
    history = ledger.record_history(db, record_id)
    assert [h["revision"] for h in history] == [1, 2]
    assert history[0]["state"]["title"] == "文艺演出" and history[1]["state"]["audience"] == 350


def test_an_edit_from_a_stale_revision_is_refused(db):
    record_id = ledger.add_record(db, fields())
    ledger.update_record(db, record_id, fields(audience=5), revision=1)
    with pytest.raises(KnownError):
        ledger.update_record(db, record_id, fields(audience=9), revision=1)
    assert ledger.get_record(db, record_id).fields.audience == 5


def test_an_invalid_edit_changes_nothing(db):
    record_id = ledger.add_record(db, fields(sessions=2))
    with pytest.raises(KnownError) as caught:
        ledger.update_record(db, record_id, fields(sessions=0), revision=1)
    assert caught.value.field == "sessions"
    assert ledger.get_record(db, record_id).fields.sessions == 2


def test_recycle_bin_and_restore(db):
    keep = ledger.add_record(db, fields(title="保留"))
    gone = ledger.add_record(db, fields(title="删除", date=date(2021, 4, 1)))
    ledger.delete_records(db, [gone])
    assert [r.id for r in ledger.list_records(db)] == [keep]
    bin_ = ledger.list_records(db, RecordFilter(deleted=True))
    assert [r.id for r in bin_] == [gone]
    ledger.restore_records(db, [gone])
    assert [r.fields.title for r in ledger.list_records(db)] == ["保留", "删除"]
    assert [h["state"]["deleted"] for h in ledger.record_history(db, gone)] == [False, True, False]


def test_deleting_a_batch_with_one_bad_id_deletes_none(db):
    first = ledger.add_record(db, fields())
    with pytest.raises(KnownError):
        ledger.delete_records(db, [first, "00000000-0000-0000-0000-000000000000"])
    assert len(ledger.list_records(db)) == 1


def test_likely_duplicates(db):
    ledger.add_record(db, fields(venue="沁阳市沁阳钢厂", title="文艺演出"))
    assert ledger.likely_duplicates(db, fields(venue="沁阳钢厂"))
    assert ledger.likely_duplicates(db, fields(title="文艺演出 "))
    assert not ledger.likely_duplicates(db, fields(venue="西向镇", title="送戏下乡"))
    assert not ledger.likely_duplicates(db, fields(venue="沁阳钢厂", activity_type=T.FILM))
    assert not ledger.likely_duplicates(db, fields(venue="沁阳钢厂", date=date(2021, 3, 6)))
    assert not ledger.likely_duplicates(db, fields(venue="沁阳钢厂", unit_code="mengzhou"))


def test_filters_search_sort_and_totals(db):
    ledger.add_record(
        db, fields(title="豫剧专场", venue="月山镇", audience=300, demonstration=True)
    )
    ledger.add_record(
        db, fields(activity_type=T.FILM, sessions=3, venue="焦作万方", date=date(2021, 5, 1))
    )
    ledger.add_record(
        db, fields(activity_type=T.LECTURE, notes="党史 讲座", date=date(2021, 8, 1), audience=50)
    )
    ledger.add_record(db, fields(unit_code="mengzhou", title="豫剧专场"))
    qinyang = ledger.record_filter(unit=installation.resolve_unit(db, "沁阳"))

    def titles(spec, **kwargs):
        return [r.fields.date.month for r in ledger.list_records(db, spec, **kwargs)]

    assert titles(qinyang) == [3, 5, 8]
    assert titles(replace(qinyang, period=parse_period("2021Q2"))) == [5]
    assert titles(replace(qinyang, types=frozenset({T.FILM, T.LECTURE}))) == [5, 8]
    assert titles(replace(qinyang, demonstration=True)) == [3]
    assert titles(replace(qinyang, text="党史")) == [8]
    assert titles(replace(qinyang, text="万方")) == [5]
    assert titles(replace(qinyang, text="100%")) == []
    assert titles(qinyang, sort="audience", descending=True) == [3, 8, 5]
    assert titles(qinyang, sort="film", descending=True) == [5, 3, 8]
    assert titles(qinyang, sort="date", descending=True, limit=2) == [8, 5]
    assert titles(qinyang, sort="date", limit=2, offset=2) == [8]
    totals = ledger.record_totals(db, qinyang)
    assert totals["records"] == 3 and totals["audience"] == 350
    assert totals["sessions"] == {
        T.ART: 1,
        T.FILM: 3,
        T.CALLIGRAPHY: 0,
        T.TRAINING: 0,
        T.LECTURE: 1,
    }


def test_suggestions_come_from_the_units_earlier_entries(db):
    ledger.add_record(db, fields(venue="沁阳钢厂"))
    ledger.add_record(db, fields(venue="月山镇"))
    ledger.add_record(db, fields(unit_code="mengzhou", venue="孟州化工"))
    assert set(ledger.suggestions(db, "qinyang", "venue")) == {"沁阳钢厂", "月山镇"}


def test_header_fields_and_quarter_summaries(db):
    report_info.set_header_fields(db, "qinyang", filler=" 王芳 ", phone="0391-5555555")
    assert report_info.header_fields(db, "qinyang") == {"filler": "王芳", "phone": "0391-5555555"}
    report_info.set_quarter_summary(db, "qinyang", 2021, 1, "一季度共开展活动12场。")
    assert report_info.quarter_summary(db, "qinyang", 2021, 1) == "一季度共开展活动12场。"
    assert report_info.quarter_summary(db, "qinyang", 2021, 2) == ""
    record_id = ledger.add_record(db, fields())
    assert ledger.get_record(db, record_id).entered_by == "王芳"


@pytest.mark.parametrize("sort", ["date", "title", "venue", "audience", "art", "film", "lecture"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("walk_from", [2000, 10], ids=["planner", "walk-index"])
@pytest.mark.parametrize(
    "units", [("qinyang",), ("qinyang", "boai"), None], ids=["one-unit", "two-units", "all-units"]
)
def test_pages_of_any_sort_join_up_to_the_whole_sorted_list(
    db, sort, descending, walk_from, units, monkeypatch
):
    """Whichever plan answers (SQLite's own, one unit's index walked, or the walks of
    several units' indexes merged), pages join up to the list in the ledger's order."""

    monkeypatch.setattr(record_queries, "_WALK_THRESHOLD", walk_from)
    samples.fill_sample_data(db, 300, seed=5)
    spec = RecordFilter(unit_codes=units, period=parse_period("2021"))
    whole = ledger.list_records(db, spec, sort=sort, descending=descending)
    pages = []
    for offset in range(0, len(whole) + 7, 7):
        pages += ledger.list_records(
            db, spec, sort=sort, descending=descending, limit=7, offset=offset
        )
    assert [r.id for r in pages] == [r.id for r in whole]
    assert len(whole) == ledger.record_totals(db, spec)["records"]
    assert units is None or {r.fields.unit_code for r in whole} == set(units)

    def key(record):
        f = record.fields
        if sort in ("title", "venue", "audience"):
            return getattr(f, sort)
        if sort == "date":
            return f.date
        return f.sessions if f.activity_type.value == sort else 0

    keys = [key(r) for r in whole]
    assert keys == sorted(keys, reverse=descending)
    if sort in ("title", "venue", "audience"):  # ties: by date, then id, the same way
        assert whole == sorted(
            whole, key=lambda r: (key(r), r.fields.date, r.id), reverse=descending
        )


@pytest.mark.parametrize("sort", ["title", "venue", "audience"])
@pytest.mark.parametrize("descending", [False, True])
def test_all_units_by_a_column_merge_the_units_index_walks(db, sort, descending):
    """The list of every unit's records by title (venue, audience), either way, is
    SQLite's merge of ordered walks of each unit's index: nothing sorts all the records
    (seconds at a million), only ties of one day."""
    from jzdesk.store import record_queries

    samples.fill_sample_data(db, record_queries._WALK_THRESHOLD + 100, seed=3)
    spec = RecordFilter(period=parse_period("2021"))
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        ledger.list_records(db, spec, sort=sort, descending=descending, limit=50)
    finally:
        db.conn.set_trace_callback(None)
    query = next(s for s in statements if "UNION ALL" in s)
    plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + query)]
    assert "MERGE (UNION ALL)" in plan, plan
    sorts = [step for step in plan if "TEMP B-TREE" in step]
    assert all("RIGHT PART OF ORDER BY" in step for step in sorts), plan


def test_a_unit_named_twice_is_listed_once(db, monkeypatch):

    monkeypatch.setattr(record_queries, "_WALK_THRESHOLD", 10)
    samples.fill_sample_data(db, 300, seed=4)
    twice = RecordFilter(unit_codes=("qinyang", "qinyang", "boai"), period=parse_period("2021"))
    once = RecordFilter(unit_codes=("qinyang", "boai"), period=parse_period("2021"))
    listed = ledger.list_records(db, twice, sort="title")
    assert [r.id for r in listed] == [r.id for r in ledger.list_records(db, once, sort="title")]
    assert len(listed) == ledger.record_totals(db, once)["records"]


@pytest.mark.parametrize("sort", ["number", "date", "title", "venue", "audience"])
@pytest.mark.parametrize("descending", [False, True])
def test_the_merged_walks_list_exactly_what_sqlite_sorting_lists(db, sort, descending, monkeypatch):
    """Ties included (for dates: unit order, then time entered), page by page."""

    samples.fill_sample_data(db, 400, seed=6)
    spec = RecordFilter(period=parse_period("2021"))

    def listed(walk_from: int, offset: int) -> list[str]:
        monkeypatch.setattr(record_queries, "_WALK_THRESHOLD", walk_from)
        page = ledger.list_records(
            db, spec, sort=sort, descending=descending, limit=50, offset=offset
        )
        return [r.id for r in page]

    for offset in (0, 50, 350):
        assert listed(10, offset) == listed(10**9, offset)


def _plan_of_list(db, spec) -> list[str]:
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        ledger.list_records(db, spec, limit=50)
    finally:
        db.conn.set_trace_callback(None)
    query = next(s for s in statements if s.startswith("SELECT r.*"))
    return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + query)]


def test_a_search_over_most_records_reads_the_table_once_and_one_units_uses_its_index(db):
    """A word found nowhere took 170 ms at 100 k through the units' indexes (a jump per
    record) and 50 ms as one pass over the table; one unit's search stays on its index."""
    samples.fill_sample_data(db, 800, seed=7)
    everyone = RecordFilter(period=parse_period("2021"), text="不存在的词")
    assert any(step.startswith("SCAN r") for step in _plan_of_list(db, everyone))
    one_unit = replace(everyone, unit_codes=("qinyang",))
    assert not any(step.startswith("SCAN r") for step in _plan_of_list(db, one_unit))


def test_a_search_lists_and_counts_exactly_the_records_holding_the_word(db):
    samples.fill_sample_data(db, 800, seed=8)
    year = RecordFilter(period=parse_period("2021"))
    every = ledger.list_records(db, year)
    word = "讲座"
    holding = [
        r.id
        for r in every
        if any(word in text for text in (r.fields.title, r.fields.venue, r.fields.notes))
    ]
    assert holding, "the sample data should hold the word"
    search = replace(year, text=word)
    assert [r.id for r in ledger.list_records(db, search)] == holding
    totals = ledger.record_totals(db, search)
    assert totals["records"] == len(holding)
    assert totals["audience"] == sum(r.fields.audience for r in every if r.id in set(holding))


@pytest.mark.parametrize(
    "spec",
    [
        RecordFilter(period=parse_period("2021"), text="讲座"),
        RecordFilter(period=parse_period("2021Q2"), text="送"),
        RecordFilter(unit_codes=("qinyang",), demonstration=True),
        RecordFilter(period=parse_period("2021"), demonstration=False, text="送"),
        RecordFilter(period=parse_period("2021"), deleted=True),
    ],
)
def test_the_totals_of_listed_records_equal_the_totals_query(db, spec):
    """domain.sheet.totals_of (the ledger's 合计 of a search that fits in one page) and
    store.record_queries.totals (its pass over the table) give the same figures."""
    from jzdesk.domain.sheet import totals_of

    samples.fill_sample_data(db, 600, seed=9)
    for record in ledger.list_records(db, RecordFilter(unit_codes=("boai",)))[:40]:
        ledger.delete_record(db, record.id)
    listed = ledger.list_records(db, spec)
    assert listed
    assert totals_of(listed) == ledger.record_totals(db, spec)


def test_the_search_reader_reads_what_the_window_reads_and_sees_later_writes(db, db_path):
    """The search thread's own read-only connection answers as the window's would, and a
    record saved meanwhile is in its next read (WAL: each read sees the latest commit)."""
    from jzdesk.usecases.search_reader import SearchReader

    samples.fill_sample_data(db, 3000, seed=3)
    spec = RecordFilter(period=parse_period("2021"), text="讲座")
    reader = SearchReader(db_path)
    try:
        page = reader.page(spec, sort="title", descending=True, limit=100)
        assert page == ledger.list_records(db, spec, sort="title", descending=True, limit=100)
        assert reader.totals(spec) == ledger.record_totals(db, spec)
        assert reader.totals(spec, page[:3]) == ledger.totals_at_hand(db, spec, page[:3])

        reader.stop()  # nothing running: the reads after it are not cut short
        ledger.add_record(db, fields(activity_type=T.LECTURE, sessions=2, title="法律讲座"))
        assert reader.totals(spec) == ledger.record_totals(db, spec)
    finally:
        reader.close()


def test_the_readers_connection_cannot_write(db, db_path):
    import sqlite3

    from jzdesk.store.db import open_reader

    reader = open_reader(db_path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.execute("DELETE FROM records")
    finally:
        reader.close()


def test_a_search_kept_waiting_by_a_write_without_wal_says_so(db, db_path):
    """On a network share the database has no WAL: a write holding the file past the busy
    timeout (5 s) makes the search thread's read give up with a message, not a bug report."""
    import sqlite3

    from jzdesk.errors import KnownError
    from jzdesk.usecases.search_reader import SearchReader

    spec = RecordFilter(period=parse_period("2021"), text="讲座")
    db.execute("PRAGMA journal_mode = DELETE")  # as open_db keeps a database on a share
    writer = sqlite3.connect(db_path, isolation_level=None)
    reader = SearchReader(db_path)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        with pytest.raises(KnownError, match="数据库正被写入"):
            reader.totals(spec)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        reader.close()
