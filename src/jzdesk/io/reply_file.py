"""The review reply file (.jzreply): the city's decisions on units' quarters, travelling back
to the units offline; its format, writing it, and reading one received as untrusted.

Like a .jzsub it is one SQLite file with a fixed schema, its own application id and format
version, and a manifest with a SHA-256 over a canonical form of the content; it is opened
with the submission reader's untrusted machinery and refused whole on any doubt. One file
may carry several units' decisions: each unit takes its own.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jzdesk.domain.review import Decision, ReviewDecision
from jzdesk.errors import KnownError, os_reason, sqlite_failure
from jzdesk.io.files import SQLITE_HEADER, checked_size, file_head
from jzdesk.io.submission_reader import open_untrusted_copy

FORMAT = "jzdesk-review-reply"


FORMAT_VERSION = 1


APPLICATION_ID = 0x4A5A5250  # "JZRP"


MAX_FILE_BYTES = 20 * 1024**2  # decisions and comments only: a year of them is small


MANIFEST_SQL = "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT"


SCHEMA = (
    MANIFEST_SQL,
    "CREATE TABLE decisions (uid TEXT PRIMARY KEY, unit_code TEXT NOT NULL, "
    "year INTEGER NOT NULL, quarter INTEGER NOT NULL, decision TEXT NOT NULL, "
    "comment TEXT NOT NULL, decided_at TEXT NOT NULL, decided_by TEXT NOT NULL) STRICT",
    "CREATE TABLE comments (uid TEXT NOT NULL, record_id TEXT NOT NULL, "
    "comment TEXT NOT NULL, PRIMARY KEY (uid, record_id)) STRICT",
)


MANIFEST_KEYS = (
    "format",
    "format_version",
    "from_unit",
    "year",
    "exported_at",
    "program_version",
    "decision_count",
    "comment_count",
    "content_sha256",
)


_CANONICAL = (
    "SELECT json_array(key, value) FROM manifest WHERE key <> 'content_sha256' ORDER BY key",
    "SELECT json_array(uid, unit_code, year, quarter, decision, comment, decided_at, "
    "decided_by) FROM decisions ORDER BY uid",
    "SELECT json_array(uid, record_id, comment) FROM comments ORDER BY uid, record_id",
)


@dataclass(frozen=True)
class Reply:
    """A checked reply file: who sent it, when, and its decisions (oldest first)."""

    name: str
    file_sha256: str
    manifest: dict[str, str]
    decisions: list[ReviewDecision]


def content_digest(conn: sqlite3.Connection) -> str:
    """SHA-256 over one JSON line per row of every table, the manifest's hash left out."""
    digest = hashlib.sha256()
    for query in _CANONICAL:
        for (line,) in conn.execute(query):
            digest.update(line.encode("utf-8") + b"\n")
        digest.update(b"#\n")
    return digest.hexdigest()


