"""Reading a filled statistics sheet (.xlsx) back: the program's own export losslessly, and
hand-filled sheets with their variants (full-width digits, dates as clerks write them,
type names, merged cells, blank rows). A file with any unreadable row is
refused whole; the message names every bad row and cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from jzdesk.domain import sheet
from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import Period, period_in_words
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
from jzdesk.io.xlsx_safety import load_workbook

TOTAL_WORDS = {"合计", "总计", "共计"}


SUBTOTAL_WORDS = {"小计"}


_REPEATABLE = ("date", "title", "venue", "notes")


_UNIT_NOTE = re.compile(r"[(（][^()（）]{0,6}[)）]")


_TRAILER = re.compile(r"^(本年度|活动小结|填报说明|说明|注[:：])")


# Header words for each column key, compared after normalize(); first match wins.
_HEADER_WORDS = {
    "number": ("序号", "编号"),
    "date": ("活动日期", "日期", "活动时间", "时间"),
    "title": ("活动名称(内容)", "活动名称", "活动内容", "名称", "内容"),
    "venue": ("活动地点(服务对象)", "活动地点", "地点", "服务对象"),
    "audience": ("受益职工(人次)", "受益职工", "受益人次", "受益职工人次", "参与人数", "人次"),
    "notes": ("备注",),
    "type": ("活动类型", "类型", "类别"),
    "sessions": ("场次", "活动场次"),
}


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
    book = load_workbook(path)
    tables = [
        table
        for ws in book.worksheets
        if ws.title != sheet.DETAIL_SHEET and (table := _find_table(ws)) is not None
    ]
    if not tables:
        raise KnownError(
            f"文件 {path.name} 中找不到统计表的表头（需要有“活动日期”和“送文艺…送讲座”或“类型”等列）"
        )
    rows, problems, contexts = [], [], []
    for ws, header_top, header_bottom, columns in tables:
        where = f"工作表“{ws.title}”" if len(tables) > 1 else ""
        context = _context(ws, header_top)
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
    details = detail_rows(book)
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
    )


def _read_table(ws, header_bottom: int, columns: dict, year: int | None):
    """The rows of one worksheet's table, and the problems of those it cannot read."""
    # A value merged down several rows repeats only where repeating is meant (a shared
    # date, title or venue); a merged number would otherwise count several times.
    cells = _merged_reader(ws, repeat_in={columns[k] for k in _REPEATABLE if k in columns})
    number_column = columns.get("number")
    rows, problems = [], []
    total_row = None
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
            total_row = (r, values)
            break
        if _TRAILER.match(first) and not is_filled(values.get("date")):
            break
        try:
            rows.append(_parse_row(r, values, columns, year))
        except _CellProblems as bad:
            problems.extend(bad.messages)
    if total_row is not None and not problems:
        problems.extend(_check_total(total_row, rows, columns))
    return rows, problems


def _find_table(ws):
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
        if is_filled(ws.cell(row, c).value) and normalize(str(ws.cell(row, c).value)) in names
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
        is_filled(ws.cell(row, c).value)
        and _header_key(normalize(str(ws.cell(row, c).value))) == "date"
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
        labels = [ws.cell(row, column).value for row in range(bottom, top - 1, -1)]
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
    for key, words in _HEADER_WORDS.items():
        if word in {normalize(w) for w in words}:
            return key
    for key, parts in _HEADER_PARTS:
        if any(part in word for part in parts) and not any(no in word for no in _NOT_COLUMNS):
            return key
    return None


def _context(ws, header_top: int) -> dict:
    """The 填报单位, 填报人, 联系电话 and the year, from the lines above the table."""
    lines = []
    for r in range(1, header_top):
        parts = [
            str(ws.cell(r, c).value)
            for c in range(1, ws.max_column + 1)
            if is_filled(ws.cell(r, c).value)
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
        "year": years[0] if years else None,
        "period": period_in_words(title),
    }


def _merged_reader(ws, *, repeat_in: set[int]):
    """cell(row, column) that reads a merged range's value in the cells it covers, in the
    columns ``repeat_in`` (other merged cells read as empty below their first row)."""
    merged = {}
    for span in ws.merged_cells.ranges:
        value = ws.cell(span.min_row, span.min_col).value
        for r in range(span.min_row, span.max_row + 1):
            for c in range(span.min_col, span.max_col + 1):
                if r == span.min_row or c in repeat_in:
                    merged[(r, c)] = value if c == span.min_col or r > span.min_row else None
                else:
                    merged[(r, c)] = None

    def cell(row: int, column: int):
        return merged.get((row, column), ws.cell(row, column).value)

    return cell


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
