"""Mutants of a statistics sheet the program exported, each refused whole with a Chinese
reason naming the file and the city's database unchanged, or accepted holding only records
the entry form could have saved (PRODUCT §7, §9; issue 22). Byte flips inside the zip (in
its deflated parts and in a stored copy, where the cell text lies bare), truncations, edits
of the sheet XML (control characters, 10 000-character texts, dates out of range,
negative and huge numbers), a zip bomb, XML entity expansion and huge declared dimensions;
and the same sheet as .csv.

A bounded set runs by default; the large set runs with JZDESK_FUZZ=large
(``pytest -m fuzz_large`` selects it)."""

from __future__ import annotations

import csv
import os
import random
import re
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RECORD_COLUMNS
from jzdesk.usecases import imports, ledger, sheets

from .conftest import (
    UnitDesk,
    add_varied,
    city_records,
    database_content,
    fresh_city,
    obeys_the_form,
)

FAST = 800
LARGE = 10000
_CHINESE = re.compile("[\u4e00-\u9fff]")
SHEET = "xl/worksheets/sheet1.xml"  # 统计表
DETAIL = "xl/worksheets/sheet2.xml"  # 活动明细


@pytest.fixture(scope="module")
def genuine(tmp_path_factory) -> Path:
    """A unit's first-quarter sheet: varied records, one edited, one deleted, media, notes."""
    desk = UnitDesk(tmp_path_factory.mktemp("unit"), "沁阳")
    ids = add_varied(desk, 6)
    desk.edit(ids[1], audience=999)
    ledger.delete_record(desk.db, ids[2])
    path = sheets.export_sheet_xlsx(
        desk.db, desk.unit, parse_period("2021Q1"), desk.folder / "沁阳一季度.xlsx"
    )
    desk.db.close()
    return path


@pytest.fixture(scope="module")
def stored(genuine, tmp_path_factory) -> Path:
    """The genuine sheet re-zipped without compression: a flipped bit lands in cell text."""
    path = tmp_path_factory.mktemp("stored") / "沁阳一季度.xlsx"
    write_zip(path, parts(genuine), zipfile.ZIP_STORED)
    return path


@pytest.fixture(scope="module")
def as_csv(genuine, tmp_path_factory) -> Path:
    """The printed sheet saved as CSV (UTF-8 with BOM, as Excel writes it)."""
    path = tmp_path_factory.mktemp("csv") / "沁阳一季度.csv"
    ws = load_workbook(genuine, read_only=True)["统计表"]
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(ws.iter_rows(values_only=True))
    return path


@pytest.fixture(scope="module")
def as_ods(genuine, office) -> Path:
    """The sheet as LibreOffice Calc saves it as .ods."""
    return office(genuine, ".ods")


@pytest.fixture(scope="module")
def expected(genuine, template, tmp_path_factory) -> dict:
    """What the city holds after importing the genuine sheet."""
    folder = tmp_path_factory.mktemp("expected")
    status, held = imported(template, folder, "genuine", genuine)
    assert status == "imported"
    return held


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, content: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in content.items():
            archive.writestr(name, data)


_STAMPS = {"created_at", "updated_at", "entered_by"}


def comparable(held: dict, *, keep=lambda column: column not in _STAMPS) -> list[tuple]:
    """The records' columns ``keep`` chooses, sorted: by default all but what the import
    stamps (its time, and the file's name in entered_by)."""
    columns = [c for c in RECORD_COLUMNS if keep(c)]
    return sorted(
        tuple(dict(zip(RECORD_COLUMNS, (key, *row), strict=True))[c] for c in columns)
        for key, row in held.items()
    )


def imported(template: Path, folder: Path, what: str, path: Path) -> tuple[str, dict]:
    """Import ``path`` into a fresh copy of the city; a refusal must name the file in
    Chinese and leave the database as it was. Returns the status and the records held."""
    db = fresh_city(template, folder)
    try:
        before = database_content(db)
        started = time.monotonic()
        [result] = imports.import_files(db, [path])
        assert time.monotonic() - started < 10, (what, "took too long")
        if result.status == "rejected":
            assert _CHINESE.search(result.reason) and path.name in result.reason, (what, result)
            assert database_content(db) == before, what
            return result.status, {}
        assert result.status in ("imported", "unchanged"), (what, result)
        held = city_records(db)
        assert all(obeys_the_form(record_id, row) for record_id, row in held.items()), what
        return result.status, held
    finally:
        db.close()


