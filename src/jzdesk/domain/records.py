"""An activity record (one row of the statistics sheet) and the rules its fields obey."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import Period
from jzdesk.domain.record_rules import text_problem, without_control
from jzdesk.errors import KnownError

VENUE_CATEGORIES = (
    "厂矿企业",
    "基层社区",
    "重点工程及建设项目工地",
    "偏远农村",
    "车间/班组",
    "其他",
)
DELIVERIES = ("购买服务", "志愿服务", "自办")
MEDIA_CHANNELS = ("报纸", "电视", "广播", "网络", "微博微信", "APP")

# A record's columns, in this order wherever it is stored or sent: the fields (as
# RecordFields holds them, media apart), then the wire shape of a submission file's records
# (identity and bookkeeping added, media as JSON).
FIELD_COLUMNS = (
    "unit_code",
    "date",
    "type",
    "sessions",
    "title",
    "venue",
    "venue_category",
    "audience",
    "delivery",
    "presenter",
    "demonstration",
    "original",
    "logo_shown",
    "notes",
)
RECORD_COLUMNS = (
    "id",
    *FIELD_COLUMNS,
    "entered_by",
    "revision",
    "base_revision",
    "created_at",
    "updated_at",
    "deleted",
    "media",
)

# Chinese names of the fields, for messages that must name the field.
FIELD_LABELS = {
    "unit_code": "填报单位",
    "date": "活动日期",
    "activity_type": "活动类型",
    "sessions": "场次",
    "title": "活动名称（内容）",
    "venue": "活动地点（服务对象）",
    "venue_category": "场所类别",
    "audience": "受益职工（人次）",
    "delivery": "组织方式",
    "presenter": "主讲人/演出团队",
    "media": "媒体宣传",
    "notes": "备注",
}

# Far above any real event, far below what would overflow a sum over a million records.
MAX_SESSIONS = 1000
MAX_AUDIENCE = 1_000_000


@dataclass(frozen=True)
class MediaItem:
    """One report of the event in the media: a channel and, where there is one, a link."""

    channel: str
    link: str = ""


@dataclass(frozen=True)
class RecordFields:
    """What the clerk enters for one activity."""

    unit_code: str
    date: date
    activity_type: ActivityType
    sessions: int = 1
    title: str = ""
    venue: str = ""
    venue_category: str = ""
    audience: int = 0
    delivery: str = ""
    presenter: str = ""
    demonstration: bool = False
    original: bool = False
    logo_shown: bool = False
    media: tuple[MediaItem, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class ActivityRecord:
    """A stored record: the fields plus identity, revision and bookkeeping."""

    id: str
    fields: RecordFields
    unit_name: str
    entered_by: str
    revision: int
    base_revision: int
    created_at: str
    updated_at: str
    deleted: bool = False
    sample: bool = False


def fields_json(fields: RecordFields) -> dict:
    """The fields as plain JSON values, keyed as in ``events --json``."""
    return {
        "unit": fields.unit_code,
        "date": fields.date.isoformat(),
        "type": fields.activity_type.value,
        "sessions": fields.sessions,
        "title": fields.title,
        "venue": fields.venue,
        "venue_category": fields.venue_category,
        "audience": fields.audience,
        "delivery": fields.delivery,
        "presenter": fields.presenter,
        "demonstration": fields.demonstration,
        "original": fields.original,
        "logo_shown": fields.logo_shown,
        "media": [{"channel": item.channel, "link": item.link} for item in fields.media],
        "notes": fields.notes,
    }


# A record's user-visible state (state_of / fields_json) named for people, in form order.
STATE_LABELS = {
    "date": FIELD_LABELS["date"],
    "type": FIELD_LABELS["activity_type"],
    "sessions": FIELD_LABELS["sessions"],
    "title": FIELD_LABELS["title"],
    "venue": FIELD_LABELS["venue"],
    "venue_category": FIELD_LABELS["venue_category"],
    "audience": FIELD_LABELS["audience"],
    "delivery": FIELD_LABELS["delivery"],
    "presenter": FIELD_LABELS["presenter"],
    "demonstration": "示范性活动",
    "original": "职工原创",
    "logo_shown": "展示活动标识",
    "media": FIELD_LABELS["media"],
    "notes": FIELD_LABELS["notes"],
    "deleted": "已删除",
}


def state_text(key: str, value) -> str:
    """One value of a record's state as a person reads it (是/否, 送文艺, …)."""
    if key == "type" and value:
        return ActivityType(value).label
    if isinstance(value, bool):
        return "是" if value else "否"
    if key == "media":
        return "；".join(f"{m['channel']} {m['link']}".strip() for m in value or ())
    return "" if value is None else str(value)


