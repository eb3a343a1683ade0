"""A year's plan: each unit's total quota and its minimums; the 2021 plan is built in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.units import BUILTIN_UNITS, CITY_CODE, UnitKind


@dataclass(frozen=True)
class Minimum:
    """At least ``at_least`` sessions of ``activity_type`` (None: any type), demonstration or not."""

    activity_type: ActivityType | None
    demonstration: bool
    at_least: int

    @property
    def label(self) -> str:
        """In words, e.g. 示范性文艺演出 ≥ 10 场."""
        kind = {
            None: "活动",
            ActivityType.ART: "文艺演出",
            ActivityType.FILM: "送电影",
            ActivityType.CALLIGRAPHY: "送书画",
            ActivityType.TRAINING: "送培训",
            ActivityType.LECTURE: "送讲座",
        }[self.activity_type]
        prefix = "示范性" if self.demonstration else ""
        return f"{prefix}{kind} ≥ {self.at_least} 场"


def date_outside_plans(day: date, years) -> str | None:
    """Why a record cannot be dated ``day`` (None when it can): its year has no plan.

    A record counts against its year's quota, and a year nobody planned has none, so such a
    date is nearly always a slip of the keyboard (2022 for 2021). It is refused, never
    moved into a planned year. The window and the command line show this same message.
    """
    if day.year in years:
        return None
    planned = "、".join(str(year) for year in sorted(years))
    return (
        f"活动日期 {day.isoformat()} 不在计划年度内：没有 {day.year} 年的任务分解表"
        f"（现有 {planned} 年的计划），请检查年份"
    )


@dataclass(frozen=True)
class PlanEntry:
    """One unit's line in a year's plan. ``quota`` is None for a unit with no 五送 total."""

    unit_code: str
    quota: int | None
    minimums: tuple[Minimum, ...] = ()


def elapsed_share(year: int, as_of: date) -> float:
    """The share of ``year`` that has passed by the end of ``as_of`` (0 before, 1 after)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if as_of < start:
        return 0.0
    if as_of >= end:
        return 1.0
    return ((as_of - start).days + 1) / ((end - start).days + 1)


def pace(quota: int, year: int, as_of: date) -> float:
    """Sessions a unit working evenly through the year would have by ``as_of``."""
    return quota * elapsed_share(year, as_of)


_QUOTAS_2021 = {
    "qinyang": 50,
    "mengzhou": 50,
    "boai": 50,
    "wuzhi": 50,
    "wenxian": 50,
    "xiuwu": 50,
    "jiefang": 30,
    "shanyang": 30,
    "zhongzhan": 30,
    "macun": 30,
    "shifanqu": 10,
    "jiaomei": 25,
    "jiaotong": 10,
    "jianshe": 15,
    "jiaoyu": 15,
    "caimao": 15,
}

_COUNTY_LEVEL = (UnitKind.COUNTY, UnitKind.DISTRICT, UnitKind.ZONE)


def _plan_2021() -> tuple[PlanEntry, ...]:
    # Seed §二.3: every county/district union and the demonstration zone hold at least 10
    # demonstration performances; §二.2: the city union itself at least 10 demonstration
    # performances and 20 demonstration film showings.
    ten_shows = Minimum(ActivityType.ART, True, 10)
    entries = []
    for unit in BUILTIN_UNITS:
        if unit.code == CITY_CODE:
            minimums = (ten_shows, Minimum(ActivityType.FILM, True, 20))
            entries.append(PlanEntry(CITY_CODE, None, minimums))
        else:
            minimums = (ten_shows,) if unit.kind in _COUNTY_LEVEL else ()
            entries.append(PlanEntry(unit.code, _QUOTAS_2021[unit.code], minimums))
    return tuple(entries)


PLAN_2021_TITLE = "2021年“中国梦·劳动美·工会情”文化活动进基层任务分解表"
PLAN_2021 = _plan_2021()
