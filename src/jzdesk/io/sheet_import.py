"""Reading a filled statistics sheet (.xlsx, .xls, .ods or .csv) back: the program's own export losslessly, and
hand-filled sheets with their variants (full-width digits, dates as clerks write them,
type names, merged cells, blank rows). A file with any unreadable row is
refused whole; the message names every bad row and cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jzdesk.domain import sheet
from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import Period
from jzdesk.domain.text import normalize
from jzdesk.errors import KnownError
from jzdesk.io.sheet_detail import detail_rows, line_up
from jzdesk.io.sheet_rows import (
    RANGE_TAIL,
    DetailRow,
    SheetRow,
    cell_text,
    is_filled,
    parse_cell_date,
    parse_cell_number,
    parse_cell_type,
)
from jzdesk.io.sheet_table import context_above, find_table, merged_reader
from jzdesk.io.workbook import read_workbook

TOTAL_WORDS = {"合计", "总计", "共计"}


SUBTOTAL_WORDS = {"小计"}


_REPEATABLE = ("date", "title", "venue", "notes")


_UNIT_NOTE = re.compile(r"[(（][^()（）]{0,6}[)）]")


_TRAILER = re.compile(r"^(本年度|活动小结|填报说明|说明|注[:：])")


@dataclass
class ParsedSheet:
    file: str
    unit_text: str
    filler: str
    phone: str
    rows: list[SheetRow]
    period: Period | None = None  # the period the sheet's title names
    details: list[DetailRow] = field(default_factory=list)  # the 活动明细 sheet, if any
    # Why the printed rows and the 活动明细 sheet do not line up ("" when they do, or when
    # there is no 活动明细 sheet); then no printed row has its ``detail``.
    misaligned: str = ""
    # The sheet's 填报时间, when it names a readable day: when the unit says it sent it.
    filled_on: date | None = None


class SheetRejected(KnownError):
    """The file could not be read whole; ``problems`` lists each row and cell."""

    def __init__(self, file: str, problems: list[str]):
        shown = problems[:50]
        more = f"\n……另有 {len(problems) - 50} 处" if len(problems) > 50 else ""
        super().__init__(
            f"文件 {file} 有 {len(problems)} 处无法读取，未导入任何记录：\n"
            + "\n".join(shown)
            + more
        )
        self.problems = problems


def read_sheet(path: Path) -> ParsedSheet:
    """Read the statistics sheet(s) in ``path``: every worksheet that holds the table (a
    workbook may keep one quarter per worksheet).

    Raises:
        KnownError: the file is unsafe, damaged, not a statistics sheet, names two units,
            or has rows that cannot be read (SheetRejected, naming every one).
    """
    path = Path(path)
    grids = read_workbook(path)
    tables = [
        table
        for ws in grids
        if ws.title != sheet.DETAIL_SHEET and (table := find_table(ws)) is not None
    ]
    if not tables:
        raise KnownError(
            f"文件 {path.name} 中找不到统计表的表头（需要有“活动日期”和“送文艺…送讲座”或“类型”等列）"
        )
    rows, problems, contexts = [], [], []
    for ws, header_top, header_bottom, columns in tables:
        where = f"工作表“{ws.title}”" if len(tables) > 1 else ""
        context = context_above(ws, header_top)
        contexts.append(context)
        sheet_rows, sheet_problems = _read_table(ws, header_bottom, columns, context["year"])
        rows += sheet_rows
        problems += [f"{where}{problem}" for problem in sheet_problems]
    if not rows and not problems:
        raise KnownError(f"文件 {path.name} 的统计表中没有活动记录")
    if problems:
        raise SheetRejected(path.name, problems)
    named = {c["unit"] for c in contexts if c["unit"]}
    if len(named) > 1:
        raise KnownError(
            f"文件 {path.name} 的各工作表填写了不同的填报单位（{'、'.join(sorted(named))}），"
            "请分成各单位的文件"
        )
    first = next((c for c in contexts if c["unit"]), contexts[0])
    details = detail_rows(grids)
    if details is None:
        details, misaligned = [], "隐藏的“活动明细”被改动过，无法读取"
    else:
        misaligned = line_up(rows, details) if details else ""
    periods = {c["period"] for c in contexts if c["period"] is not None}
    return ParsedSheet(
        path.name,
        first["unit"],
        first["filler"],
        first["phone"],
        rows,
        period=periods.pop() if len(periods) == 1 else None,
        details=details,
        misaligned=misaligned,
        filled_on=_filled_on(first),
    )


def _filled_on(context: dict) -> date | None:
    """The day a sheet's 填报时间 names, or None: a missing or unreadable 填报时间 is no
    reason to refuse the rows (the import day then counts as the sending day)."""
    try:
        return parse_cell_date(context["filled_on"], context["year"])
    except ValueError:
        return None


def _read_table(ws, header_bottom: int, columns: dict, year: int | None):
    """The rows of one worksheet's table, and the problems of those it cannot read."""
    # A value merged down several rows repeats only where repeating is meant (a shared
    # date, title or venue); a merged number would otherwise count several times.
    cells = merged_reader(ws, repeat_in={columns[k] for k in _REPEATABLE if k in columns})
    number_column = columns.get("number")
    rows, problems = [], []
    total_row, end = None, None
    for r in range(header_bottom + 1, ws.max_row + 1):
        values = {key: cells(r, column) for key, column in columns.items()}
        filled = [(c, v) for c in range(1, ws.max_column + 1) if is_filled(v := cells(r, c))]
        if not filled or [c for c, _ in filled] == [number_column]:
            continue  # blank, or a template row with only its 序号 printed
        if r == header_bottom + 1 and all(
            _UNIT_NOTE.fullmatch(normalize(str(v))) for _, v in filled
        ):
            continue  # the header's second line: （人次）, （场） under their columns
        first = normalize(str(filled[0][1])).rstrip(":：")
        if first in SUBTOTAL_WORDS:
            continue  # a month's 小计: its rows are counted one by one
        if first in TOTAL_WORDS:
            total_row, end = (r, values), (r, first)
            break
        if (trailer := _TRAILER.match(first)) and not is_filled(values.get("date")):
            end = (r, trailer[1])
            break
        try:
            rows.append(_parse_row(r, values, columns, year))
        except _CellProblems as bad:
            problems.extend(bad.messages)
    if total_row is not None and not problems:
        problems.extend(_check_total(total_row, rows, columns))
    if end is not None:
        problems.extend(_rows_below(ws, cells, end, columns, year))
    return rows, problems


