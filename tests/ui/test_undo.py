"""Undo never overwrites a change saved by someone else since."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.records import RecordFields
from jzdesk.store.db import open_db
from jzdesk.usecases import ledger


def test_undo_of_an_edit_refuses_to_overwrite_a_later_change(open_window, db_path, qtbot):
    window = open_window()
    errors = []
    window.workspace.error.disconnect()
    window.workspace.error.connect(errors.append)
    db = window.workspace.db
    record_id = window.workspace.add_event(RecordFields("qinyang", date(2021, 3, 5), T.ART))
    record = ledger.get_record(db, record_id)
    window.workspace.update_event(record, replace(record.fields, audience=50))
    other = open_db(db_path)  # e.g. an import from the command line meanwhile
    now = ledger.get_record(other, record_id)
    ledger.update_record(
        other, record_id, replace(now.fields, notes="市总修改"), revision=now.revision
    )
    other.close()
    window.undo_action.trigger()
    assert errors and "无法撤销" in errors[0]
    kept = ledger.get_record(db, record_id)
    assert (kept.fields.audience, kept.fields.notes) == (50, "市总修改")
