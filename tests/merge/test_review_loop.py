"""The review loop across two real databases (PRODUCT §7a): the unit submits, the city
sends the quarter back with a record comment, the unit imports the reply, corrects and
submits again, the city accepts; hostile reply files are refused whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jzdesk.domain.review import Decision, ReviewState
from jzdesk.errors import KnownError
from jzdesk.io.reply_file import content_digest
from jzdesk.usecases import completeness, imports, ledger, review

from .conftest import database_content, tamper


def import_one(db, path: Path):
    [result] = imports.import_files(db, [path])
    return result


def state_of(db, unit_code: str, quarter: int = 1):
    return next(
        q
        for q in review.quarter_reviews(db, 2021)
        if q.unit_code == unit_code and q.quarter == quarter
    )


def test_the_whole_review_loop(make_unit, city, tmp_path):
    desk = make_unit("温县")
    wrong = desk.add("2021-03-05", title="送戏下乡", audience=0)
    desk.add("2021-02-10", title="书法进企业", audience=80)
    assert import_one(city, desk.export("2021Q1")).status == "imported"
    assert state_of(city, "wenxian").state is ReviewState.PENDING
    assert state_of(city, "wenxian", 2).state is ReviewState.NOT_RECEIVED

    # The city sends Q1 back with a comment on the record that has no audience.
    review.decide(
        city,
        desk.unit,
        2021,
        1,
        Decision.RETURNED,
        comment="请补充受益人数",
        record_comments={wrong: "受益职工为 0，请核实"},
    )
    assert state_of(city, "wenxian").state is ReviewState.RETURNED
    matrix = completeness.completeness(city, year=2021).to_json()
    q1 = next(u for u in matrix["units"] if u["code"] == "wenxian")["quarters"]["Q1"]
    assert q1["review"] == "returned"
    [reply] = review.export_replies(city, 2021, tmp_path)
    assert reply.name == "温县总工会-2021-审核意见.jzreply"

    # The unit imports the reply (twice: once counts) and sees what to correct.
    taken = import_one(desk.db, reply)
    assert (taken.status, taken.reason) == ("imported", "审核意见 1 条：第 1 季度退回")
    assert import_one(desk.db, reply).status == "unchanged"
    at_unit = state_of(desk.db, "wenxian")
    assert (at_unit.state, at_unit.latest.comment) == (ReviewState.RETURNED, "请补充受益人数")
    assert review.record_comments(desk.db, desk.unit, 2021) == {wrong: "受益职工为 0，请核实"}
    assert state_of(desk.db, "wenxian", 2).state is ReviewState.PENDING

    # It corrects the record and sends Q1 again: the review is open again at both ends.
    desk.edit(wrong, audience=150)
    again = desk.export("2021Q1")
    assert state_of(desk.db, "wenxian").text() == "待审核（退回后重新报送）"
    assert import_one(city, again).status == "imported"
    reopened = state_of(city, "wenxian")
    assert (reopened.state, reopened.changed_since) == (ReviewState.PENDING, 1)
    assert reopened.text() == "待审核（退回后重新报送，改动 1 条）"
    assert ledger.get_record(city, wrong).fields.audience == 150

    # The city accepts; both decisions stay in the log, and the unit learns of it.
    review.decide(city, desk.unit, 2021, 1, Decision.ACCEPTED, comment="")
    assert state_of(city, "wenxian").state is ReviewState.ACCEPTED
    log = review.history(city, desk.unit, 2021, 1)
    assert [d.decision for d in log] == [Decision.RETURNED, Decision.ACCEPTED]
    assert all(d.decided_at and d.decided_by is not None for d in log)
    [reply] = review.export_replies(city, 2021, tmp_path)
    assert import_one(desk.db, reply).reason == "审核意见 1 条：第 1 季度通过"
    assert state_of(desk.db, "wenxian").state is ReviewState.ACCEPTED
    assert review.record_comments(desk.db, desk.unit, 2021) == {}


def test_a_decision_refuses_what_is_not_the_units_quarter(make_unit, city, tmp_path):
    wenxian, mengzhou = make_unit("温县"), make_unit("孟州")
    theirs = mengzhou.add("2021-03-05")
    april = wenxian.add("2021-04-02")
    for desk in (wenxian, mengzhou):
        import_one(city, desk.export("2021Q2"))
    with pytest.raises(KnownError, match="退回时请写明原因"):
        review.decide(city, wenxian.unit, 2021, 1, Decision.RETURNED, comment=" ")
    for record_id in (theirs, april, "no-such-record"):
        with pytest.raises(KnownError, match="不是温县总工会2021年第一季度的记录"):
            review.decide(
                city,
                wenxian.unit,
                2021,
                1,
                Decision.RETURNED,
                comment="x",
                record_comments={record_id: "?"},
            )
    with pytest.raises(KnownError, match="报送单位的程序不能审核"):
        review.decide(wenxian.db, wenxian.unit, 2021, 1, Decision.ACCEPTED)
    assert review.history(city, wenxian.unit, 2021, 1) == []
    with pytest.raises(KnownError, match="还没有审核意见"):
        review.export_replies(city, 2021, tmp_path)
    review.decide(city, wenxian.unit, 2021, 1, Decision.ACCEPTED)
    with pytest.raises(KnownError, match="应以 .jzreply 结尾"):
        review.export_replies(city, 2021, tmp_path / "温县.txt", unit=wenxian.unit)
    with pytest.raises(KnownError, match="报送单位的程序不能导出"):
        review.export_replies(wenxian.db, 2021, tmp_path)
    assert list(tmp_path.glob("*.jzreply")) == []


@pytest.fixture
def returned_reply(make_unit, city, tmp_path):
    """温县's desk and a sound reply sending its Q1 back with one record comment."""
    desk = make_unit("温县")
    record_id = desk.add("2021-03-05")
    import_one(city, desk.export("2021Q1"))
    review.decide(
        city,
        desk.unit,
        2021,
        1,
        Decision.RETURNED,
        comment="请核实",
        record_comments={record_id: "日期？"},
    )
    reply = tmp_path / "温县.jzreply"
    assert review.export_replies(city, 2021, reply, unit=desk.unit) == [reply]
    return desk, reply


