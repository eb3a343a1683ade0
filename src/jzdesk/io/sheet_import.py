"""Reading a filled statistics sheet (.xlsx) back: the program's own export losslessly, and
hand-filled sheets with their variants (PRODUCT §6). A file with any unreadable row is
refused whole; the message names every bad row and cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from jzdesk.domain import sheet
from jzdesk.domain.activity_types import ActivityType, parse_activity_type
from jzdesk.domain.records import (
    DELIVERIES,
    MEDIA_CHANNELS,
    VENUE_CATEGORIES,
    MediaItem,
    clean_text,
)
from jzdesk.domain.text import normalize
from jzdesk.errors import KnownError
from jzdesk.io.xlsx_safety import load_workbook

TOTAL_WORDS = {"合计", "总计", "小计", "合计：", "总计："}
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
class SheetRow:
    """One activity read from the sheet, before it is tied to a unit."""

    row: int
    date: date
    activity_type: ActivityType
    sessions: int
    title: str = ""
    venue: str = ""
    audience: int = 0
    notes: str = ""
    # From the program's own 活动明细 sheet, when present and in agreement:
    record_id: str | None = None
    revision: int | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class ParsedSheet:
    file: str
    unit_text: str
    filler: str
    phone: str
    rows: list[SheetRow]


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
    """Read the statistics sheet in ``path``.

    Raises:
        KnownError: the file is unsafe, damaged, not a statistics sheet, or has rows that
            cannot be read (SheetRejected, naming every one).
    """
    path = Path(path)
    book = load_workbook(path)
    found = _find_table(book)
    if found is None:
        raise KnownError(
            f"文件 {path.name} 中找不到统计表的表头（需要有“活动日期”和“送文艺…送讲座”或“类型”等列）"
        )
    ws, header_top, header_bottom, columns = found
    context = _context(ws, header_top)
    cells = _merged_reader(ws)
    rows, problems = [], []
    total_row = None
    for r in range(header_bottom + 1, ws.max_row + 1):
        values = {key: cells(r, column) for key, column in columns.items()}
        raw = [cells(r, c) for c in range(1, ws.max_column + 1)]
        texts = [normalize(str(v)) for v in raw if _filled(v)]
        if not texts:
            continue
        if texts[0] in TOTAL_WORDS or texts[0].rstrip(":：") in TOTAL_WORDS:
            total_row = (r, values)
            break
        if _TRAILER.match(texts[0]) and not _filled(values.get("date")):
            break
        try:
            rows.append(_parse_row(r, values, columns, context["year"]))
        except _CellProblems as bad:
            problems.extend(bad.messages)
    if not rows and not problems:
        raise KnownError(f"文件 {path.name} 的统计表中没有活动记录")
    if total_row is not None and not problems:
        problems.extend(_check_total(total_row, rows, columns))
    if problems:
        raise SheetRejected(path.name, problems)
    _attach_detail(book, rows)
    return ParsedSheet(path.name, context["unit"], context["filler"], context["phone"], rows)


# -- finding the table -------------------------------------------------------------------
def _find_table(book):
    """(worksheet, first header row, last header row, {key: column}) of the sheet's table.

    The header row is the first with a date column; when the five type columns sit in the
    row below it (under a merged “五送活动场次”), the header is those two rows.
    """
    for ws in book.worksheets:
        if ws.title == sheet.DETAIL_SHEET:
            continue
        for top in range(1, min(ws.max_row, 40) + 1):
            columns = _map_columns(ws, top, top)
            if columns is not None:
                return ws, top, top, columns
            if _has_date_header(ws, top):
                columns = _map_columns(ws, top, top + 1)
                if columns is not None:
                    return ws, top, top + 1, columns
    return None


def _has_date_header(ws, row: int) -> bool:
    return any(
        _filled(ws.cell(row, c).value)
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
            if not _filled(label):
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
    for key, words in _HEADER_WORDS.items():
        if word in {normalize(w) for w in words}:
            return key
    return None


def _context(ws, header_top: int) -> dict:
    """The 填报单位, 填报人, 联系电话 and the year, from the lines above the table."""
    lines = []
    for r in range(1, header_top):
        parts = [str(ws.cell(r, c).value) for c in range(1, ws.max_column + 1)
                 if _filled(ws.cell(r, c).value)]  # fmt: skip
        lines.append(" ".join(parts))
    text = normalize(" ".join(lines).replace("：", ":"))
    labels = r"(填报单位|填报人|联系电话|填报时间)"

    def after(label: str) -> str:
        match = re.search(label + r"(?:\(盖章\))?:(.*?)(?=" + labels + r"|$)", text)
        return match[1].strip() if match else ""

    years = [int(y) for y in re.findall(r"(20\d\d)年", text)]
    return {"unit": after("填报单位"), "filler": after("填报人"), "phone": after("联系电话"),
            "year": years[0] if years else None}  # fmt: skip


def _merged_reader(ws):
    """cell(row, column) that reads a merged range's value in every cell it covers."""
    merged = {}
    for span in ws.merged_cells.ranges:
        value = ws.cell(span.min_row, span.min_col).value
        for r in range(span.min_row, span.max_row + 1):
            for c in range(span.min_col, span.max_col + 1):
                merged[(r, c)] = value

    def cell(row: int, column: int):
        return merged.get((row, column), ws.cell(row, column).value)

    return cell


