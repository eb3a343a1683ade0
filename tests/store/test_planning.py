"""Editing the plan: quotas, units, minimums, a new year — all audited, codes kept."""

from __future__ import annotations

from datetime import date

import pytest

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.plans import Minimum
from jzdesk.domain.records import RecordFields
from jzdesk.errors import KnownError
from jzdesk.store import plans
from jzdesk.usecases import installation, ledger, planning, progress


def lines_of(db, year=2021):
    units = {u.code: u for u in installation.all_units(db)}
    return [
        planning.PlanLine(
            e.unit_code, units[e.unit_code].name, units[e.unit_code].short_name, e.quota, e.minimums
        )
        for e in plans.plan_entries(db, year)
    ]


def test_minimums_read_back_as_written():
    minimums = (
        Minimum(T.ART, True, 10),
        Minimum(T.FILM, True, 20),
        Minimum(None, False, 5),
        Minimum(T.LECTURE, False, 3),
    )
    text = planning.minimums_text(minimums)
    assert text == "示范性文艺演出≥10；示范性送电影≥20；活动≥5；送讲座≥3"
    assert planning.parse_minimums(text) == minimums
    assert planning.parse_minimums("示范性 文艺演出 不少于 １０场") == (Minimum(T.ART, True, 10),)
    with pytest.raises(KnownError):
        planning.parse_minimums("跳舞≥3")


def test_quota_rename_add_retire_and_minimums_are_saved_and_audited(db):
    ledger.add_record(db, RecordFields("jiaotong", date(2021, 3, 5), T.FILM, sessions=4))
    ledger.add_record(db, RecordFields("qinyang", date(2021, 3, 5), T.ART, sessions=6))
    lines = lines_of(db)
    qinyang = lines[0]
    lines[0] = planning.PlanLine(
        qinyang.code, "沁阳市总工会", "沁阳", 60, (Minimum(T.ART, True, 12),)
    )
    lines[1] = planning.PlanLine(lines[1].code, "孟州市总工会（新）", "孟州", 50, lines[1].minimums)
    lines = [line for line in lines if line.code != "jiaotong"]  # 交通工会 retired this year
    lines.append(planning.PlanLine(None, "文旅工会", "文旅", 20))
    changes = planning.save_plan(db, 2021, lines)
    assert changes == 6
    report = progress.progress_report(db, year=2021, as_of=date(2021, 12, 31))
    rows = {row.unit.code: row for row in report.units}
    assert "jiaotong" not in rows  # retired: its 4 film sessions no longer count
    assert report.quota == 510 + 10 - 10 + 20 and report.total == 6
    assert rows["qinyang"].quota == 60 and rows["mengzhou"].unit.name == "孟州市总工会（新）"
    new = next(row for row in report.units if row.unit.name == "文旅工会")
    assert new.unit.code.startswith("unit-") and new.quota == 20
    log = planning.audit_log(db, 2021)
    assert {entry["what"] for entry in log} == {"quota", "minimums", "rename", "add_unit", "retire"}
    quota_change = next(e for e in log if e["what"] == "quota" and e["unit_code"] == "qinyang")
    assert (quota_change["old"], quota_change["new"]) == ("50", "60") and quota_change["changed_by"]
    assert installation.resolve_unit(db, "mengzhou").name == "孟州市总工会（新）"  # the code stays


def test_bad_plans_change_nothing(db):
    lines = lines_of(db)
    for broken in (
        [*lines, planning.PlanLine(None, "沁阳市总工会", "", 1)],
        [planning.PlanLine(lines[0].code, "", "", 1)],
        [planning.PlanLine(lines[0].code, "沁阳市总工会", "", -1)],
    ):
        with pytest.raises(KnownError):
            planning.save_plan(db, 2021, broken)
    assert lines_of(db) == lines and planning.audit_log(db, 2021) == []


def test_a_new_year_is_a_copy_of_the_last(db):
    planning.start_year(db, 2022)
    assert lines_of(db, 2022) == lines_of(db, 2021)
    assert planning.audit_log(db, 2022)[0]["what"] == "new_year"
    with pytest.raises(KnownError):
        planning.start_year(db, 2022)
    with pytest.raises(KnownError):
        planning.start_year(db, 2019)


def test_a_units_installation_cannot_change_the_plan_the_city_can(db):
    """PRODUCT §2: the plan is the city's; a unit's installation takes the city's file."""
    installation.init_installation(db, "温县")
    lines = lines_of(db)
    lines[4] = planning.PlanLine("wenxian", "温县总工会", "温县", 6, lines[4].minimums)
    for attempt in (
        lambda: planning.save_plan(db, 2021, lines),
        lambda: planning.start_year(db, 2022),
    ):
        with pytest.raises(KnownError, match="本机是温县总工会的安装：任务分解表由市总工会制定"):
            attempt()
    assert plans.plan_years(db) == [2021]
    assert {e.unit_code: e.quota for e in plans.plan_entries(db, 2021)}["wenxian"] == 50
    installation.init_installation(db, "市总本级")
    assert planning.save_plan(db, 2021, lines) == 1
