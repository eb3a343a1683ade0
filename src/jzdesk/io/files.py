"""Checks every file from outside goes through before it is parsed: size, and for images
the pixel count read from the header, so a bomb is refused before it is decoded."""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from jzdesk.errors import KnownError, os_reason

SQLITE_HEADER = b"SQLite format 3\x00"  # how every SQLite database file begins


# How Python holds the bytes of a file name that are not text in the file system's
# encoding (PEP 383): lone surrogates, which no message, console or database text may carry.
_UNDECODED = re.compile("[\udc80-\udcff]")


def readable_name(path: Path | str) -> str:
    """A file's name as a person reads it. A name on Linux is bytes; one made on a Chinese
    Windows (a zip's entries, a USB stick) is GBK, not UTF-8: it is decoded as GB 18030
    (GBK's superset) where that works, else with U+FFFD for each byte that is not text."""
    name = Path(path).name
    if not _UNDECODED.search(name):
        return name
    raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


@contextmanager
def readable_paths(paths: Sequence[Path]) -> Iterator[dict[Path, Path]]:
    """Each of ``paths`` → a path to the same file named as a person reads it: the path
    itself, or for a name that is not text (see readable_name) a link to the file in a
    private folder, so that every message and the import log name it readably. The folder
    is removed on exit."""
    usable = {Path(path): Path(path) for path in paths}
    unreadable = [path for path in usable if readable_name(path) != path.name]
    if not unreadable:
        yield usable
        return
    folder = Path(tempfile.mkdtemp(prefix="jzdesk-names-"))
    try:
        for number, path in enumerate(unreadable):
            alias = folder / str(number) / readable_name(path)
            alias.parent.mkdir()
            alias.symlink_to(path.absolute())
            usable[path] = alias
        yield usable
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def file_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of the file (fewer if it is shorter; none if unreadable)."""
    try:
        with open(path, "rb") as file:
            return file.read(size)
    except OSError:
        return b""


def checked_size(path: Path, *, limit: int, what: str, advice: str) -> int:
    """The file's size in bytes.

    Raises:
        KnownError: the file cannot be read, is not a regular file (a folder, a device, a
            pipe: their size says nothing, and reading one may never end), or is larger
            than ``limit`` (with ``advice``).
    """
    path = Path(path)
    try:
        status = path.stat()
    except OSError as error:
        raise KnownError(f"无法读取{what} {path.name}：{os_reason(error)}") from error
    if stat.S_ISDIR(status.st_mode):
        raise KnownError(f"{path.name} 是一个文件夹，不是{what}；请选择文件夹里的文件")
    if not stat.S_ISREG(status.st_mode):
        raise KnownError(f"{path.name} 不是普通文件（可能是设备或管道），不是{what}")
    size = status.st_size
    if size > limit:
        raise KnownError(f"{what} {path.name} 太大（{size // (1024 * 1024)} MB），{advice}")
    return size


def load_image(
    path: Path,
    *,
    what: str,
    max_bytes: int,
    max_pixels: int,
    size_advice: str,
    pixel_advice: str,
    mode: str,
    formats_hint: str = "",
):
    """An image file decoded, turned upright (EXIF) and converted to ``mode``.

    Raises:
        KnownError: missing, too large, too many pixels, not an image, or damaged; the
            message names the file.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(path)
    name = path.name
    checked_size(path, limit=max_bytes, what=what, advice=size_advice)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice that; refuse those too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as probe:
                if probe.width * probe.height > max_pixels:
                    raise KnownError(
                        f"{what} {name} 的像素太多（{probe.width}×{probe.height}），{pixel_advice}"
                    )
                probe.verify()
            with Image.open(path) as image:
                image.load()
                return ImageOps.exif_transpose(image).convert(mode)
    except KnownError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise KnownError(f"{what} {name} 的像素太多，{pixel_advice}") from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise KnownError(f"文件 {name} 不是可用的图片或已损坏{formats_hint}") from error
