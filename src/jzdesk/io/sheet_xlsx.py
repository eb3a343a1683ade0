"""The statistics sheet (附件2) as an Excel workbook, laid out by domain.sheet.

The first worksheet is the sheet a unit prints and stamps; the second, 活动明细, carries
every field and the record ids, so the program reads its own export back losslessly.
"""

from __future__ import annotations

from pathlib import Path

from jzdesk.domain import sheet
from jzdesk.domain.sheet import SheetData

MAIN_SHEET = "统计表"
_FORMULA_STARTS = ("=", "+", "-", "@")


def text_cell(cell, value: str) -> None:
    """Write ``value`` as text, so ``=HYPERLINK(…)``, ``+1`` or ``@SUM`` never turn into
    formulas, neither in the file nor when someone edits the cell later in Excel or WPS."""
    from openpyxl.styles import Alignment

    cell.value = value
    cell.data_type = "s"
    if value.startswith(_FORMULA_STARTS):
        cell.style = "Normal"
        cell.quotePrefix = True
    cell.alignment = Alignment(wrap_text=True, vertical="center")


def write_sheet(data: SheetData, path: Path) -> None:
    """Write ``data`` as an .xlsx file at ``path`` (replaced if it exists)."""
    from openpyxl import Workbook

    book = Workbook()
    main = book.active
    main.title = MAIN_SHEET
    _write_main(main, data)
    _write_detail(book.create_sheet(sheet.DETAIL_SHEET), data)
    book.properties.title = f"{sheet.TITLE}（{data.unit_name} {data.period_label}）"
    book.properties.creator = "jzdesk"
    book.save(path)


def _write_main(ws, data: SheetData) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    width = len(sheet.COLUMNS)
    last = get_column_letter(width)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    for row, text in enumerate(sheet.TITLE_LINES, start=1):
        ws.merge_cells(f"A{row}:{last}{row}")
        ws.cell(row, 1, text).font = Font(size=16, bold=True)
        ws.cell(row, 1).alignment = centre
    ws.merge_cells(f"A3:{last}3")
    ws.cell(3, 1, f"（{data.period_label}）").alignment = centre
    header = "    ".join(
        f"{label}：{value}"
        for label, value in zip(
            (label for _, label in sheet.HEADER_FIELDS),
            (data.unit_name, data.filler, data.phone, data.filled_on),
            strict=True,
        )
    )
    ws.merge_cells(f"A4:{last}4")
    text_cell(ws.cell(4, 1), header)
    ws.row_dimensions[4].height = 24

    header_row = 5
    for column, spec in enumerate(sheet.COLUMNS, start=1):
        cell = ws.cell(header_row, column, spec.label)
        cell.font = Font(bold=True)
        cell.alignment = centre
        cell.border = border
        ws.column_dimensions[get_column_letter(column)].width = spec.width * 1.8
    row = header_row
    for number, record in enumerate(data.records, start=1):
        row += 1
        for column, value in enumerate(_row_values(number, record), start=1):
            cell = ws.cell(row, column)
            if isinstance(value, str):
                text_cell(cell, value)
            else:
                cell.value = value
                cell.alignment = Alignment(horizontal="center", vertical="center")
            cell.border = border
    row += 1
    totals = data.totals
    ws.cell(row, 1, sheet.TOTAL_LABEL)
    for column, spec in enumerate(sheet.COLUMNS, start=1):
        cell = ws.cell(row, column)
        if spec.activity_type is not None:
            cell.value = totals["sessions"][spec.activity_type]
        elif spec.key == "audience":
            cell.value = totals["audience"]
        cell.font = Font(bold=True)
        cell.alignment = centre
        cell.border = border
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    row += 1
    ws.merge_cells(f"A{row}:{last}{row}")
    text_cell(ws.cell(row, 1), data.progress_line)
    if data.summary:
        row += 1
        ws.merge_cells(f"A{row}:{last}{row}")
        text_cell(ws.cell(row, 1), f"活动小结：{data.summary}")
        ws.row_dimensions[row].height = max(30, 15 * (len(data.summary) // 60 + 1))

    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.freeze_panes = ws.cell(header_row + 1, 1)


def _row_values(number: int, record) -> list:
    f = record.fields
    values: list = []
    for spec in sheet.COLUMNS:
        if spec.key == "number":
            values.append(number)
        elif spec.key == "date":
            values.append(f.date.isoformat())
        elif spec.activity_type is not None:
            values.append(f.sessions if f.activity_type is spec.activity_type else None)
        elif spec.key == "audience":
            values.append(f.audience)
        else:
            values.append(getattr(f, spec.key))
    return values


def _write_detail(ws, data: SheetData) -> None:
    from openpyxl.styles import Font

    for column, (_, label) in enumerate(sheet.DETAIL_COLUMNS, start=1):
        ws.cell(1, column, label).font = Font(bold=True)
    for row, record in enumerate(data.records, start=2):
        f = record.fields
        values = {
            "id": record.id, "revision": record.revision, "date": f.date.isoformat(),
            "type": f.activity_type.label, "sessions": f.sessions, "title": f.title,
            "venue": f.venue, "venue_category": f.venue_category, "audience": f.audience,
            "delivery": f.delivery, "presenter": f.presenter,
            "demonstration": "是" if f.demonstration else "否",
            "original": "是" if f.original else "否", "logo_shown": "是" if f.logo_shown else "否",
            "media": "；".join(f"{m.channel}|{m.link}" for m in f.media), "notes": f.notes,
        }  # fmt: skip
        for column, (key, _) in enumerate(sheet.DETAIL_COLUMNS, start=1):
            value = values[key]
            if isinstance(value, str):
                text_cell(ws.cell(row, column), value)
            else:
                ws.cell(row, column, value)
