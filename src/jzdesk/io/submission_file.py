"""The submission file (.jzsub): an SQLite file a unit exports and the city imports; its
format, and writing it.

Written as one rollback-journal file (never a copy of a live WAL database) with a fixed
schema, an application id and a manifest holding a SHA-256 over a canonical form of the
content. The hash catches damage and edits made with other tools; it is not a signature
(anyone with this program's source can recompute it).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jzdesk.domain.records import RECORD_COLUMNS
from jzdesk.errors import KnownError, is_disk_full, os_reason

FORMAT = "jzdesk-submission"


FORMAT_VERSION = 1


APPLICATION_ID = 0x4A5A5342  # "JZSB"


MAX_FILE_BYTES = 2 * 1024**3


MAX_VALUE_BYTES = 20 * 1024**2  # any one text or blob (a photo, the 实施方案)


TIME_BUDGET_S = 120.0


PHOTO_COLUMNS = ("record_id", "position", "width", "height", "sha256", "image", "thumbnail")


# The whole schema of format 1, exactly as sqlite_master keeps it. A file with anything
# else (another table, a view, a trigger, an altered column) is not one of ours.
MANIFEST_SQL = "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT"


SCHEMA = (
    MANIFEST_SQL,
    "CREATE TABLE records (id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, date TEXT NOT NULL, "
    "type TEXT NOT NULL, sessions INTEGER NOT NULL, title TEXT NOT NULL, venue TEXT NOT NULL, "
    "venue_category TEXT NOT NULL, audience INTEGER NOT NULL, delivery TEXT NOT NULL, "
    "presenter TEXT NOT NULL, demonstration INTEGER NOT NULL, original INTEGER NOT NULL, "
    "logo_shown INTEGER NOT NULL, notes TEXT NOT NULL, entered_by TEXT NOT NULL, "
    "revision INTEGER NOT NULL, base_revision INTEGER NOT NULL, created_at TEXT NOT NULL, "
    "updated_at TEXT NOT NULL, deleted INTEGER NOT NULL, media TEXT NOT NULL) STRICT",
    "CREATE TABLE photos (record_id TEXT NOT NULL, position INTEGER NOT NULL, "
    "width INTEGER NOT NULL, height INTEGER NOT NULL, sha256 TEXT NOT NULL, "
    "image BLOB NOT NULL, thumbnail BLOB NOT NULL, PRIMARY KEY (record_id, position)) STRICT",
    "CREATE TABLE summaries (year INTEGER NOT NULL, quarter INTEGER NOT NULL, "
    "text TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (year, quarter)) STRICT",
    "CREATE TABLE header (unit_code TEXT PRIMARY KEY, filler TEXT NOT NULL, "
    "phone TEXT NOT NULL) STRICT",
    "CREATE TABLE documents (kind TEXT PRIMARY KEY, file_name TEXT NOT NULL, "
    "data BLOB NOT NULL, sha256 TEXT NOT NULL) STRICT",
)


TABLES = ("manifest", "records", "photos", "summaries", "header", "documents")


MANIFEST_KEYS = (
    "format",
    "format_version",
    "unit_code",
    "unit_name",
    "year",
    "period",
    "quarter",
    "exported_at",
    "installation",
    "sequence",
    "program_version",
    "database_version",
    "record_count",
    "photos",
    "sheet_code",
    "content_sha256",
)


# Canonical form: one JSON line per row, in a fixed order; blobs are hashed as bytes.
CANONICAL = {
    "manifest": "SELECT json_array(key, value) FROM manifest "
    "WHERE key <> 'content_sha256' ORDER BY key",
    # Records go in chunks of lines joined by SQLite (see _digest_records).
    "records": "",
    "photos": "SELECT json_array(record_id, position, width, height, sha256), image, thumbnail "
    "FROM photos ORDER BY record_id, position",
    "summaries": "SELECT json_array(year, quarter, text, updated_at) FROM summaries "
    "ORDER BY year, quarter",
    "header": "SELECT json_array(unit_code, filler, phone) FROM header ORDER BY unit_code",
    "documents": "SELECT json_array(kind, file_name, sha256), data FROM documents ORDER BY kind",
}


@dataclass(frozen=True)
class SubmissionContent:
    """What goes into a package besides the records (which stream in)."""

    manifest: dict[str, str]
    records: Iterable[tuple]
    photos: Iterable[tuple] = ()
    summaries: Iterable[tuple] = ()  # (year, quarter, text, updated_at)
    header: Iterable[tuple] = ()  # (unit_code, filler, phone)
    documents: Iterable[tuple] = ()  # (kind, file_name, data, sha256)


def content_digest(conn: sqlite3.Connection) -> str:
    """The SHA-256 (hex) over the canonical form of every table (the manifest's own
    hash left out)."""
    digest = hashlib.sha256()
    for table in TABLES:
        digest.update(f"#{table}\n".encode())
        if table == "records":
            _digest_records(conn, digest)
            continue
        for row in conn.execute(CANONICAL[table]):
            digest.update(row[0].encode("utf-8"))
            digest.update(b"\n")
            for blob in row[1:]:
                digest.update(len(blob).to_bytes(8, "big"))
                digest.update(blob)
    return digest.hexdigest()


_RECORD_LINES = (
    f"SELECT group_concat(line, char(10)) || char(10), MAX(id) FROM (SELECT id, "
    f"json_array({', '.join(RECORD_COLUMNS)}) AS line FROM records WHERE id > ? "
    f"ORDER BY id LIMIT 200)"
)


def _digest_records(conn: sqlite3.Connection, digest) -> None:
    """One JSON line per record in id order, as CANONICAL's other tables; SQLite joins
    200 lines at a time, which spares Python a loop step per record."""
    last = ""
    while True:
        lines, last_id = conn.execute(_RECORD_LINES, [last]).fetchone()
        if lines is None:
            return
        digest.update(lines.encode("utf-8"))
        last = last_id


@dataclass(frozen=True)
class Written:
    sha256: str  # the content hash in the manifest
    records: int


def write_submission(path: Path, content: SubmissionContent) -> Written:
    """Write ``content`` as a .jzsub at ``path`` (through a temporary file moved into
    place); returns its content hash and record count.

    Raises:
        KnownError: the file cannot be written.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise KnownError(f"无法写入 {path}：文件夹 {path.parent} 不存在", field="out")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.unlink(missing_ok=True)
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            written = _fill(conn, content)
        finally:
            conn.close()
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise KnownError(f"无法写入 {path}：{os_reason(error)}", field="out") from error
    except sqlite3.OperationalError as error:  # the folder cannot be written, disk full
        temporary.unlink(missing_ok=True)
        why = "磁盘空间不足" if is_disk_full(error) else str(error)
        raise KnownError(f"无法写入 {path}：{why}", field="out") from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return written


def _fill(conn: sqlite3.Connection, content: SubmissionContent) -> Written:
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
    conn.execute("BEGIN")
    for statement in SCHEMA:
        conn.execute(statement)
    marks = ", ".join("?" * len(RECORD_COLUMNS))
    conn.executemany(f"INSERT INTO records VALUES ({marks})", content.records)
    conn.executemany(
        f"INSERT INTO photos ({', '.join(PHOTO_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        content.photos,
    )
    conn.executemany("INSERT INTO summaries VALUES (?, ?, ?, ?)", content.summaries)
    conn.executemany("INSERT INTO header VALUES (?, ?, ?)", content.header)
    conn.executemany(
        "INSERT INTO documents (kind, file_name, data, sha256) VALUES (?, ?, ?, ?)",
        content.documents,
    )
    count = conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    manifest = {
        **content.manifest,
        "format": FORMAT,
        "format_version": str(FORMAT_VERSION),
        "record_count": str(count),
    }
    conn.executemany("INSERT INTO manifest VALUES (?, ?)", sorted(manifest.items()))
    digest = content_digest(conn)
    conn.execute("INSERT INTO manifest VALUES ('content_sha256', ?)", [digest])
    conn.execute("COMMIT")
    return Written(digest, count)
