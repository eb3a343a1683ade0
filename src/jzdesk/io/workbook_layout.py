"""A workbook's layout read as a stream before any parser builds its cells: how far its
cells reach, how many rows it declares, its merged ranges. calamine builds each sheet as
one dense block from its first to its last cell, so one cell at XFD1048576 would ask for
hundreds of gigabytes (and end the program); a sheet past these limits is refused here,
within a second or two, naming the limit it passed."""

from __future__ import annotations

import re
import time
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from jzdesk.errors import KnownError
from jzdesk.io.workbook_safety import KINDS

MAX_ROWS = 50_000  # a unit's year is a few thousand rows; the 10 000-row benchmark fits
MAX_COLUMNS = 100  # the sheet has 11 columns, its 活动明细 16
MAX_CELLS = 2_000_000  # rows × columns of one sheet's block of cells
MAX_MERGED = 20_000  # merged ranges in one sheet
MAX_MERGED_CELLS = 2_000_000  # the cells they cover together
MAX_SECONDS = 5.0  # a real sheet is read in well under a second


@dataclass
class SheetLayout:
    """One worksheet as its file declares it: the last row and column (1-based) its cells
    and merged ranges reach, and its merged ranges as (top, left, bottom, right)."""

    title: str
    rows: int = 0
    columns: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    merged_cells: int = 0


class Limits:
    """The limits one file's sheets are held to, and the clock of its reading."""

    def __init__(self, name: str):
        self.name = name
        self.sheets: list[SheetLayout] = []
        self.deadline = time.monotonic() + MAX_SECONDS

    def sheet(self, title: str) -> SheetLayout:
        self.sheets.append(SheetLayout(title))
        return self.sheets[-1]

    def reach(self, sheet: SheetLayout, row: int, column: int) -> None:
        """A cell at (row, column) holds something, or a row or range reaches there."""
        if row > MAX_ROWS:
            self._refuse(sheet, f"超过 {MAX_ROWS} 行（第 {row} 行）")
        if column > MAX_COLUMNS:
            self._refuse(sheet, f"超过 {MAX_COLUMNS} 列（第 {column} 列）")
        sheet.rows, sheet.columns = max(sheet.rows, row), max(sheet.columns, column)
        if sheet.rows * sheet.columns > MAX_CELLS:
            self._refuse(
                sheet, f"的单元格超过 {MAX_CELLS} 个（{sheet.rows} 行 × {sheet.columns} 列）"
            )

    def merge(self, sheet: SheetLayout, top: int, left: int, bottom: int, right: int) -> None:
        if bottom < top or right < left or top < 1 or left < 1:
            raise KnownError(f"文件 {self.name} 的合并单元格范围无效，文件已损坏")
        self.reach(sheet, bottom, right)
        sheet.merged.append((top, left, bottom, right))
        sheet.merged_cells += (bottom - top + 1) * (right - left + 1)
        if len(sheet.merged) > MAX_MERGED:
            self._refuse(sheet, f"的合并单元格超过 {MAX_MERGED} 处")
        if sheet.merged_cells > MAX_MERGED_CELLS:
            self._refuse(sheet, f"的合并单元格共覆盖超过 {MAX_MERGED_CELLS} 个单元格")

    def tick(self) -> None:
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


def workbook_layout(data: bytes, suffix: str, name: str) -> dict[str, SheetLayout]:
    """Each worksheet's layout by title, from the bytes of an .xlsx, .xls or .ods file.

    Raises:
        KnownError: the file is damaged, or a sheet passes a limit (named in the message).
    """
    limits = Limits(name)
    scan = {".xlsx": _scan_xlsx, ".xls": _scan_xls, ".ods": _scan_ods}[suffix]
    try:
        scan(data, limits)
    except KnownError:
        raise
    except Exception as error:  # lxml, zipfile and olefile raise many kinds on bad parts
        raise KnownError(f"文件 {name} 已损坏或不是有效的 {KINDS[suffix]}，无法读取") from error
    return {sheet.title: sheet for sheet in limits.sheets}