# -- reading cells -----------------------------------------------------------------------
class _CellProblems(Exception):
    def __init__(self, messages: list[str]):
        super().__init__(messages)
        self.messages = messages


def _filled(value) -> bool:
    return value is not None and str(value).strip() != ""


_LABELS = {**{c.key: c.label for c in sheet.COLUMNS}, "type": "类型", "sessions": "场次"}


def _parse_row(row: int, values: dict, columns: dict, year: int | None) -> SheetRow:
    problems = []

    def problem(key: str, text: str) -> None:
        problems.append(f"第 {row} 行“{_LABELS.get(key, key)}”：{text}")

    day = None
    try:
        day = parse_cell_date(values.get("date"), year)
    except ValueError as error:
        problem("date", str(error))
    kind, sessions = None, None
    filled_types = []
    for k in ActivityType:
        if k.value in columns and _filled(values.get(k.value)):
            try:
                number = parse_cell_number(values[k.value])
            except ValueError as error:
                problem(k.value, str(error))
                continue
            if number > 0:
                filled_types.append((k, number))
    if "type" in columns and _filled(values.get("type")):
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
        problem("type", "没有填写活动类型的场次")
    if sessions is None and kind is not None:
        sessions = 1
        if "sessions" in columns and _filled(values.get("sessions")):
            try:
                sessions = parse_cell_number(values["sessions"])
            except ValueError as error:
                problem("sessions", str(error))
    audience = 0
    if _filled(values.get("audience")):
        try:
            audience = parse_cell_number(values["audience"])
        except ValueError as error:
            problem("audience", str(error))
    if problems:
        raise _CellProblems(problems)
    return SheetRow(
        row=row, date=day, activity_type=kind, sessions=sessions,
        title=_text(values.get("title")), venue=_text(values.get("venue")),
        audience=audience, notes=_text(values.get("notes")),
    )  # fmt: skip


