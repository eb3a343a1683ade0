"""The table models obey Qt's model contract (pytest-qt's qtmodeltester)."""

from __future__ import annotations

from datetime import date

from jzdesk import services
from jzdesk.ui.models.quota_model import QuotaTableModel
from jzdesk.ui.models.records_model import RecordsTableModel


def test_quota_model_contract(qtmodeltester, db):
    services.fill_sample_data(db, 300)
    model = QuotaTableModel()
    model.set_report(services.progress_report(db, year=2021, as_of=date(2021, 10, 1)))
    qtmodeltester.check(model)


def test_records_model_contract(qtmodeltester, db):
    services.fill_sample_data(db, 700)
    model = RecordsTableModel()

    def fetch_page(offset, limit):
        return services.list_events(db, limit=limit, offset=offset)

    model.set_source(fetch_page, 700)
    assert model.rowCount() == RecordsTableModel.PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 700 and not model.canFetchMore()
    qtmodeltester.check(model)
