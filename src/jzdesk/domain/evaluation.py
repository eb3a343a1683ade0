"""The October inspection (检查考核): units ranked by completion, with 表扬 and 通报批评
flags whose reasons are spelled out."""

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
    """Rank the units with a quota by completion rate (then sessions), and flag them."""
    ranked = sorted(report.with_quota, key=lambda u: (-(u.rate or 0), -u.total, u.unit.code))
    share = elapsed_share(report.year, report.as_of)
    rows = []
    for unit in ranked:
        # Equal rates share a rank (并列) and are treated alike: 1, 1, 3 …
        rank = 1 + sum(
            1 for other in ranked if round(other.rate or 0, 6) > round(unit.rate or 0, 6)
        )
        praise, criticism = [], []
        if rules.praise_full_quota and unit.total >= unit.quota > 0:
            praise.append(f"已完成全年任务（{unit.total}/{unit.quota} 场，{unit.rate:.1%}）")
        if rules.praise_top and rank <= rules.praise_top and unit.total > 0:
            praise.append(f"完成率居第 {rank} 名（{unit.rate:.1%}）")
        if (
            rules.criticize_below_pace
            and unit.pace
            and unit.total < unit.pace * rules.criticize_below_pace
        ):
            criticism.append(
                f"完成 {unit.total} 场，不足按进度应完成 {unit.pace:.0f} 场的 "
                f"{rules.criticize_below_pace:.0%}"
            )
        if rules.criticize_missing_minimum:
            criticism += _minimum_reasons(unit, share)
        rows.append(EvaluationRow(rank, unit, tuple(praise), tuple(criticism)))
    return rows


def _minimum_reasons(unit: UnitProgress, share: float) -> list[str]:
    """A minimum is a full-year requirement: before the year is out, a unit is behind only
    if it has fewer than an even pace towards it would give by now."""
    reasons = []
    for status in unit.minimums:
        name = status.minimum.label.split(" ≥ ")[0]
        required = status.minimum.at_least
        if share >= 1:
            if not status.met:
                reasons.append(f"{name} {status.achieved}/{required} 场，未达到最低要求")
        elif status.achieved < required * share:
            reasons.append(
                f"{name} {status.achieved}/{required} 场，按进度此时应有 {required * share:.0f} 场"
            )
    return reasons
