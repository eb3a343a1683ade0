"""The statistics sheet (附件2) as an Excel workbook, laid out by domain.sheet.

The first worksheet is the sheet a unit prints and stamps; the second, 活动明细, carries
every field and the record ids, so the program reads its own export back losslessly.

Rows are streamed (openpyxl's write-only mode) and every cell shares one of a few prepared
styles, because assigning fonts and borders cell by cell costs seconds on a 10 k-row sheet.
"""

from __future__ import annotations

from pathlib import Path

from jzdesk.domain import sheet
from jzdesk.domain.sheet import SheetData, qr_text, verification_code
from jzdesk.io.qr import qr_png
from jzdesk.io.xlsx_cells import (
    A4_INCHES,
    FORMULA_STARTS,
    MARGINS,
    CellMaker,
    add_image,
    column_points,
    label_lines,
    page_setup,
)

MAIN_SHEET = "统计表"


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


# The four rows above the table, in points: two title lines, the period, the header line.
# The seal and the QR code sit inside them, never on the table nor in the print-title row
# under them (LibreOffice would reprint a slice of a picture reaching into it on every page).
HEADING_HEIGHTS = (26, 26, 20, 40)
HEADER_ROW_HEIGHT = 32  # room for a wrapped 受益职工（人次）
ROW_HEIGHT = 15  # every row's height is set: Excel, WPS and LibreOffice then page alike
SEAL_PT = sum(HEADING_HEIGHTS[1:]) - 4  # title line 2 to the header line: 2.9 cm
SEAL_LEFT_PT = 20  # in column B: over the end of “填报单位（盖章）：” and the unit's name
QR_PT = 94  # 33 mm with its quiet zone: the code itself 23–26 mm, as on the PDF


