"""Spreadsheets built to hang the program or fill its memory (#22, item 2): refused within a
second or two, in Chinese, naming the limit they passed, with nothing imported."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from openpyxl import Workbook

from jzdesk.errors import KnownError
from jzdesk.usecases import ledger, planning, sheet_import

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADER_ROWS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>填报单位：沁阳市总工会</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>活动日期</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>送文艺</t></is></c></row>'
)


def xlsx(path, rows_xml: str, *, dimension: str = "A1:B2", merges: str = ""):
    """A real workbook (openpyxl's parts) whose first sheet is the XML given."""
    merged = f'<mergeCells count="1">{merges}</mergeCells>' if merges else ""
    sheet = (
        f'<worksheet {NS}><dimension ref="{dimension}"/><sheetData>{rows_xml}</sheetData>'
        f"{merged}</worksheet>"
    )
    buffer = io.BytesIO()
    Workbook().save(buffer)
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            target.writestr(item.filename, data)
    return path


def rows(first: int, last: int, *, filled: bool = True) -> str:
    cell = '<c r="A{0}" t="inlineStr"><is><t>2021-03-05</t></is></c><c r="B{0}"><v>1</v></c>'
    return "".join(
        f'<row r="{r}">{cell.format(r) if filled else ""}</row>' for r in range(first, last + 1)
    )


CASES = {
    "50 001 data rows": (lambda: HEADER_ROWS + rows(3, 50_001), {}, "超过 50000 行"),
    "one cell at K300000": (
        lambda: HEADER_ROWS + '<row r="300000"><c r="K300000"><v>1</v></c></row>',
        {},
        "超过 50000 行",
    ),
    "one cell at XFD1048576": (
        lambda: HEADER_ROWS + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        {},
        "超过 50000 行",
    ),
    "a far cell with a small declared dimension and no row number": (
        lambda: HEADER_ROWS + '<row><c r="XFD3"><v>1</v></c></row>',
        {},
        "超过 100 列",
    ),
    "a million blank rows before one data row": (
        lambda: HEADER_ROWS + rows(3, 1_000_000, filled=False) + rows(1_000_001, 1_000_001),
        {},
        "超过 50000 行",
    ),
    "备注 merged down 300 000 rows": (
        lambda: HEADER_ROWS + rows(3, 5),
        {"merges": '<mergeCell ref="K3:K300000"/>'},
        "超过 50000 行",
    ),
    "a merge over the whole sheet": (
        lambda: HEADER_ROWS,
        {"merges": '<mergeCell ref="A1:XFD1048576"/>'},
        "超过 50000 行",
    ),
    "a declared dimension of the whole sheet": (
        lambda: HEADER_ROWS,
        {"dimension": "A1:XFD1048576"},
        "超过 50000 行",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_huge_xlsx_is_refused_quickly_naming_the_limit(db, tmp_path, case):
    make_rows, options, words = CASES[case]
    path = xlsx(tmp_path / "huge.xlsx", make_rows(), **options)
    started = time.monotonic()
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    elapsed = time.monotonic() - started
    assert words in caught.value.message and "huge.xlsx" in caught.value.message
    assert elapsed < 2.5, f"{case}: {elapsed:.1f} s"
    assert ledger.list_records(db) == []


def test_the_plan_file_is_held_to_the_same_limits(db, tmp_path):
    path = xlsx(tmp_path / "plan.xlsx", '<row r="1048576"><c r="A1048576"><v>1</v></c></row>')
    with pytest.raises(KnownError, match="超过 50000 行"):
        planning.import_quota_table(db, path)


def test_a_csv_of_too_many_rows_is_refused_while_it_is_read(db, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("活动日期,送文艺\n" + "2021-03-05,1\n" * 50_001, "utf-8")
    started = time.monotonic()
    with pytest.raises(KnownError, match="超过 50000 行"):
        sheet_import.import_sheet(db, path)
    assert time.monotonic() - started < 2.5


@pytest.mark.office
def test_an_xls_reaching_far_is_refused_before_calamine_builds_it(db, tmp_path, office):
    """An Excel 97 sheet with a cell at IV40000: calamine would build 10 million cells
    (a gigabyte, seconds); its BIFF records are read first."""
    book = Workbook()
    book.active["A1"], book.active["IV40000"] = "活动日期", 1
    book.save(tmp_path / "far.xlsx")
    path = office(tmp_path / "far.xlsx", ".xls")
    started = time.monotonic()
    with pytest.raises(KnownError, match="超过 100 列"):
        sheet_import.import_sheet(db, path)
    assert time.monotonic() - started < 2.5
