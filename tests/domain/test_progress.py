"""Progress maths against cases worked out by hand."""

from datetime import date

import pytest

from jzdesk.domain.activity_types import ActivityType as T
from jzdesk.domain.plans import PLAN_2021, Minimum, PlanEntry, elapsed_share, pace
from jzdesk.domain.progress import TypeCount, achieved, build_report, plan_unit_of
from jzdesk.domain.units import BUILTIN_UNITS, Unit, UnitKind

UNITS = {unit.code: unit for unit in BUILTIN_UNITS}


def test_builtin_plan_is_the_2021_quota_table():
    quotas = {entry.unit_code: entry.quota for entry in PLAN_2021}
    assert sum(q for q in quotas.values() if q) == 510
    assert len([q for q in quotas.values() if q is not None]) == 16
    assert quotas["city"] is None
    assert quotas["qinyang"] == 50 and quotas["jiaomei"] == 25 and quotas["shifanqu"] == 10


def test_builtin_minimums_follow_the_seed():
    with_minimum = {e.unit_code: e.minimums for e in PLAN_2021 if e.minimums}
    county_level = [code for code in with_minimum if code != "city"]
    assert len(county_level) == 11
    assert all(m == (Minimum(T.ART, True, 10),) for c, m in with_minimum.items() if c != "city")
    assert with_minimum["city"] == (Minimum(T.ART, True, 10), Minimum(T.FILM, True, 20))
    assert "jiaomei" not in with_minimum


@pytest.mark.parametrize(
    ("as_of", "share"),
    [
        (date(2020, 12, 31), 0.0),
        (date(2021, 1, 1), 1 / 365),
        (date(2021, 7, 2), 183 / 365),
        (date(2021, 12, 31), 1.0),
        (date(2022, 3, 1), 1.0),
    ],
)
def test_elapsed_share_counts_whole_days(as_of, share):
    assert elapsed_share(2021, as_of) == pytest.approx(share)


def test_pace_on_1_october_for_a_quota_of_50():
    # 1 Oct 2021 is day 274 of 365: 50 * 274 / 365 = 37.53…
    assert pace(50, 2021, date(2021, 10, 1)) == pytest.approx(37.534, abs=1e-3)


def test_report_sums_types_rates_audience_and_minimums():
    counts = [
        TypeCount("qinyang", T.ART, sessions=12, demo_sessions=4, audience=3000),
        TypeCount("qinyang", T.FILM, sessions=8, demo_sessions=8, audience=800),
        TypeCount("qinyang", T.LECTURE, sessions=1, demo_sessions=0, audience=50),
        TypeCount("city", T.ART, sessions=10, demo_sessions=10, audience=5000),
        TypeCount("city", T.FILM, sessions=25, demo_sessions=19, audience=2500),
    ]
    report = build_report(
        year=2021, as_of=date(2021, 10, 1), plan=PLAN_2021, units=UNITS, counts=counts
    )
    rows = {row.unit.code: row for row in report.units}
    qinyang = rows["qinyang"]
    assert qinyang.total == 21 and qinyang.audience == 3850
    assert qinyang.rate == pytest.approx(21 / 50)
    assert qinyang.behind_pace  # 21 < 37.53
    assert [(s.achieved, s.met) for s in qinyang.minimums] == [(4, False)]
    city = rows["city"]
    assert city.rate is None and city.pace is None and not city.behind_pace
    assert [(s.achieved, s.met) for s in city.minimums] == [(10, True), (19, False)]
    # The 合计 covers the 16 units with a quota, as in 附件1; the city's own 35 are apart.
    assert report.quota == 510
    assert report.total == 21
    assert report.totals[T.FILM] == 8
    assert report.rate == pytest.approx(21 / 510)
    assert report.audience == 3850
    assert rows["mengzhou"].total == 0 and rows["mengzhou"].rate == 0


def test_a_minimum_over_any_type_counts_every_type():
    counts = [TypeCount("x", T.ART, 3, 1, 0), TypeCount("x", T.LECTURE, 2, 2, 0)]
    assert achieved(Minimum(None, False, 5), counts) == 5
    assert achieved(Minimum(None, True, 5), counts) == 3
    assert achieved(Minimum(T.LECTURE, False, 1), counts) == 2


def test_subordinate_records_count_towards_their_plan_unit():
    units = dict(UNITS)
    units["qy-steel"] = Unit("qy-steel", "沁阳钢厂工会", "沁阳钢厂", UnitKind.ENTERPRISE, "qinyang")
    units["qy-steel-w1"] = Unit("qy-steel-w1", "一车间", "一车间", UnitKind.ENTERPRISE, "qy-steel")
    plan_codes = {entry.unit_code for entry in PLAN_2021}
    assert plan_unit_of("qy-steel-w1", units, plan_codes) == "qinyang"
    report = build_report(
        year=2021,
        as_of=date(2021, 12, 31),
        plan=PLAN_2021,
        units=units,
        counts=[TypeCount("qy-steel-w1", T.TRAINING, 2, 0, 40)],
    )
    assert report.units[0].unit.code == "qinyang" and report.units[0].total == 2


def test_units_outside_the_plan_count_nowhere():
    plan = [PlanEntry("qinyang", 50)]
    report = build_report(
        year=2021,
        as_of=date(2021, 12, 31),
        plan=plan,
        units=UNITS,
        counts=[TypeCount("mengzhou", T.ART, 5, 0, 0)],
    )
    assert report.total == 0 and len(report.units) == 1
