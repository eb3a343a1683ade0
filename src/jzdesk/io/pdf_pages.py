"""What every page of the program's PDFs carries, drawn once the page's content is known:
第 x 页 共 y 页, and for each kind of PDF its own last touches (the sheet's seal)."""

from __future__ import annotations

from collections.abc import Callable

# Draws on a finished page (its content already there): canvas, page number, page count.
PageFinish = Callable[[object, int, int], None]


def numbered_canvas(font: str, finish: PageFinish | None = None):
    """A canvas that writes 第 x 页 共 y 页 once it knows how many pages there are, and then
    calls ``finish``: what it draws lies over everything else on the page.

    The canvas starts in ``font`` (embedded): reportlab's default Helvetica would
    otherwise be named, never embedded, by every text block begun before a font is set.
    """
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs.update(initialFontName=font, initialFontSize=9)
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            count = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 9)
                self.drawCentredString(
                    self._pagesize[0] / 2, 10 * mm, f"第 {self._pageNumber} 页 共 {count} 页"
                )
                if finish is not None:
                    finish(self, self._pageNumber, count)
                super().showPage()
            super().save()

    return NumberedCanvas
