"""Merging submission files at the city (PRODUCT §7): adds, newer revisions, deletions,
older files, conflicts, idempotence."""

from __future__ import annotations

from jzdesk.store import records
from jzdesk.usecases import completeness, conflicts, imports, ledger, photos, report_info, sheets

from .conftest import city_state, database_content


def import_one(city, path):
    [result] = imports.import_files(city, [path])
    return result


def test_first_file_adds_every_record_with_its_id_and_revision(make_unit, city):
    desk = make_unit()
    ids = [desk.add(title=f"演出{n}", venue=f"厂{n}", audience=10 * n) for n in range(5)]
    result = import_one(city, desk.export())
    assert (result.status, result.added, result.unit) == ("imported", 5, "qinyang")
    held = city_state(city)
    assert sorted(held) == sorted(ids)
    unit_copy = {i: records.state_of(records.get_record(desk.db, i)) for i in ids}
    assert {i: state for i, (state, _) in held.items()} == unit_copy


def test_media_and_summaries_and_header_travel(make_unit, city):
    from jzdesk.domain.records import MediaItem

    desk = make_unit()
    media = (MediaItem("报纸", "焦作日报"), MediaItem("网络", "https://example.cn/a"))
    record_id = desk.add(title="书画展", media=media)
    report_info.set_quarter_summary(desk.db, "qinyang", 2021, 1, "一季度开展了书画展。")
    import_one(city, desk.export())
    assert records.get_record(city, record_id).fields.media == media
    assert report_info.quarter_summary(city, "qinyang", 2021, 1) == "一季度开展了书画展。"
    assert report_info.header_fields(city, "qinyang") == {"filler": "张三", "phone": "13800000000"}


def test_a_newer_file_updates_deletes_and_adds(make_unit, city):
    desk = make_unit()
    kept, edited, dropped = desk.add(title="甲"), desk.add(title="乙"), desk.add(title="丙")
    import_one(city, desk.export())
    desk.edit(edited, title="乙（改）", audience=80)
    ledger.delete_record(desk.db, dropped)
    new = desk.add("2021-04-02", title="丁")
    result = import_one(city, desk.export("2021Q2"))
    assert (result.added, result.updated, result.deleted, result.unchanged) == (1, 2, 1, 1)
    assert records.get_record(city, edited).fields.title == "乙（改）"
    assert records.get_record(city, dropped).deleted
    assert records.get_record(city, new) is not None
    assert records.get_record(city, kept).revision == 1
    changes = {c["record_id"]: c for c in completeness.import_changes(city, result.import_id)}
    assert changes[edited]["change"] == "updated"
    assert (
        changes[edited]["before"]["title"] == "乙" and changes[edited]["now"]["title"] == "乙（改）"
    )
    assert changes[dropped]["change"] == "deleted"
    assert changes[new]["change"] == "added" and kept not in changes


def test_the_same_file_twice_changes_nothing(make_unit, city):
    desk = make_unit()
    desk.add(title="甲")
    path = desk.export()
    import_one(city, path)
    before = database_content(city)
    again = import_one(city, path)
    assert again.status == "unchanged" and "导入过" in again.reason
    assert database_content(city) == before


def test_an_older_file_after_a_newer_one_rolls_nothing_back(make_unit, city):
    desk = make_unit()
    record_id = desk.add(title="甲")
    old = desk.export()
    desk.edit(record_id, title="甲（改）")
    gone = desk.add(title="乙")
    ledger.delete_record(desk.db, gone)
    new = desk.export()
    import_one(city, new)
    result = import_one(city, old)
    assert (result.status, result.updated, result.unchanged) == ("unchanged", 0, 1)
    assert records.get_record(city, record_id).fields.title == "甲（改）"
    assert records.get_record(city, gone).deleted


def test_a_re_export_without_changes_is_logged_as_a_report_but_changes_no_record(make_unit, city):
    desk = make_unit()
    desk.add(title="甲")
    import_one(city, desk.export("2021Q1"))
    before = city_state(city)
    result = import_one(city, desk.export("2021Q2"))
    assert (result.status, result.unchanged) == ("unchanged", 1)
    assert city_state(city) == before
    assert [entry["period"] for entry in completeness.import_log(city)] == ["2021Q2", "2021Q1"]


