"""The table models obey Qt's model contract (pytest-qt's qtmodeltester)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from jzdesk.domain.records import RecordFilter
from jzdesk.ui.models.ledger_model import LedgerModel, TotalsModel, column_of
from jzdesk.ui.models.quota_model import QuotaTableModel
from jzdesk.usecases import ledger, progress, samples


def test_quota_model_contract(qtmodeltester, db):
    samples.fill_sample_data(db, 300)
    model = QuotaTableModel()
    model.set_report(progress.progress_report(db, year=2021, as_of=date(2021, 10, 1)))
    qtmodeltester.check(model)


def test_ledger_model_pages_sorts_and_passes_the_contract(qtmodeltester, db):
    samples.fill_sample_data(db, 700)
    edits = []
    model = LedgerModel(db, lambda record, fields: edits.append((record, fields)))
    model.set_filter(RecordFilter())
    assert model.rowCount() == LedgerModel.PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 700 and not model.canFetchMore()
    audience = column_of("audience")
    model.sort(audience, Qt.SortOrder.DescendingOrder)
    values = [int(model.index(row, audience).data()) for row in range(model.rowCount())]
    assert values == sorted(values, reverse=True) and model.rowCount() == LedgerModel.PAGE
    qtmodeltester.check(model)


def test_ledger_cell_edits_go_through_the_function_passed_in(db):
    from jzdesk.domain.activity_types import ActivityType
    from jzdesk.domain.records import RecordFields

    for day in (1, 2, 3):  # art, one session each: every edit below changes something
        ledger.add_record(db, RecordFields("qinyang", date(2021, 3, day), ActivityType.ART))
    edits = []
    model = LedgerModel(db, lambda record, fields: edits.append((record, fields)))
    model.set_filter(RecordFilter())
    failures = []
    model.edit_failed.connect(failures.append)
    assert model.setData(model.index(0, column_of("audience")), "４２")
    assert edits[0][1].audience == 42
    assert not model.setData(model.index(0, column_of("audience")), "很多")
    assert failures and "受益职工" in failures[0]
    assert model.setData(model.index(0, column_of("lecture")), "3")
    assert (edits[1][1].activity_type.value, edits[1][1].sessions) == ("lecture", 3)


def test_totals_model_contract(qtmodeltester, db):
    samples.fill_sample_data(db, 50)
    model = TotalsModel()
    model.set_totals(ledger.record_totals(db))
    qtmodeltester.check(model)
    assert model.index(0, column_of("date")).data() == "合计"
    total = sum(
        int(model.index(0, column_of(k)).data())
        for k in ("art", "film", "calligraphy", "training", "lecture")
    )
    assert total == sum(r.fields.sessions for r in ledger.list_records(db))
