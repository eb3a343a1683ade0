"""The five kinds of activity (五送), their Chinese names and the words people use for them."""

from __future__ import annotations

from enum import Enum

from jzdesk.domain.text import normalize
from jzdesk.errors import KnownError


class ActivityType(str, Enum):
    """One of the five kinds of activity; the value is the code stored and exported."""

    ART = "art"
    FILM = "film"
    CALLIGRAPHY = "calligraphy"
    TRAINING = "training"
    LECTURE = "lecture"

    @property
    def label(self) -> str:
        """The sheet's column name, e.g. 送文艺."""
        return _LABELS[self]

    @property
    def colour(self) -> str:
        """The type's colour, the same in every button, chart and export."""
        return _COLOURS[self]

    @property
    def short_label(self) -> str:
        """The label without 送, e.g. 文艺."""
        return _LABELS[self][1:]


_LABELS = {
    ActivityType.ART: "送文艺",
    ActivityType.FILM: "送电影",
    ActivityType.CALLIGRAPHY: "送书画",
    ActivityType.TRAINING: "送培训",
    ActivityType.LECTURE: "送讲座",
}

_COLOURS = {
    ActivityType.ART: "#d84b3c",
    ActivityType.FILM: "#3f7fc1",
    ActivityType.CALLIGRAPHY: "#8a6d3b",
    ActivityType.TRAINING: "#3c9a5f",
    ActivityType.LECTURE: "#8e5bb5",
}

# Words seen on hand-filled sheets and typed at the command line, beyond the label,
# the short label and the code. Keys are compared after normalize() and casefold().
_EXTRA_ALIASES = {
    ActivityType.ART: ("文艺演出", "演出", "文艺汇演", "示范性文艺演出"),
    ActivityType.FILM: ("电影放映", "放电影", "放映", "电影大篷车", "示范性送电影"),
    ActivityType.CALLIGRAPHY: ("书画", "书法", "书法绘画", "书画展"),
    ActivityType.TRAINING: ("培训班", "技能培训", "培训"),
    ActivityType.LECTURE: ("讲座", "宣讲", "知识讲座", "理论宣讲"),
}


def _alias_table() -> dict[str, ActivityType]:
    table: dict[str, ActivityType] = {}
    for kind in ActivityType:
        words = (kind.value, kind.label, kind.short_label, *_EXTRA_ALIASES[kind])
        for word in words:
            table[normalize(word).casefold()] = kind
    return table


_ALIASES = _alias_table()


def parse_activity_type(text: str) -> ActivityType:
    """Read a type from any of its names (送文艺, 文艺, art, 文艺演出, …).

    Raises:
        KnownError: the text names none of the five types.
    """
    kind = _ALIASES.get(normalize(text).casefold())
    if kind is None:
        names = "、".join(k.label for k in ActivityType)
        raise KnownError(f"活动类型“{text}”无法识别，应为 {names} 之一", field="type")
    return kind
