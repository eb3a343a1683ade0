"""What each page of the statistics sheet's PDF carries around its table: the unit and
period at the top, the 校验码 and its QR code at the foot, and on page 1 the seal, drawn
last so that it lies on the table's grey header row as a stamp lies on paper."""

from __future__ import annotations

import io

from jzdesk.domain.sheet import SheetData, SummaryData, qr_text

QR_MM = 33  # with its quiet zone; the code itself 23–26 mm, read from a blurred 100-dpi copy
QR_BOTTOM_MM = 2
SEAL_MM = 38  # a round official seal is about 4 cm across


class SheetPage:
    """Draws the sheet's page furniture; ``every_page`` as reportlab starts each page,
    ``finish`` once the page's content is drawn (see pdf_pages.numbered_canvas)."""

    def __init__(
        self,
        font: str,
        data: SheetData | SummaryData,
        code: str,
        *,
        left: float,
        top: float,
        qr: str = "",
    ):
        """``left`` and ``top``: where the page's content begins (its margins), in points;
        ``qr``: the QR's text, if not a unit sheet's (the city's summary)."""
        self.font, self.code, self.seal = font, code, data.seal
        self.heading = f"{data.unit_name}  {data.period_label}"
        self.qr = qr or qr_text(data, code)
        self.left, self.top = left, top
        self._qr_image = None

    def every_page(self, canvas, doc) -> None:
        from reportlab.lib.units import mm
        from reportlab.lib.utils import ImageReader

        from jzdesk.io.qr import qr_png

        canvas.saveState()
        canvas.setFont(self.font, 9)
        # A loose page 7 still says whose and which period it is.
        canvas.drawString(doc.leftMargin, doc.pagesize[1] - 8 * mm, self.heading)
        canvas.drawString(doc.leftMargin, 10 * mm, f"校验码：{self.code}")
        side = QR_MM * mm
        if self._qr_image is None:  # one picture, embedded once, shown on every page
            self._qr_image = ImageReader(io.BytesIO(qr_png(self.qr, module=8)))
        x = doc.leftMargin + doc.width - side
        canvas.drawImage(self._qr_image, x, QR_BOTTOM_MM * mm, side, side)
        canvas.restoreState()

    def finish(self, canvas, number: int, count: int) -> None:
        if number == 1 and self.seal:
            self._draw_seal(canvas)

    def _draw_seal(self, canvas) -> None:
        from reportlab.lib.units import mm
        from reportlab.lib.utils import ImageReader

        # Over the unit's name in the header line (below the two title lines and the
        # period), slightly tilted off the baseline as a hand-pressed stamp sits.
        image = ImageReader(io.BytesIO(self.seal))
        size = SEAL_MM * mm
        x = self.left + 30 * mm
        y = self.top - 22 * mm - 6 * mm - size / 2 - 2 * mm
        canvas.saveState()
        canvas.translate(x + size / 2, y + size / 2)
        canvas.rotate(-8)
        canvas.drawImage(image, -size / 2, -size / 2, size, size, mask="auto")
        canvas.restoreState()
