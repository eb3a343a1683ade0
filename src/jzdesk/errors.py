"""Two kinds of error: a KnownError carries a message for the user; anything else is a bug."""

from __future__ import annotations

from pathlib import Path


class KnownError(Exception):
    """A problem the user can understand and fix (bad input, bad file, locked database).

    The message is plain Chinese and names the file, row or field concerned. The CLI
    prints it on stderr and exits 1; the window shows it in a message box.
    """

    def __init__(self, message: str, *, field: str | None = None, code: str = "") -> None:
        """``code`` names the kind of problem for a program to act on (the window asks for
        the unit of a sheet that names none), so that no decision hangs on a message's
        wording."""
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    def __str__(self) -> str:
        return self.message


class DamagedDatabaseError(KnownError):
    """The database file is not a database any more (damaged); a backup may be restored."""


class NewerDatabaseError(KnownError):
    """The database (or file) was written by a newer jzdesk than this one."""


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in the words a clerk reads (not the OS's English)."""
    import errno

    reasons = {
        errno.ENOENT: "找不到这个文件或文件夹",
        errno.EACCES: "没有权限（文件可能正在别的程序中打开，或文件夹不允许写入）",
        errno.EPERM: "没有权限",
        errno.ENOSPC: "磁盘空间不足",
        errno.EISDIR: "这是一个文件夹，不是文件",
        errno.EROFS: "磁盘是只读的",
        errno.EBUSY: "文件正被其他程序使用",
        errno.ENAMETOOLONG: "路径太长（超过系统允许的长度），请把文件移到层次较浅的文件夹中",
    }
    return reasons.get(error.errno, error.strerror or str(error))


# SQLite's fixed message for each failure, for Pythons without sqlite_errorname (3.10).
_SQLITE_MESSAGES = (
    ("database or disk is full", "full"),
    ("database is locked", "busy"),
    ("database table is locked", "locked"),
    ("interrupted", "interrupt"),
    ("unable to open", "cantopen"),
    ("file is not a database", "notadb"),
    ("malformed", "corrupt"),
    ("readonly", "readonly"),
)


def sqlite_failure(error: BaseException) -> str:
    """What a SQLite failure was, by SQLite's own error name: ``full``, ``busy``,
    ``locked``, ``interrupt``, ``cantopen``, ``notadb``, ``corrupt``, ``readonly`` … (the
    primary code of ``SQLITE_BUSY_SNAPSHOT`` and the like), or "" for an error that is
    not SQLite's. The decision never rests on the English wording of a message where the
    name is known."""
    name = getattr(error, "sqlite_errorname", None)
    if name:
        return name.removeprefix("SQLITE_").split("_")[0].lower()
    text = str(error).lower()
    return next((kind for words, kind in _SQLITE_MESSAGES if words in text), "")


def is_disk_full(error: BaseException) -> bool:
    """SQLite's SQLITE_FULL: the disk (or the temporary folder's) has no room left."""
    return sqlite_failure(error) == "full"


class DiskFullError(KnownError):
    """A write found no room on the disk; its transaction was rolled back whole."""

    def __init__(self) -> None:
        super().__init__("磁盘空间不足，没有保存（数据库没有改动）；请清理磁盘后重试")


def disk_full_message(path) -> str:
    """The reason a file was not imported when the disk filled up (nothing was written)."""
    return (
        f"磁盘空间不足，文件 {Path(path).name} 未导入（数据库没有改动）；"
        "请清理磁盘（包括临时文件夹）后重新导入"
    )
