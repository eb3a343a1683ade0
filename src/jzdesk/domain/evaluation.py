"""The October inspection (检查考核): units ranked by completion, with 表扬 and 通报批评
flags whose reasons are spelled out."""

from __future__ import annotations

from dataclasses import dataclass, field

from jzdesk.domain.progress import ProgressReport, UnitProgress


@dataclass(frozen=True)
class EvaluationRules:
    """What earns praise or criticism; the city sets these before the meeting."""

    praise_full_quota: bool = True  # already at or above the full-year quota
    praise_top: int = 3  # the best N by completion rate (0: none)
    criticize_below_pace: float = 0.6  # below this share of pace (0: never)
    criticize_missing_minimum: bool = True  # a minimum of the plan not met


@dataclass(frozen=True)
class EvaluationRow:
    rank: int
    progress: UnitProgress
    praise: tuple[str, ...] = field(default=())
    criticism: tuple[str, ...] = field(default=())


def evaluate(report: ProgressReport, rules: EvaluationRules) -> list[EvaluationRow]:
    """Rank the units with a quota by completion rate (then sessions), and flag them."""
    ranked = sorted(report.with_quota, key=lambda u: (-(u.rate or 0), -u.total, u.unit.code))
    rows = []
    for rank, unit in enumerate(ranked, start=1):
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
                f"完成 {unit.total} 场，不足按进度应完成 {unit.pace:.1f} 场的 "
                f"{rules.criticize_below_pace:.0%}"
            )
        if rules.criticize_missing_minimum:
            for status in unit.minimums:
                if not status.met:
                    criticism.append(
                        f"{status.minimum.label.split(' ≥ ')[0]} {status.achieved}/"
                        f"{status.minimum.at_least} 场，未达到最低要求"
                    )
        rows.append(EvaluationRow(rank, unit, tuple(praise), tuple(criticism)))
    return rows
