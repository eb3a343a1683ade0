"""A submission file's table and its index must say the same: a byte changed in the records
table alone (a hex editor, a bit flipped in transit) is refused, since every check and the
import read the records the same way (issue 22, item 0)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jzdesk.usecases import imports, ledger

from .conftest import database_content


def _table_page(path: Path, table: str) -> tuple[int, int]:
    """(offset, size) of the root page of ``table`` in the SQLite file at ``path``."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()[0]
    finally:
        conn.close()
    return (root - 1) * page_size, page_size


def edit_id_in_table(path: Path, record_id: str) -> str:
    """Change one hex digit of ``record_id`` where the records table holds it (its index
    keeps the old id); returns the id the table now holds."""
    data = bytearray(path.read_bytes())
    offset, size = _table_page(path, "records")
    where = data.find(record_id.encode(), offset, offset + size)
    assert where >= 0, "the id is on the table's root page"
    altered = ("0" if record_id[0] != "0" else "1") + record_id[1:]
    data[where] = ord(altered[0])
    path.write_bytes(bytes(data))
    return altered


@pytest.mark.parametrize("which", [0, 1, 2])
def test_an_id_edited_in_the_table_alone_is_refused(make_unit, city, which):
    desk = make_unit()
    ids = sorted(desk.add(title=f"演出{n}", venue=f"厂{n}") for n in range(3))
    package = desk.export()
    altered = edit_id_in_table(package, ids[which])
    before = database_content(city)

    [result] = imports.import_files(city, [package])

    assert result.status == "rejected", result
    assert package.name in result.reason and "损坏" in result.reason
    assert database_content(city) == before
    assert city.execute("SELECT COUNT(*) FROM records WHERE id = ?", [altered]).fetchone()[0] == 0


def test_a_deletion_cannot_be_undone_by_editing_its_id(make_unit, city):
    """The unit deletes a record after the city has it; a copy of the later file with the
    deletion mark's id edited in the table would leave the city holding the record."""
    desk = make_unit()
    desk.add(title="保留")
    gone = desk.add(title="删除")
    [first] = imports.import_files(city, [desk.export()])
    assert first.status == "imported"
    ledger.delete_record(desk.db, gone)
    package = desk.export()
    edit_id_in_table(package, gone)
    before = database_content(city)

    [result] = imports.import_files(city, [package])

    assert result.status == "rejected", result
    assert database_content(city) == before
