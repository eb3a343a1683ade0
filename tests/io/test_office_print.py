"""Our .xlsx printed as an office prints it: converted to PDF by LibreOffice Calc (headless),
then read back as text (pdftotext) and looked at as page images (pdftoppm)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from PIL import Image, ImageDraw

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.domain.sheet import qr_text
from jzdesk.usecases import installation, ledger, planning, report_info, sheets

SEAL_RED = (205, 25, 30)


def sheet_with(db, tmp_path, count: int, *, seal: bool = True, name: str = "sheet.xlsx"):
    report_info.set_header_fields(db, "qinyang", filler="王芳", phone="0391-5555555")
    for i in range(count):
        ledger.add_record(
            db,
            RecordFields(
                "qinyang",
                date(2021, 1, 1) + timedelta(days=i % 360),
                list(T)[i % 5],
                audience=100 + i,
                title=f"送文化进基层第{i + 1}场",
                venue="某镇某村",
            ),
        )
    png = None
    if seal:
        scan = Image.new("RGB", (600, 600), (250, 250, 247))
        ImageDraw.Draw(scan).ellipse((60, 60, 540, 540), fill=SEAL_RED)
        scan.save(tmp_path / "seal.png")
        png = sheets.prepare_seal(tmp_path / "seal.png")
    unit = installation.resolve_unit(db, "沁阳")
    data = sheets.sheet_data(db, unit, parse_period("2021"), filled_on=date(2021, 10, 8), seal=png)
    return sheets.export_sheet(data, tmp_path / name), data


def table_top(box: str, dpi: int) -> float:
    """Where the table's header row (序号) begins on page 1 (pdftotext -bbox), in pixels
    at ``dpi``."""
    line = next(line for line in box.splitlines() if ">序号<" in line)
    y_min = float(line.split('yMin="')[1].split('"')[0])
    return y_min * dpi / 72


def red_rows(png) -> list[int]:
    """The pixel rows of the page image where the seal's red shows."""
    image = Image.open(png).convert("RGB")
    pixels = image.load()
    return sorted(
        {
            y
            for y in range(image.height)
            for x in range(0, image.width, 2)
            if (p := pixels[x, y])[0] > 150 and p[1] < 110 and p[2] < 110
        }
    )


@pytest.mark.office
def test_the_seal_prints_on_page_one_above_the_table_and_each_page_names_its_unit(
    db, tmp_path, office, pdf_pages, pdf_text, zbar
):
    path, data = sheet_with(db, tmp_path, 70)
    pdf = office(path, ".pdf")
    texts = pdf_text(pdf, "-layout").split("\f")[:-1]
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert "沁阳市总工会" in text and "2021年度" in text, number  # the page header
        assert "活动日期" in text and "送讲座" in text, number  # the repeated table header
        assert f"第{number}页共{len(texts)}页" in text.replace(" ", "")
        assert sheets.sheet_code(data) in text
    pages = pdf_pages(pdf, 50)
    red = red_rows(pages[0])
    assert red, "the seal is not on page 1"
    box = pdf_text(pdf, "-bbox", "-f", "1", "-l", "1")
    assert max(red) < table_top(box, 50), "the seal reaches into the table"
    for later in pages[1:]:
        assert red_rows(later) == [], f"{later.name} reprints part of the seal"
    # The QR code in the header rows, as LibreOffice prints it, reads back.
    assert zbar(pdf_pages(pdf, 150)[0]) == [qr_text(data, sheets.sheet_code(data))]


@pytest.mark.office
@pytest.mark.parametrize("count", [22, 23, 36])
def test_the_last_page_never_holds_only_the_header_and_the_lines_under_the_table(
    db, tmp_path, office, pdf_text, count
):
    """A sheet whose rows end at the foot of a page takes its last row over with the 合计
    and the progress line (set page breaks), in LibreOffice as in Excel and WPS."""
    path, _ = sheet_with(db, tmp_path, count, seal=False)
    texts = pdf_text(office(path, ".pdf"), "-layout").split("\f")[:-1]
    last = texts[-1]
    assert "合计" in last and "本年度截至本期末累计完成" in last
    assert f"送文化进基层第{count}场" in last
    assert sum(f"送文化进基层第{i + 1}场" in "".join(texts) for i in range(count)) == count


def test_every_style_names_its_font_and_the_plan_title_has_room(db, tmp_path):
    path, _ = sheet_with(db, tmp_path, 3)
    book = load_workbook(path)
    ws = book["统计表"]
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        for cell in row:
            if cell.value is not None:
                assert cell.font.name == "宋体", cell.coordinate
    assert ws["A9"].value == "合计"
    assert ws["A1"].font.b and ws["A9"].font.b  # title and 合计 are bold, in the same font
    plan = load_workbook(planning.export_quota_table(db, 2021, tmp_path / "plan.xlsx")).active
    assert all(plan.row_dimensions[r].height >= 24 for r in (1, 2))
    assert {c.font.name for row in plan.iter_rows() for c in row if c.value is not None} == {"宋体"}


@pytest.mark.office
def test_the_plan_file_and_the_summary_print_whole_in_libreoffice(db, tmp_path, office, pdf_text):
    """The plan file's two title lines and its SUM total (worked out by LibreOffice), and the
    summary's units, 合计 and column labels never cut inside their brackets."""
    plan_path = planning.export_quota_table(db, 2021, tmp_path / "plan.xlsx")
    plan = pdf_text(office(plan_path, ".pdf"), "-layout")
    assert "2021年“中国梦·劳动美·工会情”" in plan and "文化活动进基层任务分解表" in plan
    assert re.search(r"合计\s+510", plan)
    summary_path = sheets.export_summary(db, parse_period("2021Q1"), tmp_path / "summary.xlsx")
    summary = pdf_text(office(summary_path, ".pdf"), "-layout")
    assert "情况汇总表" in summary and "马村区总工会" in summary and "合计" in summary
    assert "（本期，人次）" in summary and "（本年累计）" in summary
    assert not re.search(r"（(本期，?人?次?|本年累?计?)\s*$", summary, re.MULTILINE)
