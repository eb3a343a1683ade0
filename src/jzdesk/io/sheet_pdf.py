"""The statistics sheet (附件2) as a PDF: A4 landscape, the table's header repeated on every
page, cut into pages here (sheet_pdf_page draws what lies around the table)."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable

from jzdesk.domain import sheet
from jzdesk.domain.sheet import SheetData, verification_code
from jzdesk.io.fonts import register_pdf_font
from jzdesk.io.pdf_pages import numbered_canvas
from jzdesk.io.sheet_pdf_page import QR_BOTTOM_MM, QR_MM, SheetPage

MARGIN_MM = 12


def write_sheet_pdf(data: SheetData, path: Path) -> str:
    """Write ``data`` as a PDF at ``path``; returns the verification code printed on it."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    font = register_pdf_font()
    code = verification_code(data)
    page = landscape(A4)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=page,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=MARGIN_MM * mm,
        bottomMargin=(QR_BOTTOM_MM + QR_MM + 3) * mm,
        title=f"{sheet.TITLE}（{data.period_label}）",
        author=data.unit_name,
        subject=f"{data.unit_name} {data.period_label} 校验码 {code}",
        creator="jzdesk",
    )
    styles = styles_for(font)
    story = [*heading(sheet.TITLE_LINES, data, styles), Spacer(1, 2 * mm)]
    first_page_room = doc.height - sum(f.wrap(doc.width, doc.height)[1] for f in story)
    tail = [Spacer(1, 3 * mm), paragraph(data.progress_line, styles["line"])]
    if data.summary:
        tail += [Spacer(1, 2 * mm), paragraph(f"活动小结：{data.summary}", styles["line"])]
    # Room for the progress line only: a long 活动小结 may flow on to the next page.
    tail_height = sum(f.wrap(doc.width, doc.height)[1] for f in tail[:2])
    story += _page_tables(data, styles, doc.width, first_page_room, doc.height, tail_height)
    story += tail
    pages = SheetPage(font, data, code, left=doc.leftMargin, top=page[1] - doc.topMargin)
    doc.build(
        story,
        onFirstPage=pages.every_page,
        onLaterPages=pages.every_page,
        canvasmaker=numbered_canvas(font, pages.finish),
    )
    return code


def styles_for(font: str) -> dict:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=17, leading=22, alignment=TA_CENTER),
        "period": ParagraphStyle(
            "period", parent=base, fontSize=10.5, leading=14, alignment=TA_CENTER
        ),
        "header": ParagraphStyle("header", parent=base, fontSize=10.5, leading=16),
        "cell": base,
        "line": ParagraphStyle("line", parent=base, fontSize=10, leading=14),
    }


