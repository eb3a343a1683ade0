"""The window as a user sees it, driven with qtbot on a real database file."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields
from jzdesk.ui.models.ledger_model import column_of
from jzdesk.ui.models.quota_model import COL_QUOTA, COL_RATE, COL_TOTAL, COL_UNIT, RATE_ROLE
from jzdesk.usecases import installation, ledger, samples


def cell(model, row, column):
    return model.index(row, column).data()


def add(db_path, unit="qinyang", day=date(2021, 3, 5), sessions=1, kind=ActivityType.ART):
    db = installation.open_database(db_path)
    record_id = ledger.add_record(db, RecordFields(unit, day, kind, sessions=sessions))
    db.close()
    return record_id


def test_window_has_chinese_title_menus_and_exactly_the_built_tabs(open_window):
    window = open_window()
    # The program's name comes once, from the display name Qt adds to the shown title.
    assert window.windowTitle() == "本机单位未设置"
    assert QApplication.applicationDisplayName() == "“五送”文化活动进基层统计"
    tabs = window.ui.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "任务分解",
        "活动登记",
        "统计报表",
        "图表",
        "检查考核",
        "汇总导入",
        "审核",
    ]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "查看(&V)", "帮助(&H)"]
    assert not window.ui.sampleBanner.isVisible()


def test_a_tab_is_made_when_first_shown_and_works_as_if_made_at_once(open_window, qtbot, db_path):
    """The window opens having made only the tab it shows; clicking another makes it in
    place, wired to the window (its import button asks for files as before)."""
    from jzdesk.ui.views.charts_tab import ChartsTab
    from jzdesk.ui.views.imports_tab import ImportsTab
    from jzdesk.ui.views.quota_tab import QuotaTab

    window = open_window()
    tabs = window.ui.tabs
    assert isinstance(tabs.currentWidget(), QuotaTab)
    assert not any(isinstance(tabs.widget(i), ChartsTab | ImportsTab) for i in range(7))
    tabs.setCurrentIndex(3)
    assert isinstance(tabs.currentWidget(), ChartsTab) and tabs.tabText(3) == "图表"
    assert tabs.count() == 7
    asked = []
    window.choose_files_to_import = lambda: asked.append(True)  # the file dialog, not shown
    tabs.setCurrentIndex(5)
    imports = tabs.currentWidget()
    assert isinstance(imports, ImportsTab) and imports is window.imports_tab
    qtbot.mouseClick(imports.ui.importButton, Qt.MouseButton.LeftButton)
    assert asked == [True]
    window.close()  # the tabs never shown (records, report) need no saving or cleaning up


def test_quota_table_shows_the_16_units_the_city_and_510(open_window):
    window = open_window()
    model = window.quota_tab.model
    assert model.rowCount() == 18
    names = [cell(model, row, COL_UNIT) for row in range(model.rowCount())]
    assert names[0] == "沁阳市总工会" and names[15] == "财贸工会"
    assert names[16] == "合计" and names[17] == "焦作市总工会（本级）"
    quotas = [cell(model, row, COL_QUOTA) for row in range(16)]
    assert sum(int(q) for q in quotas) == 510
    assert cell(model, 16, COL_QUOTA) == "510"
    assert cell(model, 17, COL_QUOTA) == "—"


def test_quota_table_follows_records_written_by_another_program(open_window, qtbot, db_path):
    window = open_window()
    model = window.quota_tab.model
    window.quota_tab.ui.asOfEdit.setDate(date(2021, 12, 31))
    assert cell(model, 0, COL_TOTAL) == "0"
    add(db_path, sessions=10)  # e.g. `jzdesk add-event` while the window is open
    qtbot.waitUntil(lambda: cell(model, 0, COL_TOTAL) == "10", timeout=5000)
    assert cell(model, 16, COL_TOTAL) == "10"
    assert model.index(0, COL_RATE).data(RATE_ROLE) == 0.2
    assert cell(model, 0, COL_RATE) == "20.0%"


def test_as_of_date_limits_the_count(open_window, db_path):
    add(db_path, day=date(2021, 3, 5))
    add(db_path, day=date(2021, 11, 5))
    window = open_window()
    tab = window.quota_tab
    tab.ui.asOfEdit.setDate(date(2021, 10, 1))
    assert cell(tab.model, 16, COL_TOTAL) == "1"
    tab.ui.asOfEdit.setDate(date(2021, 12, 31))
    assert cell(tab.model, 16, COL_TOTAL) == "2"


def test_double_click_on_a_unit_opens_its_records(open_window, qtbot, db_path):
    add(db_path, unit="mengzhou")
    add(db_path, unit="qinyang")
    window = open_window()
    table = window.quota_tab.ui.table
    rect = table.visualRect(window.quota_tab.sorted.index(1, COL_UNIT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.ui.tabs.currentWidget() is window.records_tab
    records = window.records_tab
    assert records.ui.unitCombo.currentText() == "孟州市总工会"
    assert records.model.rowCount() == 1
    assert records.model.index(0, column_of("unit")).data() == "孟州市总工会"


def test_records_tab_lists_records_like_the_sheet(open_window, db_path):
    add(db_path, sessions=3, kind=ActivityType.FILM)
    window = open_window()
    window.ui.tabs.setCurrentWidget(window.records_tab)
    model = window.records_tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert [h for h in headers if h != "填报单位"][:9] == [
        "序号",
        "活动日期",
        "活动名称（内容）",
        "活动地点（服务对象）",
        "送文艺",
        "送电影",
        "送书画",
        "送培训",
        "送讲座",
    ]
    keys = ("number", "date", "art", "film")
    assert [cell(model, 0, column_of(k)) for k in keys] == ["1", "2021-03-05", "", "3"]
    totals = window.records_tab.totals
    assert totals.index(0, column_of("film")).data() == "3"


def test_records_arrive_page_by_page(open_window, db_path):
    db = installation.open_database(db_path)
    samples.fill_sample_data(db, 1200)
    db.close()
    window = open_window()
    window.ui.tabs.setCurrentWidget(window.records_tab)
    model = window.records_tab.model
    assert model.rowCount() < 1200
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1200
    assert window.ui.sampleBanner.isVisible()


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="the Windows run is under Wine without a display: restoreGeometry fits the window "
    "to an 800-pixel screen that availableGeometry does not report, so sizes cannot match",
)
def test_geometry_is_remembered(open_window):
    window = open_window()
    # A size the screen holds (offscreen: 800×600; under Wine, what its screen gives) and
    # the window's layout allows; the size the window then has is what must come back.
    available = window.screen().availableGeometry()
    window.resize(min(max(window.minimumSizeHint().width(), 600) + 7, available.width() - 10), 530)
    size = (window.width(), window.height())
    window.close()
    again = open_window()
    assert (again.width(), again.height()) == size


def test_bundled_font_and_chinese_dialogs(app):
    from jzdesk.app import register_font

    assert register_font() == "WenQuanYi Micro Hei"
    assert "WenQuanYi Micro Hei" in app.font().families()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    message = QMessageBox(
        QMessageBox.Icon.Question,
        "t",
        "t",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    assert message.button(QMessageBox.StandardButton.Yes).text().startswith("是")


def test_quota_table_sorts_by_any_column_keeping_the_total_at_the_bottom(open_window, db_path):
    add(db_path, unit="jiaotong", sessions=9)  # 90 %
    add(db_path, unit="boai", sessions=10)  # 20 %
    window = open_window()
    tab = window.quota_tab
    tab.ui.asOfEdit.setDate(date(2021, 12, 31))
    view = tab.ui.table
    sorted_model = tab.sorted

    def names():
        return [sorted_model.index(r, COL_UNIT).data() for r in range(sorted_model.rowCount())]

    view.sortByColumn(COL_RATE, Qt.SortOrder.DescendingOrder)
    assert names()[:2] == ["交通工会", "博爱县总工会"]
    assert names()[-2:] == ["合计", "焦作市总工会（本级）"]
    view.sortByColumn(COL_RATE, Qt.SortOrder.AscendingOrder)
    assert names()[-3:] == ["交通工会", "合计", "焦作市总工会（本级）"]
    view.sortByColumn(COL_QUOTA, Qt.SortOrder.DescendingOrder)
    assert (
        names()[0]
        in {
            "沁阳市总工会",
            "孟州市总工会",
            "博爱县总工会",
            "武陟县总工会",
            "温县总工会",
            "修武县总工会",
        }
        and names()[-2] == "合计"
    )


def test_quota_columns_fit_their_text_after_a_refresh(open_window, db_path):
    window = open_window()
    tab = window.quota_tab
    table, model = tab.ui.table, tab.model
    metrics = table.fontMetrics()

    def fits(column: int) -> bool:
        texts = [cell(model, row, column) or "" for row in range(model.rowCount())]
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        return table.columnWidth(column) >= widest

    assert fits(COL_UNIT) and fits(COL_TOTAL)
    for _ in range(12):
        add(db_path, sessions=1000)  # a total far wider than before
    tab.ui.asOfEdit.setDate(date(2021, 12, 31))
    tab.refresh()
    assert cell(model, 0, COL_TOTAL) == "12000" and fits(COL_TOTAL)
