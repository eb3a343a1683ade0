"""The city's summary sheet (one row per unit) as Excel and as PDF."""

from __future__ import annotations

from pathlib import Path

from jzdesk.domain import sheet
from jzdesk.domain.sheet import SummaryData

_WIDTHS = (26, 9, 8, 8, 8, 8, 8, 9, 9, 9, 12)


def _text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1%}"
    return str(value)


def write_summary_xlsx(data: SummaryData, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from jzdesk.io.xlsx_cells import CellMaker, label_lines, page_setup

    book = Workbook(write_only=True)
    ws = book.create_sheet("汇总表")
    make = CellMaker(ws)
    last = get_column_letter(len(sheet.SUMMARY_HEADERS))
    for column, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.row_dimensions[3].height = 32
    ws.print_title_rows = "3:3"
    page_setup(ws)
    ws.merged_cells.add(f"A1:{last}1")
    ws.append([make(sheet.SUMMARY_TITLE, "title")])
    ws.merged_cells.add(f"A2:{last}2")
    ws.append([make(f"（{data.period_label}）", "centre")])
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
    book.properties.title = f"{sheet.SUMMARY_TITLE}（{data.period_label}）"
    book.properties.creator = "jzdesk"
    book.save(path)


def write_summary_pdf(data: SummaryData, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, Spacer, TableStyle

    from jzdesk.io.fonts import register_pdf_font
    from jzdesk.io.pdf_pages import numbered_canvas
    from jzdesk.io.sheet_pdf import paragraph, styles_for

    font = register_pdf_font()
    styles = styles_for(font)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=18 * mm,
        title=f"{sheet.SUMMARY_TITLE}（{data.period_label}）",
        author="焦作市总工会",
        creator="jzdesk",
    )
    rows = [[paragraph(h, styles["cell"]) for h in sheet.SUMMARY_HEADERS]]
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
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("BACKGROUND", (0, total_row), (-1, total_row), colors.HexColor("#f5f5f5")),
            ]
        )
    )
    story = [
        paragraph(sheet.SUMMARY_TITLE, styles["title"]),
        paragraph(f"（{data.period_label}）", styles["period"]),
        Spacer(1, 4 * mm),
        table,
    ]
    doc.build(story, canvasmaker=numbered_canvas(font))
