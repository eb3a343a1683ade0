"""The city's summary sheet (one row per unit) as Excel and as PDF, headed, signed and
checked as a unit's sheet is (sheet_xlsx.sign_sheet, sheet_pdf.heading, SheetPage)."""

from __future__ import annotations

from pathlib import Path

from jzdesk.domain import sheet
from jzdesk.domain.sheet import SummaryData, summary_code, summary_qr_text

# The last column is wide enough for the QR code in the heading, as 备注 on a unit's sheet.
_WIDTHS = (26, 12, 9, 9, 9, 9, 9, 10, 12, 12, 18)


def _text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1%}"
    return str(value)


def write_summary_xlsx(data: SummaryData, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from jzdesk.io.sheet_xlsx import sign_sheet
    from jzdesk.io.xlsx_cells import CellMaker, label_lines, page_setup

    book = Workbook(write_only=True)
    ws = book.create_sheet("汇总表")
    make = CellMaker(ws)
    last = get_column_letter(len(sheet.SUMMARY_HEADERS))
    for column, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    page_setup(ws)
    heads_row = _heading_rows(ws, make, data)
    ws.append(
        [
            make(label_lines(header, width), "header")
            for header, width in zip(sheet.SUMMARY_HEADERS, _WIDTHS, strict=True)
        ]
    )
    rows = data.rows()
    for cells in rows:
        style = "total" if cells[0] == sheet.TOTAL_LABEL else "number"
        made = []
        for index, value in enumerate(cells):
            if index == 0:
                made.append(make(value, "total" if style == "total" else "text"))
            elif isinstance(value, float):
                made.append(make(value, style, number_format="0.0%"))
            else:
                made.append(make("—" if value is None else value, style))
        ws.append(made)
    note_row = heads_row + len(rows) + 1
    ws.merged_cells.add(f"A{note_row}:{last}{note_row}")
    ws.append([make(data.note, "line")])
    code = summary_code(data)
    sign_sheet(ws, data, code, summary_qr_text(data, code), column_widths=list(_WIDTHS))
    book.properties.title = f"{sheet.SUMMARY_TITLE}（{data.period_label}）"
    book.properties.creator = "jzdesk"
    book.save(path)


def write_summary_pdf(data: SummaryData, path: Path) -> str:
    """Write ``data`` as a PDF at ``path``; returns the 校验码 printed on it."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, Spacer, TableStyle

    from jzdesk.io.fonts import register_pdf_font
    from jzdesk.io.pdf_pages import numbered_canvas
    from jzdesk.io.sheet_pdf import heading, paragraph, styles_for
    from jzdesk.io.sheet_pdf_page import QR_BOTTOM_MM, QR_MM, SheetPage

    font = register_pdf_font()
    styles = styles_for(font)
    code = summary_code(data)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=(QR_BOTTOM_MM + QR_MM + 3) * mm,
        title=f"{sheet.SUMMARY_TITLE}（{data.period_label}）",
        author=data.unit_name,
        subject=f"{data.unit_name} {data.period_label} 校验码 {code}",
        creator="jzdesk",
    )
    # Each head breaks before its bracket: 送文艺 over （本期）, never 送文艺（ over 本期）.
    heads = [head.replace("（", "\n（", 1) for head in sheet.SUMMARY_HEADERS]
    rows = [[paragraph(head, styles["cell"]) for head in heads]]
    rows += [[_text(value) for value in cells] for cells in data.rows()]
    widths = [doc.width * w / sum(_WIDTHS) for w in _WIDTHS]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    total_row = next(i for i, r in enumerate(rows) if r[0] == sheet.TOTAL_LABEL)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                # Rows a little tighter than reportlab's: every unit, the 合计 and the note
                # fit on one page above the QR code.
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("BACKGROUND", (0, total_row), (-1, total_row), colors.HexColor("#f5f5f5")),
            ]
        )
    )
    story = [
        *heading(sheet.SUMMARY_TITLE_LINES, data, styles),
        Spacer(1, 2 * mm),
        table,
        Spacer(1, 3 * mm),
        paragraph(data.note, styles["line"]),
    ]
    top = doc.pagesize[1] - doc.topMargin
    qr = summary_qr_text(data, code)
    pages = SheetPage(font, data, code, left=doc.leftMargin, top=top, qr=qr)
    doc.build(
        story,
        onFirstPage=pages.every_page,
        onLaterPages=pages.every_page,
        canvasmaker=numbered_canvas(font, pages.finish),
    )
    return code


def _heading_rows(ws, make, data: SummaryData) -> int:
    """The rows above the table, as on a unit's sheet (sheet_xlsx.HEADING_HEIGHTS): the
    two title lines, the period, the city's header line (short of the QR's column); returns
    the row of the column heads, which every printed page repeats."""
    from openpyxl.utils import get_column_letter

    from jzdesk.io.sheet_xlsx import HEADER_ROW_HEIGHT, HEADING_HEIGHTS, header_line

    last = get_column_letter(len(_WIDTHS))
    for row, height in enumerate((*HEADING_HEIGHTS, HEADER_ROW_HEIGHT), start=1):
        ws.row_dimensions[row].height = height
    heads_row = len(HEADING_HEIGHTS) + 1
    ws.print_title_rows = f"{heads_row}:{heads_row}"
    lines = [(text, "title") for text in sheet.SUMMARY_TITLE_LINES]
    lines += [(f"（{data.period_label}）", "centre"), (header_line(data), "line")]
    for row, (text, style) in enumerate(lines, start=1):
        to = get_column_letter(len(_WIDTHS) - 1) if style == "line" else last
        ws.merged_cells.add(f"A{row}:{to}{row}")
        ws.append([make(text, style)])
    return heads_row
