"""The command line for submission files: export-package, import, import-log,
completeness, conflicts, attach-plan (PRODUCT §8)."""

from __future__ import annotations

import json

import pytest

from jzdesk.store.db import open_db
from jzdesk.usecases import installation, ledger, submission_export


def test_a_unit_exports_and_the_city_imports_from_the_command_line(run_cli, tmp_path, monkeypatch):
    assert run_cli("init", "--unit", "沁阳", "--filler", "李四").code == 0
    record_id = run_cli(
        "add-event", "--date", "2021-03-05", "--type", "文艺", "--title", "送戏下乡"
    ).out.strip()
    monkeypatch.chdir(tmp_path)
    exported = run_cli("export-package", "--period", "2021Q1")
    assert exported.code == 0, exported.err
    path = tmp_path / exported.out.strip()
    assert path.name.startswith("沁阳市总工会-2021Q1-") and path.suffix == ".jzsub"
    assert "1 条记录" in exported.err and "校验码" in exported.err

    city = tmp_path / "city.sqlite"
    imported = run_cli("--db", str(city), "import", str(path), "--json", db=False)
    assert imported.code == 0, imported.err
    assert json.loads(imported.out) == [
        {
            "file": path.name,
            "status": "imported",
            "reason": json.loads(imported.out)[0]["reason"],
            "added": 1,
            "updated": 0,
            "unchanged": 0,
            "conflicts": 0,
        }
    ]
    again = run_cli("--db", str(city), "import", str(path), "--json", db=False)
    assert json.loads(again.out)[0]["status"] == "unchanged"

    events = json.loads(run_cli("--db", str(city), "events", "--json", db=False).out)
    assert [(e["id"], e["unit"], e["title"]) for e in events] == [
        (record_id, "qinyang", "送戏下乡")
    ]
    log = json.loads(run_cli("--db", str(city), "import-log", "--json", db=False).out)
    assert [(e["unit_code"], e["period"], e["added"]) for e in log] == [("qinyang", "2021Q1", 1)]

    matrix = json.loads(
        run_cli("--db", str(city), "completeness", "--year", "2021", "--json", db=False).out
    )
    qinyang = next(u for u in matrix["units"] if u["code"] == "qinyang")
    assert qinyang["quarters"]["Q1"]["received"] is not None
    assert qinyang["quarters"]["Q1"]["status"] in ("on_time", "late")
    assert next(u for u in matrix["units"] if u["code"] == "wenxian")["quarters"]["Q1"] == {
        "sent": None,
        "received": None,
        "status": "missing",
        "deadline": "2021-04-10",
        "sent_note": "",
        "review": None,
    }
    assert len(matrix["units"]) == 16 and matrix["due"] >= 16


def test_completeness_on_known_receipts(run_cli, db_path):
    """On-time, late, missing and not-due reports against a changed deadline."""
    db = open_db(db_path)
    for unit, quarter, day in (
        ("qinyang", 1, "2021-04-08"),
        ("qinyang", 2, "2021-07-20"),
        ("mengzhou", 1, "2021-04-20"),
        ("boai", 2, "2021-07-09"),
    ):
        db["imports"].insert(
            {
                "file_name": "x.jzsub",
                "file_sha256": f"{unit}{quarter}",
                "kind": "jzsub",
                "unit_code": unit,
                "year": 2021,
                "quarter": quarter,
                "period": f"2021Q{quarter}",
                "imported_at": f"{day}T09:00:00",
            }
        )
    db.close()
    result = run_cli(
        "completeness", "--year", "2021", "--as-of", "2021-07-15", "--deadline-days", "15", "--json"
    )
    assert result.code == 0, result.err
    units = {u["code"]: u["quarters"] for u in json.loads(result.out)["units"]}
    status = {
        code: [units[code][f"Q{q}"]["status"] for q in (1, 2, 3)]
        for code in ("qinyang", "mengzhou", "boai", "wuzhi")
    }
    assert status == {
        "qinyang": ["on_time", "not_due", "not_due"],  # Q2's file came after the as-of day
        "mengzhou": ["late", "not_due", "not_due"],
        "boai": ["late", "on_time", "not_due"],  # the Q2 file brings Q1 too, but late
        "wuzhi": ["missing", "not_due", "not_due"],
    }
    assert json.loads(result.out)["deadline_days"] == 15
    text = run_cli("completeness", "--year", "2021", "--as-of", "2021-07-15")
    assert "沁阳市总工会" in text.out and "按时" in text.out and "按时报送" in text.out


