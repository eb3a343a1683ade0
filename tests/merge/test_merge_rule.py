"""The merge rule is written once (domain/merge.py); the .jzsub merge's set-based SQL
(store/merge.py) must classify every state exactly as it does."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.merge import Candidate, Held, Outcome, classify, pair_rows, sheet_revision
from jzdesk.domain.records import RecordFields
from jzdesk.io.submission_file import RECORD_COLUMNS
from jzdesk.store import merge, records
from jzdesk.store.db import open_db

from .conftest import stage_rows

RECORD_ID = "00000000-0000-4000-8000-000000000001"
# A few contents a record can have: (audience, media, deleted).
CONTENTS = [(10, (), False), (20, (), False), (10, (("报纸", "焦作日报"),), False), (10, (), True)]


@st.composite
def held_states(draw):
    """Bookkeeping a held record can have: received_as never above the revision; 0 for
    records older than the bookkeeping."""
    revision = draw(st.integers(1, 6))
    received_as = draw(st.integers(0, revision))
    received_revision = draw(st.integers(1, 6)) if received_as else 0
    return Held(revision, received_revision, received_as)


def hold(db, held: Held, content) -> None:
    """Put a record with this bookkeeping and content in the database, as SQL would find it."""
    from jzdesk.domain.records import MediaItem

    audience, media, deleted = content
    fields = RecordFields(
        "qinyang",
        date(2021, 3, 5),
        ActivityType.ART,
        audience=audience,
        media=tuple(MediaItem(*item) for item in media),
    )
    records.insert_record(
        db,
        fields,
        entered_by="t",
        now="2021-03-05T00:00:00",
        record_id=RECORD_ID,
        revision=held.revision,
    )
    db.execute(
        "UPDATE records SET received_revision = ?, received_as = ?, deleted = ? WHERE id = ?",
        [held.received_revision, held.received_as, int(deleted), RECORD_ID],
    )
    db.conn.commit()


def staged_row(revision: int, content) -> tuple:
    audience, media, deleted = content
    values = {
        "id": RECORD_ID,
        "unit_code": "qinyang",
        "date": "2021-03-05",
        "type": "art",
        "sessions": 1,
        "title": "",
        "venue": "",
        "venue_category": "",
        "audience": audience,
        "delivery": "",
        "presenter": "",
        "demonstration": 0,
        "original": 0,
        "logo_shown": 0,
        "notes": "",
        "media": json.dumps(
            [list(item) for item in media], ensure_ascii=False, separators=(",", ":")
        ),  # as SQLite writes it
        "entered_by": "t",
        "revision": revision,
        "base_revision": revision - 1,
        "created_at": "2021-03-05T00:00:00",
        "updated_at": "2021-03-05T00:00:00",
        "deleted": int(deleted),
    }
    return tuple(values[c] for c in RECORD_COLUMNS)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    held=st.one_of(st.none(), held_states()),
    held_content=st.sampled_from(CONTENTS),
    incoming_revision=st.integers(1, 7),
    incoming_content=st.sampled_from(CONTENTS),
)
def test_the_sql_classification_is_the_rule(
    tmp_path_factory, held, held_content, incoming_revision, incoming_content
):
    folder = tmp_path_factory.mktemp("rule")
    db = open_db(folder / "city.sqlite")
    try:
        if held is not None:
            hold(db, held, held_content)
        stage = folder / "stage.sqlite"
        stage_rows(stage, [staged_row(incoming_revision, incoming_content)])
        with merge.attached_stage(db, stage):
            counts = merge.classify(db)
        [kind] = counts
        expected = classify(
            incoming_revision, held is not None and held_content == incoming_content, held
        )
        assert kind == expected.value
    finally:
        db.close()


def test_the_rule_in_words():
    """The cases PRODUCT §7 names, one by one."""
    level = Held(revision=3, received_revision=3, received_as=3)
    corrected_here = Held(revision=4, received_revision=3, received_as=3)
    assert classify(1, False, None) is Outcome.NEW
    assert classify(3, True, level) is Outcome.SAME  # the same file twice
    assert classify(4, True, level) is Outcome.SYNC
    assert classify(2, False, level) is Outcome.OLD  # an older file rolls nothing back
    assert classify(4, False, level) is Outcome.UPDATE
    assert classify(3, False, level) is Outcome.CONFLICT  # same revision, other content
    assert classify(4, False, corrected_here) is Outcome.CONFLICT  # edited at both ends
    assert classify(3, False, corrected_here) is Outcome.OLD  # the city's edit is newer
    assert sheet_revision(3, changed=False) == 3 and sheet_revision(3, changed=True) == 4


def test_pairing_keeps_identical_rows_apart_and_finds_corrected_ones():
    a = ("2021-03-05", "art", 1, "演出", "一厂", 80, "")
    b = ("2021-03-09", "film", 1, "电影", "二厂", 50, "")
    candidates = [Candidate("a1", a, 1), Candidate("a2", a, 2), Candidate("b", b, 3)]
    moved_date = ("2021-03-10", *b[1:])
    assert pair_rows([a, moved_date], candidates) == ["a1", "b"]
    assert pair_rows([a, a, b], candidates) == ["a1", "a2", "b"]
    other = ("2021-03-20", "lecture", 2, "讲座", "三厂", 5, "")
    assert pair_rows([other], candidates) == [None]