# -- edits of the sheet XML -------------------------------------------------------------

_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") if n > 1 else "&lol;"}'
        f'{("&lol" + str(n - 1) + ";") * 9 if n > 1 else "&lol;" * 9}">'
        for n in range(1, 10)
    )
    + "]>"
)
_TEXTS = [
    "a\x00b",
    "&#0;",
    "&#27;[31m红",
    "_x001B_红",
    "_x0000_",
    "一\x0b二",
    "\x7f",
    "长" * 10_000,
    "x" * 100_000,
    "&lol9;",
    "\ufffe",
    " ",
    "=1+1",
]
_DATES = [
    "2021-02-30",
    "9999-12-31",
    "0000-01-01",
    "2021-13-01",
    "1900-01-01",
    "2021年3月",
    "99999999",
]
_NUMBERS = ["-5", "-0", "1e300", "NaN", "inf", "99999999999", "1.5", "4294967297", "1E-300"]


def with_laughs(xml: str) -> str:
    """``xml`` declaring the billion-laughs entities (its own declaration replaced)."""
    return _LAUGHS + re.sub(r"^<\?xml[^>]*\?>", "", xml)


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _number(ref: str, value: str) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def set_cell(xml: str, ref: str, cell: str) -> str:
    """``xml`` with the cell at ``ref`` replaced by ``cell`` (unchanged if it has none)."""
    pattern = re.compile(rf'<c r="{ref}"(?:[^>]*/>|[^>]*>.*?</c>)', re.S)
    return pattern.sub(lambda _: cell, xml, count=1)


def edit_cell(content: dict, rng: random.Random) -> str:
    """One cell of a record row, on the printed sheet or the 活动明细, made hostile."""
    part, row = rng.choice([(SHEET, rng.randrange(6, 11)), (DETAIL, rng.randrange(2, 7))])
    column = rng.choice("ABCDEFGHIJKLMNOP" if part == DETAIL else "BCDEFGHIJK")
    kind = rng.choice(("text", "date", "number"))
    value = rng.choice({"text": _TEXTS, "date": _DATES, "number": _NUMBERS}[kind])
    cell = (
        _number(f"{column}{row}", value) if kind == "number" else _inline(f"{column}{row}", value)
    )
    xml = content[part].decode()
    if value == "&lol9;":
        xml = with_laughs(xml)
    content[part] = set_cell(xml, f"{column}{row}", cell).encode("utf-8", "surrogatepass")
    return f"{part} {column}{row} = {value[:20]!r} ({kind})"


def huge_dimension(content: dict, rng: random.Random) -> str:
    """A dimension, a far cell or a merged range reaching the end of the sheet."""
    part = rng.choice((SHEET, DETAIL))
    far = rng.choice(("K300000", "K1048576", "XFD1048576", "XFD1"))
    xml = content[part].decode()
    how = rng.choice(("dimension", "cell", "merge"))
    if how == "dimension":
        xml = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{far}"/>', xml)
    elif how == "cell":
        row = re.sub(r"\D", "", far)
        xml = xml.replace("</sheetData>", f'<row r="{row}">{_number(far, "1")}</row></sheetData>')
    else:
        merge = f'<mergeCell ref="A1:{far}"/>'
        if "<mergeCells" in xml:
            xml = re.sub(r"(<mergeCells[^>]*>)", rf"\1{merge}", xml)
        else:
            xml = xml.replace("</sheetData>", f"</sheetData><mergeCells>{merge}</mergeCells>")
    content[part] = xml.encode()
    return f"huge: {part} {how} to {far}"


