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
        "完成 20 场（40.0%），不足按进度应完成 38 场的 60%（22.8 场）",
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


def row_of(rows, code):
    return next(row for row in rows if row.progress.unit.code == code)


def test_a_unit_criticised_for_pace_is_not_praised_for_its_rank():
    """Issue 17: 温县 at 12 % was "第 1 名" and "不足按进度应完成 38 场的 60 %" in one row.
    It stays first in the 名次 column, criticised with its figures, and praised for nothing."""
    report = report_with([TypeCount("wenxian", T.ART, 6, 0, 0), TypeCount("boai", T.ART, 3, 0, 0)])
    rows = evaluate(report, EvaluationRules(criticize_missing_minimum=False))
    wenxian = row_of(rows, "wenxian")
    assert (wenxian.rank, wenxian.praise) == (1, ())
    assert wenxian.criticism == ("完成 6 场（12.0%），不足按进度应完成 38 场的 60%（22.8 场）",)
    assert not any(row.praise and row.criticism for row in rows)


def test_ranks_for_praise_count_only_units_not_criticised():
    """孟州 is second by rate but behind its demonstration minimum: not praised; the
    praise for the best two goes to the first two units that are not criticised, named by
    their place among them and overall."""
    report = report_with(
        [
            TypeCount("qinyang", T.ART, 45, 10, 0),  # 90 %, minimum met
            TypeCount("mengzhou", T.ART, 40, 2, 0),  # 80 %, 示范性 2/10
            TypeCount("jiaotong", T.FILM, 7, 0, 0),  # 70 % of 10, no minimum
            TypeCount("boai", T.ART, 30, 10, 0),  # 60 %, minimum met
        ]
    )
    rows = evaluate(report, EvaluationRules(praise_top=2))
    assert row_of(rows, "qinyang").praise == ("完成率居第 1 名（90.0%）",)
    mengzhou = row_of(rows, "mengzhou")
    assert (mengzhou.rank, mengzhou.praise) == (2, ())
    assert mengzhou.criticism == ("示范性文艺演出 2/10 场，按进度此时应有 8 场",)
    assert row_of(rows, "jiaotong").praise == (
        "完成率在未受批评的单位中居第 2 名（70.0%，总排名第 3 名）",
    )
    assert row_of(rows, "boai").praise == ()  # third among the units not criticised


def test_a_full_quota_behind_a_minimum_at_the_years_end_earns_no_praise():
    report = build_report(
        year=2021,
        as_of=date(2021, 12, 31),
        plan=PLAN_2021,
        units=UNITS,
        counts=[TypeCount("qinyang", T.ART, 55, 9, 0)],
    )
    qinyang = row_of(evaluate(report, EvaluationRules()), "qinyang")
    assert qinyang.praise == () and qinyang.rank == 1
    assert qinyang.criticism == ("示范性文艺演出 9/10 场，未达到最低要求",)
    # With the minimum rule off, the same unit is praised for both.
    relaxed = row_of(evaluate(report, EvaluationRules(criticize_missing_minimum=False)), "qinyang")
    assert relaxed.praise == ("已完成全年任务（55/50 场，110.0%）", "完成率居第 1 名（110.0%）")


def test_on_new_years_day_nobody_is_behind_and_nobody_with_nothing_is_praised():
    """No days have passed: pace and minimums ask nothing yet, and a rank without a single
    session earns no praise."""
    report = build_report(year=2021, as_of=date(2021, 1, 1), plan=PLAN_2021, units=UNITS, counts=[])
    rows = evaluate(report, EvaluationRules())
    assert all(not row.criticism and not row.praise for row in rows)
    assert {row.rank for row in rows} == {1}


def test_units_sharing_a_place_among_the_uncriticised_share_the_praise():
    report = report_with(
        [
            TypeCount("mengzhou", T.ART, 45, 0, 0),  # 90 %, minimum missed: out
            TypeCount("qinyang", T.ART, 40, 10, 0),  # 80 %
            TypeCount("boai", T.ART, 40, 10, 0),  # 80 %
            TypeCount("wuzhi", T.ART, 35, 10, 0),  # 70 %
        ]
    )
    rows = evaluate(report, EvaluationRules(praise_top=1))
    praised = {row.progress.unit.code: row.praise for row in rows if row.praise}
    assert praised == {
        "qinyang": ("完成率在未受批评的单位中居第 1 名（80.0%，总排名第 2 名）",),
        "boai": ("完成率在未受批评的单位中居第 1 名（80.0%，总排名第 2 名）",),
    }


def test_the_pace_rule_judges_the_figures_its_reason_shows():
    """On 1 Oct a 50-quota unit should have 38 sessions (37.5 shown whole); 60 % of that
    is 22.8: 23 sessions pass, 22 do not."""
    rules = EvaluationRules(criticize_missing_minimum=False)
    for sessions, criticised in ((23, False), (22, True)):
        report = report_with([TypeCount("wenxian", T.ART, sessions, 0, 0)])
        assert bool(row_of(evaluate(report, rules), "wenxian").criticism) is criticised
