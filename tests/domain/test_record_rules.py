"""The one rule a record's values obey (domain/record_rules.py) and the SQL a received
submission file is checked with (io/submission_checks.py) accept exactly the same values,
over hostile strings: NUL bytes, control characters, U+FFFE, lengths around the limits."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jzdesk.domain import record_rules as rules
from jzdesk.io import submission_checks as sql

_conn = sqlite3.connect(":memory:")
_conn.execute("CREATE TABLE t (v TEXT NOT NULL) STRICT")


def sql_accepts(condition_of, value: str) -> bool:
    """Whether the SQL condition made by ``condition_of("v")`` holds for ``value`` stored
    as a file's STRICT TEXT column holds it."""
    _conn.execute("DELETE FROM t")
    _conn.execute("INSERT INTO t VALUES (?)", [value])
    return bool(_conn.execute(f"SELECT {condition_of('v')} FROM t").fetchone()[0])


# Characters an attacker would pick: every control character, the edges of the ranges,
# U+FFFD–U+FFFF, CJK, plain ASCII (surrogates cannot be written to a file as text at all).
_HOSTILE = st.one_of(
    st.sampled_from(
        [chr(c) for c in range(0x00, 0x21)]
        + [chr(c) for c in range(0x7E, 0xA1)]
        + ["\ufffd", "\ufffe", "\uffff", "\u2028", "\u200b", "长", "a", "-", "T", "+", ":"]
    ),
    st.characters(exclude_categories=("Cs",)),
)
_TEXTS = st.one_of(
    st.text(_HOSTILE, max_size=30),
    # near a limit: a short piece repeated
    st.builds(
        lambda piece, times: piece * times,
        st.text(_HOSTILE, min_size=1, max_size=3),
        st.integers(150, 2100),
    ),
)


@pytest.mark.parametrize("field", sorted(rules.TEXT_LIMITS))
@settings(max_examples=150, deadline=None)
@given(text=_TEXTS)
def test_a_text_is_accepted_by_the_file_check_exactly_when_by_the_domain(field, text):
    assert sql_accepts(lambda v: sql.text_sql(field, v), text) == (
        rules.text_problem(field, text) is None
    )


def _near(shape: str) -> st.SearchStrategy[str]:
    """Strings shaped like ``shape``, some with one character changed, cut or added."""
    good = st.just(shape).map(
        lambda s: "".join(
            {"h": "0a9f"[i % 4], "d": "0123456789"[i % 10]}.get(c, c) for i, c in enumerate(s)
        )
    )
    return st.one_of(
        good,
        st.tuples(good, st.integers(0, len(shape) - 1), _HOSTILE).map(
            lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + 1 :]
        ),
        st.tuples(good, st.text(_HOSTILE, max_size=3)).map(lambda t: t[0] + t[1]),
        st.tuples(good, st.integers(0, len(shape))).map(lambda t: t[0][: t[1]]),
        st.text(_HOSTILE, max_size=40),
    )


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_near(rules.ID_SHAPE), st.uuids().map(str)))
def test_an_id_is_accepted_by_the_file_check_exactly_when_by_the_domain(text):
    assert sql_accepts(lambda v: sql.shape_sql(v, (rules.ID_SHAPE,)), text) == (
        rules.is_record_id(text)
    )


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        *(_near(shape) for shape in rules.TIMESTAMP_SHAPES),
        st.datetimes().map(lambda d: d.isoformat(timespec="seconds")),
    )
)
def test_a_time_is_accepted_by_the_file_check_exactly_when_by_the_domain(text):
    assert sql_accepts(sql.timestamp_sql, text) == rules.is_timestamp(text)


def test_the_values_that_slipped_through_are_refused_by_both():
    hostile = {
        "id": f"{uuid.uuid4()}\0junk",
        "title": "演出\0\x1b[31m\n",
        "notes": "\0" + "长" * 5000,
        "created_at": "2021-03-05T10:00:00+00:00junk",
    }
    assert not rules.is_record_id(hostile["id"])
    assert not sql_accepts(lambda v: sql.shape_sql(v, (rules.ID_SHAPE,)), hostile["id"])
    for field in ("title", "notes"):
        assert rules.text_problem(field, hostile[field]) == rules.control_message(field)
        assert not sql_accepts(lambda v, f=field: sql.text_sql(f, v), hostile[field])
    assert not rules.is_timestamp(hostile["created_at"])
    assert not sql_accepts(sql.timestamp_sql, hostile["created_at"])
    assert rules.is_timestamp("2021-03-05T10:00:00+00:00")
    assert not rules.is_timestamp("2021-02-30T10:00:00+00:00")
