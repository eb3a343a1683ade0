"""A workbook from outside, whatever its container (.xlsx, .xls, .ods or .csv), read into
plain grids of cell values: the one input of the sheet and plan-file recognition, so that a
sheet is understood the same whichever office program saved it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from jzdesk.errors import KnownError
from jzdesk.io.workbook_layout import Limits, workbook_layout
from jzdesk.io.workbook_safety import KINDS, checked_bytes

SUFFIXES = (".xlsx", ".xls", ".ods", ".csv")


@dataclass(frozen=True)
class Grid:
    """One worksheet: its cell values row by row (None where empty), and its merged ranges
    as (first row, first column, last row, last column), 1-based as Excel numbers them."""

    title: str
    rows: tuple[tuple, ...]
    merged: tuple[tuple[int, int, int, int], ...] = ()

    @property
    def max_row(self) -> int:
        return len(self.rows)

    @cached_property
    def max_column(self) -> int:
        """The widest row's length (asked for every row of a sheet: worked out once)."""
        return max((len(cells) for cells in self.rows), default=0)

    def value(self, row: int, column: int):
        """The value at (row, column), 1-based; None outside the filled area."""
        if 1 <= row <= len(self.rows):
            cells = self.rows[row - 1]
            if 1 <= column <= len(cells):
                return cells[column - 1]
        return None


def read_workbook(path: Path) -> list[Grid]:
    """Every worksheet of the file at ``path``, in order, as values (a formula as its
    cached result), once the file passed the safety checks of its container.

    Raises:
        KnownError: another kind of file, unsafe, damaged, or too large; the message
            names the file.
    """
    path = Path(path)
    data = checked_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_csv_grid(data, path.stem, path.name)]
    return _calamine_grids(data, suffix, path.name)


def _calamine_grids(data: bytes, suffix: str, name: str) -> list[Grid]:
    """.xlsx, .xls and .ods through calamine (Rust: memory-safe, no XML entity expansion),
    once their layout, read as a stream, is within the limits (see workbook_layout); the
    merged ranges come from that reading too (calamine reads none from an .ods)."""
    import python_calamine

    layouts = workbook_layout(data, suffix, name)
    grids = []
    try:
        with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            for title in book.sheet_names:
                layout = layouts.get(title)
                if layout is None:  # not a worksheet (a chart sheet)
                    continue
                sheet = book.get_sheet_by_name(title)
                rows = sheet.to_python(skip_empty_area=False)
                grids.append(
                    Grid(title, tuple(_values(cells) for cells in rows), tuple(layout.merged))
                )
    except KnownError:
        raise
    except Exception as error:  # calamine raises its own kinds, and ValueError, on bad parts
        raise KnownError(f"文件 {name} 已损坏或不是有效的 {KINDS[suffix]}，无法读取") from error
    return grids


def _values(cells: list) -> tuple:
    """A row as the recognition reads it: an empty cell is None, and a whole number the
    integer it shows (every container stores numbers as floating point)."""
    return tuple(_value(value) for value in cells)


def _value(value):
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _csv_grid(data: bytes, title: str, name: str) -> Grid:
    """A .csv as one worksheet: UTF-8 (with or without the BOM Excel writes) or GB18030
    (what Excel and WPS write on a Chinese Windows), comma-, tab- or semicolon-separated;
    held to the limits of any other sheet as its rows are read."""
    text = _decoded(data, name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    limits = Limits(name)
    sheet = limits.sheet(title)
    rows = []
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        for number, cells in enumerate(reader, start=1):
            limits.reach(sheet, number, max(len(cells), 1))
            rows.append(_values(cells))
    except csv.Error as error:  # a lone carriage return, a quote left open at the end …
        raise KnownError(
            f"文件 {name} 不是有效的 CSV 文本文件（第 {reader.line_num} 行的换行或引号有误），"
            "请在 Excel/WPS 中重新另存为 CSV 或 .xlsx"
        ) from error
    return Grid(title, tuple(rows))


def _decoded(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise KnownError(
        f"文件 {name} 的文字编码无法识别；请在 Excel/WPS 中另存为 UTF-8 的 CSV 或 .xlsx"
    )
