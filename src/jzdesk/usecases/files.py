"""Writing the files a user asks for, safely: never half a file under the real name."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from jzdesk.errors import KnownError, os_reason


def write_file(path: Path, write) -> None:
    """Write through a temporary file beside ``path`` and move it into place, so a failure
    (disk full, file open elsewhere, Ctrl+C) never leaves half a sheet under the real
    name, nor the temporary file beside it."""
    import os

    if not path.parent.is_dir():
        raise KnownError(f"无法写入 {path}：文件夹 {path.parent} 不存在", field="out")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException as error:
        with suppress(OSError):  # a locked temporary must not hide why the write failed
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise KnownError(f"无法写入 {path}：{os_reason(error)}", field="out") from error
        raise
