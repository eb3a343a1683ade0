"""Two kinds of error: a KnownError carries a message for the user; anything else is a bug."""

from __future__ import annotations


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


class NewerDatabaseError(KnownError):
    """The database (or file) was written by a newer jzdesk than this one."""
