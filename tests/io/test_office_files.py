"""Our sheets and plan file as offices have them: resaved by LibreOffice Calc as .xlsx, .xls
and .ods and imported back, and hand-made .csv files in UTF-8 and GB18030."""

from __future__ import annotations

import json
import time
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import MediaItem, RecordFields
from jzdesk.errors import KnownError
from jzdesk.io.workbook_safety import OLE2_HEADER
from jzdesk.store import plans
from jzdesk.usecases import installation, ledger, planning, sheet_import, sheets

TYPES = ["送文艺", "送电影", "送书画", "送培训", "送讲座"]
RECORDS = [
    RecordFields(
        "qinyang",
        date(2021, 3, 5),
        T.ART,
        sessions=2,
        title="“劳动美”文艺演出（第一场）",
        venue="沁阳市某厂矿车间",
        venue_category="厂矿企业",
        audience=320,
        delivery="购买服务",
        presenter="市豫剧团",
        demonstration=True,
        logo_shown=True,
        media=(MediaItem("网络", "https://example.org/a"),),
        notes="示范性演出",
    ),
    RecordFields("qinyang", date(2021, 3, 18), T.FILM, title="电影下乡", audience=90),
    RecordFields("qinyang", date(2021, 2, 1), T.LECTURE, title="安全讲座", original=True),
]


def shape(db):
    return sorted((json.dumps(repr(r.fields)), r.id, r.revision) for r in ledger.list_records(db))


@pytest.mark.office
@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_our_sheet_resaved_by_libreoffice_imports_back_losslessly(tmp_path, office, suffix):
    """A clerk opens the exported sheet in LibreOffice or WPS and saves it in another
    format: every record comes back as itself (id, revision and every field)."""
    source = installation.open_database(tmp_path / "unit.sqlite")
    target = installation.open_database(tmp_path / "city.sqlite")
    for fields in RECORDS:
        ledger.add_record(source, fields)
    unit = installation.resolve_unit(source, "qinyang")
    exported = sheets.export_sheet_xlsx(source, unit, parse_period("2021Q1"), tmp_path / "q1.xlsx")
    resaved = office(exported, suffix)
    result = sheet_import.import_sheet(target, resaved)
    assert (result.status, result.added, result.reason) == ("imported", 3, "")
    assert shape(target) == shape(source)
    again = sheet_import.import_sheet(target, resaved)
    assert again.status == "unchanged"
    source.close()
    target.close()


@pytest.mark.office
@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_the_plan_file_resaved_by_libreoffice_imports_back(db, tmp_path, office, suffix):
    exported = planning.export_quota_table(db, 2021, tmp_path / "plan.xlsx")
    resaved = office(exported, suffix)
    before = {e.unit_code: e.quota for e in plans.plan_entries(db, 2021)}
    result = planning.import_quota_table(db, resaved)
    assert (result.year, result.changed, result.unchanged) == (2021, 0, 16)
    assert {e.unit_code: e.quota for e in plans.plan_entries(db, 2021)} == before


@pytest.mark.office
def test_the_plan_total_follows_a_changed_quota_and_is_checked_on_import(db, tmp_path, office):
    """The 合计 is a SUM: a clerk changes one quota, LibreOffice works the total out again
    on saving, and the import checks that value against the lines."""
    path = planning.export_quota_table(db, 2021, tmp_path / "plan.xlsx")
    book = load_workbook(path)
    book.active["B4"] = 60  # 沁阳: 50 → 60
    book.save(path)
    resaved = office(path, ".xlsx")
    assert load_workbook(resaved, data_only=True).active["B20"].value == 520
    result = planning.import_quota_table(db, resaved)
    assert (result.changed, result.unchanged) == (1, 15)
    assert {e.unit_code: e.quota for e in plans.plan_entries(db, 2021)}["qinyang"] == 60


