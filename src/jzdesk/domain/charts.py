"""The numbers behind the 图表 tab, gathered once per refresh (no Qt here)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.plans import elapsed_share
from jzdesk.domain.progress import ProgressReport, TypeCount


@dataclass(frozen=True)
class ChartData:
    period_label: str
    completion: tuple[tuple[str, float, int, int], ...]  # (unit, rate, total, quota), best first
    pace_share: float  # where an even pace would stand at the period's end
    by_type: tuple[tuple[str, dict], ...]  # (unit, {type: sessions}) in plan order
    months: tuple[str, ...]  # 1月 … 12月
    cumulative: tuple[int, ...]  # sessions to the end of each month
    pace_line: tuple[float, ...]  # quota × share of the year at each month's end
    audience: dict  # {type: audience} in the period


def build_chart_data(
    *,
    period_label: str,
    year_report: ProgressReport,
    period_report: ProgressReport,
    monthly: list[tuple[str, ActivityType, int, int]],
    period_counts: list[TypeCount],
    unit_codes: set[str] | None,
) -> ChartData:
    """Combine the reports and monthly totals; ``unit_codes`` narrows all but completion."""
    chosen = [
        u for u in period_report.with_quota if unit_codes is None or u.unit.code in unit_codes
    ]
    completion = sorted(
        ((u.unit.name, u.rate or 0.0, u.total, u.quota) for u in year_report.with_quota),
        key=lambda item: -item[1],
    )
    year = year_report.year
    per_month = [0] * 12
    for month, _, sessions, _ in monthly:
        per_month[int(month[5:7]) - 1] += sessions
    cumulative, running = [], 0
    for sessions in per_month:
        running += sessions
        cumulative.append(running)
    quota = sum(
        u.quota for u in year_report.with_quota if unit_codes is None or u.unit.code in unit_codes
    )
    month_ends = [date(year, m, calendar.monthrange(year, m)[1]) for m in range(1, 13)]
    audience = dict.fromkeys(ActivityType, 0)
    for count in period_counts:
        audience[count.activity_type] += count.audience
    return ChartData(
        period_label=period_label,
        completion=tuple(completion),
        pace_share=elapsed_share(year, year_report.as_of),
        by_type=tuple((u.unit.name, dict(u.done)) for u in chosen),
        months=tuple(f"{m}月" for m in range(1, 13)),
        cumulative=tuple(cumulative),
        pace_line=tuple(quota * elapsed_share(year, end) for end in month_ends),
        audience=audience,
    )