def write_reply(path: Path, manifest: dict[str, str], decisions: Sequence[ReviewDecision]) -> None:
    """Write ``decisions`` as a .jzreply at ``path`` (through a temporary file moved into
    place), so that a half-written file is never left under the real name.

    Raises:
        KnownError: the file cannot be written.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.unlink(missing_ok=True)
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            _fill(conn, manifest, decisions)
        finally:
            conn.close()
        os.replace(temporary, path)
    except (OSError, sqlite3.OperationalError) as error:
        temporary.unlink(missing_ok=True)
        reason = os_reason(error) if isinstance(error, OSError) else str(error)
        raise KnownError(f"无法写入 {path}：{reason}", field="out") from error


def _fill(conn: sqlite3.Connection, manifest: dict[str, str], decisions) -> None:
    conn.execute("PRAGMA page_size = 1024")  # a few comments: 7 small pages, not 28 KB
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
    conn.execute("BEGIN")
    for statement in SCHEMA:
        conn.execute(statement)
    conn.executemany(
        "INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (d.uid, d.unit_code, d.year, d.quarter, d.decision.value, d.comment, d.decided_at)
            + (d.decided_by,)
            for d in decisions
        ],
    )
    comments = [(d.uid, rid, text) for d in decisions for rid, text in d.record_comments.items()]
    conn.executemany("INSERT INTO comments VALUES (?, ?, ?)", comments)
    described = {
        **manifest,
        "format": FORMAT,
        "format_version": str(FORMAT_VERSION),
        "decision_count": str(len(decisions)),
        "comment_count": str(len(comments)),
    }
    conn.executemany("INSERT INTO manifest VALUES (?, ?)", sorted(described.items()))
    conn.execute("INSERT INTO manifest VALUES ('content_sha256', ?)", [content_digest(conn)])
    conn.execute("COMMIT")


def read_reply(path: Path) -> Reply:
    """Open ``path`` as an untrusted reply file and read it whole, or refuse it whole.

    Raises:
        KnownError: not a reply file, damaged, altered after export, or from a newer
            program; the message names the file.
    """
    path = Path(path)
    name = path.name
    size = checked_size(
        path, limit=MAX_FILE_BYTES, what="审核回复文件", advice="不是 jzdesk 导出的审核回复文件"
    )
    if size == 0:
        raise KnownError(f"文件 {name} 是空的，不是 jzdesk 审核回复文件")
    conn, folder, file_sha256, _ = open_untrusted_copy(path, check_header=_check_header)
    damaged = f"审核回复文件 {name} 已损坏或导出后被改动过，未导入；请市总工会重新导出"
    try:
        manifest = _checked_manifest(conn, name)
        if content_digest(conn) != manifest["content_sha256"]:
            raise KnownError(damaged)
        decisions = _decisions(conn)
        comments = sum(len(d.record_comments) for d in decisions)
        if (str(len(decisions)), str(comments)) != (
            manifest["decision_count"],
            manifest["comment_count"],
        ):
            raise KnownError(damaged)
    except sqlite3.OperationalError as error:
        if sqlite_failure(error) == "interrupt":
            raise KnownError(f"读取文件 {name} 超时，未导入") from error
        raise KnownError(damaged) from error
    except (sqlite3.DatabaseError, ValueError) as error:
        raise KnownError(damaged) from error
    finally:
        conn.close()
        shutil.rmtree(folder, ignore_errors=True)
    return Reply(name, file_sha256, manifest, decisions)


def _check_header(path: Path, name: str) -> None:
    head = file_head(path, 100)
    if not head.startswith(SQLITE_HEADER) or len(head) < 100:
        raise KnownError(f"文件 {name} 不是 jzdesk 审核回复文件，或文件已损坏")
    if head[18] != 1 or head[19] != 1:  # write-ahead log: a live database, never an export
        raise KnownError(f"文件 {name} 不是导出的审核回复文件（是一个正在使用的数据库）")


def _checked_manifest(conn: sqlite3.Connection, name: str) -> dict[str, str]:
    """The manifest of a file whose id, version, integrity and exact schema are ours."""
    not_ours = f"文件 {name} 不是 jzdesk 审核回复文件"
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise KnownError(not_ours)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > FORMAT_VERSION:
        raise KnownError(
            f"审核回复文件 {name} 由更新版本的 jzdesk 导出（格式 {version}，本程序支持到 "
            f"{FORMAT_VERSION}），请升级程序后再导入"
        )
    # integrity_check, as for a submission file: quick_check does not compare the indexes
    # with their tables.
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        raise KnownError(f"审核回复文件 {name} 已损坏，请市总工会重新导出")
    schema = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    tables = {sql for kind, _, sql in schema if kind == "table"}
    extra = [
        item
        for kind, item, sql in schema
        if kind != "table" and not (kind == "index" and sql is None)
    ]
    if tables != set(SCHEMA) or extra:
        raise KnownError(f"{not_ours}（表结构不同，可能被改动过），未导入")
    manifest = dict(conn.execute("SELECT key, value FROM manifest").fetchall())
    if manifest.get("format") != FORMAT or manifest.get("format_version") != str(version):
        raise KnownError(f"{not_ours}（文件说明不符），未导入")
    missing = [key for key in MANIFEST_KEYS if key not in manifest]
    if missing:
        raise KnownError(f"审核回复文件 {name} 的文件说明不完整（缺少 {'、'.join(missing)}）")
    return manifest


def _decisions(conn: sqlite3.Connection) -> list[ReviewDecision]:
    """Every decision with its record comments, as the file has them (checked by the
    caller); a value of the wrong kind raises ValueError."""
    comments: dict[str, dict[str, str]] = {}
    for uid, record_id, text in conn.execute("SELECT uid, record_id, comment FROM comments"):
        comments.setdefault(uid, {})[record_id] = text
    decisions = [
        ReviewDecision(
            uid, unit, year, quarter, Decision(kind), text, at, by, comments.pop(uid, {})
        )
        for uid, unit, year, quarter, kind, text, at, by in conn.execute(
            "SELECT uid, unit_code, year, quarter, decision, comment, decided_at, decided_by "
            "FROM decisions ORDER BY decided_at, uid"
        )
    ]
    if comments:  # comments on no decision of the file
        raise ValueError("orphan comments")
    return decisions
