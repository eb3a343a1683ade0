"""Progress against the plan: sessions per type, total, rate, audience, minimums met."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.plans import Minimum, PlanEntry, pace
from jzdesk.domain.units import Unit


@dataclass(frozen=True)
class TypeCount:
    """Sessions, demonstration sessions and audience of one unit and one type."""

    unit_code: str
    activity_type: ActivityType
    sessions: int
    demo_sessions: int
    audience: int


@dataclass(frozen=True)
class MinimumStatus:
    minimum: Minimum
    achieved: int

    @property
    def met(self) -> bool:
        return self.achieved >= self.minimum.at_least


@dataclass(frozen=True)
class UnitProgress:
    unit: Unit
    quota: int | None
    done: Mapping[ActivityType, int]
    audience: int
    minimums: tuple[MinimumStatus, ...]
    pace: float | None

    @property
    def total(self) -> int:
        return sum(self.done.values())

    @property
    def rate(self) -> float | None:
        """Completion rate against the quota; None for a unit without a quota."""
        if not self.quota:
            return None
        return self.total / self.quota

    @property
    def behind_pace(self) -> bool:
        return self.pace is not None and self.total < self.pace


@dataclass(frozen=True)
class ProgressReport:
    year: int
    as_of: date
    units: tuple[UnitProgress, ...]
    sample_data: bool = False
    totals: Mapping[ActivityType, int] = field(default_factory=dict)

    # The 合计 of 附件1 covers the units with a quota; the city union's own events (no
    # 五送 total of its own) are shown on their line but would inflate the rate.
    @property
    def with_quota(self) -> tuple[UnitProgress, ...]:
        return tuple(unit for unit in self.units if unit.quota is not None)

    @property
    def without_quota(self) -> tuple[UnitProgress, ...]:
        return tuple(unit for unit in self.units if unit.quota is None)

    @property
    def quota(self) -> int:
        return sum(unit.quota for unit in self.with_quota)

    @property
    def total(self) -> int:
        return sum(unit.total for unit in self.with_quota)

    @property
    def audience(self) -> int:
        return sum(unit.audience for unit in self.with_quota)

    @property
    def pace(self) -> float:
        return sum(unit.pace for unit in self.with_quota)

    @property
    def rate(self) -> float | None:
        return self.total / self.quota if self.quota else None


def plan_unit_of(unit_code: str, units: Mapping[str, Unit], plan_codes: set[str]) -> str | None:
    """The unit in the plan whose progress ``unit_code``'s records count towards.

    A subordinate (a county's enterprise union) counts towards its nearest ancestor
    that has a line in the plan; a unit with no such ancestor counts nowhere.
    """
    seen = set()
    code: str | None = unit_code
    while code is not None and code not in seen:
        if code in plan_codes:
            return code
        seen.add(code)
        parent = units.get(code)
        code = parent.parent_code if parent else None
    return None


def achieved(minimum: Minimum, counts: Iterable[TypeCount]) -> int:
    """How many sessions of ``counts`` count towards ``minimum``."""
    total = 0
    for count in counts:
        if minimum.activity_type not in (None, count.activity_type):
            continue
        total += count.demo_sessions if minimum.demonstration else count.sessions
    return total


def build_report(
    *,
    year: int,
    as_of: date,
    plan: Iterable[PlanEntry],
    units: Mapping[str, Unit],
    counts: Iterable[TypeCount],
    sample_data: bool = False,
) -> ProgressReport:
    """Combine the plan with per-unit, per-type counts into a report, in plan order."""
    entries = list(plan)
    plan_codes = {entry.unit_code for entry in entries}
    grouped: dict[str, list[TypeCount]] = {code: [] for code in plan_codes}
    for count in counts:
        owner = plan_unit_of(count.unit_code, units, plan_codes)
        if owner is not None:
            grouped[owner].append(count)
    rows = []
    for entry in entries:
        unit_counts = grouped[entry.unit_code]
        done = dict.fromkeys(ActivityType, 0)
        for count in unit_counts:
            done[count.activity_type] += count.sessions
        rows.append(
            UnitProgress(
                unit=units[entry.unit_code],
                quota=entry.quota,
                done=done,
                audience=sum(count.audience for count in unit_counts),
                minimums=tuple(MinimumStatus(m, achieved(m, unit_counts)) for m in entry.minimums),
                pace=None if entry.quota is None else pace(entry.quota, year, as_of),
            )
        )
    totals = {
        kind: sum(row.done[kind] for row in rows if row.quota is not None) for kind in ActivityType
    }
    return ProgressReport(year, as_of, tuple(rows), sample_data, totals)
