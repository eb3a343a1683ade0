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
    SheetColumn("number", "序号", 5, numeric=True),
    SheetColumn("date", "活动日期", 11),
    SheetColumn("title", "活动名称（内容）", 30),
    SheetColumn("venue", "活动地点（服务对象）", 24),
    *(
        SheetColumn(kind.value, kind.label, 7, numeric=True, activity_type=kind)
        for kind in ActivityType
    ),
    SheetColumn("audience", "受益职工（人次）", 10, numeric=True),
    SheetColumn("notes", "备注", 16),
)
TYPE_COLUMNS = tuple(column for column in COLUMNS if column.activity_type is not None)
TOTAL_LABEL = "合计"


def column_index(key: str) -> int:
    """Position of the column ``key`` in COLUMNS."""
    for position, column in enumerate(COLUMNS):
        if column.key == key:
            return position
    raise KeyError(key)
