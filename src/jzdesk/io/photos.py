"""Activity photos: checked, downscaled and re-encoded before they go into the database."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from jzdesk.errors import KnownError, os_reason

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
    from PIL import Image, ImageOps, UnidentifiedImageError

    name = Path(path).name
    try:
        size = Path(path).stat().st_size
    except OSError as error:
        raise KnownError(f"无法读取照片 {name}：{os_reason(error)}") from error
    if size > MAX_FILE_BYTES:
        raise KnownError(f"照片 {name} 太大（{size // (1024 * 1024)} MB），请选择 40 MB 以内的照片")
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice that; refuse those too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as probe:
                probe.verify()
            with Image.open(path) as image:
                image.load()
                image = ImageOps.exif_transpose(image).convert("RGB")
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise KnownError(f"照片 {name} 的像素太多，不像是一张照片，无法使用") from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise KnownError(f"文件 {name} 不是可用的图片或已损坏") from error
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