def _rows_below(ws, cells, end: tuple[int, str], columns: dict, year: int | None) -> list[str]:
    """The activity rows a clerk wrote below the 合计 (or 填报说明) line, each named: they
    are never read, and dropping them unsaid would lose an activity. The lines that belong
    there (说明, 审核人, a signing date, the program's own progress line) are left alone."""
    row, word = end
    return [
        f"第 {r} 行在第 {row} 行“{word}”之下，却像一条活动记录：合计以下的行不会导入，"
        "请把它移到合计行之上（并改正合计）后再导入"
        for r in range(row + 1, ws.max_row + 1)
        if _looks_like_activity({key: cells(r, column) for key, column in columns.items()}, year)
    ]


def _looks_like_activity(values: dict, year: int | None) -> bool:
    """Whether a row holds two of an activity's marks (a date, a type or its count, a
    title, an audience): a signature line holds at most one, and a row its first cell
    names (总计, 其中：示范性活动) is no activity."""
    first = next((key for key, value in values.items() if is_filled(value)), None)
    if first is None or _is_label(first, values[first]):
        return False
    marks = [
        _reads(parse_cell_date, values.get("date"), year),
        any(_reads(parse_cell_number, values.get(k.value)) for k in ActivityType)
        or _reads(parse_cell_type, values.get("type")),
        _reads(parse_cell_number, values.get("audience")),
        is_filled(values.get("title")) and first != "title",
    ]
    return sum(bool(mark) for mark in marks) >= 2


