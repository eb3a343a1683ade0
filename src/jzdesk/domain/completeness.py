"""Completeness (what DHIS2 calls reporting rates): which unit reported which quarter, when.

A submission file is cumulative, so a file reporting the third quarter also brings the
first two: a quarter counts as sent on the first day a file for it *or a later quarter*
was sent. A file counts as sent when the unit says it sent it (the export time in its
manifest, a hand-filled sheet's 填报时间), not when the city got round to importing it,
unless that day is not plausible (PRODUCT §4.3). The unit's 实施方案 is due on 31 March
and counts like a report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from jzdesk.domain.periods import date_in_words, quarter_period, report_deadline
from jzdesk.domain.review import ReviewState

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
class Receipt:
    """One imported file's claim to report a quarter (and all before it)."""

    quarter: int  # the quarter the file reports
    imported: date  # when the city imported it
    stated: date | None  # when the unit says it sent it: export time, or 填报时间
    plan_document: bool = False  # the file carried the unit's 实施方案

    def sent(self, year: int) -> tuple[date, str]:
        """(the day the file counts as sent, why that is the import day — "" when the
        stated day counts). A stated day before the reported quarter began, or after the
        import, is a wrong clock or a wrong entry, never the sending day."""
        if self.stated is None:
            return self.imported, "文件未注明报送时间，按导入日期计"
        stated = f"文件注明的报送时间 {self.stated.isoformat()}"
        if self.stated < quarter_period(year, self.quarter).start:
            return self.imported, f"{stated} 早于所报季度开始，不可信，按导入日期计"
        if self.stated > self.imported:
            return self.imported, f"{stated} 晚于导入日期，不可信，按导入日期计"
        return self.stated, ""


@dataclass(frozen=True)
class ReportCell:
    """One unit's report for one quarter (quarter 0: the 实施方案)."""

    quarter: int
    deadline: date
    sent: date | None  # the day it counts as sent (the status is judged by it)
    status: ReportStatus
    received: date | None = None  # the day the city imported it
    note: str = ""  # why ``sent`` is the import day, when the stated day was not plausible
    review: ReviewState | None = None  # the city's review of the quarter (None: 实施方案)

    def text(self) -> str:
        """What the matrix cell shows, e.g. ``10-08 按时``, ``未报``, or with the year
        when the report was sent in another year than its deadline (``2026-11-30 逾期``)."""
        if self.sent is None:
            return self.status.label
        shown = "%m-%d" if self.sent.year == self.deadline.year else "%Y-%m-%d"
        reviewed = f" · {self.review.label}" if self.review else ""
        return f"{self.sent.strftime(shown)} {self.status.label}{reviewed}"

    def explanation(self) -> str:
        """Both dates and the deadline in words, for the cell's tooltip."""
        due = f"截止 {date_in_words(self.deadline)}"
        if self.sent is None or self.received is None:
            return f"{due}；尚未收到（{self.status.label}）"
        why = f"（{self.note}）" if self.note else ""
        reviewed = f"；审核：{self.review.label}" if self.review else ""
        return (
            f"{due}；{date_in_words(self.sent)}报送{why}，"
            f"{date_in_words(self.received)}导入（{self.status.label}）{reviewed}"
        )


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
                "sent": c.sent.isoformat() if c.sent else None,
                "received": c.received.isoformat() if c.received else None,
                "status": c.status.value,
                "deadline": c.deadline.isoformat(),
                "sent_note": c.note,
                **({"review": c.review.value if c.review else None} if c.quarter else {}),
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


def report_status(sent: date | None, deadline: date, today: date) -> ReportStatus:
    if sent is not None:
        return ReportStatus.ON_TIME if sent <= deadline else ReportStatus.LATE
    return ReportStatus.NOT_DUE if today <= deadline else ReportStatus.MISSING


def first_sent(
    year: int, quarter: int, receipts: list[Receipt]
) -> tuple[Receipt, date, str] | None:
    """The receipt that first reported ``quarter`` (0: the 实施方案), with its sending day
    and note: a file for a later quarter carries the earlier ones too, and a file sent
    before a quarter ended does not report that quarter."""
    found = []
    for receipt in receipts:
        sent, note = receipt.sent(year)
        if quarter == 0:
            if receipt.plan_document:
                found.append((sent, receipt.imported, receipt, note))
        elif receipt.quarter >= quarter and sent >= quarter_period(year, quarter).end:
            found.append((sent, receipt.imported, receipt, note))
    if not found:
        return None
    sent, _, receipt, note = min(found, key=lambda item: item[:2])
    return receipt, sent, note


def build_completeness(
    year: int,
    units: list[tuple[str, str]],
    receipts: dict[str, list[Receipt]],
    *,
    deadline_days: int,
    today: date,
    reviews: dict[tuple[str, int], ReviewState] | None = None,
) -> Completeness:
    """The matrix for ``units`` ((code, name) in plan order), from each unit's receipts;
    a receipt counts from its import day on (a matrix "as of" an earlier day ignores it).
    ``reviews[code, quarter]``: the review state shown beside a received quarter."""
    rows = []
    for code, name in units:
        known = [r for r in receipts.get(code, []) if r.imported <= today]
        cells = []
        for quarter in range(5):
            deadline = (
                date(year, *PLAN_DOCUMENT_DEADLINE)
                if quarter == 0
                else report_deadline(year, quarter, days_after=deadline_days)
            )
            first = first_sent(year, quarter, known)
            if first is None:
                cells.append(
                    ReportCell(quarter, deadline, None, report_status(None, deadline, today))
                )
                continue
            receipt, sent, note = first
            status = report_status(sent, deadline, today)
            review = (reviews or {}).get((code, quarter)) if quarter else None
            cells.append(
                ReportCell(quarter, deadline, sent, status, receipt.imported, note, review)
            )
        rows.append(UnitCompleteness(code, name, cells[0], tuple(cells[1:])))
    return Completeness(year, today, deadline_days, tuple(rows))
