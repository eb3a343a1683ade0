"""The window's handle on the database: services plus the change signal widgets listen to."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class Workspace(QObject):
    """Owns the open database and tells views when its records change.

    The store knows nothing of Qt, so the signal lives here. Writes by another program
    (``jzdesk add-event`` or an import from the command line) are noticed too, through
    SQLite's ``PRAGMA data_version``, polled while the window is open.
    """

    records_changed = Signal()

    POLL_MS = 2000

    def __init__(self, db, path, parent=None):
        super().__init__(parent)
        self.db = db
        self.path = path
        self._data_version = self._read_data_version()
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self.check_for_changes)
        self._poll.start()

    def _read_data_version(self) -> int:
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def check_for_changes(self) -> None:
        """Emit records_changed if another connection committed since the last look."""
        version = self._read_data_version()
        if version != self._data_version:
            self._data_version = version
            self.records_changed.emit()

    def close(self) -> None:
        self._poll.stop()
        self.db.close()
