"""Photos: real image files in, downscaled JPEGs out; bad files refused with their name."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.records import RecordFields, RecordFilter
from jzdesk.errors import KnownError
from jzdesk.io.photos import LONG_SIDE, THUMB_SIDE, prepare_photo
from jzdesk.usecases import ledger, photos


def photo_file(tmp_path, name="p.jpg", size=(4000, 3000), colour=(200, 30, 30)):
    path = tmp_path / name
    Image.new("RGB", size, colour).save(path)
    return path


def test_a_camera_photo_is_downscaled_and_reencoded(tmp_path):
    prepared = prepare_photo(photo_file(tmp_path))
    assert (prepared.width, prepared.height) == (LONG_SIDE, 1200)
    with Image.open(io.BytesIO(prepared.jpeg)) as image:
        assert image.format == "JPEG" and image.size == (LONG_SIDE, 1200)
    with Image.open(io.BytesIO(prepared.thumbnail)) as thumb:
        assert max(thumb.size) == THUMB_SIDE


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_text("not an image"), "不是可用的图片"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100), "不是可用的图片"),
        (lambda p: Image.new("1", (12000, 8000)).save(p, format="PNG"), "像素太多"),
    ],
)
def test_bad_images_are_refused_naming_the_file(tmp_path, make, words):
    path = tmp_path / "坏照片.png"
    make(path)
    with pytest.raises(KnownError) as caught:
        prepare_photo(path)
    assert words in caught.value.message and "坏照片.png" in caught.value.message


def test_photos_attach_to_a_record_all_or_none(db, tmp_path):
    record_id = ledger.add_record(db, RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART))
    good = photo_file(tmp_path, "a.jpg")
    bad = tmp_path / "b.jpg"
    bad.write_text("x")
    with pytest.raises(KnownError):
        photos.add_photos(db, record_id, [good, bad])
    assert photos.photo_thumbnails(db, record_id) == []
    assert (
        photos.add_photos(db, record_id, [good, photo_file(tmp_path, "c.jpg", colour=(0, 0, 255))])
        == 2
    )
    assert photos.add_photos(db, record_id, [good]) == 0  # the same picture is kept once
    assert ledger.get_record(db, record_id).revision == 2
    with_photos = ledger.list_records(db, RecordFilter(has_photos=True))
    assert [r.id for r in with_photos] == [record_id]
    photo_id, thumbnail = photos.photo_thumbnails(db, record_id)[0]
    assert thumbnail.startswith(b"\xff\xd8")
    photos.remove_photo(db, record_id, photo_id)
    assert len(photos.photo_thumbnails(db, record_id)) == 1
