"""Two programs writing one database: a record added during an import waits for it, and one
file imported by two programs at once is logged once (issue 22, item 6)."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from jzdesk.domain.periods import parse_period
from jzdesk.store.db import open_db
from jzdesk.usecases import imports, sheets


def test_add_event_waits_for_another_programs_write_instead_of_failing(db, db_path, run_cli):
    run_cli("init", "--unit", "沁阳", "--filler", "张三", "--phone", "13800000000")
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program importing a file
    other.execute("UPDATE records SET revision = revision")
    ends = threading.Timer(0.5, other.execute, ["COMMIT"])
    ends.start()
    try:
        added = run_cli("add-event", "--date", "2021-03-05", "--type", "文艺", "--title", "演出")
    finally:
        ends.join()
        other.close()

    assert added.code == 0, added.err
    assert db.execute("SELECT title FROM records").fetchall() == [("演出",)]


@pytest.mark.parametrize("kind", ["submission", "sheet"])
def test_one_file_imported_by_two_programs_at_once_is_logged_once(make_unit, city, tmp_path, kind):
    desk = make_unit()
    desk.add(title="演出")
    if kind == "submission":
        path = desk.export()
    else:
        path = sheets.export_sheet_xlsx(
            desk.db, desk.unit, parse_period("2021Q1"), tmp_path / "q1.xlsx"
        )
    second = open_db(tmp_path / "city" / "city.sqlite")
    results = []

    def the_other_program_imports_it_meanwhile():
        # This import has checked the file and not yet begun to write.
        results.extend(imports.import_files(second, [path]))

    try:
        mine = imports.import_file(city, path, before_write=the_other_program_imports_it_meanwhile)
    finally:
        second.close()

    assert [r.status for r in results] == ["imported"]
    assert mine.status == "unchanged" and "导入过" in mine.reason
    assert city.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 1
    assert city.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 1