def test_a_city_correction_and_a_unit_edit_are_a_conflict_the_city_settles(make_unit, city):
    desk = make_unit()
    record_id = desk.add(title="甲", audience=10)
    import_one(city, desk.export())
    city_record = records.get_record(city, record_id)
    from dataclasses import replace

    ledger.update_record(
        city, record_id, replace(city_record.fields, audience=99), revision=city_record.revision
    )
    desk.edit(record_id, title="甲（单位改）")
    desk.edit(record_id, venue="二厂")  # the unit is two revisions on
    desk.add(title="乙")
    path = desk.export()
    result = import_one(city, path)
    # Each record of the file in exactly one count: 乙 added, 甲 a conflict (not "held").
    assert (result.status, result.added, result.conflicts, result.updated, result.unchanged) == (
        "imported",
        1,
        1,
        0,
        0,
    )
    assert "与本机保存的版本冲突" in result.reason
    assert records.get_record(city, record_id).fields.audience == 99  # nothing overwritten
    [conflict] = conflicts.open_conflicts(city)
    assert conflict["ours"]["audience"] == 99 and conflict["theirs"]["title"] == "甲（单位改）"

    assert import_one(city, path).status == "unchanged"  # the same file: no second conflict
    assert len(conflicts.open_conflicts(city)) == 1

    conflicts.resolve_conflict(city, conflict["id"], "theirs")
    assert conflicts.open_conflicts(city) == []
    taken = records.get_record(city, record_id).fields
    assert (taken.title, taken.venue, taken.audience) == ("甲（单位改）", "二厂", 10)
    history = ledger.record_history(city, record_id)
    assert {h["state"]["audience"] for h in history} >= {10, 99}

    desk.edit(record_id, notes="再改")  # after "theirs" the unit's next edit just updates
    result = import_one(city, desk.export())
    assert (result.updated, result.conflicts) == (1, 0)


def test_keeping_our_version_survives_the_same_file_and_flags_the_next_unit_edit(make_unit, city):
    desk = make_unit()
    record_id = desk.add(title="甲")
    import_one(city, desk.export())
    held = records.get_record(city, record_id)
    from dataclasses import replace

    ledger.update_record(
        city, record_id, replace(held.fields, title="甲（市里改）"), revision=held.revision
    )
    desk.edit(record_id, title="甲（单位改）")
    first = desk.export()
    import_one(city, first)
    [conflict] = conflicts.open_conflicts(city)
    conflicts.resolve_conflict(city, conflict["id"], "ours")
    assert records.get_record(city, record_id).fields.title == "甲（市里改）"
    desk.add(title="新的")  # a new file (another hash) still carrying the old edit
    result = import_one(city, desk.export())
    assert (result.conflicts, records.get_record(city, record_id).fields.title) == (
        0,
        "甲（市里改）",
    )
    desk.edit(record_id, title="甲（单位又改）")
    assert import_one(city, desk.export()).conflicts == 1


def test_same_revision_with_other_content_is_a_conflict(make_unit, city):
    """Two installations of one unit (a reinstall) edit the same record: PRODUCT §7."""
    desk = make_unit()
    record_id = desk.add(title="甲")
    path = desk.export()
    other = make_unit()  # the same unit on another PC, started from the same file
    import_one(other.db, path)
    desk.edit(record_id, title="甲（一号机）")
    other_record = records.get_record(other.db, record_id)
    from dataclasses import replace

    ledger.update_record(
        other.db,
        record_id,
        replace(other_record.fields, title="甲（二号机）"),
        revision=other_record.revision,
    )
    import_one(city, desk.export())
    result = import_one(city, other.export())
    assert result.conflicts == 1
    assert records.get_record(city, record_id).fields.title == "甲（一号机）"
    assert conflicts.open_conflicts(city)[0]["theirs"]["title"] == "甲（二号机）"


def test_newest_file_decides_summaries_even_when_it_arrives_first(make_unit, city):
    desk = make_unit()
    report_info.set_quarter_summary(desk.db, "qinyang", 2021, 1, "初稿")
    old = desk.export()
    report_info.set_quarter_summary(desk.db, "qinyang", 2021, 1, "定稿")
    new = desk.export()
    import_one(city, new)
    import_one(city, old)
    assert report_info.quarter_summary(city, "qinyang", 2021, 1) == "定稿"


def test_photos_travel_when_asked(make_unit, city, tmp_path):
    from PIL import Image

    desk = make_unit()
    record_id = desk.add(title="有照片")
    picture = tmp_path / "photo.jpg"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(picture)
    photos.add_photos(desk.db, record_id, [picture])
    import_one(city, desk.export())
    assert photos.photo_thumbnails(city, record_id) == []
    desk.add(title="另一条")
    import_one(city, desk.export(photos=True))  # the photos come later
    assert len(photos.photo_thumbnails(city, record_id)) == 1
    other = make_unit("孟州")
    with_photo = other.add(title="孟州的照片")
    photos.add_photos(other.db, with_photo, [picture])
    import_one(city, other.export(photos=True))
    assert len(photos.photo_thumbnails(city, with_photo)) == 1
    assert photos.photo_image(city, photos.photo_thumbnails(city, with_photo)[0][0])


