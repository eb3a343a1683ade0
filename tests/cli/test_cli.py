"""Every subcommand, its output shape and its exit status, on a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from jzdesk import __version__
from jzdesk.cli import build_parser
from jzdesk.domain.plans import date_outside_plans

EVENT_KEYS = {
    "id",
    "unit",
    "unit_name",
    "date",
    "type",
    "sessions",
    "title",
    "venue",
    "venue_category",
    "audience",
    "delivery",
    "presenter",
    "demonstration",
    "original",
    "logo_shown",
    "media",
    "notes",
    "revision",
    "created_at",
    "updated_at",
}


def db_content(path) -> list:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [
            (t, sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr))
            for t in sorted(tables)
        ]
    finally:
        conn.close()


def add(run_cli, *extra: str) -> str:
    result = run_cli(
        "add-event", "--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺", *extra
    )
    assert result.code == 0, result.err
    return result.out.strip()


def test_version(run_cli):
    result = run_cli("--version", db=False)
    assert result.code == 0 and result.out.strip() == f"jzdesk {__version__}"


def test_every_command_has_help_text():
    parser = build_parser()
    subparsers = parser._subparsers._group_actions[0]
    assert set(subparsers.choices) >= {
        "gui",
        "init",
        "demo",
        "add-event",
        "events",
        "delete-event",
        "progress",
    }
    assert set(subparsers.choices) >= {
        "export-sheet",
        "import",
        "quota",
        "export-package",
        "completeness",
        "conflicts",
        "import-log",
    }

    def check(name, sub):
        assert sub.description, name
        for action in sub._actions:
            assert action.help, f"{name} {action.option_strings}"
            choices = getattr(action, "choices", None)
            for child, parser in choices.items() if isinstance(choices, dict) else ():
                if isinstance(parser, type(sub)):
                    check(f"{name} {child}", parser)

    for name, sub in subparsers.choices.items():
        check(name, sub)


def test_add_event_prints_an_id_that_events_lists(run_cli):
    record_id = add(
        run_cli,
        "--sessions",
        "2",
        "--audience",
        "300",
        "--venue",
        "沁阳钢厂",
        "--title",
        "文艺演出进企业",
        "--demo",
        "--notes",
        "首场",
    )
    result = run_cli("events", "--json")
    assert result.code == 0
    [event] = json.loads(result.out)
    assert set(event) == EVENT_KEYS
    assert event["id"] == record_id
    assert event["unit"] == "qinyang" and event["unit_name"] == "沁阳市总工会"
    assert (event["date"], event["type"], event["sessions"], event["audience"]) == (
        "2021-03-05",
        "art",
        2,
        300,
    )
    assert event["demonstration"] is True and event["original"] is False
    assert (event["title"], event["venue"], event["notes"]) == (
        "文艺演出进企业",
        "沁阳钢厂",
        "首场",
    )
    assert event["revision"] == 1 and event["media"] == []


def test_unit_and_type_accept_every_documented_spelling(run_cli):
    for unit in ("沁阳市总工会", "沁阳", "qinyang", "沁阳 市总工会", "沁阳市"):
        for kind in ("送文艺", "文艺", "art"):
            add_result = run_cli(
                "add-event", "--unit", unit, "--date", "2021-03-05", "--type", kind
            )
            assert add_result.code == 0, (unit, kind, add_result.err)
    assert (
        run_cli("add-event", "--unit", "市总本级", "--date", "2021-06-01", "--type", "film").code
        == 0
    )
    events = json.loads(run_cli("events", "--json").out)
    assert len(events) == 16 and events[-1]["unit"] == "city"


def test_events_filter_by_unit_and_period(run_cli):
    add(run_cli)
    run_cli("add-event", "--unit", "孟州", "--date", "2021-05-01", "--type", "电影")
    run_cli("add-event", "--unit", "沁阳", "--date", "2021-07-01", "--type", "讲座")

    def ids(*args):
        return [e["date"] for e in json.loads(run_cli("events", "--json", *args).out)]

    assert ids() == ["2021-03-05", "2021-05-01", "2021-07-01"]
    assert ids("--unit", "沁阳") == ["2021-03-05", "2021-07-01"]
    assert ids("--period", "2021Q2") == ["2021-05-01"]
    assert ids("--unit", "qinyang", "--period", "2021-01-01..2021-06-30") == ["2021-03-05"]
    text = run_cli("events", "--unit", "沁阳")
    assert "沁阳市总工会" in text.out and "送讲座" in text.out


def test_delete_event_removes_it_from_lists_and_progress(run_cli):
    record_id = add(run_cli, "--sessions", "3")
    assert run_cli("delete-event", record_id).code == 0
    assert json.loads(run_cli("events", "--json").out) == []
    progress = json.loads(run_cli("progress", "--json").out)
    assert progress["total"]["total"] == 0
    again = run_cli("delete-event", record_id)
    assert again.code == 1 and "没有编号为" in again.err


def test_progress_json_has_exactly_the_documented_shape(run_cli):
    add(run_cli, "--sessions", "20", "--audience", "900")
    result = run_cli("progress", "--json", "--as-of", "2021-10-01")
    assert result.code == 0
    report = json.loads(result.out)
    assert set(report) == {"year", "as_of", "units", "total"}
    assert (report["year"], report["as_of"]) == (2021, "2021-10-01")
    assert report["total"] == {"quota": 510, "total": 20}
    first = report["units"][0]
    assert set(first) == {"code", "name", "quota", "done", "total", "rate", "audience"}
    assert first == {
        "code": "qinyang",
        "name": "沁阳市总工会",
        "quota": 50,
        "done": {"art": 20, "film": 0, "calligraphy": 0, "training": 0, "lecture": 0},
        "total": 20,
        "rate": 0.4,
        "audience": 900,
    }
    assert [u["quota"] for u in report["units"]][:16] == [50] * 6 + [30] * 4 + [
        10,
        25,
        10,
        15,
        15,
        15,
    ]
    assert report["units"][-1]["code"] == "city" and report["units"][-1]["rate"] is None


def test_progress_as_of_leaves_out_later_records(run_cli):
    add(run_cli)  # 2021-03-05
    run_cli("add-event", "--unit", "沁阳", "--date", "2021-10-02", "--type", "电影")

    def total(*args):
        return json.loads(run_cli("progress", "--json", *args).out)["total"]["total"]

    assert total("--as-of", "2021-03-04") == 0
    assert total("--as-of", "2021-03-05") == 1
    assert total("--as-of", "2021-10-01") == 1
    assert total("--year", "2021") == 2
    text = run_cli("progress", "--as-of", "2021-10-01")
    assert "合计\t510" in text.out and "示范性文艺演出" in text.out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--unit", "无此单位", "--date", "2021-03-05", "--type", "文艺"], ["--unit", "无此单位"]),
        (["--unit", "沁阳", "--date", "2021-03-05", "--type", "跳舞"], ["--type", "跳舞"]),
        (["--unit", "沁阳", "--date", "2021-02-30", "--type", "文艺"], ["--date", "2021-02-30"]),
        (  # no 2022 plan: the window's message, from the same domain rule
            ["--unit", "沁阳", "--date", "2022-01-05", "--type", "文艺"],
            ["--date", date_outside_plans(date(2022, 1, 5), [2021])],
        ),
        (
            ["--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺", "--sessions", "0"],
            ["--sessions", "场次"],
        ),
        (
            ["--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺", "--sessions", "两"],
            ["--sessions"],
        ),
        (
            ["--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺", "--audience", "-5"],
            ["--audience", "不能为负数"],
        ),
        (
            ["--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺", "--delivery", "外包"],
            ["--delivery"],
        ),
    ],
)
def test_bad_input_exits_1_naming_the_field_and_changes_nothing(run_cli, db_path, args, words):
    add(run_cli)
    before = db_content(db_path)
    result = run_cli("add-event", *args)
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("jzdesk: 错误：")
    for word in words:
        assert word in result.err
    assert db_content(db_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ["progress", "--year", "2030"],
        ["progress", "--as-of", "2021-13-01"],
        ["progress", "--year", "2021", "--as-of", "2022-01-01"],
        ["events", "--period", "2021Q9"],
        ["events", "--unit", "nowhere"],
        ["delete-event", "not-an-id"],
        ["init", "--unit", "nowhere"],
        ["demo", "--records", "0"],
    ],
)
def test_other_rejections_exit_1(run_cli, args):
    result = run_cli(*args)
    assert result.code == 1 and "错误" in result.err


@pytest.mark.parametrize(
    "args",
    [
        ["add-event", "--unit", "沁阳", "--type", "文艺"],
        ["no-such-command"],
        ["progress", "--bogus"],
        ["delete-event"],
    ],
)
def test_usage_errors_exit_2(run_cli, args):
    assert run_cli(*args).code == 2


def test_init_sets_the_home_unit_used_by_add_event(run_cli):
    assert run_cli("add-event", "--date", "2021-03-05", "--type", "文艺").code == 2
    result = run_cli("init", "--unit", "孟州", "--filler", "李红", "--phone", "0391-1234567")
    assert result.code == 0 and "孟州市总工会" in result.out
    assert run_cli("add-event", "--date", "2021-03-05", "--type", "文艺").code == 0
    assert json.loads(run_cli("events", "--json").out)[0]["unit"] == "mengzhou"


def test_demo_fills_sample_data_and_clears_it(run_cli, db_path):
    assert run_cli("demo", "--records", "1000").code == 0
    events = json.loads(run_cli("events", "--json").out)
    assert len(events) == 1000
    assert len({e["unit"] for e in events}) == 17 and len({e["type"] for e in events}) == 5
    assert "示例数据" in run_cli("progress").out
    add(run_cli)
    assert run_cli("demo", "--clear").code == 0
    assert len(json.loads(run_cli("events", "--json").out)) == 1


def test_jzdesk_db_environment_variable_picks_the_database(run_cli, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite"
    monkeypatch.setenv("JZDESK_DB", str(other))
    result = run_cli(
        "add-event", "--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺", db=False
    )
    assert result.code == 0 and other.exists()


def test_headless_commands_do_not_import_qt(db_path):
    code = (
        "import sys; from jzdesk.cli import main; "
        f"main(['--db', {str(db_path)!r}, 'progress', '--json']); "
        "sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith('PySide6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        encoding="utf-8",  # not the locale's: on a Chinese Windows that is GBK
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=True,
    )
    assert result.stderr.strip() == "[]"
    assert json.loads(result.stdout)["total"]["quota"] == 510


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--sessions", "9223372036854775807"], ["--sessions", "太大"]),
        (["--sessions", "1001"], ["--sessions", "不能超过 1000"]),
        (["--audience", "99999999999999999999"], ["--audience"]),
        (["--audience", "1000001"], ["--audience"]),
    ],
)
def test_absurd_numbers_are_refused_not_stored(run_cli, args, words):
    result = run_cli("add-event", "--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺", *args)
    assert result.code == 1 and all(word in result.err for word in words)
    assert "Traceback" not in result.err
    assert run_cli("progress", "--json").code == 0


@pytest.mark.parametrize("year", ["-1", "0", "10000", "99999999999999999999"])
def test_impossible_years_are_refused(run_cli, year):
    result = run_cli("progress", "--year", year)
    assert result.code == 1 and "--year" in result.err and "Traceback" not in result.err


def test_as_of_in_a_year_without_plan_blames_as_of(run_cli):
    result = run_cli("progress", "--as-of", "2022-03-01")
    assert result.code == 1 and "--as-of" in result.err


def test_a_day_that_does_not_exist_is_named_as_such(run_cli):
    result = run_cli("add-event", "--unit", "沁阳", "--date", "2021-02-29", "--type", "文艺")
    assert result.code == 1 and "2月没有29日" in result.err


def test_a_future_date_is_refused(run_cli):
    result = run_cli("add-event", "--unit", "沁阳", "--date", "2099-01-01", "--type", "文艺")
    assert result.code == 1 and "今天之后" in result.err


def test_demo_twice_adds_twice(run_cli):
    assert run_cli("demo", "--records", "10").code == 0
    assert run_cli("demo", "--records", "10").code == 0
    assert len(json.loads(run_cli("events", "--json").out)) == 20


def test_control_characters_and_line_breaks_are_cleaned(run_cli):
    add(run_cli, "--title", "第一行\n第二行\t\x1b[31m红", "--notes", "\x07备注 ")
    [event] = json.loads(run_cli("events", "--json").out)
    assert event["title"] == "第一行 第二行 [31m红" and event["notes"] == "备注"


def test_a_folder_or_a_read_only_file_as_database_is_explained(run_cli, tmp_path, monkeypatch):
    folder = run_cli("--db", str(tmp_path), "progress", db=False)
    assert folder.code == 1 and "是一个文件夹" in folder.err
    locked = tmp_path / "locked.sqlite"
    assert run_cli("--db", str(locked), "progress", db=False).code == 0
    # CI runs as root, whom file permissions do not stop; ask the OS question directly.
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode: False if str(path) == str(locked) else real_access(path, mode),
    )
    result = run_cli("--db", str(locked), "progress", db=False)
    assert result.code == 1 and "只读" in result.err


def test_usage_errors_speak_chinese(run_cli):
    result = run_cli("add-event", "--type", "文艺")
    assert result.code == 2
    assert "用法：" in result.err and "缺少必需的参数：--date" in result.err
    assert "usage" not in result.err and "error" not in result.err


def test_export_sheet_then_import_elsewhere(run_cli, tmp_path):
    add(run_cli, "--title", '=HYPERLINK("http://x")', "--audience", "120")
    sheet = tmp_path / "q1.xlsx"
    result = run_cli("export-sheet", "--unit", "沁阳", "--period", "2021Q1", "--out", str(sheet))
    assert result.code == 0 and sheet.exists()
    from openpyxl import load_workbook

    cell = load_workbook(sheet)["统计表"]["C6"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"
    # The 校验码 on stderr, as for the PDF: the clerk reads it to the city on the phone.
    footer = load_workbook(sheet)["统计表"].oddFooter.left.text
    assert result.err.startswith("校验码：") and result.err.split("：")[1].strip() in footer
    other = tmp_path / "city.sqlite"
    first = run_cli("--db", str(other), "import", str(sheet), "--json", db=False)
    assert first.code == 0
    assert json.loads(first.out) == [
        {
            "file": "q1.xlsx",
            "status": "imported",
            "reason": "",
            "added": 1,
            "updated": 0,
            "unchanged": 0,
            "conflicts": 0,
        }
    ]
    again = json.loads(run_cli("--db", str(other), "import", str(sheet), "--json", db=False).out)
    assert again[0]["status"] == "unchanged" and again[0]["unchanged"] == 1


def test_import_goes_on_after_a_rejection_and_exits_1(run_cli, tmp_path):
    add(run_cli)
    good = tmp_path / "good.xlsx"
    run_cli("export-sheet", "--unit", "沁阳", "--period", "2021", "--out", str(good))
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    other = tmp_path / "other.sqlite"
    result = run_cli("--db", str(other), "import", str(bad), str(good), "--json", db=False)
    assert result.code == 1
    statuses = [(r["file"], r["status"]) for r in json.loads(result.out)]
    assert statuses == [("bad.xlsx", "rejected"), ("good.xlsx", "imported")]
    text = run_cli("--db", str(other), "import", str(bad), db=False)
    assert text.code == 1 and "✘ bad.xlsx：未导入" in text.err


def test_a_locked_database_is_explained(run_cli, db_path):
    import sqlite3

    assert run_cli("progress").code == 0
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = run_cli("add-event", "--unit", "沁阳", "--date", "2021-03-05", "--type", "文艺")
    finally:
        holder.rollback()
        holder.close()
    assert result.code == 1 and "另一个程序" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("period", ["0000", "0000Q1", "0000-01", "1999"])
def test_periods_in_impossible_years_are_refused(run_cli, period):
    result = run_cli("events", "--period", period)
    assert result.code == 1 and "2000–2100" in result.err


def test_evaluate_ranks_flags_and_exports(run_cli, tmp_path):
    run_cli(
        "add-event", "--unit", "交通", "--date", "2021-05-01", "--type", "电影", "--sessions", "12"
    )
    run_cli(
        "add-event", "--unit", "博爱", "--date", "2021-05-01", "--type", "讲座", "--sessions", "2"
    )
    result = run_cli("evaluate", "--json", "--top", "1", "--out", str(tmp_path / "rank.xlsx"))
    assert result.code == 0
    report = json.loads(result.out)
    assert report["as_of"] == "2021-10-01" and len(report["units"]) == 16
    first = report["units"][0]
    assert (first["code"], first["rank"], first["rate"]) == ("jiaotong", 1, 1.2)
    assert first["praise"] == ["已完成全年任务（12/10 场，120.0%）", "完成率居第 1 名（120.0%）"]
    boai = next(u for u in report["units"] if u["code"] == "boai")
    assert any("不足按进度" in reason for reason in boai["criticism"])
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "rank.xlsx").active
    assert ws["B4"].value == "交通工会" and "表扬" in [c.value for c in ws[3]]
    assert run_cli("evaluate", "--out", str(tmp_path / "rank.pdf")).code == 0
    assert run_cli("evaluate", "--below-pace", "150").code == 1


@pytest.mark.parametrize("code_page", ["cp1252", "gbk", "utf-8"])
def test_json_is_utf8_whatever_the_console_code_page(db_path, code_page):
    """Windows writes a pipe in the ANSI code page, and a frozen program ignores
    PYTHONUTF8: an English Windows (cp1252) could not write the JSON at all, a Chinese
    one (GBK) wrote it in GBK. JSON is UTF-8; human messages follow the console."""
    env = {**os.environ, "PYTHONIOENCODING": code_page, "PYTHONUTF8": "0"}
    env.pop("JZDESK_DB", None)

    def cli(*args: str) -> subprocess.CompletedProcess:
        code = "import sys; from jzdesk.cli import main; sys.exit(main(sys.argv[1:]))"
        return subprocess.run(
            [sys.executable, "-c", code, "--db", str(db_path), *args],
            capture_output=True,
            env=env,
            timeout=120,
        )

    added = cli(
        "add-event",
        "--unit",
        "沁阳",
        "--date",
        "2021-03-05",
        "--type",
        "文艺",
        "--title",
        "送戏下乡",
    )
    assert added.returncode == 0, added.stderr
    progress = cli("progress", "--json")
    assert progress.returncode == 0, progress.stderr
    data = json.loads(progress.stdout.decode("utf-8"))
    assert data["total"] == {"quota": 510, "total": 1}
    assert "沁阳" in progress.stdout.decode("utf-8")
    events = cli("events")  # a human table with Chinese in it: written, not a crash
    assert events.returncode == 0, events.stderr
    assert "送戏下乡".encode(code_page, errors="replace") in events.stdout
