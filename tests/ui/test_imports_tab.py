"""汇总导入 tab: importing many submission files with progress and a results table, the
completeness matrix, what an import changed, settling a conflict, joint events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import date_in_words, parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.store import records
from jzdesk.store.db import open_db
from jzdesk.usecases import completeness, imports, installation, ledger, submission_export


def unit_file(folder: Path, name: str, *titles: str, edit: str | None = None) -> Path:
    """A unit's database with one record per title (on 5 March 2021), exported."""
    folder.mkdir(parents=True, exist_ok=True)
    db = open_db(folder / f"{name}.sqlite")
    unit = installation.resolve_unit(db, name)
    for title in titles:
        ledger.add_record(
            db,
            RecordFields(
                unit.code, date(2021, 3, 5), ActivityType.ART, title=title, venue="人民公园"
            ),
        )
    path = folder / f"{name}.jzsub"
    submission_export.export_submission(db, unit, path, period=parse_period("2021Q1"))
    db.close()
    return path


@pytest.fixture
def files(tmp_path):
    return [unit_file(tmp_path / "units", name, f"{name}演出") for name in ("沁阳", "孟州", "博爱")]


def test_many_files_import_with_a_results_table_and_fill_the_matrix(open_window, files, tmp_path):
    bad = tmp_path / "坏文件.jzsub"
    bad.write_text("not a database", encoding="utf-8")
    window = open_window()
    results = window.import_files([*files, bad])
    assert [r.status for r in results] == ["imported", "imported", "imported", "rejected"]
    table = window.results_dialog.table
    assert table.rowCount() == 4
    assert table.item(3, 1).text() == "未导入" and "不是 jzdesk 上报文件" in table.item(3, 8).text()
    assert "未导入 1 个" in window.results_dialog.summary.text()

    tab = window.imports_tab
    window.ui.tabs.setCurrentWidget(tab)
    tab.ui.asOfEdit.setDate(QDate(date.today()))
    model = tab.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    qinyang = names.index("沁阳市总工会")
    assert model.index(qinyang, 2).data().endswith(("按时 · 待审核", "逾期 · 待审核"))  # received
    hover = model.index(qinyang, 2).data(Qt.ItemDataRole.ToolTipRole)
    today = date_in_words(date.today())
    assert f"{today}报送" in hover and f"{today}导入" in hover and "审核：待审核" in hover
    assert model.index(names.index("温县总工会"), 2).data() == "未报"
    assert tab.ui.logTable.rowCount() == 3


def test_the_matrix_follows_the_deadline_setting_and_the_as_of_day(open_window, files):
    window = open_window()
    window.import_files(files[:1])
    tab = window.imports_tab
    tab.ui.asOfEdit.setDate(QDate(2021, 4, 5))  # before the deadline: others not yet due
    row = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())].index("孟州市总工会")
    assert tab.model.index(row, 2).data() == "未到期"
    tab.ui.deadlineSpin.setValue(0)  # due the day the quarter ends
    assert tab.model.index(row, 2).data() == "未报"
    assert completeness.deadline_days(window.workspace.db, 2021) == 0


def test_selecting_an_import_lists_what_it_changed(open_window, files):
    window = open_window()
    window.import_files(files[:1])
    tab = window.imports_tab
    tab.ui.logTable.selectRow(0)
    assert tab.ui.changesTable.rowCount() == 1
    assert tab.ui.changesTable.item(0, 0).text() == "新增"
    assert "一致" in tab.ui.codeLabel.text()


def test_a_corrected_hand_filled_sheet_shows_what_it_changed(open_window, tmp_path):
    """The corrected sheet's import lists the row it updated and the row it removed, in
    the same words as a submission file's."""
    from openpyxl import Workbook

    def sheet(name: str, rows: list) -> Path:
        book = Workbook()
        ws = book.active
        ws.append(["2021年第一季度“五送”活动情况统计表"])
        ws.append(["填报单位：博爱县总工会"])
        ws.append(
            [
                "序号",
                "活动日期",
                "活动名称",
                "活动地点",
                "送文艺",
                "送电影",
                "送书画",
                "送培训",
                "送讲座",
                "受益职工（人次）",
                "备注",
            ]
        )
        for number, (day, title) in enumerate(rows, start=1):
            ws.append([number, day, title, "", 1, None, None, None, None, 50, None])
        book.save(tmp_path / name)
        return tmp_path / name

    window = open_window()
    window.import_files(
        [sheet("一季度.xlsx", [("2021-01-08", "新春演出"), ("2021-02-03", "送戏")])]
    )
    [result] = window.import_files([sheet("一季度（更正）.xlsx", [("2021-01-09", "新春演出")])])
    assert (result.updated, result.deleted) == (2, 1)
    tab = window.imports_tab
    window.ui.tabs.setCurrentWidget(tab)
    tab.ui.logTable.selectRow(0)  # newest first
    changes = sorted(
        tab.ui.changesTable.item(r, 0).text() for r in range(tab.ui.changesTable.rowCount())
    )
    assert changes == ["修改", "删除"]
    assert tab.ui.logTable.item(0, 5).text() == "1" and tab.ui.logTable.item(0, 6).text() == "1"


