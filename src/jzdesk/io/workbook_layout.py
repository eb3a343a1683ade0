"""A zipped workbook's layout read from its XML as a stream, before any parser builds its
cells: how far its filled cells reach and its merged ranges, so that a sheet declaring
millions of cells is refused in a second, naming the limit, instead of filling memory."""

from __future__ import annotations

import time
import zipfile
from dataclasses import dataclass, field

from jzdesk.errors import KnownError

MAX_ROWS = 100_000  # a year of a city's activities is a few thousand rows
MAX_COLUMNS = 200  # the sheet has 11 columns, its 活动明细 about 20
MAX_MERGED = 20_000
MAX_SECONDS = 10.0  # the stream of a real sheet takes well under a second

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")


@dataclass
class SheetLayout:
    """One worksheet as its XML declares it: the last filled row and column (1-based) and
    its merged ranges as (first row, first column, last row, last column)."""

    title: str
    rows: int = 0
    columns: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


def ods_layout(data: bytes, name: str) -> list[SheetLayout]:
    """Each table of an .ods (the bytes of the file), read from content.xml as a stream.

    calamine reads no merged ranges from .ods, and builds each sheet's cells as one dense
    block: a cell repeated 16 384 columns across or a row repeated a million times down
    would fill memory. Both are known here first.

    Raises:
        KnownError: the file is damaged, or a sheet passes a limit (named in the message).
    """
    from io import BytesIO

    from lxml import etree

    limits = _Limits(name)
    sheets: list[SheetLayout] = []
    row = column = 0
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive, archive.open("content.xml") as stream:
            events = etree.iterparse(
                stream,
                events=("start", "end"),
                resolve_entities=False,
                load_dtd=False,
                no_network=True,
                huge_tree=False,
            )
            for event, element in events:
                tag = element.tag
                if event == "start":
                    if tag == f"{_TABLE}table":
                        sheets.append(SheetLayout(element.get(f"{_TABLE}name", "")))
                        row = 0
                    elif tag == f"{_TABLE}table-row":
                        column = 0
                    elif tag in _CELLS and sheets:
                        _note_span(sheets[-1], element, row, column, limits)
                    continue
                if tag in _CELLS and sheets:
                    repeat = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
                    if _is_filled(element):
                        _note_filled(sheets[-1], row + 1, column + repeat, limits)
                    column += repeat
                elif tag == f"{_TABLE}table-row" and sheets:
                    repeat = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                    if sheets[-1].rows == row + 1 and repeat > 1:  # a filled row repeated
                        _note_filled(sheets[-1], row + repeat, sheets[-1].columns, limits)
                    row += repeat
                    limits.check_time()
                    _forget_earlier_rows(element)
                element.clear()
    except (etree.XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
        raise KnownError(f"文件 {name} 已损坏或不是有效的 .ods 文件，无法读取") from error
    return sheets


def _forget_earlier_rows(row) -> None:
    """Drop the rows already read, so that memory stays flat however long the sheet."""
    parent = row.getparent()
    while parent is not None and row.getprevious() is not None:
        del parent[0]


def _is_filled(cell) -> bool:
    return cell.get(f"{_OFFICE}value-type") is not None or cell.find(_TEXT_P) is not None


def _note_span(sheet: SheetLayout, cell, row: int, column: int, limits: _Limits) -> None:
    rows = int(cell.get(f"{_TABLE}number-rows-spanned", "1"))
    columns = int(cell.get(f"{_TABLE}number-columns-spanned", "1"))
    if rows > 1 or columns > 1:
        sheet.merged.append((row + 1, column + 1, row + rows, column + columns))
        limits.check_merged(sheet)


def _note_filled(sheet: SheetLayout, row: int, column: int, limits: _Limits) -> None:
    sheet.rows = max(sheet.rows, row)
    sheet.columns = max(sheet.columns, column)
    limits.check_extent(sheet)


class _Limits:
    """The limits one file is held to, and the clock of its reading."""

    def __init__(self, name: str):
        self.name = name
        self.deadline = time.monotonic() + MAX_SECONDS

    def check_extent(self, sheet: SheetLayout) -> None:
        if sheet.rows > MAX_ROWS:
            self._refuse(sheet, f"超过 {MAX_ROWS} 行")
        if sheet.columns > MAX_COLUMNS:
            self._refuse(sheet, f"超过 {MAX_COLUMNS} 列")

    def check_merged(self, sheet: SheetLayout) -> None:
        if len(sheet.merged) > MAX_MERGED:
            self._refuse(sheet, f"合并单元格超过 {MAX_MERGED} 处")

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise KnownError(
                f"文件 {self.name} 读取超过 {MAX_SECONDS:.0f} 秒仍未读完，已停止；"
                "统计表不会这么大，请检查文件"
            )

    def _refuse(self, sheet: SheetLayout, what: str) -> None:
        raise KnownError(
            f"文件 {self.name} 的工作表“{sheet.title}”{what}，已拒绝"
            "（统计表不会这么大；请删去多余的行列，或分成几个文件）"
        )