def paragraph(text: str, style):
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def heading(title_lines: tuple[str, ...], data, styles) -> list:
    """Two title lines, the period and the header line (a unit's sheet or the city's
    summary): where SheetPage puts the seal, over 填报单位."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, Table, TableStyle

    lines = [paragraph(text, styles["title"]) for text in title_lines]
    lines.append(paragraph(f"（{data.period_label}）", styles["period"]))
    labels = [label for _, label in sheet.HEADER_FIELDS]
    stamp_room = "" if data.seal else "（此处加盖公章）"
    values = [
        f"{data.unit_name}  {stamp_room}",
        data.filler or "",
        data.phone or "",
        data.filled_on,
    ]
    cells = [
        paragraph(f"{label}：{value}", styles["header"])
        for label, value in zip(labels, values, strict=True)
    ]
    header = Table([cells], colWidths=["40%", "18%", "22%", "20%"], rowHeights=[12 * mm])
    header.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                # The table's own font (for its empty text blocks): else a Helvetica the
                # PDF names and never embeds.
                ("FONTNAME", (0, 0), (-1, -1), styles["header"].fontName),
            ]
        )
    )
    return [*lines, Spacer(1, 1 * mm), header]


_PADDING = 3  # reportlab's default cell padding, top and bottom (and 6 left and right)
_FRAME_PADDING = 12 + 2  # a frame's own padding, top and bottom, and a little to spare


def _page_tables(
    data: SheetData, styles, width: float, first_room: float, room: float, tail_height: float
) -> list:
    """The table cut into one table per page, each starting with the header row.

    Rows are measured and laid out here rather than left to reportlab's table splitting,
    which copies the rest of the table at every page break: a 10 k-row sheet would take
    minutes instead of seconds.
    """
    from reportlab.platypus import PageBreak

    columns = sheet.COLUMNS
    total_units = sum(column.width for column in columns)
    widths = [width * column.width / total_units for column in columns]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cell = styles["cell"]
    inner = [w - 12 for w in widths]  # inside the cell padding
    header = [
        paragraph(_label_lines(column.label, cell, space), cell)
        for column, space in zip(columns, inner, strict=True)
    ]
    header_height = _height(header, widths, cell)
    total_height = cell.leading + 2 * _PADDING + 2
    # The tallest row that still fits on any page with the header, the 合计 and the lines
    # under it (a record may hold 2000 characters in each of three fields).
    tallest = (
        min(first_room, room)
        - _FRAME_PADDING
        - header_height
        - total_height
        - tail_height
        - 2 * _PADDING
        - 1
    )
    body = []
    for number, record in enumerate(data.records, start=1):
        row = []
        for space, value in zip(inner, sheet.row_values(number, record), strict=True):
            text = "" if value is None else str(value)
            # Text that fits stays a plain string (fast); longer text wraps in a Paragraph.
            fits = stringWidth(text, cell.fontName, 9) <= space
            row.append(text if fits else _fitted(text, cell, space, tallest))
        body.append((row, _height(row, widths, cell)))
    totals = data.totals
    total_row = [sheet.TOTAL_LABEL, "", "", ""]
    total_row += [str(totals["sessions"][c.activity_type]) for c in columns if c.activity_type]
    total_row += [str(totals["audience"]), ""]

    # A frame keeps 6 pt of padding above and below its content.
    tables, page, used, limit = [], [], header_height, first_room - _FRAME_PADDING

    def next_page():
        nonlocal page, used, limit
        tables.extend(
            [_page_table(header, header_height, page, widths, cell, total=False), PageBreak()]
        )
        page, used, limit = [], header_height, room - _FRAME_PADDING

    for row, height in body:
        if page and used + height > limit:
            next_page()
        page.append((row, height))
        used += height
    # The 合计 and the lines under it stay together: if they do not fit, the last row goes
    # over with them rather than leaving them alone on a page.
    if used + total_height + tail_height > limit and page:
        carried = page.pop()
        next_page()
        page.append(carried)
    page.append((total_row, total_height))
    tables.append(_page_table(header, header_height, page, widths, cell, total=True))
    return tables


def _label_lines(label: str, style, width: float) -> str:
    """A column label too wide for its column, broken before its bracket: 受益职工 over
    （人次）, never 受益职工（人 over 次）."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if "（" in label and stringWidth(label, style.fontName, style.fontSize) > width:
        return label.replace("（", "\n（", 1)
    return label


CUT_MARK = "…（全文见 Excel 表）"


def _fitted(text: str, style, width: float, height: float):
    """``text`` wrapped to ``width``; if it is taller than ``height``, the longest start of
    it that fits, marked as cut (the Excel sheet keeps every character)."""
    whole = paragraph(text, style)
    if whole.wrap(width, 10_000)[1] <= height:
        return whole
    shortest, longest = 0, len(text)  # the start that fits is at least / less than
    while longest - shortest > 1:
        middle = (shortest + longest) // 2
        if paragraph(text[:middle] + CUT_MARK, style).wrap(width, 10_000)[1] <= height:
            shortest = middle
        else:
            longest = middle
    cut = paragraph(text[:shortest] + CUT_MARK, style)
    cut.wrap(width, 10_000)
    return cut


def _height(row: list, widths: list[float], style) -> float:
    """A row's height: its tallest cell plus the padding reportlab adds."""
    tallest = style.leading
    for value, width in zip(row, widths, strict=True):
        if not isinstance(value, str):
            tallest = max(tallest, value.wrap(width - 12, 10_000)[1])
    return tallest + 2 * _PADDING + 1


def _page_table(header, header_height, page, widths, style, *, total: bool):
    rows = [header, *(row for row, _ in page)]
    heights = [header_height, *(height for _, height in page)]
    return _TablePage(rows, heights, widths, style.fontName, total=total)