def variant(path: Path, name: str, *statements: str, rehash: bool = True) -> Path:
    """A copy of a reply changed with plain SQL, its hash recomputed unless told."""
    copy = path.with_name(name)
    shutil.copy(path, copy)
    return tamper(copy, *statements, rehash=rehash, digest=content_digest)


HOSTILE = {
    "edited.jzreply": (("UPDATE decisions SET comment = '已通过'",), False, "改动过"),
    "quarter.jzreply": (("UPDATE decisions SET quarter = 7",), True, "无效的审核意见"),
    "accepted.jzreply": (
        ("UPDATE decisions SET decision = 'maybe'",),
        True,
        "已损坏或导出后被改动过",
    ),
    "silent.jzreply": (("UPDATE decisions SET comment = ''",), True, "退回时请写明原因"),
    "extra.jzreply": (("CREATE TABLE evil (x)",), True, "表结构不同"),
    "trigger.jzreply": (
        ("CREATE TRIGGER t AFTER INSERT ON comments BEGIN SELECT 1; END",),
        True,
        "表结构不同",
    ),
    "orphan.jzreply": (
        (
            "INSERT INTO comments VALUES ('00000000-0000-0000-0000-000000000000', 'r', 'x')",
            "UPDATE manifest SET value = '2' WHERE key = 'comment_count'",
        ),
        True,
        "已损坏",
    ),
    "newer.jzreply": (
        ("PRAGMA user_version = 2", "UPDATE manifest SET value = '2' WHERE key = 'format_version'"),
        True,
        "更新版本",
    ),
    "foreign.jzreply": (("PRAGMA application_id = 1",), True, "不是 jzdesk 审核回复文件"),
    "others.jzreply": (
        ("UPDATE decisions SET unit_code = 'mengzhou'",),
        True,
        "没有温县总工会的审核意见",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_reply_is_refused_whole(returned_reply, name):
    desk, reply = returned_reply
    statements, rehash, message = HOSTILE[name]
    bad = variant(reply, name, *statements, rehash=rehash)
    before = database_content(desk.db)
    result = import_one(desk.db, bad)
    assert result.status == "rejected" and message in result.reason, result.reason
    assert database_content(desk.db) == before


def test_files_that_are_no_reply_are_refused(returned_reply, tmp_path):
    desk, reply = returned_reply
    submission = tmp_path / "sub.jzreply"
    shutil.copy(desk.export("2021Q1"), submission)
    before = database_content(desk.db)
    empty = tmp_path / "empty.jzreply"
    empty.write_bytes(b"")
    noise = tmp_path / "noise.jzreply"
    noise.write_bytes(b"not a database at all" * 10)
    cut = tmp_path / "cut.jzreply"
    cut.write_bytes(reply.read_bytes()[:1000])
    for path, message in (
        (empty, "是空的"),
        (noise, "不是 jzdesk 审核回复文件"),
        (cut, "已损坏"),
        (submission, "不是 jzdesk 审核回复文件"),
    ):
        result = import_one(desk.db, path)
        assert result.status == "rejected" and message in result.reason, (path, result.reason)
    assert database_content(desk.db) == before


def test_the_city_does_not_import_a_reply(returned_reply, city):
    _, reply = returned_reply
    result = import_one(city, reply)
    assert result.status == "rejected" and "应在报送单位的程序中导入" in result.reason


def test_the_inspection_can_count_only_accepted_quarters(make_unit, city):
    """温县's Q1 (2 sessions) is accepted, its Q2 (3) returned; 孟州's Q1 waits: counting
    only accepted quarters, 温县 has 2 and 孟州 none."""
    from datetime import date

    from jzdesk.domain.evaluation import EvaluationRules
    from jzdesk.usecases import evaluation

    wenxian, mengzhou = make_unit("温县"), make_unit("孟州")
    wenxian.add("2021-03-05", sessions=2)
    wenxian.add("2021-05-05", sessions=3)
    mengzhou.add("2021-03-08", sessions=4)
    import_one(city, wenxian.export("2021Q2"))
    import_one(city, mengzhou.export("2021Q1"))
    review.decide(city, wenxian.unit, 2021, 1, Decision.ACCEPTED)
    review.decide(city, wenxian.unit, 2021, 2, Decision.RETURNED, comment="缺照片")

    def totals(**rules) -> dict:
        _, rows = evaluation.ranking(city, as_of=date(2021, 10, 1), rules=EvaluationRules(**rules))
        return {r.progress.unit.code: r.progress.total for r in rows if r.progress.total}

    assert totals() == {"wenxian": 5, "mengzhou": 4}
    assert totals(accepted_only=True) == {"wenxian": 2}


def test_one_reply_for_all_units_gives_each_unit_its_own(make_unit, city, tmp_path):
    wenxian, mengzhou = make_unit("温县"), make_unit("孟州")
    for desk in (wenxian, mengzhou):
        desk.add("2021-03-05")
        import_one(city, desk.export("2021Q1"))
    review.decide(city, wenxian.unit, 2021, 1, Decision.ACCEPTED)
    review.decide(city, mengzhou.unit, 2021, 1, Decision.RETURNED, comment="缺照片")
    everyone = tmp_path / "全市-2021.jzreply"
    assert review.export_replies(city, 2021, everyone) == [everyone]
    for desk, state in ((wenxian, ReviewState.ACCEPTED), (mengzhou, ReviewState.RETURNED)):
        assert import_one(desk.db, everyone).reason == (
            f"审核意见 1 条：第 1 季度{'通过' if state is ReviewState.ACCEPTED else '退回'}"
        )
        assert [q.state for q in review.quarter_reviews(desk.db, 2021)][0] is state
        assert len(review.history(desk.db, desk.unit, 2021, 1)) == 1  # not the other's