def test_the_sheet_code_is_shown_and_matches_the_units_paper(make_unit, city):
    from jzdesk.domain.periods import parse_period

    desk = make_unit()
    desk.add(title="甲", audience=30)
    unit_code = sheets.sheet_code(sheets.sheet_data(desk.db, desk.unit, parse_period("2021Q1")))
    result = import_one(city, desk.export())
    assert result.sheet_code == unit_code
    assert unit_code in result.reason and "纸质表" in result.reason
    assert completeness.check_sheet_code(city, result.import_id) == {
        "file": unit_code,
        "held": unit_code,
        "same": True,
    }
    record_id = city.execute("SELECT id FROM records").fetchone()[0]
    ledger.delete_record(city, record_id)  # the city changes what it holds
    assert completeness.check_sheet_code(city, result.import_id)["same"] is False


def test_a_joint_event_claimed_by_two_units_is_listed(make_unit, city):
    from jzdesk.domain.periods import parse_period

    qinyang, mengzhou = make_unit("沁阳"), make_unit("孟州")
    ours = qinyang.add("2021-03-05", title="送戏下乡", venue="焦作市人民公园")
    theirs = mengzhou.add("2021-03-05", title="文艺演出", venue="人民公园")
    mengzhou.add("2021-03-05", title="电工培训", venue="孟州电厂")  # same day, other event
    qinyang.add("2021-03-06", title="送戏下乡", venue="焦作市人民公园")  # another day
    import_one(city, qinyang.export())
    import_one(city, mengzhou.export())
    pairs = conflicts.joint_duplicates(city, parse_period("2021"))
    assert [{a.id, b.id} for a, b in pairs] == [{ours, theirs}]


def test_a_filled_sheet_counts_as_a_report_and_lists_its_changes(make_unit, city, tmp_path):
    from jzdesk.domain.periods import parse_period

    desk = make_unit()
    record_id = desk.add("2021-05-06", title="讲座", audience=20)
    sheet = sheets.export_sheet_xlsx(
        desk.db, desk.unit, parse_period("2021Q2"), tmp_path / "q2.xlsx"
    )
    result = import_one(city, sheet)
    assert (result.status, result.period) == ("imported", "2021Q2")
    [entry] = completeness.import_log(city)
    assert (entry["kind"], entry["unit_code"], entry["quarter"]) == ("xlsx", "qinyang", 2)
    [change] = completeness.import_changes(city, result.import_id)
    assert (change["record_id"], change["change"], change["before"]) == (record_id, "added", None)
    desk.edit(record_id, audience=25)
    sheets.export_sheet_xlsx(desk.db, desk.unit, parse_period("2021Q2"), sheet)
    again = import_one(city, sheet)
    [change] = completeness.import_changes(city, again.import_id)
    assert (change["change"], change["before"]["audience"], change["now"]["audience"]) == (
        "updated",
        20,
        25,
    )


def test_a_conflict_overtaken_by_a_newer_file_closes_and_cannot_roll_back(make_unit, city):
    """Two PCs of one unit make revision 2 each (a conflict); PC A's revision 3 then
    arrives: the stale conflict closes, and choosing it is refused."""
    from dataclasses import replace

    a = make_unit()
    record_id = a.add(title="甲", audience=10)
    first = a.export()
    b = make_unit()
    import_one(b.db, first)
    a.edit(record_id, audience=91)
    held = records.get_record(b.db, record_id)
    ledger.update_record(b.db, record_id, replace(held.fields, audience=92), revision=held.revision)
    import_one(city, a.export())
    assert import_one(city, b.export()).conflicts == 1
    [conflict] = conflicts.open_conflicts(city)
    a.edit(record_id, audience=93)
    assert import_one(city, a.export()).updated == 1
    assert conflicts.open_conflicts(city) == []
    import pytest

    from jzdesk.errors import KnownError

    with pytest.raises(KnownError, match="没有待处理的冲突"):
        conflicts.resolve_conflict(city, conflict["id"], "theirs")
    assert records.get_record(city, record_id).fields.audience == 93


def test_a_decided_conflict_does_not_come_back_with_the_same_file_content(make_unit, city):
    from dataclasses import replace

    a = make_unit()
    record_id = a.add(title="甲")
    first = a.export()
    b = make_unit()
    import_one(b.db, first)
    a.edit(record_id, title="甲A")
    held = records.get_record(b.db, record_id)
    ledger.update_record(b.db, record_id, replace(held.fields, title="甲B"), revision=held.revision)
    import_one(city, a.export())
    import_one(city, b.export())
    [conflict] = conflicts.open_conflicts(city)
    conflicts.resolve_conflict(city, conflict["id"], "theirs")
    a.add(title="另一条")  # A's next file still carries its own revision 2
    result = import_one(city, a.export())
    assert (result.conflicts, conflicts.open_conflicts(city)) == (0, [])
    assert records.get_record(city, record_id).fields.title == "甲B"


