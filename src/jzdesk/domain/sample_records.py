"""Synthetic but realistic records for training, trying the program and benchmarks.

Shaped like the real campaign: each unit's share follows its quota, performances and
films dominate, activity swells from spring to autumn, and titles, venues and audiences
read like what clerks write. Every generated record is marked ``sample``.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.plans import PLAN_2021
from jzdesk.domain.records import DELIVERIES, VENUE_CATEGORIES

SAMPLE_ENTERED_BY = "示例数据"

_TYPE_WEIGHTS = {
    ActivityType.ART: 30,
    ActivityType.FILM: 25,
    ActivityType.CALLIGRAPHY: 10,
    ActivityType.TRAINING: 20,
    ActivityType.LECTURE: 15,
}
# Relative activity per month: slow in winter and at Spring Festival, busy before 1 July.
_MONTH_WEIGHTS = (3, 4, 8, 10, 11, 14, 10, 8, 10, 9, 8, 5)

_TITLES = {
    ActivityType.ART: (
        "“中国梦·劳动美·工会情”文艺演出",
        "庆祝建党100周年职工文艺汇演",
        "送戏下基层豫剧专场",
        "快板小品进工地",
        "“唱响主旋律”职工歌咏会",
    ),
    ActivityType.FILM: (
        "红色经典电影展映《建党伟业》",
        "电影大篷车进社区",
        "爱国主义影片包场放映",
        "《我和我的祖国》职工专场",
        "送电影进厂矿",
    ),
    ActivityType.CALLIGRAPHY: (
        "书画名家进企业现场挥毫",
        "“翰墨颂党恩”书画展",
        "送春联送福字",
        "职工书法培训与创作交流",
    ),
    ActivityType.TRAINING: (
        "职工技能提升培训班",
        "安全生产知识培训",
        "电工技能培训",
        "工会干部业务培训",
        "职工心理健康培训",
    ),
    ActivityType.LECTURE: (
        "党史学习教育专题讲座",
        "劳模工匠宣讲会",
        "职工健康知识讲座",
        "法律知识进企业讲座",
        "形势政策宣讲",
    ),
}
_PLACES = (
    "焦作煤业集团",
    "中原内配",
    "多氟多化工",
    "风神轮胎",
    "焦作万方",
    "蒙牛乳业焦作工厂",
    "月山镇",
    "西向镇",
    "詹店镇",
    "嘉应观乡",
    "王召乡",
    "大封镇",
    "焦东路街道",
    "解放中路社区",
    "南水北调焦作段工地",
    "焦作火车站",
    "焦作市第一中学",
    "市人民医院",
    "焦作大学",
    "太行路建设项目工地",
)
_DEMO_SHARE = {ActivityType.ART: 0.6, ActivityType.FILM: 0.5}
_AUDIENCE = {
    ActivityType.ART: (150, 800),
    ActivityType.FILM: (60, 300),
    ActivityType.CALLIGRAPHY: (30, 150),
    ActivityType.TRAINING: (20, 120),
    ActivityType.LECTURE: (40, 200),
}


def sample_rows(
    count: int, *, year: int = 2021, seed: int | None = None, now: str
) -> Iterator[tuple]:
    """``count`` records as rows for store.records.insert_many; the same for the same seed."""
    rng = random.Random(seed)
    plan_units = [entry.unit_code for entry in PLAN_2021]
    # The city itself has no quota but runs its minimums: weight it like a county.
    unit_weights = [entry.quota or 50 for entry in PLAN_2021]
    kinds, kind_weights = list(_TYPE_WEIGHTS), list(_TYPE_WEIGHTS.values())
    day_weights = _day_weights(year)
    days = [date(year, 1, 1) + timedelta(days=n) for n in range(len(day_weights))]
    unit_picks = rng.choices(plan_units, unit_weights, k=count)
    kind_picks = rng.choices(kinds, kind_weights, k=count)
    day_picks = rng.choices(days, day_weights, k=count)
    for unit_code, kind, day in zip(unit_picks, kind_picks, day_picks, strict=True):
        place = rng.choice(_PLACES)
        low, high = _AUDIENCE[kind]
        # Demonstration events are the showcase performances and films the minimums count.
        demonstration = kind in _DEMO_SHARE and rng.random() < _DEMO_SHARE[kind]
        yield (
            unit_code,
            day.isoformat(),
            kind.value,
            1 if rng.random() < 0.9 else rng.randint(2, 4),
            rng.choice(_TITLES[kind]),
            place,
            rng.choice(VENUE_CATEGORIES),
            rng.randint(low, high),
            rng.choice(DELIVERIES),
            "",
            int(demonstration),
            int(rng.random() < 0.1),
            int(rng.random() < 0.8),
            "",
            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            SAMPLE_ENTERED_BY,
            1,
            1,
            0,
            now,
            now,
        )


def _day_weights(year: int) -> list[int]:
    first = date(year, 1, 1)
    length = (date(year + 1, 1, 1) - first).days
    return [_MONTH_WEIGHTS[(first + timedelta(days=n)).month - 1] for n in range(length)]
