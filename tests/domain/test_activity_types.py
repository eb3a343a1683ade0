import pytest

from jzdesk.domain.activity_types import ActivityType, parse_activity_type
from jzdesk.errors import KnownError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("送文艺", ActivityType.ART),
        ("文艺", ActivityType.ART),
        ("art", ActivityType.ART),
        ("ART", ActivityType.ART),
        ("文艺演出", ActivityType.ART),
        ("送电影", ActivityType.FILM),
        ("电影", ActivityType.FILM),
        ("film", ActivityType.FILM),
        ("电影放映", ActivityType.FILM),
        ("送书画", ActivityType.CALLIGRAPHY),
        ("书画", ActivityType.CALLIGRAPHY),
        ("calligraphy", ActivityType.CALLIGRAPHY),
        ("送培训", ActivityType.TRAINING),
        ("培训", ActivityType.TRAINING),
        ("培训班", ActivityType.TRAINING),
        ("training", ActivityType.TRAINING),
        ("送讲座", ActivityType.LECTURE),
        ("讲座", ActivityType.LECTURE),
        ("lecture", ActivityType.LECTURE),
        (" 送 讲座 ", ActivityType.LECTURE),
        ("ｆｉｌｍ", ActivityType.FILM),
    ],
)
def test_every_documented_name_is_understood(text, expected):
    assert parse_activity_type(text) is expected


def test_labels_match_the_sheet_columns():
    assert [kind.label for kind in ActivityType] == [
        "送文艺",
        "送电影",
        "送书画",
        "送培训",
        "送讲座",
    ]


@pytest.mark.parametrize("text", ["", "送歌", "movie", "6"])
def test_unknown_type_is_rejected_in_chinese_naming_the_field(text):
    with pytest.raises(KnownError) as caught:
        parse_activity_type(text)
    assert caught.value.field == "type"
    assert "活动类型" in caught.value.message
