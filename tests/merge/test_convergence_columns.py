"""Every column of the city's records, internal bookkeeping included, is the same whatever
order a unit's files arrive in (issue 22, item 5): base_revision travels in the files a
county forwards one level up, so it may not depend on the order either.

Documented exception, not compared: none among the records' columns. The history
(record_revisions) and the import log say when each file came, and differ by design."""

from __future__ import annotations

from itertools import permutations

import pytest

from jzdesk.store.db import open_db
from jzdesk.usecases import imports


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list:
    """Three successive exports of 沁阳: edits, a deletion, an edit undone, a new record."""
    from .conftest import UnitDesk

    desk = UnitDesk(tmp_path_factory.mktemp("unit"), "沁阳")
    first = desk.add(title="演出", audience=100)
    second = desk.add("2021-02-01", title="电影", audience=50)
    exported = [desk.export()]
    desk.edit(first, audience=120)
    desk.edit(first, audience=130)
    from jzdesk.usecases import ledger

    ledger.delete_record(desk.db, second)
    third = desk.add("2021-03-01", title="讲座", audience=30)
    exported.append(desk.export())
    desk.edit(first, audience=100)  # back to what the first file said
    desk.edit(third, audience=35)
    exported.append(desk.export())
    desk.db.close()
    return exported


def held(tmp_path, name: str, order: list) -> list[tuple]:
    db = open_db(tmp_path / f"{name}.sqlite")
    try:
        for path in order:
            [result] = imports.import_files(db, [path])
            assert result.status != "rejected", result.reason
        return db.execute("SELECT * FROM records ORDER BY id").fetchall()
    finally:
        db.close()


def test_every_order_of_the_files_leaves_the_same_rows(tmp_path, files):
    reference = held(tmp_path, "reference", files)
    orders = [
        list(order)
        for size in (2, 3)
        for chosen in permutations(files, size)
        if files[-1] in chosen
        for order in [chosen]
    ]
    for n, order in enumerate(orders):
        assert held(tmp_path, f"city{n}", order) == reference, [p.name for p in order]
