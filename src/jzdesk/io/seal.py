"""The unit's seal: a scan made ready to print over 填报单位, white turned transparent."""

from __future__ import annotations

import io
from pathlib import Path

from jzdesk.errors import KnownError
from jzdesk.io.files import load_image

MAX_FILE_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a scan at 600 dpi of a whole A4 page is 35 M pixels
SIDE = 600  # kept at this size: a 4 cm seal printed at 380 dpi
WHITE_FROM = 200  # darkest channel above this fades towards paper …
PAPER = 245  # … and from here on is paper, fully transparent


def prepare_seal(path: Path) -> bytes:
    """Read a scan (PNG, JPG, BMP …) and return a square-ish RGBA PNG of the seal.

    The paper (near-white pixels) becomes transparent with a soft edge, the image is
    cropped to the ink and scaled to SIDE pixels, and it is re-encoded, so nothing of the
    original file (metadata, odd formats) is kept.

    Raises:
        KnownError: missing, too large, not an image, damaged, too many pixels, or blank.
    """
    name = Path(path).name
    image = load_image(
        path,
        what="印章图片",
        max_bytes=MAX_FILE_BYTES,
        max_pixels=MAX_PIXELS,
        size_advice="请选择 15 MB 以内的扫描件",
        pixel_advice="请缩小后再试",
        mode="RGBA",
        formats_hint="（支持 PNG、JPG、BMP）",
    )
    return _transparent_seal(image, name)


def _alpha_for(level: int) -> int:
    """Opacity for a pixel whose darkest channel is ``level``: paper clear, ink solid."""
    if level >= PAPER:
        return 0
    if level <= WHITE_FROM:
        return 255
    return 255 * (PAPER - level) // (PAPER - WHITE_FROM)


def _transparent_seal(image, name: str) -> bytes:
    from PIL import ImageChops

    image.thumbnail((SIDE * 2, SIDE * 2))  # work on a manageable size first
    red, green, blue, alpha = image.split()
    darkest = ImageChops.darker(ImageChops.darker(red, green), blue)
    alpha = ImageChops.multiply(alpha, darkest.point(_alpha_for))
    seal = image.copy()
    seal.putalpha(alpha)
    box = alpha.getbbox()
    if box is None:
        raise KnownError(f"印章图片 {name} 是空白的，找不到印章")
    seal = seal.crop(box)
    seal.thumbnail((SIDE, SIDE))
    out = io.BytesIO()
    seal.save(out, format="PNG", optimize=True)
    return out.getvalue()