def _text(value) -> str:
    if not _filled(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date().isoformat()
    return clean_text(str(value))


_EXCEL_EPOCH = date(1899, 12, 30)
_FULL = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
_RANGE_TAIL = re.compile(r"\s*(至|到|—|–|-|~|～)\s*(\d{1,2}\s*月\s*)?\d{1,2}\s*日?$")


def parse_cell_date(value, year: int | None) -> date:
    """A date as clerks write it: a real Excel date, ``2021-03-05``, ``2021.3.5``,
    ``2021/3/5``, ``2021年3月5日``, ``20210305``, or ``3月5日`` (year from the sheet).
    A range such as ``3月5日至7日`` counts as its first day.

    Raises:
        ValueError: with a Chinese message saying what is wrong.
    """
    if not _filled(value):
        raise ValueError("没有填写日期")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 < value < 80000:  # an Excel serial day number shown as a number
            return _EXCEL_EPOCH + timedelta(days=int(value))
        text = str(int(value)) if float(value).is_integer() else str(value)
    else:
        text = normalize(str(value))
    original = str(value).strip()
    if "月" in text:  # 3月5日至7日, 2021年3月5日-6日: the first day counts
        text = _RANGE_TAIL.sub("", text)
    for pattern in (_FULL, _COMPACT):
        match = pattern.fullmatch(text)
        if match:
            return _real_date(int(match[1]), int(match[2]), int(match[3]), original)
    match = _MONTH_DAY.fullmatch(text)
    if match:
        if year is None:
            raise ValueError(f"日期“{original}”没有年份，表头或标题中也找不到年份")
        return _real_date(year, int(match[1]), int(match[2]), original)
    raise ValueError(f"无法识别日期“{original}”，请写成 2021-03-05 或 2021年3月5日")


def _real_date(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"日期“{original}”不存在") from None


_NUMBER = re.compile(r"(约|共|计)?\s*([\d,]+)\s*(场|次|人次|人|名)?")


def parse_cell_number(value) -> int:
    """A whole number as typed: ``300``, ``300.0``, ``３００``, ``"1,200"``, ``约300人``.

    Raises:
        ValueError: with a Chinese message.
    """
    if isinstance(value, bool):
        raise ValueError(f"“{value}”不是数字")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and value >= 0:
            return int(value)
        raise ValueError(f"“{value}”不是不小于 0 的整数")
    text = normalize(str(value))
    match = _NUMBER.fullmatch(text)
    if not match or len(match[2].replace(",", "")) > 9:
        raise ValueError(f"“{str(value).strip()}”不是整数")
    return int(match[2].replace(",", ""))


def parse_cell_type(value) -> ActivityType:
    """A type word (文艺演出, 电影放映, 书画, 培训班, 讲座 …) or its number 1–5."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = int(value) if float(value).is_integer() else 0
        if 1 <= number <= 5:
            return list(ActivityType)[number - 1]
        raise ValueError(f"类型编号“{value}”应为 1–5")
    text = normalize(str(value))
    if text.isdigit() and 1 <= int(text) <= 5:
        return list(ActivityType)[int(text) - 1]
    try:
        return parse_activity_type(text)
    except KnownError:
        raise ValueError(f"无法识别活动类型“{str(value).strip()}”") from None


def _check_total(total_row, rows: list[SheetRow], columns: dict) -> list[str]:
    """Compare the sheet's own 合计 row with the sum of its rows (checked, never imported)."""
    row, values = total_row
    problems = []
    expected = {
        k.value: sum(r.sessions for r in rows if r.activity_type is k) for k in ActivityType
    }
    expected["audience"] = sum(r.audience for r in rows)
    for key, want in expected.items():
        if key not in columns or not _filled(values.get(key)):
            continue
        try:
            written = parse_cell_number(values[key])
        except ValueError:
            problems.append(f"第 {row} 行（合计）“{_LABELS[key]}”：无法识别“{values[key]}”")
            continue
        if written != want:
            problems.append(f"第 {row} 行（合计）“{_LABELS[key]}”：合计写的是 {written}，"
                            f"各行相加是 {want}")  # fmt: skip
    return problems


# -- the program's own detail sheet ----------------------------------------------------------
_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _attach_detail(book, rows: list[SheetRow]) -> None:
    """Take ids and the fields the printed sheet has no room for from 活动明细, row by row,
    where the detail still agrees with the printed row (date, type, sessions)."""
    if sheet.DETAIL_SHEET not in book.sheetnames:
        return
    ws = book[sheet.DETAIL_SHEET]
    labels = [normalize(str(ws.cell(1, c).value or "")) for c in range(1, ws.max_column + 1)]
    position = {key: labels.index(normalize(label)) + 1 for key, label in sheet.DETAIL_COLUMNS
                if normalize(label) in labels}  # fmt: skip
    if "id" not in position:
        return
    for index, row in enumerate(rows, start=2):

        def value(key, index=index):
            column = position.get(key)
            return ws.cell(index, column).value if column else None

        record_id = str(value("id") or "").strip().lower()
        if not _ID.match(record_id):
            continue
        try:
            same = (parse_cell_date(value("date"), None) == row.date
                    and parse_cell_type(value("type")) is row.activity_type
                    and parse_cell_number(value("sessions")) == row.sessions)  # fmt: skip
            revision = parse_cell_number(value("revision"))
        except ValueError:
            continue
        if not same:
            continue
        row.record_id, row.revision = record_id, max(1, revision)
        row.extra = {
            "venue_category": _choice(value("venue_category"), VENUE_CATEGORIES),
            "delivery": _choice(value("delivery"), DELIVERIES),
            "presenter": _text(value("presenter")),
            "demonstration": _yes(value("demonstration")),
            "original": _yes(value("original")),
            "logo_shown": _yes(value("logo_shown")),
            "media": _media(value("media")),
        }


def _choice(value, allowed) -> str:
    text = _text(value)
    return text if text in allowed else ""


def _yes(value) -> bool:
    return normalize(str(value or "")) in {"是", "1", "√", "y", "yes", "true"}


def _media(value) -> tuple[MediaItem, ...]:
    items = []
    for part in str(value or "").split("；"):
        channel, _, link = part.partition("|")
        if channel.strip() in MEDIA_CHANNELS:
            items.append(MediaItem(channel.strip(), clean_text(link)))
    return tuple(items)