def _is_label(key: str, value) -> bool:
    """Whether a row's first cell says what the row is: a total's word anywhere, or words
    without a digit where an activity has its 序号."""
    word = normalize(str(value)).rstrip(":：")
    return word in TOTAL_WORDS | SUBTOTAL_WORDS or (key == "number" and not re.search(r"\d", word))


def _reads(parse, value, *extra) -> bool:
    """Whether a filled cell reads as what ``parse`` reads (a count must be above 0)."""
    if not is_filled(value):
        return False
    try:
        return parse(value, *extra) not in (0, None)
    except ValueError:
        return False


class _CellProblems(Exception):
    def __init__(self, messages: list[str]):
        super().__init__(messages)
        self.messages = messages


_LABELS = {
    **{c.key: c.label for c in sheet.COLUMNS},
    "type": "类型",
    "sessions": "场次",
    "types": "送文艺…送讲座",
}


def _parse_row(row: int, values: dict, columns: dict, year: int | None) -> SheetRow:
    problems = []

    def problem(key: str, text: str) -> None:
        problems.append(f"第 {row} 行“{_LABELS.get(key, key)}”：{text}")

    day = None
    try:
        day = parse_cell_date(values.get("date"), year)
        if year is not None and day.year != year:
            problem("date", f"日期 {day.isoformat()} 不在表头所写的 {year} 年")
    except ValueError as error:
        problem("date", str(error))
    kind, sessions = None, None
    filled_types = []
    for k in ActivityType:
        if k.value in columns and is_filled(values.get(k.value)):
            try:
                number = parse_cell_number(values[k.value])
            except ValueError as error:
                problem(k.value, str(error))
                continue
            if number > 0:
                filled_types.append((k, number))
    if "type" in columns and is_filled(values.get("type")):
        try:
            filled_types.append((parse_cell_type(values["type"]), None))
        except ValueError as error:
            problem("type", str(error))
    if len(filled_types) == 1:
        kind, sessions = filled_types[0]
    elif len(filled_types) > 1:
        names = "、".join(k.label for k, _ in filled_types)
        problem("type", f"一行只能填一种活动类型，这一行填了 {names}；请分成多行")
    elif not any(p.startswith(f"第 {row} 行“送") for p in problems):
        where = "type" if "type" in columns else "types"
        problem(where, "没有填写活动类型的场次")
    if sessions is None and kind is not None:
        sessions = 1
        if "sessions" in columns and is_filled(values.get("sessions")):
            try:
                sessions = parse_cell_number(values["sessions"])
            except ValueError as error:
                problem("sessions", str(error))
    audience = 0
    if is_filled(values.get("audience")):
        try:
            audience = parse_cell_number(values["audience"])
        except ValueError as error:
            problem("audience", str(error))
    if problems:
        raise _CellProblems(problems)
    notes = cell_text(values.get("notes"))
    written = cell_text(values.get("date"))
    if "月" in written and RANGE_TAIL.search(normalize(written)):
        # The sheet counts a range by its first day; keep what was written.
        notes = f"{notes}（活动日期：{written}）" if notes else f"活动日期：{written}"
    return SheetRow(
        row=row,
        date=day,
        activity_type=kind,
        sessions=sessions,
        title=cell_text(values.get("title")),
        venue=cell_text(values.get("venue")),
        audience=audience,
        notes=notes,
        number=values.get("number"),
    )


def _check_total(total_row, rows: list[SheetRow], columns: dict) -> list[str]:
    """Compare the sheet's own 合计 row with the sum of its rows (checked, never imported)."""
    row, values = total_row
    problems = []
    expected = {
        k.value: sum(r.sessions for r in rows if r.activity_type is k) for k in ActivityType
    }
    expected["audience"] = sum(r.audience for r in rows)
    for key, want in expected.items():
        if key not in columns or not is_filled(values.get(key)):
            continue
        try:
            written = parse_cell_number(values[key])
        except ValueError:
            problems.append(f"第 {row} 行（合计）“{_LABELS[key]}”：无法识别“{values[key]}”")
            continue
        if written != want:
            problems.append(
                f"第 {row} 行（合计）“{_LABELS[key]}”：合计写的是 {written}，各行相加是 {want}"
            )
    return problems