def test_conflicts_from_the_command_line(run_cli, tmp_path, db_path):
    from dataclasses import replace

    from jzdesk.domain.periods import parse_period
    from jzdesk.store import records

    unit_db = open_db(tmp_path / "unit.sqlite")
    unit = installation.resolve_unit(unit_db, "孟州")
    record_id = run_cli(
        "--db",
        str(tmp_path / "unit.sqlite"),
        "add-event",
        "--unit",
        "孟州",
        "--date",
        "2021-02-02",
        "--type",
        "电影",
        db=False,
    ).out.strip()
    first = tmp_path / "first.jzsub"
    submission_export.export_submission(unit_db, unit, first, period=parse_period("2021Q1"))
    assert run_cli("import", str(first)).code == 0
    city = open_db(db_path)
    held = records.get_record(city, record_id)
    ledger.update_record(city, record_id, replace(held.fields, audience=5), revision=held.revision)
    city.close()
    mine = records.get_record(unit_db, record_id)
    ledger.update_record(
        unit_db, record_id, replace(mine.fields, audience=9), revision=mine.revision
    )
    second = tmp_path / "second.jzsub"
    submission_export.export_submission(unit_db, unit, second, period=parse_period("2021Q1"))
    unit_db.close()
    assert json.loads(run_cli("import", str(second), "--json").out)[0]["conflicts"] == 1
    listed = json.loads(run_cli("conflicts", "--json").out)
    assert [(c["ours"]["audience"], c["theirs"]["audience"]) for c in listed] == [(5, 9)]
    assert run_cli("conflicts", "--id", str(listed[0]["id"])).code == 2
    settled = run_cli("conflicts", "--id", str(listed[0]["id"]), "--keep", "theirs")
    assert settled.code == 0 and "采用来件版本" in settled.out
    assert run_cli("conflicts").out.strip() == "没有待处理的冲突"
    again = run_cli("conflicts", "--id", str(listed[0]["id"]), "--keep", "ours")
    assert again.code == 1 and "没有待处理的冲突" in again.err


def test_attach_plan_travels_and_counts(run_cli, tmp_path):
    document = tmp_path / "沁阳实施方案.pdf"
    document.write_bytes(b"%PDF-1.4 plan")
    assert run_cli("attach-plan", str(document), "--unit", "沁阳").code == 0
    assert "相同" in run_cli("attach-plan", str(document), "--unit", "沁阳").out
    out = tmp_path / "q1.jzsub"
    assert (
        run_cli("export-package", "--unit", "沁阳", "--period", "2021Q1", "--out", str(out)).code
        == 0
    )
    city = tmp_path / "city.sqlite"
    assert run_cli("--db", str(city), "import", str(out), db=False).code == 0
    matrix = json.loads(
        run_cli("--db", str(city), "completeness", "--year", "2021", "--json", db=False).out
    )
    plan = next(u for u in matrix["units"] if u["code"] == "qinyang")["plan_document"]
    assert plan["received"] is not None
    db = open_db(city)
    assert db.execute("SELECT file_name, data FROM unit_documents").fetchall() == [
        ("沁阳实施方案.pdf", b"%PDF-1.4 plan")
    ]
    db.close()


def test_bad_arguments_are_named(run_cli, tmp_path):
    wrong = run_cli("export-package", "--unit", "沁阳", "--out", str(tmp_path / "x.zip"))
    assert wrong.code == 1 and ".jzsub" in wrong.err
    assert run_cli("completeness", "--deadline-days", "365").code == 1
    missing = run_cli("attach-plan", str(tmp_path / "none.pdf"), "--unit", "沁阳")
    assert missing.code == 1 and "none.pdf" in missing.err


def test_export_package_periods_and_folders(run_cli, tmp_path, monkeypatch):
    run_cli("init", "--unit", "博爱")
    run_cli("add-event", "--date", "2021-05-05", "--type", "讲座")
    missing = run_cli(
        "export-package", "--period", "2021Q2", "--out", str(tmp_path / "没有的文件夹" / "x.jzsub")
    )
    assert missing.code == 1 and "不存在" in missing.err and "Traceback" not in missing.err
    future = run_cli("export-package", "--period", "2099Q1", "--out", str(tmp_path / "f.jzsub"))
    assert future.code == 1 and "还没有开始" in future.err
    monkeypatch.chdir(tmp_path)
    default = run_cli("export-package")  # the plan year (2021) is over: its fourth quarter
    assert default.code == 0 and "2021年第四季度：1 条记录" in default.err


