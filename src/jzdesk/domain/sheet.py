"""The statistics sheet (附件2), defined once: its title, header line and columns.

The ledger, the entry form, the Excel and PDF exports and the Excel import all read their
labels and order from here (PRODUCT §5), so a change to the sheet is a change in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from jzdesk.domain.activity_types import ActivityType

TITLE_LINES = ("“中国梦·劳动美·工会情”", "河南工会万场文化活动进基层情况统计表")
TITLE = "".join(TITLE_LINES)

# The header line above the table, in order: label and the RecordFields-free key it fills.
HEADER_FIELDS = (
    ("unit", "填报单位（盖章）"),
    ("filler", "填报人"),
    ("phone", "联系电话"),
    ("filled_on", "填报时间"),
)


@dataclass(frozen=True)
class SheetColumn:
    """One column of the sheet: a key the code uses, the printed label, a width in characters."""

    key: str
    label: str
    width: int
    numeric: bool = False
    activity_type: ActivityType | None = None


COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("number", "序号", 6, numeric=True),
    SheetColumn("date", "活动日期", 12),
    SheetColumn("title", "活动名称（内容）", 34),
    SheetColumn("venue", "活动地点（服务对象）", 26),
    *(
        SheetColumn(kind.value, kind.label, 8, numeric=True, activity_type=kind)
        for kind in ActivityType
    ),
    SheetColumn("audience", "受益职工（人次）", 11, numeric=True),
    SheetColumn("notes", "备注", 18),
)
TYPE_COLUMNS = tuple(column for column in COLUMNS if column.activity_type is not None)
TOTAL_LABEL = "合计"


def column_index(key: str) -> int:
    """Position of the column ``key`` in COLUMNS."""
    for position, column in enumerate(COLUMNS):
        if column.key == key:
            return position
    raise KeyError(key)


@dataclass(frozen=True)
class SheetData:
    """Everything one unit's sheet for one period shows, gathered before any file is written."""

    unit_name: str
    unit_code: str
    period_label: str
    period_text: str
    filler: str
    phone: str
    filled_on: str
    records: tuple  # ActivityRecord, in sheet order
    year_total: int  # sessions in the plan year up to the period's end
    quota: int | None
    summary: str = ""

    @property
    def totals(self) -> dict:
        """Sessions per type and audience of the rows on the sheet (the 合计 row)."""
        sessions = dict.fromkeys(ActivityType, 0)
        for record in self.records:
            sessions[record.fields.activity_type] += record.fields.sessions
        return {"sessions": sessions, "audience": sum(r.fields.audience for r in self.records)}

    @property
    def progress_line(self) -> str:
        """The line under the table: year-to-date total, quota and completion rate."""
        if not self.quota:
            return f"本年度截至本期末累计完成“五送”活动 {self.year_total} 场。"
        return (f"本年度截至本期末累计完成“五送”活动 {self.year_total} 场，全年任务 {self.quota} 场，"
                f"完成率 {self.year_total / self.quota:.1%}。")  # fmt: skip


# The second worksheet of the program's own export: every field, so it reads back losslessly.
DETAIL_SHEET = "活动明细"
DETAIL_COLUMNS = (
    ("id", "记录编号"), ("revision", "版本"), ("date", "活动日期"), ("type", "类型"),
    ("sessions", "场次"), ("title", "活动名称（内容）"), ("venue", "活动地点（服务对象）"),
    ("venue_category", "场所类别"), ("audience", "受益职工（人次）"), ("delivery", "组织方式"),
    ("presenter", "主讲人/演出团队"), ("demonstration", "示范性"), ("original", "职工原创"),
    ("logo_shown", "展示标识"), ("media", "媒体宣传"), ("notes", "备注"),
)  # fmt: skip
