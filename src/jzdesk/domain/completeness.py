"""Completeness (what DHIS2 calls reporting rates): which unit reported which quarter, when.

A submission file is cumulative, so a file reporting the third quarter also brings the
first two: a quarter counts as received on the first day a file for it *or a later
quarter* arrived. The unit's 实施方案 is due on 31 March and counts like a report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from jzdesk.domain.periods import quarter_period, report_deadline

PLAN_DOCUMENT_DEADLINE = (3, 31)  # month, day


class ReportStatus(str, Enum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ReportStatus.ON_TIME: "按时",
    ReportStatus.LATE: "逾期",
    ReportStatus.MISSING: "未报",
    ReportStatus.NOT_DUE: "未到期",
}


@dataclass(frozen=True)
class ReportCell:
    """One unit's report for one quarter (quarter 0: the 实施方案)."""

    quarter: int
    deadline: date
    received: date | None
    status: ReportStatus

    def text(self) -> str:
        """What the matrix cell shows, e.g. ``10-08 按时``, ``未报``, or with the year
        when the report came in another year than its deadline (``2026-11-30 逾期``)."""
        if self.received is None:
            return self.status.label
        shown = "%m-%d" if self.received.year == self.deadline.year else "%Y-%m-%d"
        return f"{self.received.strftime(shown)} {self.status.label}"


@dataclass(frozen=True)
class UnitCompleteness:
    unit_code: str
    unit_name: str
    plan_document: ReportCell
    quarters: tuple[ReportCell, ...]

    def cells(self) -> tuple[ReportCell, ...]:
        return (self.plan_document, *self.quarters)


@dataclass(frozen=True)
class Completeness:
    year: int
    as_of: date
    deadline_days: int
    units: tuple[UnitCompleteness, ...]

    def counts(self) -> dict[ReportStatus, int]:
        """How many reports (quarters and 实施方案) are in each state."""
        counts = dict.fromkeys(ReportStatus, 0)
        for unit in self.units:
            for cell in unit.cells():
                counts[cell.status] += 1
        return counts

    def on_time_share(self) -> tuple[int, int]:
        """(on time, due): reports received on time out of those already due or received."""
        counts = self.counts()
        due = sum(counts.values()) - counts[ReportStatus.NOT_DUE]
        return counts[ReportStatus.ON_TIME], due

    def to_json(self) -> dict:
        """The shape of ``completeness --json``."""

        def cell(c: ReportCell) -> dict:
            return {
                "received": c.received.isoformat() if c.received else None,
                "status": c.status.value,
                "deadline": c.deadline.isoformat(),
            }

        on_time, due = self.on_time_share()
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "deadline_days": self.deadline_days,
            "units": [
                {
                    "code": u.unit_code,
                    "name": u.unit_name,
                    "plan_document": cell(u.plan_document),
                    "quarters": {f"Q{c.quarter}": cell(c) for c in u.quarters},
                }
                for u in self.units
            ],
            "on_time": on_time,
            "due": due,
            "on_time_rate": round(on_time / due, 4) if due else None,
        }


def report_status(received: date | None, deadline: date, today: date) -> ReportStatus:
    if received is not None:
        return ReportStatus.ON_TIME if received <= deadline else ReportStatus.LATE
    return ReportStatus.NOT_DUE if today <= deadline else ReportStatus.MISSING


def quarter_receipts(year: int, receipts: dict[int, list[date]]) -> dict[int, date]:
    """When each quarter counts as received, from the days files reporting each quarter
    arrived: a file for a later quarter carries the earlier ones too, and a file that
    arrived before a quarter ended does not report that quarter."""
    received: dict[int, date] = {}
    for quarter in range(1, 5):
        ended = quarter_period(year, quarter).end
        days = [day for q, days in receipts.items() if q >= quarter for day in days if day >= ended]
        if days:
            received[quarter] = min(days)
    return received


def build_completeness(
    year: int,
    units: list[tuple[str, str]],
    receipts: dict[str, dict[int, list[date]]],
    plan_documents: dict[str, date],
    *,
    deadline_days: int,
    today: date,
) -> Completeness:
    """The matrix for ``units`` ((code, name) in plan order).

    ``receipts[code][quarter]`` are the days files reporting that quarter arrived;
    ``plan_documents[code]`` the first day the unit's 实施方案 arrived.
    """
    plan_deadline = date(year, *PLAN_DOCUMENT_DEADLINE)
    rows = []
    for code, name in units:
        received = quarter_receipts(year, receipts.get(code, {}))
        quarters = []
        for quarter in range(1, 5):
            deadline = report_deadline(year, quarter, days_after=deadline_days)
            day = _by(received.get(quarter), today)
            quarters.append(ReportCell(quarter, deadline, day, report_status(day, deadline, today)))
        document_day = _by(plan_documents.get(code), today)
        document = ReportCell(
            0, plan_deadline, document_day, report_status(document_day, plan_deadline, today)
        )
        rows.append(UnitCompleteness(code, name, document, tuple(quarters)))
    return Completeness(year, today, deadline_days, tuple(rows))


def _by(day: date | None, today: date) -> date | None:
    """A receipt counts from its day on (a matrix "as of" an earlier day ignores it)."""
    return day if day is not None and day <= today else None
