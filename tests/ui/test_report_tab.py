"""统计报表 tab: the preview is the exported PDF; seal, export and print from the window."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields
from jzdesk.usecases import installation, ledger, report_info, sheets


@pytest.fixture
def report(open_window, db_path, monkeypatch):
    db = installation.open_database(db_path)
    installation.init_installation(db, "沁阳", filler="王芳", phone="0391-5555555")
    for day in range(1, 8):
        ledger.add_record(
            db,
            RecordFields(
                "qinyang",
                date(2021, 10, day),
                ActivityType.ART,
                title=f"文艺演出第{day}场",
                audience=100 + day,
            ),
        )
    db.close()
    messages = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda *a, kind=kind: messages.append((kind, a[2])))
        )
    monkeypatch.setattr(QMessageBox, "exec", lambda box: messages.append(("exported", box.text())))
    window = open_window()
    window.ui.tabs.setCurrentWidget(window.report_tab)
    tab = window.report_tab
    tab.messages = messages
    return tab


def test_the_preview_shows_the_pdf_of_the_current_quarter(report):
    assert report.period.label == "2021年第四季度"
    assert report.document.status() == QPdfDocument.Status.Ready
    assert report.document.pageCount() == 1
    text = PdfReader(report.view.path).pages[0].extract_text()
    assert "沁阳市总工会" in text and "文艺演出第7场" in text and f"校验码：{report.code}" in text
    assert report.code in report.ui.codeLabel.text()


def test_header_fields_typed_here_reach_the_sheet_and_are_remembered(report, tmp_path):
    report.ui.fillerEdit.setText("李红")
    report.refresh_preview()
    assert "填报人：李红" in PdfReader(report.view.path).pages[0].extract_text()
    assert report.export_to(tmp_path / "q4.xlsx")
    db = report._workspace.db
    assert report_info.header_fields(db, "qinyang")["filler"] == "李红"


def test_loading_a_seal_stores_it_and_puts_it_on_the_sheet(report, tmp_path):
    scan = Image.new("RGB", (800, 800), (250, 250, 250))
    ImageDraw.Draw(scan).ellipse((80, 80, 720, 720), outline=(200, 20, 20), width=30)
    scan.save(tmp_path / "seal.jpg")
    assert report.set_seal(tmp_path / "seal.jpg")
    assert sheets.unit_seal(report._workspace.db, report.unit) is not None
    assert not report.ui.sealPreview.pixmap().isNull()
    assert PdfReader(report.view.path).pages[0].images
    (tmp_path / "bad.png").write_text("no")
    assert not report.set_seal(tmp_path / "bad.png")
    assert report.messages[-1][0] == "warning" and "不是可用的图片" in report.messages[-1][1]
    assert report.set_seal(None)
    assert sheets.unit_seal(report._workspace.db, report.unit) is None


def test_export_pdf_and_excel_from_the_tab(report, tmp_path):
    assert report.export_to(tmp_path / "q4.pdf")
    assert PdfReader(tmp_path / "q4.pdf").pages[0].extract_text().count("文艺演出第") == 7
    assert report.export_to(tmp_path / "q4.xlsx")
    assert report.messages[-1][0] == "exported" and report.code in report.messages[-1][1]
    assert report.suggested_name(".pdf") == "沁阳市总工会-2021年第四季度.pdf"


def test_printing_sends_the_same_pages_to_the_printer(report, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert report.print_to(printer) == report.document.pageCount() == 1
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 1 and printed.pages[0].images  # the page went as a picture


def test_the_tab_opens_on_the_quarter_with_the_units_latest_records(open_window, db_path):
    """Issue 14: not on an empty 第四季度 once the plan year is over."""
    db = installation.open_database(db_path)
    installation.init_installation(db, "温县")
    ledger.add_record(db, RecordFields("wenxian", date(2021, 5, 5), ActivityType.FILM))
    assert report_info.report_quarter(db, "wenxian").label == "2021年第二季度"
    assert report_info.report_quarter(db, "boai").label == "2021年第四季度"  # nothing: the last
    assert (
        report_info.report_quarter(db, "wenxian", today=date(2021, 8, 2)).label == "2021年第二季度"
    )
    assert report_info.report_quarter(db, "boai", today=date(2021, 8, 2)).label == "2021年第三季度"
    db.close()
    window = open_window()
    window.show_tab("report")
    assert window.report_tab.period.label == "2021年第二季度"


@pytest.mark.parametrize(("button", "opened"), [("打开文件", "q4.pdf"), ("打开所在文件夹", "")])
def test_an_export_offers_to_open_the_file_or_its_folder(
    report, tmp_path, monkeypatch, button, opened
):
    from PySide6.QtGui import QDesktopServices

    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(urls.append))

    def click(box):
        next(b for b in box.buttons() if b.text() == button).click()

    monkeypatch.setattr(QMessageBox, "exec", click)
    assert report.export_to(tmp_path / "q4.pdf")
    assert [Path(url.toLocalFile()) for url in urls] == [tmp_path / opened]


def open_files_under(folder) -> list[str]:
    """Files under ``folder`` this process holds open (Linux: /proc/self/fd)."""
    import os
    from pathlib import Path

    held = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # the descriptor listing the folder itself, already closed
            continue
        if target.startswith(str(folder)):
            held.append(target)
    return held


def test_the_preview_holds_no_file_open(report):
    """Windows cannot delete an open file: a preview read from its file kept it open
    (QPdfDocument, even after close()), and closing the window then crashed."""
    folder = report.view.path.parent
    assert report.document.pageCount() == 1
    report.ui.fillerEdit.setText("李红")
    report.refresh_preview()
    assert report.document.status() == QPdfDocument.Status.Ready
    assert report.document.pageCount() == 1
    if sys.platform.startswith("linux"):  # elsewhere: deleting an open file fails below
        assert open_files_under(folder) == []
    report.cleanup()
    assert not folder.exists()
