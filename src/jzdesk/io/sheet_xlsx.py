"""The statistics sheet (附件2) as an Excel workbook, laid out by domain.sheet.

The first worksheet is the sheet a unit prints and stamps; the second, 活动明细, carries
every field and the record ids, so the program reads its own export back losslessly.

Rows are streamed (openpyxl's write-only mode) and every cell shares one of a few prepared
styles, because assigning fonts and borders cell by cell costs seconds on a 10 k-row sheet.
"""

from __future__ import annotations

import io
from copy import copy
from pathlib import Path

from jzdesk.domain import sheet
from jzdesk.domain.sheet import SheetData, qr_text, verification_code
from jzdesk.io.qr import qr_png

MAIN_SHEET = "统计表"
_FORMULA_STARTS = ("=", "+", "-", "@")


class CellMaker:
    """Makes write-only cells in a few prepared styles; text is always stored as text.

    A title like ``=HYPERLINK(…)``, ``+1`` or ``@SUM`` stays a string: the cell's type is
    set to text and it gets Excel's quote prefix, so neither this file nor a later edit
    in Excel or WPS turns it into a formula.

    Made cells share their style's array: never restyle one afterwards (setting its
    font or number format would change every cell of that style); ask for the number
    format when making it.
    """

    def __init__(self, ws):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, Side

        self._ws = ws
        self._cell = WriteOnlyCell
        if hasattr(ws, "_values_to_row"):
            ws._values_to_row = self._row_cells
        thin = Side(style="thin", color="000000")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        wrap = Alignment(wrap_text=True, vertical="center")
        centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self._templates = {}
        for name, font, alignment, border in (
            ("title", Font(size=16, bold=True), centre, None),
            ("centre", None, centre, None),
            ("line", None, wrap, None),
            ("header", Font(bold=True), centre, box),
            ("text", None, wrap, box),
            ("number", None, centre, box),
            ("total", Font(bold=True), centre, box),
            ("plain", None, None, None),
        ):
            template = WriteOnlyCell(ws)
            if font is not None:
                template.font = font
            if alignment is not None:
                template.alignment = alignment
            if border is not None:
                template.border = border
            self._templates[name] = template._style

    def _row_cells(self, values, row: int):
        """An appended row as positioned cells, for openpyxl's write-only sheet.

        It stands in for the sheet's own ``_values_to_row``, which tries every value as
        plain data first and so builds and throws away an error message for every made
        cell: a third of the time of a 10 k-row sheet. Plain values go through one
        reused unstyled cell, as openpyxl's own does."""
        from openpyxl.cell.cell import Cell

        plain = self._cell(self._ws)
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                if plain.has_style:  # a date's number format: the next value starts afresh
                    plain = self._cell(self._ws)
                plain.value = value
                cell = plain
            cell.column, cell.row = column, row
            yield cell

    def __call__(self, value, style: str = "plain", *, number_format: str | None = None):
        cell = self._cell(self._ws)
        cell._style = self._templates[style]  # shared; a cell that differs takes a copy
        quoted = isinstance(value, str) and value.startswith(_FORMULA_STARTS)
        if quoted or number_format is not None:
            cell._style = copy(cell._style)
        if isinstance(value, str):
            # Set the text directly: assigning .value would first take "=…" for a formula.
            cell._value, cell.data_type = value, "s"
            if quoted:
                cell.quotePrefix = True
        elif value is not None:
            cell._value, cell.data_type = value, "n"
        if number_format is not None:
            cell.number_format = number_format
        return cell


