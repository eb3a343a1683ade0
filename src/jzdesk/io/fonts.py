"""The bundled CJK font, for PDFs (embedded, so Chinese never depends on the reader)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

FONT_FILE = "wqy-microhei.ttc"
PDF_FONT = "WenQuanYiMicroHei"


def font_path() -> Path:
    return Path(str(resources.files("jzdesk.resources").joinpath("fonts", FONT_FILE)))


def register_pdf_font() -> str:
    """Register the bundled TrueType font with reportlab once; returns its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(PDF_FONT, str(font_path()), subfontIndex=0))
    return PDF_FONT