def bomb(content: dict, rng: random.Random) -> str:
    """A part that unpacks a thousand times larger than it is packed."""
    name = rng.choice(("xl/media/bomb.bin", "xl/sharedStrings.xml", "docProps/app.xml"))
    content[name] = b"<" + b"\0" * (rng.choice((30, 250)) * 1024 * 1024)
    return f"zip bomb in {name}"


def laughs(content: dict, rng: random.Random) -> str:
    """Billion laughs in a part that holds the cells."""
    part = rng.choice((SHEET, DETAIL, "xl/sharedStrings.xml", "[Content_Types].xml"))
    xml = content.get(part, b'<?xml version="1.0"?><sst/>').decode()
    xml = re.sub(r"<t>[^<]*</t>", "<t>&lol9;</t>", xml, count=1)
    content[part] = with_laughs(xml).encode()
    return f"billion laughs in {part}"


# -- the mutants ------------------------------------------------------------------------


def _flip(data: bytearray, rng: random.Random, start: int, end: int) -> None:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(start, max(start + 1, min(end, len(data))))
        data[at] ^= 1 << rng.randrange(8)


def _where_cells_lie(path: Path) -> list[tuple[int, int]]:
    """The byte ranges of the parts that hold cells: both worksheets and the strings."""
    with zipfile.ZipFile(path) as archive:
        return [
            (info.header_offset + 30 + len(info.filename), info.compress_size)
            for info in archive.infolist()
            if info.filename.startswith("xl/worksheets/") or "sharedStrings" in info.filename
        ]


def xlsx_mutants(bases: list[Path], folder: Path, count: int, seed: int) -> Iterator:
    """``count`` mutants of the genuine sheet (deflated or stored), each (what, file)."""
    rng = random.Random(seed)
    contents = {base: parts(base) for base in bases}
    spans = {base: _where_cells_lie(base) for base in bases}

    def flip_cells(base: Path, path: Path) -> str:
        data = bytearray(base.read_bytes())
        start, size = rng.choice(spans[base])
        _flip(data, rng, start, start + size)
        path.write_bytes(bytes(data))
        return f"bits flipped in the cells of {base.parent.name}"

    def flip_anywhere(base: Path, path: Path) -> str:
        data = bytearray(base.read_bytes())
        _flip(data, rng, 0, len(data))
        path.write_bytes(bytes(data))
        return "bits flipped anywhere"

    def truncate(base: Path, path: Path) -> str:
        data = base.read_bytes()
        cut = rng.randrange(0, len(data))
        path.write_bytes(data[:cut])
        return f"cut at {cut}"

    def rezipped(edit: Callable) -> Callable:
        def mutate(base: Path, path: Path) -> str:
            content = dict(contents[base])
            what = edit(content, rng)
            write_zip(path, content)
            return what

        return mutate

    kinds = [flip_cells, flip_cells, flip_anywhere, truncate, *[rezipped(edit_cell)] * 4]
    kinds += [rezipped(huge_dimension), rezipped(laughs)]
    for n in range(count):
        path = folder / f"mutant-{n}.xlsx"
        yield kinds[n % len(kinds)](rng.choice(bases), path), path


def _ods_cells(content: dict, rng: random.Random) -> str:
    """One text of content.xml made hostile, or a row or column repeated to the sheet's end."""
    xml = content["content.xml"].decode()
    if rng.random() < 0.3:
        what = rng.choice(("rows", "columns"))
        count = rng.choice(("1048576", "16384", "300000", "99999999999", "-1", "x"))
        xml = xml.replace(
            f'table:number-{what}-repeated="', f'table:number-{what}-repeated="{count}', 1
        )
        content["content.xml"] = xml.encode()
        return f"ods: {what} repeated {count}"
    old = rng.choice(re.findall(r"<text:p>([^<]+)</text:p>", xml))
    new = rng.choice(_TEXTS + _DATES + _NUMBERS)
    if new == "&lol9;":
        xml = with_laughs(xml)
    content["content.xml"] = xml.replace(
        f"<text:p>{old}</text:p>", f"<text:p>{new}</text:p>", 1
    ).encode()
    return f"ods: {old[:20]!r} → {new[:20]!r}"


