"""The stamped statistics sheet as real .xlsx and .pdf files, read back and looked at."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook
from PIL import Image, ImageDraw
from pypdf import PdfReader

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.domain.sheet import verification_code
from jzdesk.errors import KnownError
from jzdesk.usecases import installation, ledger, report_info, sheets


@pytest.fixture
def unit_db(db):
    report_info.set_header_fields(db, "qinyang", filler="王芳", phone="0391-5555555")
    rows = [
        RecordFields(
            "qinyang",
            date(2021, 7, 5),
            T.ART,
            sessions=2,
            audience=300,
            title='=HYPERLINK("http://x")',
            venue="+1 月山镇",
            notes="@SUM",
        ),
        RecordFields("qinyang", date(2021, 8, 1), T.FILM, audience=120, title="红色电影"),
        RecordFields("qinyang", date(2021, 2, 1), T.LECTURE, audience=50, title="一季度讲座"),
    ]
    for fields in rows:
        ledger.add_record(db, fields)
    report_info.set_quarter_summary(db, "qinyang", 2021, 3, "三季度开展送文化活动。")
    return db


def seal_scan(path):
    scan = Image.new("RGB", (900, 900), (250, 250, 247))
    ImageDraw.Draw(scan).ellipse((100, 100, 800, 800), outline=(205, 25, 30), width=36)
    scan.save(path)
    return path


def data_for(db, period="2021Q3", **kwargs):
    return sheets.sheet_data(
        db,
        installation.resolve_unit(db, "沁阳"),
        parse_period(period),
        filled_on=date(2021, 10, 8),
        **kwargs,
    )


def test_xlsx_sheet_reads_back_with_text_as_text_and_print_settings(unit_db, tmp_path):
    seal = sheets.prepare_seal(seal_scan(tmp_path / "seal.jpg"))
    path = sheets.export_sheet(data_for(unit_db, seal=seal), tmp_path / "q3.xlsx")
    book = load_workbook(path)
    ws = book["统计表"]
    assert ws["A1"].value == "“中国梦·劳动美·工会情”" and "（2021年第三季度）" in ws["A3"].value
    assert "填报单位（盖章）：沁阳市总工会" in ws["A4"].value and "王芳" in ws["A4"].value
    assert [c.value for c in ws[5]] == [
        "序号",
        "活动日期",
        "活动名称（内容）",
        "活动地点（服务对象）",
        "送文艺",
        "送电影",
        "送书画",
        "送培训",
        "送讲座",
        "受益职工\n（人次）",
        "备注",
    ]
    assert [c.value for c in ws[6]][:5] == [
        1,
        "2021-07-05",
        '=HYPERLINK("http://x")',
        "+1 月山镇",
        2,
    ]
    for cell in (ws["C6"], ws["D6"], ws["K6"]):
        assert cell.data_type == "s" and cell.quotePrefix
    assert ws["E6"].data_type == "n"
    # Cells share their style; the quote prefix stays on the cells that need it.
    assert not any(cell.quotePrefix for cell in (ws["B6"], ws["E6"], ws["C7"], ws["D7"], ws["C5"]))
    assert ws["C7"].border.left.style == "thin" and ws["C7"].alignment.wrap_text
    total = [c.value for c in ws[8]]
    assert total[0] == "合计" and total[4:10] == [2, 1, 0, 0, 0, 420]
    assert "累计完成“五送”活动 4 场，全年任务 50 场，完成率 8.0%" in ws["A9"].value
    assert ws["A10"].value == "活动小结：三季度开展送文化活动。"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.print_title_rows == "$5:$5" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text
    assert verification_code(data_for(unit_db)) in ws.oddFooter.left.text
    anchors = sorted(image.anchor._from.col for image in ws._images)
    assert len(ws._images) == 2 and anchors[0] == 1  # the seal over 填报单位, and the QR code
    assert book["活动明细"].sheet_state == "hidden"


def test_pdf_sheet_embeds_the_font_repeats_the_header_and_numbers_pages(unit_db, tmp_path):
    for day in range(1, 90):
        ledger.add_record(
            unit_db,
            RecordFields(
                "qinyang", date(2021, 7, 1 + day % 28), T.TRAINING, title=f"技能培训第{day}期"
            ),
        )
    data = data_for(unit_db)
    path = sheets.export_sheet(data, tmp_path / "q3.pdf")
    reader = PdfReader(path)
    pages = len(reader.pages)
    assert pages >= 3
    code = verification_code(data)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"第 {number} 页 共 {pages} 页" in text
        assert f"校验码：{code}" in text
        assert "活动日期" in text and "送讲座" in text  # the header row on every page
    assert "沁阳市总工会" in reader.pages[0].extract_text()
    fonts = {
        str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()
    }
    assert any("WenQuanYi" in font for font in fonts)
    # reportlab embeds TrueType subsets: each font names its descriptor with the font file.
    descriptors = [
        f.get_object()["/FontDescriptor"].get_object()
        for f in reader.pages[0]["/Resources"]["/Font"].values()
        if "WenQuanYi" in str(f.get_object()["/BaseFont"])
    ]
    assert descriptors and all("/FontFile2" in d for d in descriptors)
    assert (
        reader.metadata.title.startswith("“中国梦·劳动美·工会情”")
        and reader.metadata.author == "沁阳市总工会"
    )


def colours_of_page_one(path) -> list:
    """Page 1 rendered to pixels (with QtPdf), as (count, (r, g, b)) pairs."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    image = document.render(0, QSize(842, 595))
    document.close()
    buffer = image.convertToFormat(image.Format.Format_RGBA8888)  # 4 bytes a pixel, no padding
    picture = Image.frombytes("RGBA", (buffer.width(), buffer.height()), bytes(buffer.constBits()))
    return picture.convert("RGB").getcolors(maxcolors=1 << 20) or []


