"""Opening an .xlsx from outside safely: size, zip-bomb and XML-bomb checks before parsing."""

from __future__ import annotations

import zipfile
from pathlib import Path

from jzdesk.errors import KnownError, os_reason
from jzdesk.io.files import SQLITE_HEADER, checked_size, file_head

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # a real sheet compresses 5–20×; a zip bomb thousands of times
MAX_ENTRIES = 2000


def check_xlsx(path: Path) -> None:
    """Refuse, in milliseconds, a file that is not a plausible .xlsx (before openpyxl sees it).

    openpyxl parses with defusedxml when it is installed (it is a dependency), which stops
    entity-expansion ("billion laughs") attacks; this checks what defusedxml cannot: the
    archive itself.

    Raises:
        KnownError: the file is missing, too large, not a zip, or expands suspiciously.
    """
    name = path.name
    checked_size(path, limit=MAX_FILE_BYTES, what="文件", advice="不像是一张统计表")
    if not zipfile.is_zipfile(path):
        if file_head(path, len(SQLITE_HEADER)) == SQLITE_HEADER:
            raise KnownError(
                f"文件 {name} 不是 Excel 表格，而是一个数据库文件；如果它是 jzdesk 上报文件，"
                "请把文件扩展名改回 .jzsub 再导入"
            )
        raise KnownError(
            f"文件 {name} 不是 Excel 2007 及以上的 .xlsx 文件（旧的 .xls 请先另存为 .xlsx）"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise KnownError(f"文件 {name} 已损坏，无法打开") from error
    if len(entries) > MAX_ENTRIES:
        raise KnownError(f"文件 {name} 的结构异常（包含 {len(entries)} 个部件），已拒绝")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise KnownError(f"文件 {name} 解压后过大（{unpacked // (1024 * 1024)} MB），已拒绝")
    for entry in entries:
        if entry.compress_size and entry.file_size / entry.compress_size > MAX_RATIO:
            raise KnownError(f"文件 {name} 的压缩比异常（可能是恶意文件），已拒绝")
    if not any(entry.filename == "[Content_Types].xml" for entry in entries):
        raise KnownError(f"文件 {name} 不是 Excel 的 .xlsx 文件")


def load_workbook(path: Path):
    """The checked workbook, with cached values instead of formulas.

    Parsed from a copy in memory: openpyxl leaves the file open when it fails half-way
    (until the error is forgotten), and on Windows the clerk could then neither save the
    corrected sheet over it in Excel nor delete it."""
    import io

    import openpyxl

    check_xlsx(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise KnownError(f"无法读取文件 {path.name}：{os_reason(error)}") from error
    if len(data) > MAX_FILE_BYTES:  # grown since it was checked
        raise KnownError(f"文件 {path.name} 太大，不像是一张统计表")
    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except KnownError:
        raise
    except Exception as error:  # openpyxl raises many kinds on malformed parts
        raise KnownError(f"文件 {path.name} 已损坏或不是有效的 Excel 文件，无法读取") from error
