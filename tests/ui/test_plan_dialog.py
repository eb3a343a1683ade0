"""Editing the plan from the 任务分解 tab."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from jzdesk.store import plans
from jzdesk.ui.views.plan_dialog import PlanDialog
from jzdesk.usecases import installation, planning


def test_edit_quota_add_a_unit_and_save(open_window, qtbot, monkeypatch):
    window = open_window()
    dialog = PlanDialog(window.workspace, 2021, window)
    qtbot.addWidget(dialog)
    table = dialog.ui.table
    assert table.rowCount() == 17 and table.item(0, 0).text() == "沁阳市总工会"
    assert table.item(16, 3).text() == "示范性文艺演出≥10；示范性送电影≥20"
    table.item(0, 2).setText("５５")
    dialog.add_row()
    row = table.rowCount() - 1
    table.item(row, 0).setText("文旅工会")
    table.item(row, 2).setText("8")
    assert dialog.save()
    db = window.workspace.db
    quotas = {e.unit_code: e.quota for e in plans.plan_entries(db, 2021)}
    assert quotas["qinyang"] == 55 and 8 in quotas.values()
    model = window.quota_tab.model
    total_row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "合计")
    assert total_row == 17 and model.index(total_row, 1).data() == str(510 + 5 + 8)
    assert {e["what"] for e in planning.audit_log(db, 2021)} == {"quota", "add_unit"}


def test_bad_cells_are_named_and_nothing_is_saved(open_window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: shown.append(a[2])))
    window = open_window()
    dialog = PlanDialog(window.workspace, 2021, window)
    qtbot.addWidget(dialog)
    dialog.ui.table.item(2, 2).setText("很多")
    assert not dialog.save()
    assert "第 3 行“博爱县总工会”的任务场次“很多”不是整数" in shown[0]
    dialog.ui.table.item(2, 2).setText("50")
    dialog.ui.table.item(2, 3).setText("跳舞≥3")
    assert not dialog.save() and "跳舞" in shown[1]
    assert planning.audit_log(window.workspace.db, 2021) == []


def test_next_year_from_the_tab(open_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    window = open_window()
    window.quota_tab.start_next_year()
    assert window.quota_tab.year == 2022
    assert installation.plan_years(window.workspace.db) == [2021, 2022]
    assert window.quota_tab.model.index(16, 1).data() == "510"
