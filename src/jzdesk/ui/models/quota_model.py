"""The quota table (附件1) with live progress: one row per plan unit and a 合计 row."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.progress import ProgressReport, UnitProgress

_ROOT = QModelIndex()  # the invisible root: a table has no children

RATE_ROLE = Qt.ItemDataRole.UserRole + 1  # completion rate as a float, for the bar delegate
UNIT_CODE_ROLE = Qt.ItemDataRole.UserRole + 2
BAR_COLOUR_ROLE = Qt.ItemDataRole.UserRole + 3  # the rate bar's fill: on pace or behind

_TYPES = tuple(ActivityType)
HEADERS = (
    "单位",
    "任务场次",
    *(kind.label for kind in _TYPES),
    "合计",
    "完成率",
    "应完成（按进度）",
    "受益职工（人次）",
    "最低要求",
)
COL_UNIT, COL_QUOTA = 0, 1
COL_FIRST_TYPE = 2
COL_TOTAL = COL_FIRST_TYPE + len(_TYPES)
COL_RATE, COL_PACE, COL_AUDIENCE, COL_MINIMUMS = range(COL_TOTAL + 1, COL_TOTAL + 5)

BEHIND = QColor("#b3261e")
MET = QColor("#1e7b34")
BAR_ON_PACE = QColor("#7cc38a")
BAR_BEHIND = QColor("#f2a65a")


class QuotaTableModel(QAbstractTableModel):
    """Read-only view of a ProgressReport; set_report swaps in a fresh one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._report: ProgressReport | None = None
        self._rows: list[UnitProgress | None] = []  # None stands for the 合计 row

    def set_report(self, report: ProgressReport) -> None:
        """Units with a quota, their 合计 (as in 附件1), then units without one (the city)."""
        self.beginResetModel()
        self._report = report
        self._rows = [*report.with_quota, None, *report.without_quota]
        self.endResetModel()

    @property
    def report(self) -> ProgressReport | None:
        return self._report

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def group(self, row: int) -> int:
        """0 for a unit with a quota, 1 for the 合计 row, 2 for a unit without a quota."""
        item = self._rows[row]
        return 1 if item is None else (0 if item.quota is not None else 2)

    def is_total_row(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row] is None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._report is None:
            return None
        row, column = index.row(), index.column()
        if self.is_total_row(row):
            return self._total_data(column, role)
        unit = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._unit_text(unit, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == RATE_ROLE and column == COL_RATE:
            return unit.rate
        if role == BAR_COLOUR_ROLE:
            return BAR_BEHIND if unit.behind_pace else BAR_ON_PACE
        if role == UNIT_CODE_ROLE:
            return unit.unit.code
        if role == SORT_ROLE:
            return self._sort_value(unit, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._unit_colour(unit, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._unit_tooltip(unit, column)
        return None

    def _unit_text(self, unit: UnitProgress, column: int) -> str:
        if column == COL_UNIT:
            return unit.unit.name if unit.quota is not None else f"{unit.unit.name}（本级）"
        if column == COL_QUOTA:
            return "—" if unit.quota is None else str(unit.quota)
        if COL_FIRST_TYPE <= column < COL_TOTAL:
            return str(unit.done[_TYPES[column - COL_FIRST_TYPE]])
        if column == COL_TOTAL:
            return str(unit.total)
        if column == COL_RATE:
            return "—" if unit.rate is None else f"{unit.rate:.1%}"
        if column == COL_PACE:
            return "—" if unit.pace is None else f"{unit.pace:.0f}"
        if column == COL_AUDIENCE:
            return str(unit.audience)
        return "；".join(
            f"{_short(s.minimum.label)} {s.achieved}/{s.minimum.at_least}{'' if s.met else ' 未达到'}"
            for s in unit.minimums
        )

    @staticmethod
    def _sort_value(unit: UnitProgress, column: int):
        if column == COL_UNIT:
            return unit.unit.name
        if column == COL_QUOTA:
            return unit.quota
        if COL_FIRST_TYPE <= column < COL_TOTAL:
            return unit.done[_TYPES[column - COL_FIRST_TYPE]]
        if column == COL_TOTAL:
            return unit.total
        if column == COL_RATE:
            return unit.rate
        if column == COL_PACE:
            return unit.pace
        if column == COL_AUDIENCE:
            return unit.audience
        return sum(s.met for s in unit.minimums) - len(unit.minimums)  # unmet minimums first

    def _unit_colour(self, unit: UnitProgress, column: int):
        if column in (COL_TOTAL, COL_PACE) and unit.behind_pace:
            return BEHIND
        if column == COL_MINIMUMS and unit.minimums:
            return MET if all(s.met for s in unit.minimums) else BEHIND
        return None

    def _unit_tooltip(self, unit: UnitProgress, column: int):
        if column in (COL_TOTAL, COL_PACE) and unit.pace is not None:
            state = "落后于进度" if unit.behind_pace else "达到进度"
            return f"已完成 {unit.total} 场；按全年均衡进度此时应完成 {unit.pace:.1f} 场（{state}）"
        if column == COL_UNIT:
            return "双击查看本单位的活动记录"
        if column == COL_MINIMUMS and unit.minimums:
            return "\n".join(
                f"{s.minimum.label}：已完成 {s.achieved} 场（{'已达到' if s.met else '未达到'}）"
                for s in unit.minimums
            )
        return None

    def _total_data(self, column: int, role: int):
        report = self._report
        if role == SORT_ROLE:
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == RATE_ROLE and column == COL_RATE:
            return report.rate
        if role == BAR_COLOUR_ROLE:
            behind = report.total < report.pace
            return BAR_BEHIND if behind else BAR_ON_PACE
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_UNIT:
            return "合计"
        if column == COL_QUOTA:
            return str(report.quota)
        if COL_FIRST_TYPE <= column < COL_TOTAL:
            return str(report.totals[_TYPES[column - COL_FIRST_TYPE]])
        if column == COL_TOTAL:
            return str(report.total)
        if column == COL_RATE:
            return "—" if report.rate is None else f"{report.rate:.1%}"
        if column == COL_PACE:
            return f"{report.pace:.0f}"
        if column == COL_AUDIENCE:
            return str(report.audience)
        return ""


def _short(label: str) -> str:
    """示范性文艺演出 ≥ 10 场 → 示范演出: the column is narrow; the tooltip has it all."""
    name = label.split(" ≥ ")[0]
    return name.replace("示范性", "示范").replace("文艺演出", "演出").replace("送电影", "电影")


def _alignment(column: int):
    if column in (COL_UNIT, COL_MINIMUMS):
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


SORT_ROLE = Qt.ItemDataRole.UserRole + 4


class QuotaSortModel(QSortFilterProxyModel):
    """Sorts the quota table by any column, keeping the 合计 row and the units without a
    quota (the city itself) below the sorted units, whichever way the sort goes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left, right):
        source = self.sourceModel()
        left_group, right_group = source.group(left.row()), source.group(right.row())
        if left_group != right_group:
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return (left_group < right_group) == ascending
        return _key(left.data(SORT_ROLE)) < _key(right.data(SORT_ROLE))


def _key(value):
    # Numbers before text, None (no quota, no rate) first.
    if value is None:
        return (0, 0)
    if isinstance(value, str):
        return (2, value)
    return (1, value)