def fields_from_json(state: dict) -> RecordFields:
    """The inverse of fields_json (a conflict's or a snapshot's stored state)."""
    return RecordFields(
        unit_code=state["unit"],
        date=date.fromisoformat(state["date"]),
        activity_type=ActivityType(state["type"]),
        sessions=state["sessions"],
        title=state["title"],
        venue=state["venue"],
        venue_category=state["venue_category"],
        audience=state["audience"],
        delivery=state["delivery"],
        presenter=state["presenter"],
        demonstration=bool(state["demonstration"]),
        original=bool(state["original"]),
        logo_shown=bool(state["logo_shown"]),
        media=tuple(MediaItem(m["channel"], m["link"]) for m in state["media"]),
        notes=state["notes"],
    )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field, said in Chinese."""

    field: str
    message: str


def check_fields(fields: RecordFields) -> list[Problem]:
    """Every rule a record's fields break (empty when the record may be saved)."""
    problems = []
    if not isinstance(fields.sessions, int) or fields.sessions < 1:
        problems.append(Problem("sessions", f"场次必须是不小于 1 的整数，现在是 {fields.sessions}"))
    elif fields.sessions > MAX_SESSIONS:
        problems.append(
            Problem(
                "sessions",
                f"一条记录的场次不能超过 {MAX_SESSIONS}，现在是 "
                f"{fields.sessions}；请检查是否多输了数字",
            )
        )
    if not isinstance(fields.audience, int) or fields.audience < 0:
        problems.append(
            Problem("audience", f"受益职工（人次）不能为负数，现在是 {fields.audience}")
        )
    elif fields.audience > MAX_AUDIENCE:
        problems.append(
            Problem(
                "audience",
                f"一条记录的受益职工不能超过 {MAX_AUDIENCE} 人次，现在是 {fields.audience}",
            )
        )
    if not 2000 <= fields.date.year <= 2100:
        problems.append(Problem("date", f"活动日期 {fields.date.isoformat()} 不在合理的年份内"))
    if fields.venue_category and fields.venue_category not in VENUE_CATEGORIES:
        allowed = "、".join(VENUE_CATEGORIES)
        problems.append(
            Problem("venue_category", f"场所类别“{fields.venue_category}”应为 {allowed} 之一")
        )
    if fields.delivery and fields.delivery not in DELIVERIES:
        allowed = "、".join(DELIVERIES)
        problems.append(Problem("delivery", f"组织方式“{fields.delivery}”应为 {allowed} 之一"))
    for item in fields.media:
        if item.channel not in MEDIA_CHANNELS:
            allowed = "、".join(MEDIA_CHANNELS)
            problems.append(Problem("media", f"媒体类别“{item.channel}”应为 {allowed} 之一"))
    for name in ("title", "venue", "presenter", "notes"):
        problem = text_problem(name, getattr(fields, name))
        if problem:
            problems.append(Problem(name, problem))
    for problem in filter(None, (text_problem("link", item.link) for item in fields.media)):
        problems.append(Problem("media", problem))
    return problems


def require_valid(fields: RecordFields) -> None:
    """Raise the first problem of ``fields`` as a KnownError naming its field."""
    problems = check_fields(fields)
    if problems:
        first = problems[0]
        raise KnownError(first.message, field=first.field)


@dataclass(frozen=True)
class RecordFilter:
    """Which records a list shows; None means "any" for each criterion."""

    unit_codes: tuple[str, ...] | None = None
    period: Period | None = None
    types: frozenset[ActivityType] | None = None
    demonstration: bool | None = None
    has_photos: bool | None = None
    text: str = ""
    deleted: bool = False  # True lists the recycle bin instead of the live records


# What a list can be sorted by: the sheet's column keys plus the unit.
SORT_KEYS = (
    "number",
    "date",
    "unit",
    "title",
    "venue",
    *(k.value for k in ActivityType),
    "audience",
    "demonstration",
    "notes",
)


def _similar(a: str, b: str) -> bool:
    """Two clerk-typed names of the same thing: equal, one inside the other, or nearly so."""
    from difflib import SequenceMatcher

    from jzdesk.domain.text import normalize

    a, b = normalize(a), normalize(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.75


def is_likely_duplicate(new: RecordFields, old: RecordFields) -> bool:
    """Same unit, date and type, and a similar venue or title (or neither has either).

    Two clerks of one unit often enter the same event twice, or an event is entered once
    by hand and again from a sheet; this is the check the form runs before saving.
    """
    if (new.unit_code, new.date, new.activity_type) != (old.unit_code, old.date, old.activity_type):
        return False
    if not (new.title or new.venue or old.title or old.venue):
        return True
    return _similar(new.venue, old.venue) or _similar(new.title, old.title)


_LINE_BREAKS = re.compile(r"\s*[\r\n\t]+\s*")


def is_joint_event(a: RecordFields, b: RecordFields) -> bool:
    """Two units' records of one event held together (a joint event counted twice): the
    same date and type and a similar venue or title."""
    if a.unit_code == b.unit_code or (a.date, a.activity_type) != (b.date, b.activity_type):
        return False
    return _similar(a.venue, b.venue) or _similar(a.title, b.title)


def clean_text(text: str) -> str:
    """One line of text as it should be stored: no control characters, no line breaks.

    Pasted text brings tabs, newlines and terminal escapes along; they would break the
    sheet's cells and the command line's columns, and show as boxes in the window.
    """
    return without_control(_LINE_BREAKS.sub(" ", text)).strip()


def cleaned(fields: RecordFields) -> RecordFields:
    """``fields`` with every text field passed through clean_text."""
    return replace(
        fields,
        title=clean_text(fields.title),
        venue=clean_text(fields.venue),
        presenter=clean_text(fields.presenter),
        notes=clean_text(fields.notes),
        media=tuple(MediaItem(item.channel, clean_text(item.link)) for item in fields.media),
    )
