"""Review (审核, PRODUCT §7a): the city accepts a unit's quarter or sends it back with
comments; the decision travels back in a reply file, and a corrected submission reopens it.

A decision is never edited: a change is a new decision, so the decisions are their own log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from jzdesk.errors import KnownError

MAX_COMMENT = 2000  # characters of one comment: a paragraph, not a document
MAX_RECORD_COMMENTS = 500  # per decision
_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_RECORD_ID = re.compile(r"[0-9A-Za-z-]{1,64}")


class Decision(str, Enum):
    ACCEPTED = "accepted"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return "通过" if self is Decision.ACCEPTED else "退回"


class ReviewState(str, Enum):
    """Where a unit's quarter stands in the review."""

    NOT_RECEIVED = "not_received"  # nothing of the quarter has arrived yet
    PENDING = "pending"  # arrived (or sent again after a decision), waiting for the city
    ACCEPTED = "accepted"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    ReviewState.NOT_RECEIVED: "未报送",
    ReviewState.PENDING: "待审核",
    ReviewState.ACCEPTED: "已通过",
    ReviewState.RETURNED: "已退回",
}


@dataclass(frozen=True)
class ReviewDecision:
    """One decision on one unit's quarter, with its comments on single records."""

    uid: str
    unit_code: str
    year: int
    quarter: int
    decision: Decision
    comment: str
    decided_at: str  # ISO time, UTC
    decided_by: str
    record_comments: dict[str, str] = field(default_factory=dict)  # record id → comment

    def summary(self) -> str:
        """One line for the log, e.g. ``2021-04-20 王五 退回：请补充照片``."""
        said = f"：{self.comment}" if self.comment else ""
        notes = f"（{len(self.record_comments)} 条记录有意见）" if self.record_comments else ""
        return f"{self.decided_at[:10]} {self.decided_by} {self.decision.label}{said}{notes}"


@dataclass(frozen=True)
class QuarterReview:
    """A unit's quarter as the review sees it: its state and the decision behind it."""

    unit_code: str
    unit_name: str
    year: int
    quarter: int
    state: ReviewState
    latest: ReviewDecision | None  # the last decision (also when a new file reopened it)
    changed_since: int = 0  # records of the quarter changed by files after that decision
    reopened: str = ""  # why a decided quarter waits again, e.g. 退回后重新报送，改动 2 条

    def text(self) -> str:
        """The state in words, with what reopened it, e.g. ``待审核（退回后重新报送，改动 2 条）``."""
        return f"{self.state.label}（{self.reopened}）" if self.reopened else self.state.label


def check_decision(decision: ReviewDecision) -> None:
    """A decision the program can keep: a 退回 says why, every text has a sensible length.

    Raises:
        KnownError: naming what is wrong.
    """
    if not _UID.fullmatch(decision.uid):
        raise KnownError(f"审核意见的编号“{decision.uid[:40]}”无效")
    if not 1 <= decision.quarter <= 4 or not 2000 <= decision.year <= 2999:
        raise KnownError(f"审核意见的期间 {decision.year} 年第 {decision.quarter} 季度无效")
    if decision.decision is Decision.RETURNED and not decision.comment.strip():
        raise KnownError("退回时请写明原因（季度意见）", field="comment")
    if len(decision.comment) > MAX_COMMENT:
        raise KnownError(f"季度意见太长（最多 {MAX_COMMENT} 字）", field="comment")
    if len(decision.decided_by) > 100 or len(decision.unit_code) > 100:
        raise KnownError("审核人或单位代码太长")
    try:
        datetime.fromisoformat(decision.decided_at)
    except ValueError:
        raise KnownError(f"审核时间“{decision.decided_at[:40]}”无效") from None
    if len(decision.record_comments) > MAX_RECORD_COMMENTS:
        raise KnownError(f"一次审核最多对 {MAX_RECORD_COMMENTS} 条记录提意见")
    for record_id, comment in decision.record_comments.items():
        if not _RECORD_ID.fullmatch(record_id):
            raise KnownError(f"记录编号“{record_id[:40]}”无效")
        if not comment.strip() or len(comment) > MAX_COMMENT:
            raise KnownError(
                f"记录 {record_id[:8]} 的意见应为 1–{MAX_COMMENT} 字", field="record_comment"
            )
