"""The rules every record of a received submission file must meet, as SQL over the file's
own tables (run on its private copy, never on the city's database)."""

from __future__ import annotations

from jzdesk.domain import record_rules as validity
from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.record_rules import MAX_TEXT
from jzdesk.domain.records import (
    DELIVERIES,
    MAX_AUDIENCE,
    MAX_SESSIONS,
    MEDIA_CHANNELS,
    VENUE_CATEGORIES,
)
from jzdesk.errors import KnownError
from jzdesk.io.submission_reader import ReceivedSubmission


def _sql_in(values) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


# -- domain/record_rules.py in SQL (held equal to it by tests/domain/test_record_rules.py)


def shape_sql(value: str, shapes: tuple[str, ...]) -> str:
    """``value`` (an SQL expression) has one of the record_rules shapes. Its length is
    taken in bytes: SQLite's length() and GLOB stop at a NUL, bytes do not."""

    def one(shape: str) -> str:
        glob = "".join(
            f"[{validity.SHAPE_CLASSES[c]}]" if c in validity.SHAPE_CLASSES else c for c in shape
        )
        return f"(length(CAST({value} AS BLOB)) = {len(shape)} AND {value} GLOB '{glob}')"

    return "(" + " OR ".join(one(shape) for shape in shapes) + ")"


def _control_sql(value: str) -> list[str]:
    """Conditions that ``value`` holds no character of record_rules.CONTROL_RANGES."""
    conditions, ranges = [], []
    for low, high in validity.CONTROL_RANGES:
        if low == 0:  # GLOB cannot see a NUL (it ends the text for it); the bytes can
            conditions.append(f"instr(CAST({value} AS BLOB), x'00') = 0")
            low = 1
        if 0xD800 <= low <= 0xDFFF:
            continue  # not UTF-8: reading such a text fails, and the file is refused
        if low >= 0xFFFE:  # SQLite reads U+FFFE and U+FFFF as U+FFFD: look at the bytes
            conditions += [
                f"instr(CAST({value} AS BLOB), x'{chr(c).encode().hex()}') = 0"
                for c in range(low, high + 1)
            ]
            continue
        ranges.append(f"{chr(low)}-{chr(high)}")
    conditions.append(f"NOT {value} GLOB '*[{''.join(ranges)}]*'")
    return conditions


def clean_sql(value: str) -> str:
    """``value`` has no control character (record_rules.has_control is False)."""
    return " AND ".join(_control_sql(value))


def text_sql(field: str, value: str | None = None) -> str:
    """``value`` (the column ``field`` by default) breaks no text rule of record_rules."""
    value = value or field
    return f"{clean_sql(value)} AND length({value}) <= {validity.TEXT_LIMITS[field]}"


def timestamp_sql(value: str) -> str:
    """record_rules.is_timestamp in SQL."""
    day = f"substr({value}, 1, 10)"
    return (
        f"{shape_sql(value, validity.TIMESTAMP_SHAPES)} AND date({day}, '+0 days') IS {day} "
        f"AND substr({value}, 12, 2) <= '23' AND substr({value}, 15, 2) <= '59' "
        f"AND substr({value}, 18, 2) <= '59'"
    )


