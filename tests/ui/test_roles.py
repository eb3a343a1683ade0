"""One program, two roles (PRODUCT §2): a unit's installation shows none of the city's
views and takes its plan from the city's file (issue 14, defect 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jzdesk.store import plans
from jzdesk.ui.views.main_window import TABS
from jzdesk.usecases import installation, planning


def open_as(open_window, db_path, unit: str):
    db = installation.open_database(db_path)
    installation.init_installation(db, unit)
    db.close()
    return open_window()


def city_views(window) -> dict[str, bool]:
    """Which of the city's controls the window shows."""
    quota, report = window.quota_tab.ui, window.report_tab.ui
    return {
        "编辑计划": not quota.editPlanButton.isHidden(),
        "新建下一年度": not quota.newYearButton.isHidden(),
        "导出全市汇总表": not report.summaryButton.isHidden(),
        "汇总导入": window.ui.tabs.isTabVisible(list(TABS).index("imports")),
        "导入市总计划文件": not quota.importPlanButton.isHidden(),
    }


@pytest.mark.parametrize(
    ("unit", "city"), [("温县", False), ("市总本级", True)], ids=["unit", "city"]
)
def test_only_the_city_shows_the_citys_views(open_window, db_path, unit, city):
    window = open_as(open_window, db_path, unit)
    shown = city_views(window)
    assert shown == {
        "编辑计划": city,
        "新建下一年度": city,
        "导出全市汇总表": city,
        "汇总导入": city,
        "导入市总计划文件": not city,
    }


def test_a_unit_takes_the_citys_plan_file(open_window, db_path, tmp_path, monkeypatch):
    city = installation.open_database(tmp_path / "city.sqlite")
    installation.init_installation(city, "市总本级")
    units = {u.code: u for u in installation.all_units(city)}
    lines = [
        planning.PlanLine(
            e.unit_code,
            units[e.unit_code].name,
            units[e.unit_code].short_name,
            55 if e.unit_code == "wenxian" else e.quota,
            e.minimums,
        )
        for e in plans.plan_entries(city, 2021)
    ]
    planning.save_plan(city, 2021, lines)
    plan_file = tmp_path / "2021年任务分解表.xlsx"
    planning.export_quota_table(city, 2021, plan_file)
    city.close()

    window = open_as(open_window, db_path, "温县")
    told = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(plan_file), ""))
    )
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    window.show_tab("quota")
    window.quota_tab.ui.importPlanButton.click()
    assert "修改 1 个单位" in told[0]
    quotas = {e.unit_code: e.quota for e in plans.plan_entries(window.workspace.db, 2021)}
    assert quotas["wenxian"] == 55


def test_the_role_follows_a_change_of_home_unit(open_window, db_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = open_as(open_window, db_path, "市总本级")
    assert city_views(window)["汇总导入"]
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a: ("温县总工会", True)))
    window.ui.actionHomeUnit.trigger()
    assert not any(v for k, v in city_views(window).items() if k != "导入市总计划文件")


def test_quota_import_on_a_units_installation_takes_the_citys_file(run_cli, tmp_path: Path):
    assert run_cli("init", "--unit", "温县").code == 0
    plan_file = tmp_path / "plan.xlsx"
    assert run_cli("quota", "export", str(plan_file)).code == 0
    result = run_cli("quota", "import", str(plan_file))
    assert result.code == 0 and "2021 年任务" in result.out


def test_screenshots_of_a_units_installation_leave_out_the_citys_tab(
    open_window, db_path, tmp_path
):
    from jzdesk.app import save_screenshots

    window = open_as(open_window, db_path, "温县")
    shots = save_screenshots(window, tmp_path / "shots")
    assert [path.stem for path in shots] == [name for name in TABS if name != "imports"]
