"""图表 tab: the series hold the numbers (read from the chart objects, not pixels)."""

from __future__ import annotations

from datetime import date

from PIL import Image
from PySide6.QtCharts import QHorizontalBarSeries, QLineSeries, QPieSeries, QStackedBarSeries
from PySide6.QtWidgets import QApplication

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.records import RecordFields
from jzdesk.usecases import installation, ledger


def values(bar_set) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]


def series_of(tab, name, kind):
    return [s for s in tab.views[name].chart().series() if isinstance(s, kind)]


def test_chart_series_carry_the_numbers(open_window, db_path, tmp_path):
    db = installation.open_database(db_path)
    for unit, day, kind, sessions, audience in (
        ("jiaotong", date(2021, 2, 10), T.FILM, 5, 100),
        ("jiaotong", date(2021, 3, 10), T.ART, 3, 300),
        ("qinyang", date(2021, 3, 15), T.ART, 10, 1000),
        ("city", date(2021, 3, 20), T.FILM, 7, 50),
    ):
        ledger.add_record(db, RecordFields(unit, day, kind, sessions=sessions, audience=audience))
    db.close()
    window = open_window()
    tab = window.charts_tab
    window.ui.tabs.setCurrentWidget(tab)
    [bars] = series_of(tab, "完成率", QHorizontalBarSeries)
    rates = values(bars.barSets()[0])
    assert rates[-1] == 80.0  # 交通 8/10 at the top (the axis runs bottom-up)
    assert rates[-2] == 20.0  # 沁阳 10/50
    [stacked] = series_of(tab, "分类场次", QStackedBarSeries)
    sets = {s.label(): values(s) for s in stacked.barSets()}
    assert set(sets) == {k.label for k in T}
    assert sets["送电影"][12] == 5 and sets["送文艺"][12] == 3 and sets["送文艺"][0] == 10
    assert all(s.color().name() == k.colour for s, k in zip(stacked.barSets(), T, strict=True))
    done, pace = series_of(tab, "累计进度", QLineSeries)
    assert [p.y() for p in done.points()][:4] == [0, 5, 18, 18]  # the city's 7 are not in 附件1
    assert pace.points()[11].y() == 510
    [pie] = series_of(tab, "受益人次", QPieSeries)
    assert sorted(piece.value() for piece in pie.slices()) == [150, 1300]
    tab.ui.unitCombo.setCurrentIndex(tab.ui.unitCombo.findData("jiaotong"))
    done, pace = series_of(tab, "累计进度", QLineSeries)
    assert [p.y() for p in done.points()][:3] == [0, 5, 8] and pace.points()[11].y() == 10
    assert tab.save_picture(tmp_path / "chart.png")
    with Image.open(tmp_path / "chart.png") as picture:
        assert picture.size[0] > 300 and len(picture.convert("RGB").getcolors(1 << 16) or []) > 20
    tab.copy_chart()
    assert not QApplication.clipboard().pixmap().isNull()


def test_a_saved_chart_carries_its_numbers_and_the_rate_axis_follows_the_rates(
    open_window, db_path
):
    """Issue 14: value labels (a chart pasted into a report must be readable), an axis
    just past the highest rate, unit names that fit."""
    from PySide6.QtCharts import QValueAxis

    from jzdesk.ui.views.charts_tab import rate_axis_top, short_name

    assert [rate_axis_top(r) for r in (0, 80, 100, 105, 111, 260)] == [120] * 4 + [140, 280]
    assert (short_name("沁阳市总工会"), short_name("焦煤工会")) == ("沁阳市", "焦煤")
    db = installation.open_database(db_path)
    ledger.add_record(db, RecordFields("jiaotong", date(2021, 2, 10), T.FILM, sessions=25))
    db.close()
    window = open_window()
    tab = window.charts_tab
    window.ui.tabs.setCurrentWidget(tab)
    chart = tab.views["完成率"].chart()
    [bars] = series_of(tab, "完成率", QHorizontalBarSeries)
    [stacked] = series_of(tab, "分类场次", QStackedBarSeries)
    assert bars.isLabelsVisible() and stacked.isLabelsVisible()
    [rates] = [a for a in chart.axes() if isinstance(a, QValueAxis) and a.isVisible()]
    assert rates.max() == 280  # 交通 25/10 = 250 %, and room for its label
    assert "交通" in chart.axes()[0].categories()
    done, _ = series_of(tab, "累计进度", QLineSeries)
    assert done.pointLabelsVisible()
