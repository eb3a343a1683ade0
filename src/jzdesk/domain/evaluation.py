"""The October inspection (检查考核): units ranked by completion, with 表扬 and 通报批评
flags whose reasons are spelled out, each with the figures it was judged by.

Precedence, so that no row praises and criticises a unit at once:

1. Criticism first: a unit below the share of its pace, or behind a minimum of its plan
   (each rule as switched on), is criticised, and then praised for nothing — neither for
   its full quota nor for its rank.
2. Praise for rank counts only the units not criticised: the best ``praise_top`` of them
   by completion rate (equal rates share a place), named by their place among those units.
   The 名次 column stays every unit's place by completion rate.
3. Praise for the full quota goes to every unit at or above it that is not criticised.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jzdesk.domain.plans import elapsed_share
from jzdesk.domain.progress import ProgressReport, UnitProgress

# The ranking's columns, in the window and in its Excel and PDF exports.
HEADERS = ("名次", "单位", "任务场次", "已完成", "完成率", "按进度应完成", "表扬", "通报批评")


@dataclass(frozen=True)
class EvaluationRules:
    """What earns praise or criticism; the city sets these before the meeting."""

    praise_full_quota: bool = True  # already at or above the full-year quota
    praise_top: int = 3  # the best N by completion rate (0: none)
    criticize_below_pace: float = 0.6  # below this share of pace (0: never)
    criticize_missing_minimum: bool = True  # a minimum of the plan not met
    accepted_only: bool = False  # count only quarters the city's review accepted (审核通过)


@dataclass(frozen=True)
class EvaluationRow:
    rank: int
    progress: UnitProgress
    praise: tuple[str, ...] = field(default=())
    criticism: tuple[str, ...] = field(default=())


def evaluate(report: ProgressReport, rules: EvaluationRules) -> list[EvaluationRow]:
    """Rank the units with a quota by completion rate (then sessions), and flag them by
    the precedence of this module's docstring."""
    ranked = sorted(report.with_quota, key=lambda u: (-(u.rate or 0), -u.total, u.unit.code))
    share = elapsed_share(report.year, report.as_of)
    criticism = {unit.unit.code: _criticism(unit, rules, share) for unit in ranked}
    eligible = [unit for unit in ranked if not criticism[unit.unit.code]]
    rows = []
    for unit in ranked:
        rank, praise = _place(unit, ranked), []
        if unit in eligible:
            if rules.praise_full_quota and unit.total >= unit.quota > 0:
                praise.append(f"已完成全年任务（{unit.total}/{unit.quota} 场，{unit.rate:.1%}）")
            place = _place(unit, eligible)
            if rules.praise_top and place <= rules.praise_top and unit.total > 0:
                praise.append(
                    f"完成率居第 {place} 名（{unit.rate:.1%}）"
                    if place == rank
                    else f"完成率在未受批评的单位中居第 {place} 名（{unit.rate:.1%}，总排名第 {rank} 名）"
                )
        rows.append(EvaluationRow(rank, unit, tuple(praise), criticism[unit.unit.code]))
    return rows


def _place(unit: UnitProgress, among: list[UnitProgress]) -> int:
    """The unit's place by completion rate among ``among``: equal rates share a place
    (并列) and are treated alike: 1, 1, 3 …"""
    rate = round(unit.rate or 0, 6)
    return 1 + sum(1 for other in among if round(other.rate or 0, 6) > rate)


def _criticism(unit: UnitProgress, rules: EvaluationRules, share: float) -> tuple[str, ...]:
    """The reasons to criticise a unit under ``rules``, each with its figures."""
    reasons = []
    # Judged on the whole sessions the reason shows: a pace that rounds to 0 (the first
    # days of the year) asks nothing yet.
    expected = round(unit.pace or 0)
    floor = expected * rules.criticize_below_pace
    if rules.criticize_below_pace and unit.total < floor:
        reasons.append(
            f"完成 {unit.total} 场（{unit.rate:.1%}），不足按进度应完成 {expected} 场的 "
            f"{rules.criticize_below_pace:.0%}（{floor:.1f} 场）"
        )
    if rules.criticize_missing_minimum:
        reasons += _minimum_reasons(unit, share)
    return tuple(reasons)


def _minimum_reasons(unit: UnitProgress, share: float) -> list[str]:
    """A minimum is a full-year requirement: before the year is out, a unit is behind only
    if it has fewer than an even pace towards it gives by now, in whole sessions (the
    figure the reason shows)."""
    reasons = []
    for status in unit.minimums:
        name = status.minimum.label.split(" ≥ ")[0]
        required = status.minimum.at_least
        if share >= 1:
            if not status.met:
                reasons.append(f"{name} {status.achieved}/{required} 场，未达到最低要求")
        elif status.achieved < (by_now := round(required * share)):
            reasons.append(f"{name} {status.achieved}/{required} 场，按进度此时应有 {by_now} 场")
    return reasons