def damaged(data: bytes, rng: random.Random, path: Path, n: int) -> str | None:
    """Mutant ``n`` of a file's bytes written to ``path``: every third a few flipped bits,
    every third but one a cut, the rest left to the caller (None)."""
    if n % 3 == 0:
        mutated = bytearray(data)
        _flip(mutated, rng, 0, len(data))
        path.write_bytes(bytes(mutated))
        return "bits flipped"
    if n % 3 == 1:
        cut = rng.randrange(len(data))
        path.write_bytes(data[:cut])
        return f"cut at {cut}"
    return None


def ods_mutants(base: Path, folder: Path, count: int, seed: int) -> Iterator:
    """``count`` mutants of the sheet as .ods: flips, cuts and edits of its content.xml."""
    rng = random.Random(seed)
    data, content = base.read_bytes(), parts(base)
    for n in range(count):
        path = folder / f"mutant-{n}.ods"
        what = damaged(data, rng, path, n)
        if what is None:
            edited = dict(content)
            what = _ods_cells(edited, rng)
            write_zip(path, edited)
        yield what, path


def csv_mutants(base: Path, folder: Path, count: int, seed: int) -> Iterator:
    """``count`` mutants of the sheet as .csv. A CSV has no checksum: a flipped byte or a
    cut is an edit like any other, so these are held to the form's rule, not to identity
    (their names begin with "csv:")."""
    rng = random.Random(seed)
    data = base.read_bytes()
    text = data.decode("utf-8-sig")
    for n in range(count):
        path = folder / f"mutant-{n}.csv"
        what = damaged(data, rng, path, n)
        if what is None:
            old = rng.choice(re.findall(r"[^,\r\n]+", text.split("\n", 6)[-1]))
            new = rng.choice(_TEXTS + _DATES + _NUMBERS).replace("&#0;", "\0")
            path.write_text(text.replace(old, new, 1), encoding="utf-8-sig")
            what = f"{old!r} → {new[:20]!r}"
        yield f"csv: {what}", path


# Mutants that change no cell the program reads: if accepted, the sheet reads as it was.
_KEEP_NOTHING = ("bits", "cut", "zip bomb", "billion laughs", "huge")


def run(template: Path, expected: dict, folder: Path, mutants: Iterator) -> dict:
    """Import every mutant; one accepted after a flip or cut must hold what the genuine
    sheet gives (a damaged or booby-trapped file is never read as a different sheet)."""
    statuses: dict[str, int] = {}
    for what, path in mutants:
        status, held = imported(template, folder, what, path)
        if status != "rejected" and what.startswith(_KEEP_NOTHING):
            assert comparable(held) == comparable(expected), what
        statuses[status] = statuses.get(status, 0) + 1
        path.unlink()
    return statuses


def test_the_genuine_sheet_and_its_stored_copy_are_accepted_identical(
    stored,
    as_csv,
    expected,
    template,
    tmp_path,
):
    assert comparable(imported(template, tmp_path, "stored", stored)[1]) == comparable(expected)
    shown = {"date", "type", "sessions", "title", "venue", "audience", "notes"}
    held = imported(template, tmp_path, "csv", as_csv)[1]
    assert comparable(held, keep=shown.__contains__) == comparable(
        expected, keep=shown.__contains__
    )


@pytest.mark.parametrize(
    ("edit", "seed"), [(bomb, 0), (bomb, 1), (bomb, 2), (laughs, 0), (laughs, 1), (laughs, 2)]
)
def test_bombs_are_refused_or_defused(genuine, expected, template, tmp_path, edit, seed):
    """A zip bomb is refused by its size or ratio; entities are never expanded, so a
    billion laughs in a part is refused as damaged or, where the part's text is not read,
    changes nothing."""
    content = parts(genuine)
    what = edit(content, random.Random(seed))
    path = tmp_path / "evil.xlsx"
    write_zip(path, content)
    assert run(template, expected, tmp_path, iter([(what, path)]))


