"""A user's file is opened whatever its name's bytes, and named readably; a path the system
refuses as too long is a message, not a traceback (issue 22, item 4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.store.db import open_db
from jzdesk.usecases import installation, ledger, sheets, submission_export


def gbk_path(folder: Path, name: str) -> Path:
    """``folder/name`` with the name's bytes in GBK, as a Chinese Windows wrote it on a USB
    stick or into a zip: not UTF-8, so Python holds it with stand-in characters."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name.encode("gbk")))
    try:
        path.mkdir()
        path.rmdir()
    except OSError as error:  # a file system that takes UTF-8 names only
        pytest.skip(f"this file system refuses a GBK file name: {error}")
    return path


pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows file names are UTF-16 text, never bytes"
)


@pytest.fixture
def unit_folder(tmp_path) -> Path:
    """A unit's database in a folder whose name is GBK bytes, with one record."""
    folder = gbk_path(tmp_path, "沁阳数据")
    folder.mkdir()
    db = open_db(folder / "unit.sqlite")
    installation.init_installation(db, "沁阳", filler="张三", phone="13800000000")
    fields = RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART, title="演出")
    ledger.add_record(db, fields)
    db.close()
    return folder


@pytest.mark.parametrize("kind", [".jzsub", ".xlsx"])
def test_a_file_named_in_gbk_bytes_imports_and_is_named_readably(
    unit_folder, tmp_path, run_cli, kind
):
    db = open_db(unit_folder / "unit.sqlite")
    unit = installation.resolve_unit(db, "沁阳")
    path = gbk_path(tmp_path, f"沁阳一季度{kind}")
    if kind == ".jzsub":
        submission_export.export_submission(db, unit, path, period=parse_period("2021Q1"))
    else:
        sheets.export_sheet_xlsx(db, unit, parse_period("2021Q1"), path)
    db.close()
    assert path.is_file()

    result = run_cli("import", str(path))

    assert result.code == 0, result.err
    assert f"沁阳一季度{kind}：新增 1 条" in result.out
    log = run_cli("import-log", "--json")
    assert f'"沁阳一季度{kind}"' in log.out


def test_a_path_too_long_for_the_system_is_a_message(tmp_path, run_cli, db_path):
    deep = Path(*[tmp_path, *["目录" * 40] * 40])
    assert len(os.fsencode(deep)) > 4096  # PATH_MAX on Linux

    imported = run_cli("import", str(deep / "沁阳.jzsub"))
    opened = run_cli("--db", str(deep / "jzdesk.sqlite"), "events", db=False)

    assert imported.code == 1 and "路径太长" in imported.out + imported.err
    assert "沁阳.jzsub" in imported.out + imported.err
    assert opened.code == 1 and "路径太长" in opened.err and "Traceback" not in opened.err


@pytest.mark.parametrize("io_encoding", ["gbk", "gbk:surrogateescape"])
def test_an_import_printed_on_a_gbk_console_replaces_what_gbk_cannot_spell(
    unit_folder, tmp_path, db_path, io_encoding
):
    """A Chinese Windows writing into a pipe, or a GBK terminal: ✔ has no GBK spelling and is
    replaced; the file's name, GBK bytes on disk, is printed readably; JSON stays UTF-8.
    Streams that escape surrogates (a POSIX locale; Wine's pipes) fail on ✔ just as strict
    ones do."""
    db = open_db(unit_folder / "unit.sqlite")
    path = gbk_path(tmp_path, "沁阳一季度.jzsub")
    unit = installation.resolve_unit(db, "沁阳")
    submission_export.export_submission(db, unit, path, period=parse_period("2021Q1"))
    db.close()
    env = {**os.environ, "PYTHONIOENCODING": io_encoding, "PYTHONUTF8": "0"}
    env.pop("JZDESK_DB", None)
    code = "import sys; from jzdesk.cli import main; sys.exit(main(sys.argv[1:]))"

    def cli(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-c", code, "--db", str(db_path), *args]
        return subprocess.run(command, capture_output=True, env=env, timeout=120)

    imported = cli("import", str(path))
    log = cli("import-log", "--json")

    assert imported.returncode == 0, imported.stderr.decode("gbk", "replace")
    assert "? 沁阳一季度.jzsub：新增 1 条" in imported.stdout.decode("gbk")
    assert json.loads(log.stdout.decode("utf-8"))[0]["file_name"] == "沁阳一季度.jzsub"
