"""The rule a record's stored values obey wherever they come from (the form, the command line,
a filled sheet, a submission file): ids, dates, times and texts.

Python checks it here. The SQL run over a received submission file is generated from the
same definitions (io/submission_checks.py), and a hypothesis test over hostile strings holds
the two equal (tests/domain/test_record_rules.py), so that a value the form refuses cannot
arrive through a file either, and is refused with the same message.
"""

from __future__ import annotations

import re
from datetime import date

MAX_TEXT = 2000  # the form's texts: title, venue, presenter, notes
MAX_NAME = 200  # who entered a record
MAX_LINK = 500  # a media item's link

TEXT_LABELS = {
    "title": "活动名称（内容）",
    "venue": "活动地点（服务对象）",
    "presenter": "主讲人/演出团队",
    "notes": "备注",
    "entered_by": "录入人",
    "link": "媒体链接",
}
TEXT_LIMITS = {
    "title": MAX_TEXT,
    "venue": MAX_TEXT,
    "presenter": MAX_TEXT,
    "notes": MAX_TEXT,
    "entered_by": MAX_NAME,
    "link": MAX_LINK,
}

# Shapes of fixed-form values: 'h' is a lower-case hexadecimal digit, 'd' a decimal digit,
# any other character stands for itself.
ID_SHAPE = "hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh"
DATE_SHAPE = "dddd-dd-dd"
# Times as installation.now_iso writes them (UTC with its offset), or without an offset.
TIMESTAMP_SHAPES = ("dddd-dd-ddTdd:dd:dd+dd:dd", "dddd-dd-ddTdd:dd:dd-dd:dd", "dddd-dd-ddTdd:dd:dd")
SHAPE_CLASSES = {"h": "0-9a-f", "d": "0-9"}

# What no stored text may hold: control characters (NUL and line breaks included), the
# halves of surrogate pairs, and U+FFFE/U+FFFF (no XML file, so no sheet, may hold them).
CONTROL_RANGES = ((0x00, 0x1F), (0x7F, 0x9F), (0xD800, 0xDFFF), (0xFFFE, 0xFFFF))

# A record edited a million times is not a record: a revision past this was forged, and
# would make the unit's later genuine edits look older than it.
MAX_REVISION = 1_000_000

ID_MESSAGE = "记录编号无效"
TIMESTAMP_MESSAGE = "录入或修改时间无效"


def _shape_regex(shape: str) -> str:
    return "".join(f"[{SHAPE_CLASSES[c]}]" if c in SHAPE_CLASSES else re.escape(c) for c in shape)


_ID = re.compile(_shape_regex(ID_SHAPE))
_DATE = re.compile(_shape_regex(DATE_SHAPE))
_TIMESTAMP = re.compile("|".join(f"(?:{_shape_regex(s)})" for s in TIMESTAMP_SHAPES))
_CONTROL = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in CONTROL_RANGES) + "]")


def is_record_id(text: str) -> bool:
    """A record's id: a UUID in lower case (str(uuid.uuid4()))."""
    return _ID.fullmatch(text) is not None


def is_real_date(text: str) -> bool:
    """YYYY-MM-DD naming a day of the calendar (not 2021-02-30)."""
    if _DATE.fullmatch(text) is None:
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def is_timestamp(text: str) -> bool:
    """A time a record was entered or changed: a real day, hours 00–23, minutes and seconds
    00–59, and optionally an offset from UTC."""
    if _TIMESTAMP.fullmatch(text) is None or not is_real_date(text[:10]):
        return False
    hours, minutes, seconds = text[11:13], text[14:16], text[17:19]
    return hours <= "23" and minutes <= "59" and seconds <= "59"


def revision_problem(revision: int) -> str | None:
    """What is wrong with a unit's revision number of a record, or None."""
    if 1 <= revision <= MAX_REVISION:
        return None
    return f"版本号 {revision} 不可能（应在 1–{MAX_REVISION} 之间），文件可能被改动过"


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def without_control(text: str) -> str:
    return _CONTROL.sub("", text)


def control_message(field: str) -> str:
    return f"{TEXT_LABELS[field]}中有换行或控制字符"


def too_long_message(field: str) -> str:
    return f"{TEXT_LABELS[field]}太长（超过 {TEXT_LIMITS[field]} 个字）"


def text_problem(field: str, text: str) -> str | None:
    """What is wrong with ``text`` as the value of the text field ``field`` (a key of
    TEXT_LIMITS), or None. Line breaks count as control characters: every path cleans
    a text it takes from a person (records.clean_text) before this rule is applied."""
    if has_control(text):
        return control_message(field)
    if len(text) > TEXT_LIMITS[field]:
        return too_long_message(field)
    return None
