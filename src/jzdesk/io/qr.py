"""A QR code as a PNG picture, for the Excel and PDF sheets."""

from __future__ import annotations

import io


def qr_png(text: str, *, module: int = 6, border: int = 4, level: str = "Q") -> bytes:
    """``text`` as a black-on-white QR code PNG, ``module`` pixels per square.

    Error correction Q (a quarter of the code may be smudged, folded or stamped over) and
    the 4-module quiet zone the standard asks for: zbar reads a 100-dpi copy of it."""
    from PIL import Image, ImageDraw
    from reportlab.graphics.barcode import qr

    code = qr.QrCodeWidget(text, barLevel=level).qr
    code.make()
    count = code.getModuleCount()
    side = (count + 2 * border) * module
    image = Image.new("L", (side, side), 255)
    pen = ImageDraw.Draw(image)
    for row in range(count):
        for column in range(count):
            if code.isDark(row, column):
                x, y = (column + border) * module, (row + border) * module
                pen.rectangle((x, y, x + module - 1, y + module - 1), fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
