"""Opening a received submission file as *untrusted*: a private copy opened read-only and
immutable, with ``trusted_schema`` off, an authorizer that allows only reading, limits on
string size, a time budget, ``integrity_check``, the exact expected schema and the content
hash — all before a single row is believed."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from jzdesk.errors import KnownError, os_reason, sqlite_failure
from jzdesk.io.files import SQLITE_HEADER, checked_size, file_head
from jzdesk.io.submission_file import (
    APPLICATION_ID,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_KEYS,
    MANIFEST_SQL,
    MAX_FILE_BYTES,
    MAX_VALUE_BYTES,
    PHOTO_COLUMNS,
    SCHEMA,
    TIME_BUDGET_S,
    content_digest,
)

_ALLOWED_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION}


PRIVATE_COPY_NAME = "incoming.sqlite"

_ALLOWED_PRAGMAS = {"integrity_check", "application_id", "user_version", "page_count"}


class ReceivedSubmission:
    """An opened, checked submission file. Use as a context manager (the private copy is
    removed on exit)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        folder: Path,
        name: str,
        file_sha256: str,
        manifest: dict[str, str],
        budget: _Budget,
    ):
        self.conn = conn
        self._budget = budget
        self.folder = folder
        self.name = name
        self.file_sha256 = file_sha256
        self.manifest = manifest

    def __enter__(self) -> ReceivedSubmission:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def restart_budget(self) -> None:
        """Give reading the rest of the file the whole time budget again (a file read
        ahead may have waited for the one before it to merge)."""
        self._budget.restart()

    def close(self) -> None:
        self.conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def private_copy(self) -> Path:
        """The checked private copy (read-only, immutable; see store.merge.write_stage)."""
        return self.folder / PRIVATE_COPY_NAME

    def progress(self) -> int:
        """The file's time budget as SQLite's progress handler, for another connection
        reading the private copy: non-zero once it is spent or the reading was stopped."""
        return self._budget()

    def violations(self, conditions: list[str], *, limit: int = 20) -> list[tuple[str, int]]:
        """(record id, index of the first condition it breaks) for at most ``limit``
        records that break any of ``conditions``, in one pass over the records."""
        first_broken = " ".join(f"WHEN NOT ({c}) THEN {n}" for n, c in enumerate(conditions))
        every = " AND ".join(f"({c})" for c in conditions)
        rows = self.conn.execute(
            f"SELECT id, CASE {first_broken} END FROM records WHERE NOT ({every}) "
            f"LIMIT {int(limit)}"
        )
        return [(str(record_id), rule) for record_id, rule in rows]

    def photos(self) -> Iterator[tuple]:
        return self.conn.execute(f"SELECT {', '.join(PHOTO_COLUMNS)} FROM photos")

    def summaries(self) -> list[tuple]:
        return self.conn.execute("SELECT year, quarter, text, updated_at FROM summaries").fetchall()

    def header(self) -> list[tuple]:
        return self.conn.execute("SELECT unit_code, filler, phone FROM header").fetchall()

    def documents(self) -> list[tuple]:
        return self.conn.execute("SELECT kind, file_name, data, sha256 FROM documents").fetchall()


def open_submission(
    path: Path, *, should_stop: Callable[[], bool] | None = None
) -> ReceivedSubmission:
    """Open ``path`` as an untrusted submission file and check it whole.

    Raises:
        KnownError: not a submission file, damaged, altered after export, or from a newer
            program; the message names the file.
    """
    path = Path(path)
    name = path.name

    size = checked_size(
        path, limit=MAX_FILE_BYTES, what="上报文件", advice="不是 jzdesk 导出的上报文件"
    )
    if size == 0:
        raise KnownError(f"文件 {name} 是空的，不是 jzdesk 上报文件")
    untrusted = open_untrusted_copy(path, check_header=_check_header, should_stop=should_stop)
    conn, folder, file_sha256, budget = untrusted
    try:
        manifest = _check_content(conn, name)
    except BaseException:
        conn.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return ReceivedSubmission(conn, folder, name, file_sha256, manifest, budget)


