"""Two kinds of error: a KnownError carries a message for the user; anything else is a bug."""

from __future__ import annotations

from pathlib import Path


class KnownError(Exception):
    """A problem the user can understand and fix (bad input, bad file, locked database).

    The message is plain Chinese and names the file, row or field concerned. The CLI
    prints it on stderr and exits 1; the window shows it in a message box.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

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
        errno.ENOSPC: "磁盘已满",
        errno.EISDIR: "这是一个文件夹，不是文件",
        errno.EROFS: "磁盘是只读的",
        errno.EBUSY: "文件正被其他程序使用",
    }
    return reasons.get(error.errno, error.strerror or str(error))


def is_disk_full(error: Exception) -> bool:
    """SQLite's SQLITE_FULL: the disk (or the temporary folder's) has no room left."""
    return "database or disk is full" in str(error).lower()


def disk_full_message(path) -> str:
    """The reason a file was not imported when the disk filled up (nothing was written)."""
    return (f"磁盘空间不足，文件 {Path(path).name} 未导入（数据库没有改动）；"
            "请清理磁盘（包括临时文件夹）后重新导入")  # fmt: skip