def _stream(source):
    """The end of each element of an XML stream, read flat (no entities, no DTD)."""
    from lxml import etree

    return etree.iterparse(
        source, events=("start", "end"), resolve_entities=False, load_dtd=False, no_network=True
    )


def _forget(element) -> None:
    """Drop an element read and those before it, so memory stays flat however long the sheet."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


# ---- .xlsx -------------------------------------------------------------------------------

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})")


def _scan_xlsx(data: bytes, limits: Limits) -> None:
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(BytesIO(data)) as archive:
        book = fromstring(archive.read("xl/workbook.xml"))
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
        for entry in book.iter(f"{_MAIN}sheet"):
            target = targets.get(entry.get(_REL), "").lstrip("/")
            part = target if target.startswith("xl/") else f"xl/{target}"
            if part not in archive.namelist():  # read as no sheet, it would vanish unsaid
                raise KnownError(
                    f"文件 {limits.name} 已损坏：工作表“{entry.get('name', '')}”的内容缺失"
                )
            if "worksheets/" in part:
                with archive.open(part) as stream:
                    _scan_xlsx_sheet(stream, limits.sheet(entry.get("name", "")), limits)


def _scan_xlsx_sheet(stream, sheet: SheetLayout, limits: Limits) -> None:
    from lxml import etree

    row = column = 0
    tags = (f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}mergeCell", f"{_MAIN}dimension")
    events = etree.iterparse(
        stream, events=("end",), tag=tags, resolve_entities=False, load_dtd=False, no_network=True
    )
    for _, element in events:
        tag = element.tag
        if tag == f"{_MAIN}c":
            reference = element.get("r")
            if reference:
                row, column = _position(reference)
            else:  # numbered by its place: the row's number, the column after the last
                parent = element.getparent()
                row, column = int(parent.get("r") or row + (column == 0)), column + 1
            # A value, a formula or inline text (a bare <c> only carries a format).
            if len(element) and (row > sheet.rows or column > sheet.columns):
                limits.reach(sheet, row, column)
        elif tag == f"{_MAIN}row":
            row, column = int(element.get("r") or row + 1), 0
            if row > sheet.rows:
                limits.reach(sheet, row, max(sheet.columns, 1))  # declared, even if empty
            if row % 1000 == 0:
                limits.tick()
            _forget(element)
        elif tag == f"{_MAIN}mergeCell":
            first, _, last = element.get("ref", "").partition(":")
            limits.merge(sheet, *_position(first), *_position(last or first))
        else:  # the declared dimension, at the start of the sheet
            limits.reach(sheet, *_position(element.get("ref", "A1").split(":")[-1]))


def _position(reference: str) -> tuple[int, int]:
    """(row, column) of a cell reference such as ``K300000``."""
    match = _CELL_REF.fullmatch(reference.replace("$", "").upper())
    if match is None:
        raise ValueError(reference)
    column = 0
    for letter in match[1]:
        column = column * 26 + ord(letter) - 64
    return int(match[2]), column


# ---- .ods --------------------------------------------------------------------------------

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT_P = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
_ODS_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")


def _scan_ods(data: bytes, limits: Limits) -> None:
    """content.xml as a stream: a cell repeated 16 384 columns across or a row repeated a
    million times down counts as what it stands for. calamine reads no merged ranges from
    an .ods; they are taken from here."""
    sheet, row, column = None, 0, 0
    with zipfile.ZipFile(BytesIO(data)) as archive, archive.open("content.xml") as stream:
        for event, element in _stream(stream):
            tag = element.tag
            if event == "start":
                if tag == f"{_TABLE}table":
                    sheet, row = limits.sheet(element.get(f"{_TABLE}name", "")), 0
                elif tag == f"{_TABLE}table-row":
                    column = 0
                elif tag in _ODS_CELLS and sheet is not None:
                    rows = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
                    columns = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
                    if rows > 1 or columns > 1:
                        limits.merge(sheet, row + 1, column + 1, row + rows, column + columns)
                continue
            if tag in _ODS_CELLS and sheet is not None:
                repeat = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
                if element.get(f"{_OFFICE}value-type") or element.find(_TEXT_P) is not None:
                    limits.reach(sheet, row + 1, column + repeat)
                column += repeat
            elif tag == f"{_TABLE}table-row" and sheet is not None:
                repeat = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                if sheet.rows == row + 1 and repeat > 1:  # a filled row, repeated
                    limits.reach(sheet, row + repeat, sheet.columns)
                row += repeat
                limits.tick()
                _forget(element)


# ---- .xls --------------------------------------------------------------------------------

_BOF, _BOUNDSHEET, _EOF, _MERGED = 0x0809, 0x0085, 0x000A, 0x00E5
_DIMENSIONS = 0x0200
# Records that hold one cell, its row and column first; and those holding a run of cells
# in one row (MULRK, MULBLANK), their last column in their last two bytes.
_ONE_CELL = {0x0006, 0x00FD, 0x0203, 0x027E, 0x0205, 0x0204, 0x00D6, 0x0201}
_CELL_RUN = {0x00BD, 0x00BE}


def _scan_xls(data: bytes, limits: Limits) -> None:
    """The BIFF records of the Workbook stream: each worksheet's declared dimensions, the
    row and column of every cell record, its merged ranges."""
    import struct

    import olefile

    with olefile.OleFileIO(BytesIO(data)) as ole:
        stream = "Workbook" if ole.exists("Workbook") else "Book"
        book = ole.openstream(stream).read()
    names, sheet, position, count, depth = [], None, 0, 0, 0
    while position + 4 <= len(book):
        kind, size = struct.unpack_from("<HH", book, position)
        body = book[position + 4 : position + 4 + size]
        position += 4 + size
        count += 1
        if count % 10_000 == 0:
            limits.tick()
        if kind == _BOF:  # the workbook's globals, then each sheet (a chart nests inside)
            depth += 1
            if depth == 1 and count > 1:
                taken = len(limits.sheets)
                sheet = limits.sheet(names[taken] if taken < len(names) else f"第 {taken + 1} 个")
        elif kind == _EOF:
            depth = max(0, depth - 1)
        elif kind == _BOUNDSHEET and len(body) >= 8:
            names.append(_sheet_name(body[6:]))
        elif sheet is None or len(body) < 4:
            continue
        elif kind == _DIMENSIONS and len(body) >= 14:
            rows, columns = (
                struct.unpack_from("<I", body, 4)[0],
                struct.unpack_from("<H", body, 10)[0],
            )
            limits.reach(sheet, max(rows, 1), max(columns, 1))  # one past the last, as declared
        elif kind in _ONE_CELL:
            row, column = struct.unpack_from("<HH", body)
            limits.reach(sheet, row + 1, column + 1)
        elif kind in _CELL_RUN and len(body) >= 6:
            row = struct.unpack_from("<H", body)[0]
            limits.reach(sheet, row + 1, struct.unpack_from("<H", body, len(body) - 2)[0] + 1)
        elif kind == _MERGED and len(body) >= 2:
            ranges = struct.unpack_from("<H", body)[0]
            for top, bottom, left, right in struct.iter_unpack("<HHHH", body[2 : 2 + 8 * ranges]):
                limits.merge(sheet, top + 1, left + 1, bottom + 1, right + 1)


def _sheet_name(text: bytes) -> str:
    """A BIFF8 short string: its length in characters, a flag byte, then Latin-1 bytes or
    UTF-16 (flag bit 0)."""
    length, wide = text[0], text[1] & 1
    raw = text[2 : 2 + length * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")
