"""The inspection's rules on a case worked out by hand."""

from datetime import date

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.evaluation import EvaluationRules, evaluate
from jzdesk.domain.plans import PLAN_2021
from jzdesk.domain.progress import TypeCount, build_report
from jzdesk.domain.units import BUILTIN_UNITS

UNITS = {unit.code: unit for unit in BUILTIN_UNITS}


def report_with(counts):
    return build_report(
        year=2021, as_of=date(2021, 10, 1), plan=PLAN_2021, units=UNITS, counts=counts
    )


def test_ranking_praise_and_criticism_with_reasons():
    # On 1 Oct the pace of a 50-quota unit is 37.5; 60 % of it is 22.5.
    report = report_with(
        [
            TypeCount("qinyang", T.ART, 52, 12, 0),  # 104 %: full quota, minimum met
            TypeCount("mengzhou", T.ART, 30, 4, 0),  # 60 %: minimum not met
            TypeCount("jiaotong", T.FILM, 8, 0, 0),  # 80 % of 10
            TypeCount("boai", T.LECTURE, 20, 0, 0),  # 40 %: below 60 % of pace, minimum 0/10
        ]
    )
    rows = evaluate(report, EvaluationRules(praise_top=2))
    by_code = {row.progress.unit.code: row for row in rows}
    assert [row.progress.unit.code for row in rows[:4]] == [
        "qinyang",
        "jiaotong",
        "mengzhou",
        "boai",
    ]
    assert by_code["qinyang"].praise == (
        "已完成全年任务（52/50 场，104.0%）",
        "完成率居第 1 名（104.0%）",
    )
    assert by_code["qinyang"].criticism == ()
    assert by_code["jiaotong"].praise == ("完成率居第 2 名（80.0%）",)
    assert by_code["mengzhou"].praise == ()
    # On 1 Oct three quarters of the year have passed: 10 demonstration shows → 8 by now.
    assert by_code["mengzhou"].criticism == ("示范性文艺演出 4/10 场，按进度此时应有 8 场",)
    assert by_code["boai"].criticism == (
        "完成 20 场，不足按进度应完成 38 场的 60%",
        "示范性文艺演出 0/10 场，按进度此时应有 8 场",
    )
    assert "city" not in by_code and len(rows) == 16


def test_rules_can_be_switched_off():
    report = report_with([TypeCount("boai", T.LECTURE, 1, 0, 0)])
    rows = evaluate(
        report,
        EvaluationRules(
            praise_full_quota=False,
            praise_top=0,
            criticize_below_pace=0,
            criticize_missing_minimum=False,
        ),
    )
    assert all(not row.praise and not row.criticism for row in rows)


def test_equal_rates_share_a_rank_and_the_praise():
    report = report_with(
        [
            TypeCount("xiuwu", T.ART, 30, 10, 0),
            TypeCount("jiaoyu", T.ART, 9, 0, 0),
            TypeCount("jiaotong", T.ART, 9, 0, 0),
        ]
    )  # 60 %, 60 %, 90 %
    rows = evaluate(
        report,
        EvaluationRules(praise_top=2, criticize_below_pace=0, criticize_missing_minimum=False),
    )
    ranks = {row.progress.unit.code: row.rank for row in rows}
    assert (ranks["jiaotong"], ranks["xiuwu"], ranks["jiaoyu"]) == (1, 2, 2)
    praised = {row.progress.unit.code for row in rows if row.praise}
    assert praised == {"jiaotong", "xiuwu", "jiaoyu"}
    assert next(r for r in rows if r.progress.unit.code == "jiaotong").rank == 1
    assert [row.rank for row in rows][3] == 4


def test_at_the_years_end_a_minimum_is_simply_met_or_not():
    from jzdesk.domain.plans import PLAN_2021

    report = build_report(
        year=2021,
        as_of=date(2021, 12, 31),
        plan=PLAN_2021,
        units=UNITS,
        counts=[TypeCount("qinyang", T.ART, 50, 9, 0)],
    )
    [row] = [r for r in evaluate(report, EvaluationRules()) if r.progress.unit.code == "qinyang"]
    assert row.criticism == ("示范性文艺演出 9/10 场，未达到最低要求",)
