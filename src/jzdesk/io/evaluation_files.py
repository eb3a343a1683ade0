"""The inspection ranking (检查考核) as Excel and PDF, for the October meeting."""

from __future__ import annotations

from pathlib import Path

from jzdesk.domain.evaluation import HEADERS

_WIDTHS = (6, 18, 9, 9, 9, 12, 34, 40)


def title(year: int, as_of) -> tuple[str, str]:
    return (
        f"{year}年“五送”文化活动进基层检查考核排名",
        f"（截至 {as_of.year}年{as_of.month}月{as_of.day}日）",
    )


def table_rows(rows) -> list[list]:
    return [
        [
            row.rank,
            row.progress.unit.name,
            row.progress.quota,
            row.progress.total,
            row.progress.rate,
            round(row.progress.pace),
            "；".join(row.praise),
            "；".join(row.criticism),
        ]
        for row in rows
    ]


_RATE_COLUMN = 4  # in table_rows


def write_evaluation_xlsx(year: int, as_of, rows, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from jzdesk.io.xlsx_cells import CellMaker, page_setup

    book = Workbook(write_only=True)
    ws = book.create_sheet("检查考核")
    make = CellMaker(ws)
    last = get_column_letter(len(HEADERS))
    for column, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.print_title_rows = "3:3"
    page_setup(ws)
    for row, text in enumerate(title(year, as_of), start=1):
        ws.merged_cells.add(f"A{row}:{last}{row}")
        ws.append([make(text, "title" if row == 1 else "centre")])
    ws.append([make(header, "header") for header in HEADERS])
    for cells in table_rows(rows):
        made = []
        for column, value in enumerate(cells):
            if column == _RATE_COLUMN:  # a rate of any size, or "—" for a unit without quota
                made.append(
                    make("—", "number")
                    if value is None
                    else make(value, "number", number_format="0.0%")
                )
            else:
                made.append(make(value, "text" if isinstance(value, str) else "number"))
        ws.append(made)
    book.properties.title = "".join(title(year, as_of))
    book.properties.creator = "jzdesk"
    book.save(path)


def write_evaluation_pdf(year: int, as_of, rows, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, Spacer, TableStyle

    from jzdesk.io.fonts import register_pdf_font
    from jzdesk.io.pdf_pages import numbered_canvas
    from jzdesk.io.sheet_pdf import paragraph, styles_for

    font = register_pdf_font()
    styles = styles_for(font)
    heading, when = title(year, as_of)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=18 * mm,
        title=heading + when,
        author="焦作市总工会",
        creator="jzdesk",
    )
    body = [[paragraph(h, styles["cell"]) for h in HEADERS]]
    for cells in table_rows(rows):
        rate = "—" if cells[_RATE_COLUMN] is None else f"{cells[_RATE_COLUMN]:.1%}"
        body.append(
            [
                str(cells[0]),
                paragraph(cells[1], styles["cell"]),
                str(cells[2]),
                str(cells[3]),
                rate,
                str(cells[5]),
                paragraph(cells[6], styles["cell"]),
                paragraph(cells[7], styles["cell"]),
            ]
        )
    widths = [doc.width * w / sum(_WIDTHS) for w in _WIDTHS]
    table = LongTable(body, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("ALIGN", (2, 0), (5, -1), "CENTER"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ]
        )
    )
    story = [
        paragraph(heading, styles["title"]),
        paragraph(when, styles["period"]),
        Spacer(1, 4 * mm),
        table,
    ]
    doc.build(story, canvasmaker=numbered_canvas(font))
