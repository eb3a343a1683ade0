"""检查考核 tab: the ranking follows the rules set in the window, and exports."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields
from jzdesk.usecases import installation, ledger


def test_ranking_follows_the_rules_and_exports(
    open_window, db_path, qtmodeltester, tmp_path, monkeypatch
):
    db = installation.open_database(db_path)
    ledger.add_record(
        db, RecordFields("jiaotong", date(2021, 5, 1), ActivityType.FILM, sessions=110)
    )
    ledger.add_record(db, RecordFields("boai", date(2021, 5, 1), ActivityType.ART, sessions=2))
    db.close()
    window = open_window()
    tab = window.evaluation_tab
    model = tab.model
    qtmodeltester.check(model)
    assert tab.as_of == date(2021, 10, 1)
    assert model.index(0, 1).data() == "交通工会"
    assert "已完成全年任务" in model.index(0, 6).data()
    boai = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "博爱县总工会")
    assert "不足按进度" in model.index(boai, 7).data()
    tab.ui.paceSpin.setValue(0)
    tab.ui.minimumCheck.setChecked(False)
    assert model.index(boai, 7).data() == ""
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    assert tab.export_to(tmp_path / "rank.xlsx")
    ranking = load_workbook(tmp_path / "rank.xlsx").active
    assert ranking["B4"].value == "交通工会"
    formats = {c.column_letter: c.number_format for c in ranking[4]}
    assert formats["A"] == "General" and formats["C"] == "General"  # rank 1 and the quota
    assert (ranking["E4"].value, formats["E"]) == (11, "0.0%")  # 1100.0%, a rate of any size
    assert shown and "rank.xlsx" in shown[0]