def test_pdf_carries_the_seal_image_and_page_one_is_not_blank(unit_db, tmp_path, qapp):
    seal = sheets.prepare_seal(seal_scan(tmp_path / "seal.png"))
    path = sheets.export_sheet(data_for(unit_db, seal=seal), tmp_path / "sealed.pdf")
    images = [image for image in PdfReader(path).pages[0].images]
    assert len(images) >= 1
    without = sheets.export_sheet(data_for(unit_db), tmp_path / "plain.pdf")
    assert "此处加盖公章" in PdfReader(without).pages[0].extract_text()
    colours = colours_of_page_one(path)
    assert len(colours) > 30
    reddish = sum(n for n, (r, g, b) in colours if r > 150 and g < 110 and b < 110)
    assert reddish > 50  # text, lines and a red seal were drawn


def test_the_verification_code_is_stable_and_changes_with_any_edit(unit_db):
    first = verification_code(data_for(unit_db))
    assert first == verification_code(data_for(unit_db))
    assert first == verification_code(
        replace(data_for(unit_db), filler="别人", filled_on="2022-01-01")
    )
    [record] = [r for r in ledger.list_records(unit_db) if r.fields.title == "红色电影"]
    ledger.update_record(unit_db, record.id, replace(record.fields, audience=121), revision=1)
    changed = verification_code(data_for(unit_db))
    assert changed != first and len(changed) == 14 and changed.count("-") == 2
    assert verification_code(data_for(unit_db, period="2021-07-01..2021-09-29")) != changed