def sheet_record_corrected_at_city(desk, city, tmp_path) -> str:
    """A record the unit sent on its Q1 sheet (audience 10), which the city then set to
    99 as its next revision; returns the record's id."""
    from dataclasses import replace

    from jzdesk.domain.periods import parse_period

    record_id = desk.add(title="甲", audience=10)
    sheet = sheets.export_sheet_xlsx(
        desk.db, desk.unit, parse_period("2021Q1"), tmp_path / "q1.xlsx"
    )
    import_one(city, sheet)
    held = records.get_record(city, record_id)
    ledger.update_record(city, record_id, replace(held.fields, audience=99), revision=held.revision)
    return record_id


def test_a_city_correction_of_a_sheet_imported_record_is_not_lost(make_unit, city, tmp_path):
    """Records that first came as a filled sheet are level with the unit too."""
    desk = make_unit()
    record_id = sheet_record_corrected_at_city(desk, city, tmp_path)
    desk.edit(record_id, title="甲（改）")
    desk.edit(record_id, venue="二厂")
    result = import_one(city, desk.export())
    assert (result.conflicts, records.get_record(city, record_id).fields.audience) == (1, 99)


def test_a_waiting_conflict_is_not_counted_again(make_unit, city):
    from dataclasses import replace

    desk = make_unit()
    record_id = desk.add(title="甲")
    import_one(city, desk.export())
    held = records.get_record(city, record_id)
    ledger.update_record(city, record_id, replace(held.fields, audience=5), revision=held.revision)
    desk.edit(record_id, audience=6)
    assert import_one(city, desk.export()).conflicts == 1
    again = import_one(city, desk.export())  # a new file (new sequence), nothing new in it
    assert (again.status, again.conflicts) == ("unchanged", 0)
    assert len(conflicts.open_conflicts(city)) == 1


def test_a_deletion_of_a_record_never_seen_adds_nothing(make_unit, city):
    desk = make_unit()
    kept = desk.add(title="甲")
    gone = desk.add(title="乙")
    ledger.delete_record(desk.db, gone)
    result = import_one(city, desk.export())
    assert (result.added, result.unchanged) == (1, 1)
    assert ledger.record_totals(city)["records"] == 1 and records.get_record(city, kept)


def test_a_photo_added_later_at_the_unit_reaches_the_city(make_unit, city, tmp_path):
    from PIL import Image

    desk = make_unit()
    record_id = desk.add(title="有照片")
    for n, colour in enumerate(((200, 30, 30), (30, 200, 30))):
        picture = tmp_path / f"p{n}.jpg"
        Image.new("RGB", (320, 240), colour).save(picture)
        photos.add_photos(desk.db, record_id, [picture])
        import_one(city, desk.export(photos=True))
        assert len(photos.photo_thumbnails(city, record_id)) == n + 1


def test_a_conflict_from_a_filled_sheet_waits_in_the_conflicts_list(make_unit, city, tmp_path):
    """The same revision edited at the unit and at the city, the unit's arriving as a
    sheet: both versions are kept, the city picks the sheet's, and the same sheet again
    does not raise it anew."""
    from jzdesk.domain.periods import parse_period

    desk = make_unit()
    record_id = sheet_record_corrected_at_city(desk, city, tmp_path)
    desk.edit(record_id, audience=25)
    second = sheets.export_sheet_xlsx(
        desk.db, desk.unit, parse_period("2021Q1"), tmp_path / "q1-again.xlsx"
    )
    result = import_one(city, second)
    assert result.conflicts == 1 and "两个版本都已保留" in result.reason
    [conflict] = conflicts.open_conflicts(city)
    assert (
        conflict["record_id"],
        conflict["ours"]["audience"],
        conflict["theirs"]["audience"],
    ) == (record_id, 99, 25)
    assert conflict["file_name"] == "q1-again.xlsx"
    conflicts.resolve_conflict(city, conflict["id"], "theirs")
    assert records.get_record(city, record_id).fields.audience == 25
    assert conflicts.open_conflicts(city) == []
    import_one(city, second)
    assert conflicts.open_conflicts(city) == []


def test_a_file_from_another_installation_of_the_unit_is_pointed_out(make_unit, city):
    first, second = make_unit("沁阳"), make_unit("沁阳")  # a new PC, or someone else's
    first.add(title="甲")
    assert "另一台电脑" not in import_one(city, first.export()).reason
    first.add(title="乙")
    assert "另一台电脑" not in import_one(city, first.export()).reason
    second.add(title="丙")
    moved = import_one(city, second.export())
    assert moved.status == "imported" and "来自另一台电脑上的 jzdesk" in moved.reason
