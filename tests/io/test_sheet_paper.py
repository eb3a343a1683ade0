"""The statistics sheet's PDF as paper: its QR code read by zbar (clean, and from a poor
copy), the seal on top of the table, every page naming its unit, every font embedded."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from PIL import Image, ImageDraw, ImageFilter
from pypdf import PdfReader

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.domain.sheet import qr_text
from jzdesk.io.qr import qr_png
from jzdesk.usecases import installation, ledger, sheets


@pytest.fixture
def sheet_pdf(db, tmp_path):
    """A sealed three-page PDF of 沁阳's 2021 sheet, and its data."""
    for i in range(60):
        ledger.add_record(
            db,
            RecordFields(
                "qinyang",
                date(2021, 1, 1) + timedelta(days=i * 5),
                list(T)[i % 5],
                audience=50 + i,
                title=f"送文化进基层第{i + 1}场",
            ),
        )
    scan = Image.new("RGB", (600, 600), (250, 250, 247))
    ImageDraw.Draw(scan).ellipse((60, 60, 540, 540), outline=(205, 25, 30), width=40)
    scan.save(tmp_path / "seal.png")
    seal = sheets.prepare_seal(tmp_path / "seal.png")
    unit = installation.resolve_unit(db, "沁阳")
    data = sheets.sheet_data(db, unit, parse_period("2021"), filled_on=date(2021, 10, 8), seal=seal)
    return sheets.export_sheet(data, tmp_path / "sheet.pdf"), data


def test_every_page_names_unit_and_period_and_the_header_breaks_before_its_bracket(sheet_pdf):
    path, _ = sheet_pdf
    pages = PdfReader(path).pages
    assert len(pages) >= 3
    for page in pages:
        lines = page.extract_text().splitlines()
        assert any("沁阳市总工会" in line and "2021年度" in line for line in lines)
        assert "（人次）" in lines and "受益职工" in lines  # never 受益职工（人 / 次）


def test_every_font_the_pdf_names_is_embedded(sheet_pdf):
    path, _ = sheet_pdf
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = described["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]


def test_the_seal_is_drawn_after_the_table_as_a_stamp_lies_on_paper(sheet_pdf):
    """The seal is the last thing drawn on page 1: on top of the grey header row."""
    path, _ = sheet_pdf
    page = PdfReader(path).pages[0]
    images = page["/Resources"]["/XObject"]
    seal = next(name for name, image in images.items() if "/SMask" in image.get_object())
    content = page.get_contents().get_data().decode("latin-1")
    grey_fill = content.index(".933333 .933333 .933333 rg")  # the header row's #eeeeee
    assert content.rindex(f"{seal} Do") > grey_fill
    assert not any(
        "/SMask" in image.get_object()
        for image in PdfReader(path).pages[1]["/Resources"]["/XObject"].values()
    )


def test_the_qr_code_is_large_with_a_quiet_zone_and_correction_q():
    text = "JZDESK:QINYANG:2021Q1:R36:S40:5RS5-KD6T-JJPO"
    image = Image.open(io.BytesIO(qr_png(text, module=1))).convert("L")
    count = image.width - 8
    pixels = image.load()
    border = [
        pixels[x, y]
        for x in range(image.width)
        for y in range(image.height)
        if min(x, y, image.width - 1 - x, image.height - 1 - y) < 4
    ]
    assert set(border) == {255} and pixels[4, 4] == 0  # 4 white modules, then the finder
    assert _correction_level(pixels, count) == "Q"


def _correction_level(pixels, count: int) -> str:
    """The error-correction level from the format bits beside the top-left finder."""
    cells = [(8, c) for c in (0, 1, 2, 3, 4, 5, 7, 8)] + [(r, 8) for r in (7, 5, 4, 3, 2, 1, 0)]
    bits = [1 if pixels[4 + c, 4 + r] == 0 else 0 for r, c in cells]
    value = int("".join(map(str, bits)), 2) ^ 0b101010000010010
    return {0b01: "L", 0b00: "M", 0b11: "Q", 0b10: "H"}[value >> 13]


@pytest.mark.office
def test_zbar_reads_the_qr_code_from_the_pdf_and_from_a_poor_copy(sheet_pdf, zbar, pdf_pages):
    """The payload is plain ASCII, read alike by every reader: at 150 dpi, and from a
    100-dpi copy tilted 2° and blurred as a photocopy or a phone photo is."""
    path, data = sheet_pdf
    expected = qr_text(data, sheets.sheet_code(data))
    assert expected.isascii() and re.fullmatch(r"JZDESK:QINYANG:2021:R60:S60:[A-Z0-9-]+", expected)
    page = pdf_pages(path, 150)[0]
    assert zbar(page) == [expected]
    poor = page.parent / "poor.png"
    copy = Image.open(pdf_pages(path, 100)[0]).convert("L")
    copy.rotate(2, expand=True, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6)).save(poor)
    assert zbar(poor) == [expected]
    assert _code_width_mm(page, 150) >= 22  # the code itself, without its quiet zone


def _code_width_mm(page, dpi: int) -> float:
    """The width of the dark squares in the page's bottom right corner (the footer's QR)."""
    image = Image.open(page).convert("L")
    foot = image.crop(
        (image.width * 2 // 3, image.height - dpi * 34 // 25, image.width, image.height)
    )
    left, _, right, _ = foot.point(lambda v: 255 if v < 128 else 0).getbbox()
    return (right - left) / dpi * 25.4