CSV = (
    "“中国梦·劳动美·工会情”河南工会万场文化活动进基层情况统计表\n"
    "2021年第一季度\n"
    "填报单位（盖章）：孟州市总工会,,填报人：李红\n"
    "序号,活动日期,活动名称（内容）,活动地点（服务对象）,送文艺,送电影,送书画,送培训,送讲座,"
    "受益职工（人次）,备注\n"
    "1,2021-03-05,文艺演出,车间,1,,,,,300,\n"
    "2,3月6日,露天电影,社区,,2,,,,约120人,两场\n"
    "合计,,,,1,2,0,0,0,420,\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_csv_of_the_same_columns_imports(db, tmp_path, encoding):
    """A sheet saved as CSV by Excel or WPS: UTF-8 with or without BOM, or GB18030 as a
    Chinese Windows writes it."""
    path = tmp_path / "孟州.csv"
    path.write_bytes(CSV.encode(encoding))
    result = sheet_import.import_sheet(db, path)
    assert (result.status, result.added, result.unit) == ("imported", 2, "mengzhou")
    rows = sorted(
        (r.fields.date, r.fields.activity_type, r.fields.sessions, r.fields.audience)
        for r in ledger.list_records(db)
    )
    assert rows == [(date(2021, 3, 5), T.ART, 1, 300), (date(2021, 3, 6), T.FILM, 2, 120)]


def test_a_csv_whose_total_disagrees_is_refused_naming_the_row(db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(CSV.replace("合计,,,,1,2,0,0,0,420", "合计,,,,1,3,0,0,0,420"), "utf-8")
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    assert "第 7 行（合计）“送电影”：合计写的是 3，各行相加是 2" in caught.value.message
    assert ledger.list_records(db) == []


ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="统计表">'
)
ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
    ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods(path, rows_xml: str):
    """A minimal .ods whose one table holds ``rows_xml`` (stored: a bomb need not be
    compressed to be large)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        archive.writestr("content.xml", ODS_HEAD + rows_xml + ODS_TAIL)
    return path


def cell(text: str, repeat: int = 1) -> str:
    return (
        f'<table:table-cell table:number-columns-repeated="{repeat}" office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("a.xls", lambda p: Workbook().save(p), "它其实是 .xlsx 或 .ods"),
        (
            "a.xls",
            lambda p: p.write_bytes(OLE2_HEADER + b"\0" * 600),
            "已损坏或不是有效的 Excel 97",
        ),
        ("a.ods", lambda p: Workbook().save(p), "不是 LibreOffice/WPS 的 .ods"),
        ("a.xlsx", lambda p: p.write_bytes(OLE2_HEADER + b"\0" * 600), "它其实是旧的 .xls"),
        ("a.csv", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\0\0"), "含有二进制内容"),
        (
            "a.ods",
            lambda p: ods(p, "<table:table-row>" + cell("x") * 5000 + "</table:table-row>"),
            "超过 100 列",
        ),
        (
            "a.ods",
            lambda p: ods(p, "<table:table-row>" + cell("x", 16384) + "</table:table-row>"),
            "超过 100 列",
        ),
        (
            "a.ods",
            lambda p: ods(
                p,
                f'<table:table-row table:number-rows-repeated="1048576">{cell("x")}</table:table-row>',
            ),
            "超过 50000 行",
        ),
    ],
)
def test_unsafe_or_foreign_files_of_every_kind_are_refused_quickly(db, tmp_path, name, make, words):
    """The other containers get the checks .xlsx has: the content must be what the name
    says, and a sheet that declares more cells than any statistics sheet is refused from
    its XML stream, in well under a second, naming the limit, before cells are built."""
    path = tmp_path / name
    make(path)
    started = time.monotonic()
    with pytest.raises(KnownError) as caught:
        sheet_import.import_sheet(db, path)
    assert words in caught.value.message and name in caught.value.message
    assert time.monotonic() - started < 2
    path.unlink()  # nothing holds the file open (Windows would refuse)


def test_the_layout_of_an_ods_gives_its_merged_cells(db, tmp_path):
    """calamine reads no merged ranges from .ods: they come from the XML, so a date merged
    down two rows counts for both, as in the .xlsx."""
    head = "".join(
        cell(w)
        for w in ["序号", "活动日期", "活动名称", "活动地点", *TYPES, "受益职工（人次）", "备注"]
    )
    merged_date = (
        '<table:table-cell table:number-rows-spanned="2" office:value-type="string">'
        "<text:p>2021年3月5日</text:p></table:table-cell>"
    )
    rows = (
        f"<table:table-row>{cell('填报单位（盖章）：孟州市总工会')}</table:table-row>"
        f"<table:table-row>{head}</table:table-row>"
        f"<table:table-row>{cell('1')}{merged_date}{cell('演出')}{cell('车间')}{cell('1')}"
        "</table:table-row>"
        f"<table:table-row>{cell('2')}<table:covered-table-cell/>{cell('电影')}{cell('社区')}"
        f"<table:table-cell/>{cell('1')}</table:table-row>"
    )
    result = sheet_import.import_sheet(db, ods(tmp_path / "m.ods", rows))
    assert result.added == 2
    assert {r.fields.date for r in ledger.list_records(db)} == {date(2021, 3, 5)}
