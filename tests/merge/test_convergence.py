"""Property: for a unit's successive exports, importing any subset in any order, each
file once or more, leaves the city holding exactly the newest imported file's records."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jzdesk.io.submission_file import RECORD_COLUMNS
from jzdesk.io.submission_reader import open_submission
from jzdesk.store import records
from jzdesk.store.db import open_db
from jzdesk.usecases import imports, ledger, sheets

from .conftest import UnitDesk

# One step of the unit's work between two exports.
steps = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(1, 28), st.integers(0, 500)),
        st.tuples(st.just("edit"), st.integers(0, 99), st.integers(0, 500)),
        st.tuples(st.just("delete"), st.integers(0, 99), st.just(0)),
        st.tuples(st.just("restore"), st.integers(0, 99), st.just(0)),
    ),
    min_size=1,
    max_size=5,
)


def work(desk: UnitDesk, ids: list[str], step) -> None:
    action, number, value = step
    if action == "add":
        ids.append(desk.add(f"2021-02-{number:02d}", title=f"活动{len(ids)}", audience=value))
        return
    if not ids:
        return
    record = records.get_record(desk.db, ids[number % len(ids)])
    if action == "edit" and not record.deleted:
        ledger.update_record(
            desk.db, record.id, replace(record.fields, audience=value), revision=record.revision
        )
    elif action == "delete" and not record.deleted:
        ledger.delete_record(desk.db, record.id)
    elif action == "restore" and record.deleted:
        ledger.restore_records(desk.db, [record.id])


def file_state(path) -> dict:
    with open_submission(path) as package:
        cursor = package.conn.execute(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records")
        rows = [dict(zip(RECORD_COLUMNS, row, strict=True)) for row in cursor]
    return {row["id"]: (row["audience"], row["deleted"], row["revision"]) for row in rows}


def city_state(db) -> dict:
    return {
        row[0]: (row[1], row[2], row[3])
        for row in db.execute("SELECT id, audience, deleted, revision FROM records")
    }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=st.lists(steps, min_size=1, max_size=5), data=st.data())
def test_any_subset_in_any_order_converges_to_the_newest_file(tmp_path_factory, history, data):
    folder = tmp_path_factory.mktemp("convergence")
    desk = UnitDesk(folder / "unit", "沁阳")
    ids: list[str] = []
    files = []
    for batch in history:
        for step in batch:
            work(desk, ids, step)
        files.append(desk.export())
    chosen = data.draw(st.lists(st.sampled_from(range(len(files))), min_size=1, max_size=8))
    city = open_db(folder / "city.sqlite")
    try:
        for index in chosen:
            [result] = imports.import_files(city, [files[index]])
            assert result.status != "rejected", result.reason
            assert result.conflicts == 0
            # Every record of the file in exactly one count.
            counted = result.added + result.updated + result.unchanged + result.conflicts
            assert counted == len(file_state(files[index]))
        newest = files[max(chosen)]
        assert city_state(city) == file_state(newest)
        assert city.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        totals = ledger.record_totals(city)
        live = [v for v in file_state(newest).values() if not v[1]]
        assert totals["records"] == len(live) and totals["audience"] == sum(v[0] for v in live)
    finally:
        city.close()
        desk.db.close()


def desk_state(desk: UnitDesk, *, live_only: bool) -> dict:
    """What an export of the unit carries now: every record (a .jzsub, tombstones too) or
    the live ones (its statistics sheet)."""
    where = "WHERE deleted = 0" if live_only else ""
    return {
        row[0]: (row[1], row[2], row[3])
        for row in desk.db.execute(f"SELECT id, audience, deleted, revision FROM records {where}")
    }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=st.lists(steps, min_size=2, max_size=4), data=st.data())
def test_sheets_and_submissions_in_any_order_with_city_corrections(tmp_path_factory, history, data):
    """Files arrive as .jzsub and as the program's .xlsx, in any order, with corrections
    at the city in between: every record the city did not correct ends as the newest
    version any imported file carried, whichever kind and order brought it (PRODUCT §7,
    one rule); every city correction is kept (a later edit from the unit waits as a
    conflict)."""
    from jzdesk.domain.periods import parse_period

    folder = tmp_path_factory.mktemp("kinds")
    desk = UnitDesk(folder / "unit", "沁阳")
    ids = [desk.add(f"2021-02-{day:02d}", title=f"活动{day}", audience=day) for day in (1, 2, 3)]
    files = []  # (path, what it carries)
    for number, batch in enumerate(history):
        for step in batch:
            work(desk, ids, step)
        as_sheet = data.draw(st.booleans()) and desk_state(desk, live_only=True)
        if as_sheet:
            path = sheets.export_sheet_xlsx(
                desk.db, desk.unit, parse_period("2021Q1"), folder / f"sheet-{number}.xlsx"
            )
        else:
            path = desk.export()
        files.append((path, desk_state(desk, live_only=bool(as_sheet))))
    # Every file in some order, a few of them again.
    chosen = data.draw(st.permutations(range(len(files)))) + data.draw(
        st.lists(st.sampled_from(range(len(files))), max_size=2)
    )
    city = open_db(folder / "city.sqlite")
    corrected: dict[str, int] = {}
    try:
        for turn, index in enumerate(chosen):
            live = [
                row[0]
                for row in city.execute("SELECT id FROM records WHERE deleted = 0 ORDER BY id")
            ]
            if live and data.draw(st.integers(0, 2)):
                record = records.get_record(city, data.draw(st.sampled_from(live)))
                corrected[record.id] = 100_000 + turn
                ledger.update_record(
                    city,
                    record.id,
                    replace(record.fields, audience=corrected[record.id]),
                    revision=record.revision,
                )
            path, carried = files[index]
            [result] = imports.import_files(city, [path])
            assert result.status != "rejected", result.reason
            counted = result.added + result.updated + result.unchanged + result.conflicts
            assert counted == len(carried)
            if not corrected:
                assert result.conflicts == 0
        newest: dict[str, tuple] = {}
        for index in chosen:
            for record_id, state in files[index][1].items():
                if record_id not in newest or state[2] > newest[record_id][2]:
                    newest[record_id] = state
        held = city_state(city)
        assert set(held) == set(newest)
        for record_id, state in newest.items():
            if record_id in corrected:
                assert held[record_id][:2] == (corrected[record_id], 0)
            else:
                assert held[record_id] == state
        assert city.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        city.close()
        desk.db.close()