def _write_main(ws, data: SheetData) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    make = CellMaker(ws)
    width = len(sheet.COLUMNS)
    last = get_column_letter(width)
    for column, spec in enumerate(sheet.COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = spec.width
    header_row = len(HEADING_HEIGHTS) + 1
    for row, height in enumerate((*HEADING_HEIGHTS, HEADER_ROW_HEIGHT), start=1):
        ws.row_dimensions[row].height = height
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = f"A{header_row + 1}"
    page_setup(ws)

    def wide(row: int, value, style: str, *, to: str = last) -> None:
        ws.merged_cells.add(f"A{row}:{to}{row}")
        ws.append([make(value, style)])

    for row, text in enumerate(sheet.TITLE_LINES, start=1):
        wide(row, text, "title")
    wide(3, f"（{data.period_label}）", "centre")
    wide(4, header_line(data), "line", to=get_column_letter(width - 1))  # the QR's column
    ws.append([make(label_lines(spec.label, spec.width), "header") for spec in sheet.COLUMNS])
    heights = []
    for number, record in enumerate(data.records, start=1):
        values = sheet.row_values(number, record)
        # Write-only rows take their height before they are written; every row has its
        # own, as LibreOffice draws rows without one at its default height, not the sheet's.
        heights.append(ROW_HEIGHT * _lines_needed(values))
        ws.row_dimensions[header_row + number].height = heights[-1]
        ws.append([make(value, "text" if isinstance(value, str) else "number") for value in values])
    totals = data.totals
    total_row = header_row + len(data.records) + 1
    ws.merged_cells.add(f"A{total_row}:D{total_row}")
    ws.row_dimensions[total_row].height = ROW_HEIGHT
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
    tail = [data.progress_line] + ([f"活动小结：{data.summary}"] if data.summary else [])
    for offset, text in enumerate(tail, start=1):
        lines = _lines_needed([text], widths=[sum(c.width for c in sheet.COLUMNS)])
        ws.row_dimensions[total_row + offset].height = ROW_HEIGHT * lines + 6
        heights.append(ROW_HEIGHT * lines + 6)
        wide(total_row + offset, text, "line")
    for row in _page_ends(
        heights[: len(data.records)], ROW_HEIGHT + sum(heights[len(data.records) :])
    ):
        ws.row_breaks.append(Break(id=header_row + row))
    code = verification_code(data)
    sign_sheet(ws, data, code, qr_text(data, code), column_widths=[c.width for c in sheet.COLUMNS])


def header_line(data) -> str:
    """The line above the table (a unit's sheet or the city's summary: anything with
    unit_name, seal, filler, phone, filled_on), with room for a stamp when no seal is printed."""
    unit = data.unit_name if data.seal else f"{data.unit_name}  （此处加盖公章）"
    values = (unit, data.filler, data.phone, data.filled_on)
    return "    ".join(
        f"{label}：{value}" for (_, label), value in zip(sheet.HEADER_FIELDS, values, strict=True)
    )


def sign_sheet(ws, data, code: str, qr: str, *, column_widths: list[int]) -> None:
    """What makes a printed sheet checkable, under HEADING_HEIGHTS' four rows: the 校验码
    in every page's footer, the unit and period in its header, the QR in the last column
    of the heading and the seal over 填报单位.

    The seal is placed at the same distance from the sheet's left edge whatever the
    columns, so it sits over the unit's name as a stamp pressed on the paper does.
    """
    ws.oddFooter.left.text = f"校验码：{code}"
    ws.oddFooter.left.size = 9
    # Each printed page names its unit and period: a loose page 7 is still someone's.
    ws.oddHeader.left.text = f"{data.unit_name}  {data.period_label}"
    ws.oddHeader.left.size = 9
    qr_left = column_points(column_widths[-1]) - QR_PT - 4
    add_image(
        ws,
        qr_png(qr),
        column=len(column_widths) - 1,
        row=0,
        height_pt=QR_PT,
        left_pt=qr_left,
        top_pt=4,
    )
    if data.seal:
        column, left = 0, column_points(sheet.COLUMNS[0].width) + SEAL_LEFT_PT
        if left > column_points(column_widths[0]):  # the unit sheet: into column B
            column, left = 1, SEAL_LEFT_PT
        add_image(ws, data.seal, column=column, row=1, height_pt=SEAL_PT, left_pt=left, top_pt=2)


def _page_ends(heights: list[float], tail: float) -> list[int]:
    """The record rows (1-based) after which a page ends: set by hand, so that every
    office program pages the sheet alike and the 合计 and the lines under it never stand
    alone on a last page with the repeated header.

    Pages are filled as if printed at full size; Excel, WPS and LibreOffice shrink the
    sheet to the page width (each by its own measure of a character), so their pages are
    a little emptier at the bottom but break where these say.
    """
    height_in, _ = A4_INCHES  # landscape: the A4 width is the page's height
    room = (height_in - MARGINS["top"] - MARGINS["bottom"]) * 72 * 0.97 - HEADER_ROW_HEIGHT
    ends, used, limit = [], 0.0, room - sum(HEADING_HEIGHTS)
    for number, height in enumerate(heights, start=1):
        if used and used + height > limit:
            ends.append(number - 1)
            used, limit = 0.0, room
        used += height
    if used + tail > limit and len(heights) > 1 and (not ends or ends[-1] < len(heights) - 1):
        ends.append(len(heights) - 1)  # the last row goes over with the 合计
    return ends


def _lines_needed(values: list, widths: list[int] | None = None) -> int:
    """Lines the longest text of a row wraps to (a Chinese character is two widths)."""
    widths = widths or [column.width for column in sheet.COLUMNS]
    lines = 1
    for width, value in zip(widths, values, strict=True):
        if isinstance(value, str) and value:
            used = sum(2 if ord(ch) > 0x2E7F else 1 for ch in value)
            lines = max(lines, -(-used // max(1, width - 1)))
    return min(lines, 8)


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
                if isinstance(value, str) and value.startswith(FORMULA_STARTS)
                else value
                for value in (values[key] for key, _ in sheet.DETAIL_COLUMNS)
            ]
        )
