"""Opening a workbook from outside safely: for each container (.xlsx, .xls, .ods, .csv) the
size, zip-bomb and structure checks made before any parser sees it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from jzdesk.errors import KnownError, os_reason
from jzdesk.io.files import SQLITE_HEADER, checked_size, file_head

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # a real sheet compresses 5–20×; a zip bomb thousands of times
MAX_ENTRIES = 2000

# What each container's file begins with, or holds, when it is what its name says.
OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003 .xls (a compound file)
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
KINDS = {
    ".xlsx": "Excel 2007 及以上的 .xlsx 文件",
    ".xls": "Excel 97–2003 的 .xls 文件",
    ".ods": "LibreOffice/WPS 的 .ods 文件",
    ".csv": "CSV 文本文件",
}


def checked_bytes(path: Path) -> bytes:
    """The whole file, once it passed the checks of its container (see ``check_workbook``).

    Read into memory and closed at once: a parser that fails half-way then holds no handle
    on the clerk's file (on Windows it could neither be saved over in Excel nor deleted).

    Raises:
        KnownError: the file fails its container's checks or cannot be read.
    """
    path = Path(path)
    check_workbook(path)
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise KnownError(f"无法读取文件 {path.name}：{os_reason(error)}") from error
    if len(data) > MAX_FILE_BYTES:  # grown since it was checked
        raise KnownError(f"文件 {path.name} 太大，不像是一张统计表")
    return data


def check_workbook(path: Path) -> None:
    """Refuse, in milliseconds, a file that is not a plausible workbook of the kind its
    name says, before a parser sees it.

    The parser (calamine, in Rust) is memory-safe and expands no XML entities; this checks
    what it cannot: the file's size, a zip archive's size unpacked and its compression
    ratio, and that the content is the container the name says.

    Raises:
        KnownError: missing, too large, of another kind, damaged, or expands suspiciously.
    """
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        raise KnownError(
            f"不支持的表格类型 {suffix or '（无扩展名）'}：{path.name}；"
            "可以读取 .xlsx、.xls、.ods 和 .csv"
        )
    checked_size(path, limit=MAX_FILE_BYTES, what="文件", advice="不像是一张统计表")
    head = file_head(path, len(OLE2_HEADER))
    if head == SQLITE_HEADER[: len(head)] and head:
        raise KnownError(
            f"文件 {path.name} 不是表格，而是一个数据库文件；如果它是 jzdesk 上报文件，"
            "请把文件扩展名改回 .jzsub 再导入"
        )
    if suffix == ".csv":
        if b"\x00" in file_head(path, 4096):
            raise KnownError(f"文件 {path.name} 不是 {KINDS[suffix]}（含有二进制内容）")
        return
    is_zip = zipfile.is_zipfile(path)
    if suffix == ".xls":
        if head != OLE2_HEADER:
            other = "它其实是 .xlsx 或 .ods，请改回正确的扩展名" if is_zip else "已损坏"
            raise KnownError(f"文件 {path.name} 不是 {KINDS[suffix]}（{other}）")
        return
    if not is_zip:
        old = "；它其实是旧的 .xls，请改回扩展名 .xls" if head == OLE2_HEADER else ""
        raise KnownError(f"文件 {path.name} 不是 {KINDS[suffix]}{old}")
    _check_archive(path, suffix)


def _check_archive(path: Path, suffix: str) -> None:
    """The zip of an .xlsx or .ods: parts, size unpacked, compression ratio, and the part
    that says which kind of document it is."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            for entry in entries:  # each part's own header names it as the directory does
                archive.open(entry).close()
            mimetype = (
                archive.read("mimetype")[:100]
                if suffix == ".ods" and "mimetype" in archive.namelist()
                else b""
            )
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError) as error:
        # ValueError: a part's name marked UTF-8 that is not (UnicodeDecodeError), …
        raise KnownError(f"文件 {name} 已损坏，无法打开") from error
    if len(entries) > MAX_ENTRIES:
        raise KnownError(f"文件 {name} 的结构异常（包含 {len(entries)} 个部件），已拒绝")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise KnownError(f"文件 {name} 解压后过大（{unpacked // (1024 * 1024)} MB），已拒绝")
    for entry in entries:
        if entry.compress_size and entry.file_size / entry.compress_size > MAX_RATIO:
            raise KnownError(f"文件 {name} 的压缩比异常（可能是恶意文件），已拒绝")
    names = {entry.filename for entry in entries}
    if suffix == ".xlsx" and "[Content_Types].xml" not in names:
        raise KnownError(f"文件 {name} 不是 Excel 的 .xlsx 文件")
    if suffix == ".ods" and (mimetype.strip() != ODS_MIMETYPE or "content.xml" not in names):
        raise KnownError(f"文件 {name} 不是 {KINDS[suffix]}（可能是文本文档或演示文稿）")