_GRID_PT = 0.5
_HEADER_GREY = "#eeeeee"
_TOTAL_GREY = "#f5f5f5"
_TEXT_PT, _TOTAL_PT = 9, 9.5
_SIDE_PADDING = 6  # left and right inside a cell
_CENTRED = frozenset({1, *(i for i, column in enumerate(sheet.COLUMNS) if column.numeric)})
_TOTAL_SPAN = 4  # 合计 spans 序号, 活动日期, 活动名称 and 活动地点


class _TablePage(Flowable):
    """One page of the sheet's table, drawn straight on the canvas.

    reportlab's Table spent most of a 10 k-row sheet's time on bookkeeping for every cell
    (its style looked up, a text object begun and ended); here a page's texts are one text
    object and its lines one path. The geometry is the Table's: 6 pt of padding left and
    right, text centred in its row, a 0.5 pt grid, the header row grey; the 合计 row, when
    the page has it, spans the first four columns.
    """

    def __init__(
        self, rows: list[list], heights: list[float], widths: list[float], font: str, *, total: bool
    ):
        super().__init__()
        self.hAlign = "CENTER"  # as wide as the page's text: over the frame's padding
        self.rows, self.heights, self.widths = rows, heights, widths
        self.font, self.total = font, total

    def wrap(self, available_width, available_height):
        return sum(self.widths), sum(self.heights)

    def draw(self) -> None:
        from itertools import accumulate

        from reportlab.lib import colors

        canvas = self.canv
        width, height = sum(self.widths), sum(self.heights)
        lefts = [0.0, *accumulate(self.widths)]
        bottoms = [height - top for top in accumulate(self.heights)]
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(_HEADER_GREY))
        canvas.rect(0, bottoms[0], width, self.heights[0], stroke=0, fill=1)
        if self.total:
            canvas.setFillColor(colors.HexColor(_TOTAL_GREY))
            canvas.rect(0, 0, width, self.heights[-1], stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        text = canvas.beginText()
        text.setFont(self.font, _TEXT_PT)
        wrapped = []
        for number, (row, bottom, row_height) in enumerate(
            zip(self.rows, bottoms, self.heights, strict=True)
        ):
            is_total = self.total and number == len(self.rows) - 1
            if is_total:
                text.setFont(self.font, _TOTAL_PT)
            for column, value in enumerate(row):
                if not isinstance(value, str):
                    wrapped.append((value, lefts[column] + _SIDE_PADDING, bottom, row_height))
                elif value:
                    self._place(text, value, column, bottom, row_height, lefts, is_total)
        canvas.drawText(text)
        for paragraph_, x, bottom, row_height in wrapped:
            paragraph_.drawOn(canvas, x, bottom + (row_height - paragraph_.height) / 2)
        self._draw_grid(lefts, bottoms, width, height)
        canvas.restoreState()

    def _place(
        self,
        text,
        value: str,
        column: int,
        bottom: float,
        row_height: float,
        lefts: list[float],
        is_total: bool,
    ) -> None:
        """One line of text, centred in its row as reportlab's Table centres it."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = _TOTAL_PT if is_total else _TEXT_PT
        y = bottom + (row_height + 1.2 * size) / 2 - size
        right = column + (_TOTAL_SPAN if is_total and column == 0 else 1)
        if column in _CENTRED or right > column + 1:
            middle = (lefts[column] + lefts[right]) / 2
            x = middle - stringWidth(value, self.font, size) / 2
        else:
            x = lefts[column] + _SIDE_PADDING
        text.setTextOrigin(x, y)
        text.textOut(value)

    def _draw_grid(
        self, lefts: list[float], bottoms: list[float], width: float, height: float
    ) -> None:
        canvas = self.canv
        path = canvas.beginPath()
        for y in (height, *bottoms):
            path.moveTo(0, y)
            path.lineTo(width, y)
        last = self.heights[-1] if self.total else 0
        for column, x in enumerate(lefts):
            spanned = 0 < column < _TOTAL_SPAN
            path.moveTo(x, last if spanned else 0)
            path.lineTo(x, height)
        canvas.setLineWidth(_GRID_PT)
        canvas.drawPath(path, stroke=1, fill=0)