def record_rules(year: int) -> list[tuple[str, str]]:
    """(condition every record must meet, what it means when one does not); the unit
    rule, which needs the city's database, is _FAMILY_RULE."""
    flags = " AND ".join(
        f"{c} IN (0, 1)" for c in ("demonstration", "original", "logo_shown", "deleted")
    )
    link = "json_extract(j.value, '$[1]')"
    media = (
        "json_valid(media) AND json_type(media) = 'array' AND NOT EXISTS (SELECT 1 FROM "
        "json_each(media) j WHERE j.type <> 'array' OR json_array_length(j.value) <> 2 "
        f"OR json_extract(j.value, '$[0]') NOT IN ({_sql_in(MEDIA_CHANNELS)}) "
        f"OR json_type(j.value, '$[1]') <> 'text' OR NOT ({text_sql('link', link)}))"
    )
    texts = []
    for field in ("title", "venue", "presenter", "notes", "entered_by"):
        texts.append((clean_sql(field), validity.control_message(field)))
        texts.append(
            (f"length({field}) <= {validity.TEXT_LIMITS[field]}", validity.too_long_message(field))
        )
    return [
        (shape_sql("id", (validity.ID_SHAPE,)), validity.ID_MESSAGE),
        # '+0 days' makes SQLite normalise 02-30 to 03-02, so an impossible day differs.
        (
            f"{shape_sql('date', (validity.DATE_SHAPE,))} AND date(date, '+0 days') IS date "
            f"AND substr(date, 1, 4) = '{year}'",
            f"活动日期无效或不在 {year} 年",
        ),
        (f"type IN ({_sql_in(kind.value for kind in ActivityType)})", "活动类型无法识别"),
        (f"sessions BETWEEN 1 AND {MAX_SESSIONS}", f"场次不在 1–{MAX_SESSIONS} 之间"),
        (f"audience BETWEEN 0 AND {MAX_AUDIENCE}", f"受益职工不在 0–{MAX_AUDIENCE} 之间"),
        (f"venue_category IN ('', {_sql_in(VENUE_CATEGORIES)})", "场所类别无法识别"),
        (f"delivery IN ('', {_sql_in(DELIVERIES)})", "组织方式无法识别"),
        (flags, "是/否项的值无效"),
        (
            f"revision BETWEEN 1 AND {validity.MAX_REVISION} AND base_revision BETWEEN 0 AND revision - 1",
            "版本号无效",
        ),
        *texts,
        (
            f"{timestamp_sql('created_at')} AND {timestamp_sql('updated_at')}",
            validity.TIMESTAMP_MESSAGE,
        ),
        (media, "媒体宣传无效"),
    ]


_FAMILY_RULE = "记录不属于本单位（或其下属单位）"


def _manifest_year(package: ReceivedSubmission) -> int | None:
    try:
        return int(package.manifest["year"])
    except ValueError:
        return None  # _package_unit rejects the file


def broken_rows(package: ReceivedSubmission) -> dict[int, list[str]]:
    """Records that break a rule of record_rules, by rule (at most 20 records)."""
    year = _manifest_year(package)
    if year is None:
        return {}
    broken: dict[int, list[str]] = {}
    rules = record_rules(year)
    for record_id, rule in package.violations([condition for condition, _ in rules]):
        broken.setdefault(rule, []).append(record_id)
    return broken


def other_problems(package: ReceivedSubmission) -> list[str]:
    """What is wrong with the file's summaries, header, photos and documents."""
    problems = []
    conn, year = package.conn, _manifest_year(package)
    bad_summary = conn.execute(
        f"SELECT COUNT(*) FROM summaries WHERE year IS NOT ? OR quarter NOT BETWEEN 1 AND 4 "
        f"OR length(text) > {MAX_TEXT * 5}",
        [year],
    ).fetchone()[0]
    if bad_summary:
        problems.append("活动小结的年度或季度无效")
    bad_header = conn.execute(
        "SELECT COUNT(*) FROM header WHERE unit_code <> ? OR length(filler) > 100 "
        "OR length(phone) > 100",
        [package.manifest["unit_code"]],
    ).fetchone()[0]
    if bad_header:
        problems.append("填报人或联系电话无效")
    bad_photo = conn.execute(
        "SELECT COUNT(*) FROM photos p WHERE NOT EXISTS (SELECT 1 FROM records r "
        "WHERE r.id = p.record_id) OR width NOT BETWEEN 1 AND 8000 "
        "OR height NOT BETWEEN 1 AND 8000"
    ).fetchone()[0]
    if bad_photo:
        problems.append("照片无效")
    if conn.execute("SELECT COUNT(*) FROM documents WHERE kind <> 'plan'").fetchone()[0]:
        problems.append("附件无效")
    return problems


def reject_problems(
    package: ReceivedSubmission,
    broken: dict[int, list[str]],
    problems: list[str],
    family: list[str],
) -> None:
    """Refuse the file, naming the records, if any row breaks a rule (``broken``, see
    broken_rows), is not the unit's own (``family``: the unit and its subordinates), or if
    anything else is wrong with it (``problems``, see other_problems)."""
    rules = record_rules(_manifest_year(package) or 0)
    found = [f"{rules[rule][1]}：记录 {'、'.join(ids[:5])}" for rule, ids in sorted(broken.items())]
    strangers = package.violations([f"unit_code IN ({_sql_in(family)})"])
    if strangers:
        ids = "、".join(record_id for record_id, _ in strangers[:5])
        # In rule order: after invalid ids (rule 0), before the rest.
        found.insert(1 if 0 in broken else 0, f"{_FAMILY_RULE}：记录 {ids}")
    found += problems
    if found:
        raise KnownError(
            f"文件 {package.name} 有 {len(found)} 类问题，未导入：\n" + "\n".join(found)
        )
