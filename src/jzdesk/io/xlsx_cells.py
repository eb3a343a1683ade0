"""Cells for the program's .xlsx files: a few prepared styles, each naming its font, text
that stays text, and the page set up for A4 as offices print it."""

from __future__ import annotations

import io
from copy import copy

# One font for every cell: the one Chinese office forms use, on every Windows and WPS
# install; where it is missing (LibreOffice on Linux) one substitute serves the whole sheet.
FONT_NAME = "宋体"
FORMULA_STARTS = ("=", "+", "-", "@")
_EMU_PER_POINT = 12700


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
        # Every style names its font: a bold style without one is drawn by LibreOffice in
        # its default serif font, digits and all, beside the sans text of the others.
        regular, bold = Font(name=FONT_NAME, size=11), Font(name=FONT_NAME, size=11, bold=True)
        for name, font, alignment, border in (
            ("title", Font(name=FONT_NAME, size=16, bold=True), centre, None),
            ("centre", regular, centre, None),
            ("line", regular, wrap, None),
            ("header", bold, centre, box),
            ("text", regular, wrap, box),
            ("number", regular, centre, box),
            ("total", bold, centre, box),
            ("plain", regular, None, None),
        ):
            template = WriteOnlyCell(ws)
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
        """A cell holding ``value`` (text as text; a str starting with ``=`` is text too:
        formulas are made with ``formula``)."""
        cell = self._cell(self._ws)
        cell._style = self._templates[style]  # shared; a cell that differs takes a copy
        quoted = isinstance(value, str) and value.startswith(FORMULA_STARTS)
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

    def formula(self, formula: str, style: str) -> object:
        """A cell holding ``formula`` (``=SUM(B4:B19)``): Excel, WPS and LibreOffice work
        out its value when they open the file, and again when a clerk changes a cell."""
        cell = self._cell(self._ws)
        cell._style = self._templates[style]
        cell._value, cell.data_type = formula, "f"
        return cell


def label_lines(label: str, width: float) -> str:
    """A column label too wide for its column (``width`` in characters), broken before its
    bracket: 受益职工 over （人次）, where the office program would wrap it mid-bracket."""
    used = sum(2 if ord(ch) > 0x2E7F else 1 for ch in label)
    if used <= width - 1 or "（" not in label.lstrip("（"):
        return label
    head, _, unit = label.partition("（")
    return f"{head}\n（{unit}"


# Page margins in inches (Excel's unit), narrow as office forms print: room for the table.
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.6, "bottom": 0.7, "header": 0.3, "footer": 0.3}
A4_INCHES = (8.27, 11.69)


def page_setup(ws) -> None:
    """A4 landscape, fitted to the page width, centred, page numbers in the footer."""
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.worksheet import Worksheet

    ws.page_margins = PageMargins(**MARGINS)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def add_image(
    ws,
    png: bytes,
    *,
    column: int,
    row: int,
    height_pt: float,
    left_pt: float = 0,
    top_pt: float = 0,
):
    """Place a picture ``height_pt`` tall with its top left corner ``left_pt`` and ``top_pt``
    into the cell at ``column``, ``row`` (0-based), anchored to that one cell: it moves
    with the cell and keeps its size whatever the rows below do."""
    from openpyxl.drawing.image import Image
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
    from openpyxl.drawing.xdr import XDRPositiveSize2D

    image = Image(io.BytesIO(png))
    width_pt = height_pt * image.width / image.height
    image.width, image.height = width_pt * 4 / 3, height_pt * 4 / 3  # pixels at 96 dpi
    image.anchor = OneCellAnchor(
        _from=AnchorMarker(
            col=column,
            colOff=round(left_pt * _EMU_PER_POINT),
            row=row,
            rowOff=round(top_pt * _EMU_PER_POINT),
        ),
        ext=XDRPositiveSize2D(round(width_pt * _EMU_PER_POINT), round(height_pt * _EMU_PER_POINT)),
    )
    ws.add_image(image)
    return image


def column_points(width_chars: float) -> float:
    """A column's width in points, as Excel turns its width in characters into pixels
    (a digit of the default font is 7 pixels, plus 5 of padding) at 96 dpi."""
    return (width_chars * 7 + 5) * 0.75
