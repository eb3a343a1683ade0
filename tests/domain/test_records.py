from datetime import date

import pytest

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import MediaItem, RecordFields, check_fields, require_valid
from jzdesk.errors import KnownError


def fields(**changes) -> RecordFields:
    base = {"unit_code": "qinyang", "date": date(2021, 3, 5), "activity_type": ActivityType.ART}
    return RecordFields(**{**base, **changes})


def test_a_plain_record_is_valid():
    assert (
        check_fields(
            fields(
                sessions=2,
                audience=300,
                venue_category="厂矿企业",
                delivery="志愿服务",
                media=(MediaItem("报纸", ""),),
            )
        )
        == []
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sessions": 0}, "sessions"),
        ({"sessions": -1}, "sessions"),
        ({"audience": -1}, "audience"),
        ({"venue_category": "学校"}, "venue_category"),
        ({"delivery": "外包"}, "delivery"),
        ({"media": (MediaItem("杂志"),)}, "media"),
        ({"title": "长" * 2001}, "title"),
        ({"date": date(1999, 1, 1)}, "date"),
    ],
)
def test_each_broken_rule_names_its_field(changes, field):
    problems = check_fields(fields(**changes))
    assert [p.field for p in problems] == [field]
    with pytest.raises(KnownError) as caught:
        require_valid(fields(**changes))
    assert caught.value.field == field
