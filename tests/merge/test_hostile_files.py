"""Damaged and hostile files: each is rejected whole with a reason, the command line exits
1, and the city database's content is unchanged (PRODUCT §7, §9)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from jzdesk.io.submission_file import FORMAT_VERSION
from jzdesk.usecases import imports, sheets

from .conftest import rejected, stage_rows, tamper


@pytest.fixture
def package(make_unit, tmp_path) -> Path:
    """A good file of 沁阳 with three records (one media item, one summary)."""
    from jzdesk.domain.records import MediaItem
    from jzdesk.usecases import report_info

    desk = make_unit()
    for n in range(3):
        desk.add(title=f"演出{n}", venue=f"厂{n}", media=(MediaItem("报纸", "日报"),))
    report_info.set_quarter_summary(desk.db, "qinyang", 2021, 1, "小结")
    return desk.export()


def variant(package: Path, name: str) -> Path:
    path = package.with_name(name)
    shutil.copyfile(package, path)
    return path


def flip_bytes(path: Path, offset: int, count: int = 64) -> Path:
    data = bytearray(path.read_bytes())
    for i in range(offset, min(offset + count, len(data))):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def hostile_files(package: Path, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, a word the reason must contain)."""
    files = {}
    empty = tmp_path / "empty.jzsub"
    empty.write_bytes(b"")
    files["empty"] = (empty, "空的")
    truncated = variant(package, "truncated.jzsub")
    truncated.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    files["truncated"] = (truncated, "损坏")
    files["flipped header page"] = (flip_bytes(variant(package, "flip0.jzsub"), 100), "")
    where = package.read_bytes().find("演出1".encode())
    files["flipped record"] = (flip_bytes(variant(package, "flip.jzsub"), where, 6), "")
    files["flipped page"] = (flip_bytes(variant(package, "flip2.jzsub"), where - 300, 600), "")
    zipped = tmp_path / "zipped.jzsub"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(package, "inside.jzsub")
    files["zip"] = (zipped, "压缩包")
    text = tmp_path / "text.jzsub"
    text.write_text("这不是上报文件\n" * 50, encoding="utf-8")
    files["plain text"] = (text, "不是 jzdesk 上报文件")
    other = tmp_path / "other.jzsub"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    files["other sqlite"] = (other, "其他程序")
    files["edited after export"] = (
        tamper(
            variant(package, "edited.jzsub"), "UPDATE records SET audience = 9999", rehash=False
        ),
        "改动",
    )
    files["other unit's records"] = (
        tamper(variant(package, "foreign.jzsub"), "UPDATE records SET unit_code = 'mengzhou'"),
        "不属于本单位",
    )
    files["manifest names another unit"] = (
        tamper(
            variant(package, "claims.jzsub"),
            "UPDATE manifest SET value = 'mengzhou' WHERE key = 'unit_code'",
        ),
        "不属于本单位",
    )
    files["unknown unit"] = (
        tamper(
            variant(package, "nobody.jzsub"),
            "UPDATE manifest SET value = 'atlantis' WHERE key = 'unit_code'",
            "UPDATE records SET unit_code = 'atlantis'",
        ),
        "单位名单中没有",
    )
    files["extra table"] = (
        tamper(variant(package, "table.jzsub"), "CREATE TABLE extra (x)"),
        "不应有",
    )
    files["view"] = (
        tamper(variant(package, "view.jzsub"), "CREATE VIEW v AS SELECT * FROM records"),
        "不应有",
    )
    files["trigger"] = (
        tamper(
            variant(package, "trigger.jzsub"),
            "CREATE TRIGGER t AFTER INSERT ON header BEGIN DELETE FROM records; END",
        ),
        "不应有",
    )
    files["altered column"] = (
        tamper(variant(package, "column.jzsub"), "ALTER TABLE records ADD COLUMN extra TEXT"),
        "不应有",
    )
    files["newer format"] = (
        tamper(
            variant(package, "newer.jzsub"),
            f"UPDATE manifest SET value = '{FORMAT_VERSION + 1}' WHERE key = 'format_version'",
        ),
        "请升级程序",
    )
    files["bad value"] = (
        tamper(
            variant(package, "value.jzsub"), "UPDATE records SET sessions = 0 WHERE title = '演出1'"
        ),
        "场次",
    )
    files["bad date"] = (
        tamper(variant(package, "date.jzsub"), "UPDATE records SET date = '2021-02-30'"),
        "活动日期",
    )
    files["bad media"] = (
        tamper(variant(package, "media.jzsub"), 'UPDATE records SET media = \'[["飞鸽", "x"]]\''),
        "媒体",
    )
    wal = variant(package, "wal.jzsub")
    conn = sqlite3.connect(wal)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    files["WAL mode"] = (wal, "不是导出的上报文件")
    other_wal = tmp_path / "places.jzsub"
    conn = sqlite3.connect(other_wal)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE moz_places (x)")
    conn.close()
    files["another program's WAL database"] = (other_wal, "正在使用的数据库文件")
    header = bytearray(package.read_bytes())
    header[18] = 7
    broken_header = tmp_path / "header.jzsub"
    broken_header.write_bytes(bytes(header))
    files["header version byte"] = (broken_header, "文件头不对")
    files["newer format in the header"] = (
        tamper(
            variant(package, "newer-header.jzsub"), f"PRAGMA user_version = {FORMAT_VERSION + 1}"
        ),
        "请升级程序",
    )
    files["older format in the header"] = (
        tamper(
            variant(package, "older-header.jzsub"), f"PRAGMA user_version = {FORMAT_VERSION - 1}"
        ),
        "格式版本前后不一",
    )
    return files


