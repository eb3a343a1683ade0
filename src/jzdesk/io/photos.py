"""Activity photos: checked, downscaled and re-encoded before they go into the database."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from jzdesk.io.files import load_image

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 60_000_000  # far below Pillow's own bomb limit (~179 M pixels)
LONG_SIDE = 1600  # what is kept: enough for a report, small enough to travel
THUMB_SIDE = 160
JPEG_QUALITY = 82


@dataclass(frozen=True)
class PreparedPhoto:
    jpeg: bytes
    thumbnail: bytes
    width: int
    height: int
    sha256: str


def prepare_photo(path: Path) -> PreparedPhoto:
    """Read an image file and return it downscaled as JPEG with a thumbnail.

    Raises:
        KnownError: the file is missing, too large, not an image, damaged, or has more
            pixels than any camera photo would.
    """
    image = load_image(
        path,
        what="照片",
        max_bytes=MAX_FILE_BYTES,
        max_pixels=MAX_PIXELS,
        size_advice="请选择 40 MB 以内的照片",
        pixel_advice="不像是一张照片，无法使用",
        mode="RGB",
    )
    image.thumbnail((LONG_SIDE, LONG_SIDE))
    jpeg = _encode(image)
    thumb = image.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE))
    return PreparedPhoto(
        jpeg, _encode(thumb), image.width, image.height, hashlib.sha256(jpeg).hexdigest()
    )


def _encode(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()
