"""The city's summary sheet as a document the city signs: its header line and seal, a
period of its own, heads that say which figures are cumulative, a 校验码 and a QR code."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook
from PIL import Image, ImageDraw
from pypdf import PdfReader

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period, year_to_date
from jzdesk.domain.records import RecordFields
from jzdesk.domain.units import CITY_CODE
from jzdesk.usecases import installation, ledger, report_info, sheets


@pytest.fixture
def city_db(db, tmp_path):
    """The 2021 plan, records in two quarters, and the city's own header fields and seal."""
    report_info.set_header_fields(db, CITY_CODE, filler="李明", phone="0391-3333333")
    for day, kind, sessions, audience in (
        (date(2021, 2, 1), T.LECTURE, 3, 90),
        (date(2021, 7, 5), T.ART, 2, 300),
        (date(2021, 8, 1), T.FILM, 1, 120),
    ):
        ledger.add_record(
            db,
            RecordFields("qinyang", day, kind, sessions=sessions, audience=audience, title="活动"),
        )
    scan = Image.new("RGB", (900, 900), (250, 250, 247))
    ImageDraw.Draw(scan).ellipse((100, 100, 800, 800), outline=(205, 25, 30), width=36)
    scan.save(tmp_path / "city-seal.png")
    sheets.set_unit_seal(db, installation.resolve_unit(db, "市总本级"), tmp_path / "city-seal.png")
    return db


def summary_for(db, period="2021Q3"):
    return sheets.summary_data(db, parse_period(period), filled_on=date(2021, 10, 9))


def test_xlsx_summary_has_the_citys_header_its_period_cumulative_heads_and_code(city_db, tmp_path):
    data = summary_for(city_db)
    ws = load_workbook(sheets.write_summary(data, tmp_path / "s.xlsx"))["汇总表"]
    assert [ws["A1"].value, ws["A2"].value] == [
        "“中国梦·劳动美·工会情”",
        "文化活动进基层情况汇总表",
    ]
    assert ws["A3"].value == "（2021年第三季度）"
    header = ws["A4"].value
    for part in ("填报单位（盖章）：焦作市总工会", "填报人：李明", "联系电话：0391-3333333"):
        assert part in header
    assert "填报时间：2021-10-09" in header and "此处加盖公章" not in header  # sealed
    heads = [" ".join(str(c.value).split()) for c in ws[5]]
    assert heads[0] == "单位" and heads[2] == "送文艺 （本期）"
    assert heads[7:] == [
        "本期场次",
        "本年累计场次",
        "完成率 （本年累计）",
        "受益职工 （本期，人次）",
    ]
    qinyang = next(c.value for c in ws["A"] if c.value == "沁阳市总工会")
    row = next(r for r in ws.iter_rows(values_only=True) if r[0] == qinyang)
    assert row[7:9] == (3, 6) and row[9] == pytest.approx(6 / 50) and row[10] == 420
    note = ws.cell(ws.max_row, 1).value
    assert "“本期”为2021年第三季度" in note and "2021 年 1 月 1 日至 9 月 30 日" in note
    assert f"校验码：{sheets.summary_code(data)}" == ws.oddFooter.left.text
    assert ws.oddHeader.left.text == "焦作市总工会  2021年第三季度"
    assert len(ws._images) == 2  # the city's seal and the QR code
    assert ws.print_title_rows == "$5:$5"


def test_the_summary_code_covers_the_figures_and_the_period_not_the_header(city_db):
    first = sheets.summary_code(summary_for(city_db))
    assert first == sheets.summary_code(replace(summary_for(city_db), filler="别人"))
    assert len(first) == 14 and first.count("-") == 2
    assert sheets.summary_code(summary_for(city_db, "2021Q1")) != first
    ledger.add_record(city_db, RecordFields("wenxian", date(2021, 9, 1), T.ART, title="新"))
    assert sheets.summary_code(summary_for(city_db)) != first


def test_up_to_a_date_counts_the_year_so_far(city_db):
    period = year_to_date(date(2021, 7, 31))
    assert period.label == "2021年1月1日至2021年7月31日"
    data = sheets.summary_data(city_db, period)
    qinyang = next(r for r in data.rows() if r[0] == "沁阳市总工会")
    assert qinyang[7] == qinyang[8] == 5  # 2 + 3: the film of 1 August is after the day


def test_pdf_summary_has_text_embedded_fonts_the_qr_and_the_seal(
    city_db, tmp_path, pdf_pages, zbar
):
    data = summary_for(city_db)
    path = sheets.write_summary(data, tmp_path / "s.pdf")
    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    code = sheets.summary_code(data)
    assert text.count(f"校验码：{code}") == len(reader.pages)  # on every page
    for part in (
        "文化活动进基层情况汇总表",
        "（2021年第三季度）",
        "填报单位（盖章）：焦作市总工会",
        "填报人：李明",
        "0391-3333333",
        "本年累计场次",
        "（本年累计）",
        f"校验码：{code}",
        "“本期”为2021年第三季度",
    ):
        assert part in text, part
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all(
        "/FontFile2" in f["/FontDescriptor"].get_object()
        for f in (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            for font in fonts
        )
    )
    assert len(reader.pages[0].images) == 2  # the QR code and the city's seal
    assert reader.metadata.author == "焦作市总工会" and code in reader.metadata.subject
    [qr] = zbar(pdf_pages(path, 150)[0])
    assert qr == f"JZDESK:SUMMARY:2021Q3:U16:S{data.period_report.total}:{code}"
