"""Units that export submission files and a city that imports them, each a real database
on disk."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from jzdesk.domain import record_rules as rules
from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RECORD_COLUMNS, MediaItem, RecordFields
from jzdesk.io.submission_file import content_digest
from jzdesk.store.db import open_db
from jzdesk.store.records import MEDIA_JSON
from jzdesk.usecases import installation, ledger, submission_export


class UnitDesk:
    """One unit's installation: its database and what it does before exporting."""

    def __init__(self, folder: Path, unit_name: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.db = open_db(folder / "unit.sqlite")
        self.unit = installation.resolve_unit(self.db, unit_name)
        installation.init_installation(self.db, unit_name, filler="张三", phone="13800000000")
        self.exports = 0

    def add(self, day: str = "2021-03-05", *, kind=ActivityType.ART, **fields) -> str:
        fields = RecordFields(
            unit_code=self.unit.code, date=date.fromisoformat(day), activity_type=kind, **fields
        )
        return ledger.add_record(self.db, fields)

    def edit(self, record_id: str, **changes) -> None:
        from dataclasses import replace

        record = ledger.get_record(self.db, record_id)
        ledger.update_record(
            self.db, record_id, replace(record.fields, **changes), revision=record.revision
        )

    def export(self, period: str = "2021Q1", **options) -> Path:
        self.exports += 1
        path = self.folder / f"{self.unit.code}-{self.exports}.jzsub"
        submission_export.export_submission(
            self.db, self.unit, path, period=parse_period(period), **options
        )
        return path


@pytest.fixture
def make_unit(tmp_path: Path):
    desks = []

    def make(name: str = "沁阳") -> UnitDesk:
        desk = UnitDesk(tmp_path / f"unit-{len(desks)}", name)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.db.close()


@pytest.fixture
def city(tmp_path: Path):
    database = open_db(tmp_path / "city" / "city.sqlite")
    yield database
    database.close()


def city_state(db, unit_code: str | None = None) -> dict:
    """Every record the city holds (of one unit): id → (state, revision)."""
    where, params = ("WHERE unit_code = ?", [unit_code]) if unit_code else ("", [])
    ids = [row[0] for row in db.execute(f"SELECT id FROM records {where}", params)]
    from jzdesk.store import records

    return {
        record_id: (
            records.state_of(records.get_record(db, record_id)),
            records.get_record(db, record_id).revision,
        )
        for record_id in ids
    }


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A city's database, copied afresh for each mutant."""
    path = tmp_path_factory.mktemp("city") / "city.sqlite"
    db = open_db(path)
    installation.init_installation(db, "焦作市总工会", filler="李四", phone="13800000001")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def city_records(db) -> dict[str, tuple]:
    columns = ", ".join(f"r.{c}" for c in RECORD_COLUMNS if c != "media")
    rows = db.execute(f"SELECT {columns}, {MEDIA_JSON} FROM records r").fetchall()
    return {row[0]: (*row[1:-1], json.loads(row[-1])) for row in rows}


def obeys_the_form(record_id: str, row: tuple) -> bool:
    """What the city holds is what the entry form could have saved (domain/record_rules)."""
    value = dict(zip(RECORD_COLUMNS[1:], row, strict=True))
    texts = [(f, value[f]) for f in ("title", "venue", "presenter", "notes", "entered_by")]
    texts += [("link", link) for _, link in value["media"]]
    return (
        rules.is_record_id(record_id)
        and rules.is_real_date(value["date"])
        and all(rules.text_problem(field, text) is None for field, text in texts)
        and rules.is_timestamp(value["created_at"])
        and rules.is_timestamp(value["updated_at"])
    )


def database_content(db) -> list[str]:
    """The whole content of a database as SQL, to prove an import changed nothing."""
    return [line for line in db.conn.iterdump() if "sqlite_sequence" not in line]


def rejected(city, path: Path) -> str:
    """Import ``path`` into ``city``: it must be refused whole, naming the file, with the
    database's content unchanged; returns the reason."""
    from jzdesk.usecases import imports

    before = database_content(city)
    [result] = imports.import_files(city, [path])
    assert result.status == "rejected", result
    assert path.name in result.reason
    assert database_content(city) == before
    return result.reason


def tamper(path: Path, *statements: str, rehash: bool = True, digest=content_digest) -> Path:
    """Change a package (or, with the reply file's ``digest``, a reply) with plain SQL (as
    someone with a database browser would), and recompute its hash so that only the check
    under test can catch it."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:  # closed even when SQLite refuses the edit: on Windows an open file cannot be removed
        for statement in statements:
            conn.execute(statement)
        if rehash:
            conn.execute(
                "UPDATE manifest SET value = ? WHERE key = 'content_sha256'", [digest(conn)]
            )
    finally:
        conn.close()
    return path


def add_varied(desk: UnitDesk, count: int) -> list[str]:
    """``count`` records of varied dates, titles, venues, audiences, notes and media (the
    fuzz suites' genuine files); returns their ids."""
    return [
        desk.add(
            f"2021-0{1 + n % 3}-{1 + n:02d}",
            title=f"送戏下乡第{n}场",
            venue=f"第{n}机械厂",
            audience=10 * n,
            notes="备注" * n,
            media=(MediaItem("报纸", "焦作日报"),) if n % 2 else (),
        )
        for n in range(count)
    ]


def stage_rows(stage: Path, rows: list[tuple]) -> Path:
    """Stage ``rows`` (RECORD_COLUMNS order) for a merge as a received file's are: from a
    file holding them in a ``records`` table, copied by store.merge.write_stage."""
    from jzdesk.store import merge

    received = stage.with_name(stage.stem + "-received.sqlite")
    conn = sqlite3.connect(received)
    with conn:
        conn.execute(f"CREATE TABLE records ({', '.join(RECORD_COLUMNS)})")
        marks = ", ".join("?" * len(RECORD_COLUMNS))
        conn.executemany(f"INSERT INTO records VALUES ({marks})", rows)
    conn.close()
    merge.write_stage(stage, received, progress=lambda: 0)
    return stage


def fresh_city(template: Path, folder: Path):
    """A fresh copy of the city database ``template`` in ``folder`` (the fuzz suites import
    each mutant into one), opened; the copy before it and its WAL are removed first."""
    import shutil

    city_path = folder / "city.sqlite"
    for leftover in folder.glob("city.sqlite*"):
        leftover.unlink()
    shutil.copyfile(template, city_path)
    return open_db(city_path)
