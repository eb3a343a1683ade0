"""全市汇总表 window: a period of its own, the city's header line, a preview that follows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields
from jzdesk.domain.units import CITY_CODE
from jzdesk.usecases import installation, ledger, report_info


@pytest.fixture
def summary(open_window, db_path, qtbot, monkeypatch):
    """The city's window with records in the third and fourth quarters of 2021, and the
    summary window opened by a click on 导出全市汇总表…."""
    db = installation.open_database(db_path)
    installation.init_installation(db, "市总本级", filler="李明", phone="0391-3333333")
    for day, sessions in ((date(2021, 7, 5), 2), (date(2021, 8, 20), 1), (date(2021, 10, 2), 4)):
        ledger.add_record(
            db, RecordFields("qinyang", day, ActivityType.ART, sessions=sessions, title="演出")
        )
    db.close()
    window = open_window()
    window.ui.tabs.setCurrentWidget(window.report_tab)
    qtbot.mouseClick(window.report_tab.ui.summaryButton, Qt.MouseButton.LeftButton)
    dialog = window.report_tab.open_summary()
    qtbot.waitExposed(dialog)
    return dialog


def preview_text(dialog) -> str:
    return "".join(page.extract_text() for page in PdfReader(dialog.preview.path).pages)


def test_changing_the_summarys_period_in_the_window_moves_the_preview(summary, qtbot):
    assert summary.periodCombo.currentText() == "2021年第四季度"
    assert "（2021年第四季度）" in preview_text(summary)
    assert "填报人：李明" in preview_text(summary)
    summary.periodCombo.setFocus()
    qtbot.keyClick(summary.periodCombo, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: "（2021年第三季度）" in preview_text(summary))
    assert f"校验码：{summary.code}" in preview_text(summary)
    assert "本期 3 场，本年累计 3 场" in summary.codeLabel.text()
    assert not summary.asOfEdit.isEnabled()
    qtbot.keyClick(summary.periodCombo, Qt.Key.Key_End)
    assert summary.periodCombo.currentText() == "截至某日（本年累计）"
    assert summary.asOfEdit.isEnabled()
    summary.asOfEdit.setDate(QDate(2021, 7, 31))
    qtbot.waitUntil(lambda: "（2021年1月1日至2021年7月31日）" in preview_text(summary))
    assert "本期 2 场，本年累计 2 场" in summary.codeLabel.text()


def test_export_writes_the_previewed_summary_and_remembers_the_citys_header(
    summary, qtbot, tmp_path, monkeypatch, db_path
):
    told = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
    summary.fillerEdit.selectAll()
    typed = QInputMethodEvent()  # Chinese as an input method delivers it
    typed.setCommitString("王强")
    QApplication.sendEvent(summary.fillerEdit, typed)
    qtbot.waitUntil(lambda: "填报人：王强" in preview_text(summary))
    assert summary.export_to(tmp_path / "s.xlsx")
    ws = load_workbook(tmp_path / "s.xlsx")["汇总表"]
    assert "填报人：王强" in ws["A4"].value and ws["A3"].value == "（2021年第四季度）"
    assert ws.oddFooter.left.text == f"校验码：{summary.code}" and summary.code in told[0]
    db = installation.open_database(db_path)
    assert report_info.header_fields(db, CITY_CODE)["filler"] == "王强"
    db.close()


def test_the_pdf_button_asks_where_and_writes_the_pdf(summary, qtbot, tmp_path, monkeypatch):
    asked, told = [], []

    def save_as(parent, title, suggested, filters):
        asked.append(Path(suggested).name)
        return str(tmp_path / "汇总"), ""  # typed without the extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
    qtbot.mouseClick(summary.pdfButton, Qt.MouseButton.LeftButton)
    assert asked == ["全市汇总表-2021年第四季度.pdf"]
    text = PdfReader(tmp_path / "汇总.pdf").pages[0].extract_text()
    assert "（2021年第四季度）" in text and f"校验码：{summary.code}" in text
    assert summary.code in told[0]