def test_a_sheet_naming_an_unknown_unit_is_refused_naming_the_file(as_csv, template, tmp_path):
    """Found by the fuzz suite: one changed byte in 填报单位 made a refusal that named
    the unit but not the file (the import list shows many files at once)."""
    path = tmp_path / "改过的.csv"
    path.write_text(as_csv.read_text("utf-8-sig").replace("公章", "公狠"), encoding="utf-8-sig")
    assert imported(template, tmp_path, "unit changed", path)[0] == "rejected"


def test_a_csv_with_a_lone_carriage_return_is_refused_not_a_crash(as_csv, template, tmp_path):
    """Found by the fuzz suite: a flipped byte made a carriage return inside a field, and
    Python's CSV reader raised an error the import did not expect."""
    path = tmp_path / "换行.csv"
    path.write_bytes(as_csv.read_bytes().replace("送戏下乡".encode(), "送戏\r下乡".encode(), 1))
    assert imported(template, tmp_path, "carriage return", path)[0] == "rejected"


def test_a_part_name_that_is_not_utf8_is_refused_not_a_crash(genuine, template, tmp_path):
    """Found by the fuzz suite: a flipped bit in a part's name marked UTF-8 made Python's
    zipfile raise UnicodeDecodeError before any check could refuse the file."""
    content = parts(genuine)
    content["docProps/说明.xml"] = b"<x/>"
    path = tmp_path / "名字坏了.xlsx"
    write_zip(path, content)
    path.write_bytes(path.read_bytes().replace("说".encode(), b"\xddAA"))
    assert imported(template, tmp_path, "bad part name", path)[0] == "rejected"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"xl/worksheets/sheet2.xml", b"xl/worksheets/sheet2.xmd"),
        (b'Target="/xl/worksheets/sheet2.xml"', b'Target="/xl/worksheets/sheet2.xmd"'),
    ],
)
def test_a_worksheet_whose_part_is_lost_is_refused(stored, template, tmp_path, old, new):
    """Found by the fuzz suite: one flipped bit in the name of the 活动明细's part (in the
    zip's directory, or in the workbook's link to it) made the sheet vanish, and the rows
    came in as a hand-filled sheet's, under new record ids."""
    path = tmp_path / "丢了一页.xlsx"
    data = stored.read_bytes()
    at = data.rindex(old) if old.startswith(b"xl/") else data.index(old)
    path.write_bytes(data[:at] + new + data[at + len(old) :])
    assert imported(template, tmp_path, "part lost", path)[0] == "rejected"


def test_a_bounded_set_of_xlsx_mutants(genuine, stored, expected, template, tmp_path):
    statuses = run(
        template, expected, tmp_path, xlsx_mutants([genuine, stored], tmp_path, FAST, 22)
    )
    assert statuses.get("rejected", 0) > FAST // 3, statuses


def test_a_bounded_set_of_csv_mutants(as_csv, expected, template, tmp_path):
    statuses = run(template, expected, tmp_path, csv_mutants(as_csv, tmp_path, FAST // 3, 22))
    assert statuses, statuses


@pytest.mark.office
def test_a_bounded_set_of_ods_mutants(as_ods, template, tmp_path):
    status, from_ods = imported(template, tmp_path, "genuine .ods", as_ods)
    assert status == "imported"
    statuses = run(template, from_ods, tmp_path, ods_mutants(as_ods, tmp_path, FAST // 4, 22))
    assert statuses.get("rejected", 0) > FAST // 12, statuses


@pytest.mark.fuzz_large
@pytest.mark.skipif(os.environ.get("JZDESK_FUZZ") != "large", reason="set JZDESK_FUZZ=large")
def test_a_large_set_of_mutants(genuine, stored, as_csv, as_ods, expected, template, tmp_path):
    run(template, expected, tmp_path, xlsx_mutants([genuine, stored], tmp_path, LARGE, 2022))
    run(template, expected, tmp_path, csv_mutants(as_csv, tmp_path, LARGE // 4, 2022))
    from_ods = imported(template, tmp_path, "genuine .ods", as_ods)[1]
    run(template, from_ods, tmp_path, ods_mutants(as_ods, tmp_path, LARGE // 4, 2022))
