"""Finding the statistics table on a worksheet as offices lay it out: the header row (one or
two rows, words as clerks write them), the lines above it (填报单位, 填报人, the period) and
merged cells."""

from __future__ import annotations

import re

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import period_in_words
from jzdesk.domain.text import normalize
from jzdesk.io.sheet_rows import (
    is_filled,
)

TOTAL_WORDS = {"合计", "总计", "共计"}

# Header words for each column key, compared after normalize(); first match wins.
HEADER_WORDS = {
    "number": ("序号", "编号"),
    "date": ("活动日期", "日期", "活动时间", "时间"),
    "title": ("活动名称(内容)", "活动名称", "活动内容", "名称", "内容"),
    "venue": ("活动地点(服务对象)", "活动地点", "地点", "服务对象"),
    "audience": ("受益职工(人次)", "受益职工", "受益人次", "受益职工人次", "参与人数", "人次"),
    "notes": ("备注",),
    "type": ("活动类型", "类型", "类别"),
    "sessions": ("场次", "活动场次"),
}


def find_table(ws):
    """(worksheet, first header row, last header row, {key: column}) of ``ws``'s table.

    The header row is the first with a date column. When the row below it holds the type
    names (送文艺…, under a merged “五送活动场次” or “活动类型”), the header is both rows.
    """
    for top in range(1, min(ws.max_row, 40) + 1):
        if not _has_date_header(ws, top):
            continue
        if _type_labels_in(ws, top + 1) >= 3:
            columns = _map_columns(ws, top, top + 1)
            if columns is not None:
                return ws, top, top + 1, columns
        columns = _map_columns(ws, top, top)
        if columns is not None:
            return ws, top, top, columns
    return None


def _type_labels_in(ws, row: int) -> int:
    names = {normalize(w) for k in ActivityType for w in (k.label, k.short_label)}
    return sum(
        1
        for c in range(1, min(ws.max_column, 40) + 1)
        if is_filled(ws.value(row, c)) and normalize(str(ws.value(row, c))) in names
    )


_HEADER_PARTS = (
    ("audience", ("受益", "人次", "人数")),
    ("date", ("日期",)),
    ("title", ("名称", "内容")),
    ("venue", ("地点", "服务对象", "场所")),
    ("notes", ("备注",)),
    ("number", ("序号",)),
    ("sessions", ("场次",)),
    ("type", ("类型",)),
)


_NOT_COLUMNS = ("填报", "五送", "场所类别")


def _has_date_header(ws, row: int) -> bool:
    return any(
        is_filled(ws.value(row, c)) and _header_key(normalize(str(ws.value(row, c)))) == "date"
        for c in range(1, min(ws.max_column, 40) + 1)
    )


def _map_columns(ws, top: int, bottom: int) -> dict[str, int] | None:
    """The column of each known header, reading a one- or two-row header; None if it is
    not the statistics table (no date column, or neither type columns nor a type column)."""
    columns: dict[str, int] = {}
    type_words = {}
    for kind in ActivityType:
        for word in (kind.label, kind.short_label):
            type_words[normalize(word)] = kind
    for column in range(1, min(ws.max_column, 40) + 1):
        labels = [ws.value(row, column) for row in range(bottom, top - 1, -1)]
        for label in labels:
            if not is_filled(label):
                continue
            word = normalize(str(label))
            if word in type_words and type_words[word].value not in columns:
                columns[type_words[word].value] = column
                break
            key = _header_key(word)
            if key and key not in columns:
                columns[key] = column
                break
    has_types = any(kind.value in columns for kind in ActivityType)
    if "date" not in columns or not (has_types or "type" in columns):
        return None
    return columns


def _header_key(word: str) -> str | None:
    """The column a header names: exact words first, then the telling part of longer
    headers (受益职工人数, 场次（场）, 活动名称及内容, 地点（服务对象）…)."""
    for key, words in HEADER_WORDS.items():
        if word in {normalize(w) for w in words}:
            return key
    for key, parts in _HEADER_PARTS:
        if any(part in word for part in parts) and not any(no in word for no in _NOT_COLUMNS):
            return key
    return None


def context_above(ws, header_top: int) -> dict:
    """The 填报单位, 填报人, 联系电话, 填报时间 and the year, from the lines above the table."""
    lines = []
    for r in range(1, header_top):
        parts = [
            str(ws.value(r, c)) for c in range(1, ws.max_column + 1) if is_filled(ws.value(r, c))
        ]
        lines.append(" ".join(parts))
    text = normalize(" ".join(lines).replace("：", ":"))
    labels = r"(填报单位|填报人|联系电话|填报时间)"

    def after(label: str) -> str:
        match = re.search(label + r"(?:\(盖章\))?:(.*?)(?=" + labels + r"|$)", text)
        return match[1].strip() if match else ""

    years = [int(y) for y in re.findall(r"(20\d\d)年", text)]
    # "（此处加盖公章）" and the like are room for the stamp, not part of the unit's name.
    unit = re.sub(r"\([^()]*(盖章|公章)[^()]*\)", "", after("填报单位")).strip()
    title = text.split("填报")[0]  # the period is named in the title, not in 填报时间
    return {
        "unit": unit,
        "filler": after("填报人"),
        "phone": after("联系电话"),
        "filled_on": after("填报时间"),
        "year": years[0] if years else None,
        "period": period_in_words(title),
    }


def merged_reader(ws, *, repeat_in: set[int]):
    """cell(row, column) that reads a merged range's value in the cells it covers, in the
    columns ``repeat_in`` (other merged cells read as empty below their first row)."""
    merged = {}
    for top, left, bottom, right in ws.merged:
        value = ws.value(top, left)
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if r == top or c in repeat_in:
                    merged[(r, c)] = value if c == left or r > top else None
                else:
                    merged[(r, c)] = None

    def cell(row: int, column: int):
        return merged.get((row, column), ws.value(row, column))

    return cell