def test_every_hostile_file_is_rejected_and_the_database_untouched(package, city, tmp_path):
    imports.import_files(city, [package])  # the city already holds the good file
    for name, (path, word) in hostile_files(package, tmp_path).items():
        reason = rejected(city, path)
        assert word in reason, f"{name}: {reason}"


def test_hostile_files_into_an_empty_database_add_nothing(package, city, tmp_path):
    for path, _ in hostile_files(package, tmp_path).values():
        rejected(city, path)
    assert city.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 0
    assert city.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 0


def test_a_file_claiming_records_the_city_holds_for_another_unit(make_unit, city):
    """Ids are the identity: a file may not take over another unit's records."""
    mengzhou = make_unit("孟州")
    record_id = mengzhou.add(title="孟州的活动")
    imports.import_files(city, [mengzhou.export()])
    qinyang = make_unit("沁阳")
    qinyang.add(title="沁阳的活动")
    path = qinyang.export()
    tamper(path, f"UPDATE records SET id = '{record_id}'")
    reason = rejected(city, path)
    assert "属于其他单位" in reason and "孟州" in reason


def test_the_command_line_exits_1_and_goes_on_with_the_next_file(package, run_cli, tmp_path):
    text = tmp_path / "notes.jzsub"
    text.write_text("hello", encoding="utf-8")
    result = run_cli("import", str(text), str(package), "--json")
    assert result.code == 1
    import json

    first, second = json.loads(result.out)
    assert (first["status"], second["status"], second["added"]) == ("rejected", "imported", 3)
    assert "notes.jzsub" in first["reason"]


def test_a_file_that_names_a_quarter_of_another_year_is_rejected(package, city):
    tamper(package, "UPDATE manifest SET value = '2022' WHERE key = 'year'")
    assert "不一致" in rejected(city, package)


@pytest.mark.parametrize(
    ("statement", "word"),
    [
        ("UPDATE records SET title = 'a' || char(10) || 'b' || char(7)", "控制字符"),
        ("UPDATE records SET revision = 9223372036854775807, base_revision = 1", "版本号"),
        ("UPDATE records SET id = upper(id)", "记录编号"),
        ("UPDATE manifest SET value = '123456789012345678901' WHERE key = 'sequence'", "导出序号"),
        ("UPDATE records SET media = '[[\"报纸\", \"' || char(27) || '\"]]'", "媒体"),
    ],
)
def test_values_jzdesk_never_writes_are_rejected(package, city, statement, word):
    """A file edited with other tools, its hash recomputed: still refused, no traceback."""
    assert word in rejected(city, tamper(package, statement))


def test_a_file_with_one_id_twice_is_refused_when_staged(tmp_path):
    """A file whose records table lost its key (edited with other tools) carries one id
    twice: the staging table's key refuses it."""
    import sqlite3

    from jzdesk.io.submission_file import RECORD_COLUMNS

    row = tuple("x" * 36 if c == "id" else 1 for c in RECORD_COLUMNS)
    with pytest.raises(sqlite3.IntegrityError):
        stage_rows(tmp_path / "stage.sqlite", [row, row])


def test_a_file_of_the_city_cannot_carry_the_units_records(make_unit, city):
    """Every unit's parent is the city; a city file still may not touch a unit's records."""
    mengzhou = make_unit("孟州")
    mengzhou.add(title="孟州的活动")
    path = mengzhou.export()
    tamper(
        path,
        "UPDATE manifest SET value = 'city' WHERE key = 'unit_code'",
        "UPDATE header SET unit_code = 'city'",
    )
    assert "不属于本单位" in rejected(city, path)


def test_a_sheet_or_a_submission_under_the_other_extension_is_named(package, city, tmp_path):
    """WeChat and e-mail rename files: the message says what the file really is."""
    from jzdesk.domain.periods import parse_period
    from jzdesk.usecases import installation

    data = sheets.sheet_data(city, installation.resolve_unit(city, "沁阳"), parse_period("2021Q1"))
    sheet = sheets.export_sheet(data, tmp_path / "表.xlsx")
    assert "改回 .xlsx" in rejected(city, variant(sheet, "表.jzsub"))
    assert "改回 .jzsub" in rejected(city, variant(package, "上报.xlsx"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_is_refused_without_being_read(city, tmp_path):
    pipe = tmp_path / "pipe.jzsub"
    os.mkfifo(pipe)
    assert "不是普通文件" in rejected(city, pipe)


def test_copying_a_file_into_the_stage_stops_when_its_budget_is_spent(tmp_path):
    """The copy runs inside SQLite on a connection of its own: the file's time budget (or
    a cancel) still stops it (the import then says 超时或已取消)."""
    import sqlite3

    from jzdesk.io.submission_file import RECORD_COLUMNS
    from jzdesk.store import merge

    rows = [tuple(f"{n:036d}" if c == "id" else 1 for c in RECORD_COLUMNS) for n in range(3000)]
    received = stage_rows(tmp_path / "first.sqlite", rows).with_name("first-received.sqlite")
    with pytest.raises(sqlite3.OperationalError, match="interrupt"):
        merge.write_stage(tmp_path / "stage.sqlite", received, progress=lambda: 1)