def test_a_conflict_is_shown_side_by_side_and_settled(open_window, tmp_path, monkeypatch):
    unit_folder = tmp_path / "unit"
    first = unit_file(unit_folder, "沁阳", "演出")
    window = open_window()
    window.import_files([first])
    db = window.workspace.db
    record_id = db.execute("SELECT id FROM records").fetchone()[0]
    held = records.get_record(db, record_id)
    ledger.update_record(db, record_id, replace(held.fields, audience=77), revision=held.revision)
    unit_db = open_db(unit_folder / "沁阳.sqlite")
    mine = records.get_record(unit_db, record_id)
    ledger.update_record(
        unit_db, record_id, replace(mine.fields, title="演出（改）"), revision=mine.revision
    )
    second = unit_folder / "second.jzsub"
    submission_export.export_submission(
        unit_db, installation.resolve_unit(unit_db, "沁阳"), second, period=parse_period("2021Q1")
    )
    unit_db.close()
    [result] = window.import_files([second])
    assert result.conflicts == 1
    tab = window.imports_tab
    assert tab.ui.conflictsTable.rowCount() == 1
    assert "冲突（1）" in tab.ui.detailTabs.tabText(1)
    tab.ui.conflictsTable.selectRow(0)
    compare = {
        tab.ui.compareTable.item(r, 0).text(): (
            tab.ui.compareTable.item(r, 1).text(),
            tab.ui.compareTable.item(r, 2).text(),
        )
        for r in range(tab.ui.compareTable.rowCount())
    }
    assert compare["活动名称（内容）"] == ("演出", "演出（改）")
    assert compare["受益职工（人次）"] == ("77", "0")
    tab.ui.takeTheirsButton.click()
    assert tab.ui.conflictsTable.rowCount() == 0
    assert records.get_record(db, record_id).fields.title == "演出（改）"


def test_joint_events_are_listed_on_request(open_window, tmp_path):
    a = unit_file(tmp_path / "a", "沁阳", "送戏下乡")
    b = unit_file(tmp_path / "b", "孟州", "送戏下乡文艺演出")
    window = open_window()
    window.import_files([a, b])
    tab = window.imports_tab
    tab.ui.duplicatesButton.click()
    assert tab.ui.duplicatesTable.rowCount() == 1
    assert {tab.ui.duplicatesTable.item(0, 2).text(), tab.ui.duplicatesTable.item(0, 4).text()} == {
        "沁阳市总工会",
        "孟州市总工会",
    }


def test_the_report_tab_exports_a_submission_file(open_window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    window = open_window()
    db = window.workspace.db
    ledger.add_record(db, RecordFields("qinyang", date(2021, 2, 1), ActivityType.FILM))
    tab = window.report_tab
    tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findData("qinyang"))
    path = tmp_path / "out.jzsub"
    assert tab.export_package_to(path)
    assert "1 条记录" in shown[-1]
    city = open_db(tmp_path / "city.sqlite")
    [result] = imports.import_files(city, [path])
    assert (result.status, result.added) == ("imported", 1)
    city.close()


def test_only_the_installations_own_unit_can_send_a_submission_file(open_window):
    window = open_window()
    installation.init_installation(window.workspace.db, "沁阳")
    tab = window.report_tab
    for code, sends in (("qinyang", True), ("mengzhou", False), ("city", False)):
        tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findData(code))
        assert tab.ui.packageButton.isEnabled() == sends, code


def test_changing_the_home_unit_moves_the_submission_button_with_it(open_window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = open_window()
    installation.init_installation(window.workspace.db, "沁阳")
    tab = window.report_tab
    tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findData("qinyang"))
    assert tab.ui.packageButton.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a: ("孟州市总工会", True)))
    window.choose_home_unit()
    assert tab.ui.unitCombo.currentData() == "mengzhou" and tab.ui.packageButton.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a: ("焦作市总工会", True)))
    window.choose_home_unit()
    assert not tab.ui.packageButton.isEnabled()


def test_a_unit_added_to_the_plan_can_become_the_home_unit_of_an_open_window(
    open_window, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    from jzdesk.ui.views.plan_dialog import PlanDialog

    window = open_window()
    tab = window.report_tab  # made before the unit exists
    dialog = PlanDialog(window.workspace, 2021, window)
    qtbot.addWidget(dialog)
    dialog.add_row()
    row = dialog.ui.table.rowCount() - 1
    dialog.ui.table.item(row, 0).setText("文旅工会")
    dialog.ui.table.item(row, 2).setText("8")
    assert dialog.save()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a: ("文旅工会", True)))
    window.choose_home_unit()
    assert tab.unit.name == "文旅工会" and tab.ui.packageButton.isEnabled()