def open_untrusted_copy(
    path: Path,
    *,
    check_header: Callable[[Path, str], None],
    should_stop: Callable[[], bool] | None = None,
) -> tuple[sqlite3.Connection, Path, str, _Budget]:
    """A private copy of ``path`` (an SQLite file from elsewhere: a submission, a review
    reply) opened untrusted: read-only, immutable, reading only, limited, on a time budget.

    ``check_header(copy, name)`` refuses a copy whose first bytes are not the format's.
    Returns the connection, the private folder (the caller removes it when done), the
    SHA-256 of the bytes copied and the budget.
    """
    folder = Path(tempfile.mkdtemp(prefix=_own_prefix()))
    try:
        copy = folder / PRIVATE_COPY_NAME
        file_sha256 = _copy_and_hash(path, copy)
        check_header(copy, path.name)
        budget = _Budget(should_stop)
        return _open_untrusted(copy, budget), folder, file_sha256, budget
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


_PRIVATE_PREFIX = "jzdesk-import-"


STALE_AFTER_S = 24 * 3600  # no import takes a day


def _own_prefix() -> str:
    """This process's private folders carry its id, so that it can find its own again."""
    return f"{_PRIVATE_PREFIX}{os.getpid()}-"


def discard_own_copies() -> None:
    """Remove every private folder this process made. For an interrupted program (Ctrl+C):
    the interruption may fall between making a folder and the code that owns it."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_own_prefix()}*"):
        shutil.rmtree(folder, ignore_errors=True)


def sweep_stale_copies() -> int:
    """Remove the private folders (a file's copy and its staged rows) that an import which
    never finished (the program killed, the power cut) left in the temporary folder;
    returns how many. Folders younger than STALE_AFTER_S may be another import's."""
    removed = 0
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(f"{_PRIVATE_PREFIX}*"):
        try:
            if folder.is_dir() and now - folder.stat().st_mtime > STALE_AFTER_S:
                shutil.rmtree(folder)
                removed += 1
        except OSError:
            continue  # in use (Windows) or already gone: next time
    return removed


def _copy_and_hash(source: Path, target: Path) -> str:
    """Copy the file into the private folder, hashing the bytes that were copied (so the
    hash is of exactly what is read, even if the original changes meanwhile)."""
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as reader, open(target, "wb") as writer:
            while chunk := reader.read(1024 * 1024):
                digest.update(chunk)
                writer.write(chunk)
    except OSError as error:
        raise KnownError(f"无法读取上报文件 {source.name}：{os_reason(error)}") from error
    return digest.hexdigest()


def _check_header(path: Path, name: str) -> None:
    head = file_head(path, 100)
    not_ours = f"文件 {name} 不是 jzdesk 上报文件"
    if head.startswith(b"PK\x03\x04"):
        if _is_workbook(head):
            raise KnownError(
                f"{not_ours}（这是一个 Office 文档，例如 Excel 表格；如果是统计表，"
                "请把文件扩展名改回 .xlsx 再导入）"
            )
        raise KnownError(f"{not_ours}（这是一个压缩包，请先解压，再导入其中的 .jzsub 文件）")
    if not head.startswith(SQLITE_HEADER):
        raise KnownError(f"{not_ours}，或文件已损坏")
    if len(head) < 100:
        raise KnownError(f"文件 {name} 不完整（已损坏或没有传完），请让报送单位重新发送")
    if 2 in (head[18], head[19]):
        # Write-ahead-log mode: a database some program keeps open, never an export.
        raise KnownError(
            f"{not_ours}（这是一个正在使用的数据库文件，不是导出的上报文件；上报文件"
            "请在 jzdesk 的“统计报表”中点“导出上报文件”得到）"
        )
    if head[18] != 1 or head[19] != 1:
        raise KnownError(f"文件 {name} 已损坏（文件头不对），请让报送单位重新导出发送")


# The parts Excel, WPS and openpyxl write first in a workbook.
_WORKBOOK_FIRST_PARTS = (b"[Content_Types].xml", b"_rels/", b"docProps/", b"xl/")


def _is_workbook(head: bytes) -> bool:
    """Whether a zip archive that starts with ``head`` (its first 100 bytes) looks like an
    Office document (an Excel workbook, or a Word file: they begin alike), judged by the
    name of its first part: the archive's directory is not read, as an untrusted one may
    list millions of entries."""
    name_length = int.from_bytes(head[26:28], "little")
    return head[30 : 30 + name_length].startswith(_WORKBOOK_FIRST_PARTS)


class _Budget:
    """SQLite's progress handler for an untrusted file: non-zero (stop the statement) once
    TIME_BUDGET_S have passed since the last restart, or when ``should_stop`` says so."""

    def __init__(self, should_stop: Callable[[], bool] | None):
        self._should_stop = should_stop
        self.restart()

    def restart(self) -> None:
        self._started = time.monotonic()

    def __call__(self) -> int:
        late = time.monotonic() - self._started > TIME_BUDGET_S
        return int(late or (self._should_stop is not None and self._should_stop()))


def _open_untrusted(path: Path, budget: _Budget) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA mmap_size = 0")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 100_000)
    if hasattr(conn, "enable_load_extension"):
        conn.enable_load_extension(False)
    conn.set_authorizer(_authorize)
    conn.set_progress_handler(budget, 100_000)
    return conn


def _authorize(action: int, arg1, arg2, database, trigger) -> int:
    """Reading only: every attach, schema change, write or unknown pragma is refused."""
    if action in _ALLOWED_ACTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master" and database == "main":
        # json_each() declares its virtual table this way; the connection is read-only
        # and immutable, so nothing can be written anyway.
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and str(arg1).lower() in _ALLOWED_PRAGMAS and arg2 is None:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _check_content(conn: sqlite3.Connection, name: str) -> dict[str, str]:
    damaged = f"文件 {name} 已损坏（可能没有传完或被改动过），请让报送单位重新导出发送"
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise KnownError(f"文件 {name} 不是 jzdesk 上报文件（是其他程序的数据库）")
        header_version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_version(header_version, name)
        # Not quick_check: only integrity_check compares each index with its table, and the
        # hash reads the ids through the index while the rules scan the table.
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise KnownError(damaged)
        schema = conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        if ("table", "manifest", MANIFEST_SQL) not in schema:
            raise KnownError(f"文件 {name} 不是 jzdesk 上报文件（缺少文件说明）")
        manifest = dict(conn.execute("SELECT key, value FROM manifest").fetchall())
        _check_format(manifest, name, header_version)
        _check_schema(schema, name)
        if content_digest(conn) != manifest.get("content_sha256"):
            raise KnownError(
                f"文件 {name} 导出后被改动过或已损坏（内容校验不符），未导入；"
                "请让报送单位用 jzdesk 重新导出"
            )
        count = conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        if str(count) != manifest.get("record_count"):
            raise KnownError(damaged)
    except sqlite3.OperationalError as error:
        if sqlite_failure(error) == "interrupt":
            raise KnownError(f"读取文件 {name} 超时或已取消，未导入") from error
        raise KnownError(damaged) from error
    except sqlite3.DatabaseError as error:
        raise KnownError(damaged) from error
    return manifest


def _check_version(version: int, name: str) -> None:
    """The format version, as the file header (user_version) or the manifest gives it."""
    if version > FORMAT_VERSION:
        raise KnownError(
            f"文件 {name} 由更新版本的 jzdesk 导出（格式 {version}，本程序支持到 "
            f"{FORMAT_VERSION}），请升级程序后再导入"
        )


def _check_format(manifest: dict[str, str], name: str, header_version: int) -> None:
    if manifest.get("format") != FORMAT:
        raise KnownError(f"文件 {name} 不是 jzdesk 上报文件")
    try:
        version = int(manifest.get("format_version", ""))
    except ValueError:
        raise KnownError(f"文件 {name} 的格式版本无法识别") from None
    _check_version(version, name)
    if version != header_version:
        raise KnownError(
            f"文件 {name} 导出后被改动过或已损坏（格式版本前后不一），未导入；"
            "请让报送单位用 jzdesk 重新导出"
        )
    missing = [key for key in MANIFEST_KEYS if key not in manifest]
    if missing:
        raise KnownError(f"文件 {name} 的文件说明不完整（缺少 {'、'.join(missing)}）")


def _check_schema(schema: list[tuple], name: str) -> None:
    expected = {statement for statement in SCHEMA}
    found_sql = {sql for kind, _, sql in schema if kind == "table"}
    extra = [
        f"{kind} {item}"
        for kind, item, sql in schema
        if not (kind == "table" and sql in expected)
        and not (kind == "index" and sql is None and item.startswith("sqlite_autoindex_"))
    ]
    if extra or found_sql != expected:
        what = "、".join(extra) if extra else "表结构不同"
        raise KnownError(f"文件 {name} 含有上报文件不应有的内容（{what}），可能被改动过，未导入")