def test_a_submission_is_a_quarter_of_the_installations_own_unit(run_cli, tmp_path):
    run_cli("init", "--unit", "博爱")
    run_cli("add-event", "--date", "2021-05-05", "--type", "讲座")

    def export(*args):
        return run_cli("export-package", *args, "--out", str(tmp_path / "x.jzsub"))

    other = export("--unit", "武陟", "--period", "2021Q2")
    assert other.code == 1 and "只能导出博爱县总工会的上报文件" in other.err
    assert export("--unit", "焦作市总工会", "--period", "2021Q2").code == 1
    for period in ("2021-03", "2021-02-01..2021-05-31", "2021-01-01..2021-06-30"):
        refused = export("--period", period)
        assert refused.code == 1 and "按季度报送" in refused.err, period
    typed = export("--period", "2021-04-01..2021-06-30")  # the second quarter, typed out
    assert typed.code == 0 and "2021年第二季度" in typed.err
    year = export("--period", "2021")  # a finished year: its fourth quarter's report
    assert year.code == 0


def test_a_year_is_reported_whole_only_once_it_has_ended():
    from datetime import date

    from jzdesk.domain.periods import year_period
    from jzdesk.errors import KnownError

    submission_export.check_report_period(year_period(2021), date(2022, 1, 1))
    with pytest.raises(KnownError, match="还没有结束"):
        submission_export.check_report_period(year_period(2021), date(2021, 12, 31))


def test_a_quarter_exported_before_its_deadline_is_on_time_however_late_imported(
    run_cli, make_unit, tmp_path
):
    """Issue 17's reproduction: 温县 exports its Q1 file on 2021-04-07 (due 04-10); the
    city imports it years later. The quarter is on time, sent 04-07, received today."""
    from datetime import date

    from .conftest import tamper

    desk = make_unit("温县")
    desk.add("2021-03-05")
    package = tamper(
        desk.export("2021Q1"),
        "UPDATE manifest SET value = '2021-04-07T06:00:00+00:00' WHERE key = 'exported_at'",
    )
    city = tmp_path / "city.sqlite"
    assert run_cli("--db", str(city), "import", str(package), db=False).code == 0
    matrix = json.loads(
        run_cli("--db", str(city), "completeness", "--year", "2021", "--json", db=False).out
    )
    q1 = next(u for u in matrix["units"] if u["code"] == "wenxian")["quarters"]["Q1"]
    assert q1 == {
        "sent": "2021-04-07",
        "received": date.today().isoformat(),
        "status": "on_time",
        "deadline": "2021-04-10",
        "sent_note": "",
        "review": "pending",
    }


def test_the_review_loop_from_the_command_line(run_cli, tmp_path, monkeypatch):
    """jzdesk review list / decide / export / import with --json, across two databases."""
    assert run_cli("init", "--unit", "温县").code == 0
    record_id = run_cli("add-event", "--date", "2021-03-05", "--type", "文艺").out.strip()
    monkeypatch.chdir(tmp_path)
    package = tmp_path / run_cli("export-package", "--period", "2021Q1").out.strip()
    city = ["--db", str(tmp_path / "city.sqlite")]
    assert run_cli(*city, "import", str(package), db=False).code == 0

    def city_state() -> dict:
        listed = run_cli(*city, "review", "list", "--year", "2021", "--json", db=False)
        return next(q for q in json.loads(listed.out) if q["unit"] == "wenxian")

    assert city_state()["state"] == "pending"
    refused = run_cli(
        *city, "review", "decide", "--unit", "温县", "--period", "2021Q1", "--return", db=False
    )
    assert refused.code == 1 and "退回时请写明原因" in refused.err
    decided = run_cli(
        *city,
        "review",
        "decide",
        "--unit",
        "温县",
        "--period",
        "2021Q1",
        "--return",
        "--comment",
        "请补照片",
        "--record-comment",
        f"{record_id}=没有照片",
        "--json",
        db=False,
    )
    assert decided.code == 0, decided.err
    assert json.loads(decided.out)["record_comments"] == {record_id: "没有照片"}
    assert city_state()["state"] == "returned"

    replies = tmp_path / "replies"
    replies.mkdir()
    exported = run_cli(
        *city, "review", "export", "--year", "2021", "--out", str(replies), "--json", db=False
    )
    [reply] = json.loads(exported.out)
    taken = run_cli("review", "import", reply, "--json")
    assert taken.code == 0 and json.loads(taken.out)["status"] == "imported"
    [q1] = [
        q for q in json.loads(run_cli("review", "list", "--json").out) if q["period"] == "2021Q1"
    ]
    assert (q1["state"], q1["latest"]["comment"]) == ("returned", "请补照片")

    log = run_cli(*city, "review", "list", "--unit", "温县", "--json", db=False)
    [history] = [q["history"] for q in json.loads(log.out) if q["period"] == "2021Q1"]
    assert [d["decision"] for d in history] == ["returned"]
    at_city = run_cli(*city, "review", "import", reply, db=False)
    assert at_city.code == 1 and "应在报送单位的程序中导入" in at_city.err
