"""A workbook from outside, whatever its container (.xlsx, .xls, .ods or .csv), read into
plain grids of cell values: the one input of the sheet and plan-file recognition, so that a
sheet is understood the same whichever office program saved it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from jzdesk.errors import KnownError
from jzdesk.io.workbook_layout import MAX_COLUMNS, MAX_ROWS, ods_layout
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

    @property
    def max_column(self) -> int:
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
    """.xlsx, .xls and .ods through calamine (Rust: memory-safe, no XML entity expansion).

    An .ods has its layout read first (calamine knows no merged ranges there, and its
    extent is checked before calamine builds the cells)."""
    import python_calamine

    layouts = (
        {layout.title: layout for layout in ods_layout(data, name)} if suffix == ".ods" else {}
    )
    grids = []
    try:
        with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            for title in book.sheet_names:
                sheet = book.get_sheet_by_name(title)
                _check_extent(sheet.height, sheet.width, name, title)
                merged = (
                    tuple(layouts[title].merged)
                    if title in layouts
                    else tuple(
                        (top + 1, left + 1, bottom + 1, right + 1)
                        for (top, left), (bottom, right) in sheet.merged_cell_ranges or ()
                    )
                )
                rows = sheet.to_python(skip_empty_area=False)
                grids.append(Grid(title, tuple(_values(cells) for cells in rows), merged))
    except KnownError:
        raise
    except Exception as error:  # calamine raises its own kinds, and ValueError, on bad parts
        raise KnownError(f"文件 {name} 已损坏或不是有效的 {KINDS[suffix]}，无法读取") from error
    return grids


def _check_extent(rows: int, columns: int, name: str, title: str) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise KnownError(
            f"文件 {name} 的工作表“{title}”有 {rows} 行 {columns} 列，超过 {MAX_ROWS} 行或 "
            f"{MAX_COLUMNS} 列，已拒绝（统计表不会这么大；请删去多余的行列，或分成几个文件）"
        )


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
    (what Excel and WPS write on a Chinese Windows), comma-, tab- or semicolon-separated."""
    text = _decoded(data, name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = tuple(_values(cells) for cells in csv.reader(io.StringIO(text), dialect))
    _check_extent(len(rows), max((len(r) for r in rows), default=0), name, title)
    return Grid(title, rows)


def _decoded(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise KnownError(
        f"文件 {name} 的文字编码无法识别；请在 Excel/WPS 中另存为 UTF-8 的 CSV 或 .xlsx"
    )