def test_seal_scans_become_transparent_and_bad_files_are_refused(tmp_path):
    png = sheets.prepare_seal(seal_scan(tmp_path / "s.bmp"))
    with Image.open(io.BytesIO(png)) as seal:
        assert seal.mode == "RGBA" and max(seal.size) <= 600
        assert seal.getpixel((seal.width // 2, seal.height // 2))[3] == 0  # paper: clear
        assert seal.getpixel((seal.width // 2, 8))[3] == 255  # ink: solid
    (tmp_path / "x.png").write_text("not an image")
    Image.new("RGB", (400, 400), "white").save(tmp_path / "blank.png")
    for name, words in (
        ("x.png", "不是可用的图片"),
        ("blank.png", "空白"),
        ("missing.png", "无法读取"),
    ):
        with pytest.raises(KnownError) as caught:
            sheets.prepare_seal(tmp_path / name)
        assert words in caught.value.message


def test_the_unit_seal_is_stored_and_used(unit_db, tmp_path):
    unit = installation.resolve_unit(unit_db, "沁阳")
    sheets.set_unit_seal(unit_db, unit, seal_scan(tmp_path / "s.jpg"))
    assert data_for(unit_db).seal == sheets.unit_seal(unit_db, unit)
    sheets.set_unit_seal(unit_db, unit, None)
    assert data_for(unit_db).seal is None


def test_summary_sheet_has_a_row_per_unit_and_the_510_total(unit_db, tmp_path):
    xlsx = sheets.export_summary(unit_db, parse_period("2021"), tmp_path / "s.xlsx")
    ws = load_workbook(xlsx)["汇总表"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=6, max_row=ws.max_row - 1)]
    assert rows[0][:9] == ["沁阳市总工会", 50, 2, 1, 0, 0, 1, 4, 4]
    assert rows[0][9] == pytest.approx(0.08) and rows[0][10] == 470
    # Only the rate reads as a percentage: counts stay counts (50, not 5000.0%).
    formats = [c.number_format for c in next(ws.iter_rows(min_row=6, max_row=6))]
    assert formats[9] == "0.0%" and set(formats[:9] + formats[10:]) == {"General"}
    total = next(r for r in rows if r[0] == "合计")
    assert total[1] == 510 and total[7] == 4
    assert rows[-1][0] == "焦作市总工会（本级）" and rows[-1][1] == "—"
    pdf = sheets.export_summary(unit_db, parse_period("2021Q3"), tmp_path / "s.pdf")
    text = PdfReader(pdf).pages[0].extract_text()
    assert "汇总表" in text and "510" in text and "财贸工会" in text


def test_unwritable_or_wrong_targets_are_explained(unit_db, tmp_path):
    with pytest.raises(KnownError) as caught:
        sheets.export_sheet(data_for(unit_db), tmp_path / "q3.docx")
    assert ".xlsx 或 .pdf" in caught.value.message
    with pytest.raises(KnownError) as caught:
        sheets.export_sheet(data_for(unit_db), tmp_path / "no-such-folder" / "q3.pdf")
    assert "无法写入" in caught.value.message
    assert list(tmp_path.glob(".*.tmp")) == []


def test_reportlab_runs_with_its_c_accelerator():
    """rl_accel (a declared dependency) formats the numbers of every line and glyph drawn;
    without it a 10 k-row PDF sheet took half as long again."""
    from reportlab.lib import rl_accel

    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"


def test_a_record_longer_than_a_page_is_cut_in_the_pdf_and_whole_in_excel(db, tmp_path):
    """Each of title, venue and 备注 may hold 2000 characters: the PDF row shows what fits
    on a page, marked, and the Excel sheet carries every character (it failed before)."""
    long = RecordFields(
        "qinyang",
        date(2021, 7, 2),
        T.ART,
        title="演出" * 1000,
        venue="地点" * 1000,
        notes="备注很长" * 500,
    )
    ledger.add_record(db, long)
    ledger.add_record(db, RecordFields("qinyang", date(2021, 7, 9), T.FILM, title="露天电影"))
    data = data_for(db)
    reader = PdfReader(sheets.export_sheet(data, tmp_path / "long.pdf"))
    text = "".join(page.extract_text() for page in reader.pages)
    assert text.count("全文见 Excel 表") == 3 and "露天电影" in text and "合计" in text
    book = load_workbook(sheets.export_sheet(data, tmp_path / "long.xlsx"))
    titles = [row[2] for row in book["统计表"].iter_rows(min_row=6, values_only=True)]
    assert "演出" * 1000 in titles


def test_the_same_quarter_typed_two_ways_has_one_code(unit_db):
    quarter, typed = data_for(unit_db, "2021Q3"), data_for(unit_db, "2021-07-01..2021-09-30")
    assert verification_code(quarter) == verification_code(typed)


def test_a_plain_date_does_not_lend_its_format_to_the_next_cells(tmp_path):
    """Rows mixing made cells and plain values: a plain date's format stays its own."""
    from openpyxl import Workbook

    from jzdesk.io.xlsx_cells import CellMaker

    book = Workbook(write_only=True)
    ws = book.create_sheet("t")
    make = CellMaker(ws)
    ws.append([date(2021, 5, 5), 120, make("甲", "text"), 3])
    book.save(tmp_path / "t.xlsx")
    row = [c.value for c in next(load_workbook(tmp_path / "t.xlsx")["t"].iter_rows())]
    assert row[1:] == [120, "甲", 3] and row[0].date() == date(2021, 5, 5)


def test_an_interrupted_write_leaves_neither_the_file_nor_its_temporary(tmp_path):
    from jzdesk.usecases.files import write_file as _write_file

    def interrupted(target):
        target.write_bytes(b"half a sheet")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _write_file(tmp_path / "q3.xlsx", interrupted)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform != "win32", reason="only Windows refuses to replace an open file")
@pytest.mark.parametrize("suffix", ["xlsx", "pdf"])
def test_exporting_over_a_sheet_open_in_another_program_is_explained(unit_db, tmp_path, suffix):
    """Excel, WPS or a PDF reader holds the old sheet open: the export says so in Chinese,
    the old file stays as it was, and no temporary file is left beside it."""
    target = tmp_path / f"q3.{suffix}"
    target.write_bytes(b"the old sheet")
    with open(target, "rb"), pytest.raises(KnownError) as caught:
        sheets.export_sheet(data_for(unit_db), target)
    assert "无法写入" in caught.value.message and "别的程序中打开" in caught.value.message
    assert target.read_bytes() == b"the old sheet"
    assert list(tmp_path.glob(".*.tmp")) == []


def test_text_no_spreadsheet_can_hold_is_never_stored(db, tmp_path):
    """U+FFFE and U+FFFF (and lone surrogates) are not allowed in an XML file: a note pasted
    with one would have made every export of its sheet fail. They are dropped on entry."""
    record_id = ledger.add_record(
        db, RecordFields("qinyang", date(2021, 3, 5), T.ART, notes="甲\ufffe乙\uffff丙")
    )
    assert ledger.get_record(db, record_id).fields.notes == "甲乙丙"
    unit = installation.resolve_unit(db, "qinyang")
    path = sheets.export_sheet_xlsx(db, unit, parse_period("2021Q1"), tmp_path / "q1.xlsx")
    assert "甲乙丙" in [c.value for c in load_workbook(path)["统计表"][6]]
