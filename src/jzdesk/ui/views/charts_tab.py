"""图表 tab: completion by unit, sessions by type, the cumulative line against pace, audience."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import quarter_period, year_period
from jzdesk.ui.forms.ui_charts_tab import Ui_ChartsTab
from jzdesk.ui.preferences import ask_save_path
from jzdesk.usecases import installation, progress

_QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
CHART_NAMES = ("完成率", "分类场次", "累计进度", "受益人次")


def short_name(name: str) -> str:
    """A unit's name as an axis has room for: 沁阳市总工会 → 沁阳市, 焦煤工会 → 焦煤."""
    return name.replace("总工会", "").replace("工会", "") or name


def rate_axis_top(highest_percent: float) -> float:
    """The completion axis's end: past the highest rate (at least the full quota's 100 %)
    with room for its label, in steps of 20 % so that the ticks stay round; 105 % makes
    120 %, 111 % makes 140 %."""
    return 20.0 * ((max(100.0, highest_percent) + 10) // 20 + 1)


class ChartsTab(QWidget):
    """Four charts of the same numbers the quota table shows, rebuilt on every change."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_ChartsTab()
        self.ui.setupUi(self)
        self._workspace = workspace
        self._stale = True
        db = workspace.db
        for year in reversed(installation.plan_years(db)):
            self.ui.periodCombo.addItem(f"{year}年全年", year_period(year))
            for quarter, name in enumerate(_QUARTERS, start=1):
                self.ui.periodCombo.addItem(f"{year}年{name}", quarter_period(year, quarter))
        self.ui.unitCombo.addItem("全部单位", None)
        for unit in installation.all_units(db):
            self.ui.unitCombo.addItem(unit.name, unit.code)
        self.views = {}
        for name in CHART_NAMES:
            view = QChartView(QChart())
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.views[name] = view
            self.ui.charts.addTab(view, name)
        self.ui.periodCombo.currentIndexChanged.connect(self.refresh)
        self.ui.unitCombo.currentIndexChanged.connect(self.refresh)
        self.ui.copyButton.clicked.connect(self.copy_chart)
        self.ui.saveButton.clicked.connect(self.choose_file)
        workspace.records_changed.connect(self._on_records_changed)

    def _on_records_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        code = self.ui.unitCombo.currentData()
        data = progress.chart_data(
            self._workspace.db,
            self.ui.periodCombo.currentData(),
            unit_codes=None if code is None else {code},
        )
        self.data = data
        scope = self.ui.unitCombo.currentText()
        self._completion(data)
        self._by_type(data, scope)
        self._cumulative(data, scope)
        self._audience(data, scope)

    # -- the four charts -----------------------------------------------------------------
    def _fresh_chart(self, name: str, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        old = self.views[name].chart()
        self.views[name].setChart(chart)
        old.deleteLater()
        return chart

    def _completion(self, data) -> None:
        chart = self._fresh_chart(
            "完成率", f"各单位完成率（截至{data.period_label}末，按完成率排序）"
        )
        names = [short_name(name) for name, *_ in reversed(data.completion)]
        done = QBarSet("完成率（%）")
        done.append([rate * 100 for _, rate, _, _ in reversed(data.completion)])
        done.setColor(QColor("#4f8fd6"))
        details = list(reversed(data.completion))
        done.hovered.connect(
            lambda status, index: self._tip(
                status,
                f"{details[index][0]}：完成 {details[index][2]}/{details[index][3]} 场，"
                f"{details[index][1]:.1%}",
            )
        )
        series = QHorizontalBarSeries()
        series.append(done)
        _label_bars(series, "@value%", QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        done.setLabelColor(QColor("#1f2d3d"))
        chart.addSeries(series)
        names_axis = QBarCategoryAxis()
        names_axis.append(names)
        value_axis = QValueAxis()
        highest = max([0.0, *(rate * 100 for _, rate, _, _ in data.completion)])
        value_axis.setRange(0, rate_axis_top(highest))
        value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        value_axis.setTickAnchor(0)
        value_axis.setTickInterval(20 if highest <= 200 else 50)
        value_axis.setLabelFormat("%d%%")
        chart.addAxis(names_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names_axis)
        series.attachAxis(value_axis)
        # Markers: the full quota (100 %) and where an even pace would stand.
        markers = [("全年任务 100%", 100.0, "#1e7b34")]
        if data.pace_share < 0.995:  # at the year's end the pace marker is the quota marker
            markers.append((f"按进度 {data.pace_share:.0%}", data.pace_share * 100, "#f2a65a"))
        for label, value, colour in markers:
            marker = QLineSeries()
            marker.setName(label)
            marker.append([QPointF(value, -0.5), QPointF(value, len(names) - 0.5)])
            marker.setPen(QPen(QColor(colour), 2, Qt.PenStyle.DashLine))
            chart.addSeries(marker)
            marker.attachAxis(value_axis)
            hidden = QValueAxis()
            hidden.setRange(-0.5, len(names) - 0.5)
            hidden.setVisible(False)
            chart.addAxis(hidden, Qt.AlignmentFlag.AlignRight)
            marker.attachAxis(hidden)

    def _by_type(self, data, scope: str) -> None:
        chart = self._fresh_chart("分类场次", f"各单位分类场次（{data.period_label}，{scope}）")
        series = QStackedBarSeries()
        names = [name for name, _ in data.by_type]
        for kind in ActivityType:
            bar = QBarSet(kind.label)
            bar.setColor(QColor(kind.colour))
            bar.append([float(done[kind]) for _, done in data.by_type])
            bar.hovered.connect(
                lambda status, index, kind=kind: self._tip(
                    status, f"{names[index]} {kind.label}：{data.by_type[index][1][kind]} 场"
                )
            )
            series.append(bar)
        _label_bars(series, "@value", QAbstractBarSeries.LabelsPosition.LabelsCenter)
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([short_name(name) for name in names])
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        values = QValueAxis()
        values.setLabelFormat("%d")
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        # Set the range itself: with no sessions yet, Qt's own would be [0, 0] (NaN ticks).
        values.setRange(0, max([sum(counts.values()) for _, counts in data.by_type] + [1]))
        values.applyNiceNumbers()

    def _cumulative(self, data, scope: str) -> None:
        chart = self._fresh_chart("累计进度", f"累计完成场次与均衡进度（{scope}）")
        done, pace = QLineSeries(), QLineSeries()
        done.setName("累计完成")
        pace.setName("按进度应完成")
        pace.setPen(QPen(QColor("#f2a65a"), 2, Qt.PenStyle.DashLine))
        for month, (total, target) in enumerate(zip(data.cumulative, data.pace_line, strict=True)):
            done.append(month, total)
            pace.append(month, target)
        done.setPointsVisible(True)
        done.setPointLabelsVisible(True)  # the numbers travel with a saved or copied chart
        done.setPointLabelsFormat("@yPoint")
        done.hovered.connect(
            lambda point, state: self._tip(
                state, f"{int(point.x()) + 1}月底累计 {int(point.y())} 场"
            )
        )
        months = QBarCategoryAxis()
        months.append(list(data.months))
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([*data.cumulative, *data.pace_line, 1]) * 1.1)
        values.applyNiceNumbers()
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in (done, pace):
            chart.addSeries(series)
            series.attachAxis(months)
            series.attachAxis(values)

    def _audience(self, data, scope: str) -> None:
        chart = self._fresh_chart(
            "受益人次", f"各类活动受益职工人次（{data.period_label}，{scope}）"
        )
        series = QPieSeries()
        total = sum(data.audience.values()) or 1
        for kind in ActivityType:
            people = data.audience[kind]
            if not people:
                continue
            piece = series.append(f"{kind.label} {people} 人次（{people / total:.0%}）", people)
            piece.setColor(QColor(kind.colour))
            piece.setLabelVisible(True)
        series.hovered.connect(lambda piece, state: self._tip(state, piece.label()))
        chart.addSeries(series)

    def _tip(self, shown: bool, text: str) -> None:
        if shown:
            QToolTip.showText(QCursor.pos(), text)
        else:
            QToolTip.hideText()

    # -- export --------------------------------------------------------------------------
    def current_picture(self):
        return self.ui.charts.currentWidget().grab()

    def copy_chart(self) -> None:
        QApplication.clipboard().setPixmap(self.current_picture())

    def choose_file(self) -> None:
        name = f"{self.ui.charts.tabText(self.ui.charts.currentIndex())}-{date.today().isoformat()}.png"
        path = ask_save_path(self, "保存图表", "charts", name, "PNG 图片 (*.png)")
        if path:
            self.save_picture(path)

    def save_picture(self, path: Path) -> bool:
        return self.current_picture().save(str(path.with_suffix(".png")), "PNG")


def _label_bars(series, text: str, position) -> None:
    """Numbers on the bars, so that a chart pasted into a report can be read."""
    series.setLabelsVisible(True)
    series.setLabelsFormat(text)
    series.setLabelsPrecision(3)  # 96.67 % shows as 96.7 %, 106.7 % as 107 %
    series.setLabelsPosition(position)