def write_sheet(data: SheetData, path: Path) -> None:
    """Write ``data`` as an .xlsx file at ``path`` (replaced if it exists)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _write_main(book.create_sheet(MAIN_SHEET), data)
    detail = book.create_sheet(sheet.DETAIL_SHEET)
    detail.sheet_state = "hidden"  # read back by the program; not printed with the sheet
    _write_detail(detail, data)
    book.properties.title = f"{sheet.TITLE}（{data.unit_name} {data.period_label}）"
    book.properties.creator = "jzdesk"
    book.save(path)


def _write_main(ws, data: SheetData) -> None:
    from openpyxl.utils import get_column_letter

    make = CellMaker(ws)
    width = len(sheet.COLUMNS)
    last = get_column_letter(width)
    for column, spec in enumerate(sheet.COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = spec.width
    header_row = 5
    ws.row_dimensions[4].height = 24
    ws.row_dimensions[header_row].height = 32  # room for a wrapped 受益职工（人次）
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = f"A{header_row + 1}"
    page_setup(ws)

    def wide(row: int, value, style: str) -> None:
        ws.merged_cells.add(f"A{row}:{last}{row}")
        ws.append([make(value, style)])

    for row, text in enumerate(sheet.TITLE_LINES, start=1):
        wide(row, text, "title")
    wide(3, f"（{data.period_label}）", "centre")
    unit = data.unit_name if data.seal else f"{data.unit_name}  （此处加盖公章）"
    values = (unit, data.filler, data.phone, data.filled_on)
    wide(
        4,
        "    ".join(
            f"{label}：{value}"
            for (_, label), value in zip(sheet.HEADER_FIELDS, values, strict=True)
        ),
        "line",
    )
    ws.append([make(spec.label, "header") for spec in sheet.COLUMNS])
    for number, record in enumerate(data.records, start=1):
        values = sheet.row_values(number, record)
        lines = _lines_needed(values)
        if lines > 1:  # write-only rows take their height before they are written
            ws.row_dimensions[header_row + number].height = 15 * lines
        ws.append([make(value, "text" if isinstance(value, str) else "number") for value in values])
    totals = data.totals
    total_row = header_row + len(data.records) + 1
    ws.merged_cells.add(f"A{total_row}:D{total_row}")
    cells = []
    for spec in sheet.COLUMNS:
        value = None
        if spec.key == "number":
            value = sheet.TOTAL_LABEL
        elif spec.activity_type is not None:
            value = totals["sessions"][spec.activity_type]
        elif spec.key == "audience":
            value = totals["audience"]
        cells.append(make(value, "total"))
    ws.append(cells)
    wide(total_row + 1, data.progress_line, "line")
    if data.summary:
        wide(total_row + 2, f"活动小结：{data.summary}", "line")
    code = verification_code(data)
    ws.oddFooter.left.text = f"校验码：{code}"
    ws.oddFooter.left.size = 9
    _add_image(
        ws,
        qr_png(qr_text(data, code)),
        f"{get_column_letter(width - 1)}{total_row + 3}",
        height_cm=2.2,
    )
    if data.seal:
        # Over the unit's name in the header line, as a stamp pressed on the paper sits.
        _add_image(ws, data.seal, "B3", height_cm=3.6)


def _add_image(ws, png: bytes, anchor: str, *, height_cm: float) -> None:
    from openpyxl.drawing.image import Image

    image = Image(io.BytesIO(png))
    scale = height_cm / 2.54 * 96 / image.height  # openpyxl sizes pictures in pixels at 96 dpi
    image.width, image.height = image.width * scale, image.height * scale
    ws.add_image(image, anchor)


def _lines_needed(values: list) -> int:
    """Lines the longest text of a row wraps to (a Chinese character is two widths)."""
    lines = 1
    for column, value in zip(sheet.COLUMNS, values, strict=True):
        if isinstance(value, str) and value:
            width = sum(2 if ord(ch) > 0x2E7F else 1 for ch in value)
            lines = max(lines, -(-width // max(1, column.width - 1)))
    return min(lines, 8)


def page_setup(ws) -> None:
    """A4 landscape, fitted to the page width, centred, page numbers in the footer."""
    from openpyxl.worksheet.worksheet import Worksheet

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def _write_detail(ws, data: SheetData) -> None:
    make = CellMaker(ws)
    ws.append([make(label, "header") for _, label in sheet.DETAIL_COLUMNS])
    for record in data.records:
        f = record.fields
        values = {
            "id": record.id,
            "revision": record.revision,
            "date": f.date.isoformat(),
            "type": f.activity_type.label,
            "sessions": f.sessions,
            "title": f.title,
            "venue": f.venue,
            "venue_category": f.venue_category,
            "audience": f.audience,
            "delivery": f.delivery,
            "presenter": f.presenter,
            "demonstration": "是" if f.demonstration else "否",
            "original": "是" if f.original else "否",
            "logo_shown": "是" if f.logo_shown else "否",
            "media": "；".join(f"{m.channel}|{m.link}" for m in f.media),
            "notes": f.notes,
        }
        # Plain values are cheapest; only text that looks like a formula needs a made cell.
        ws.append(
            [
                make(value)
                if isinstance(value, str) and value.startswith(_FORMULA_STARTS)
                else value
                for value in (values[key] for key, _ in sheet.DETAIL_COLUMNS)
            ]
        )
