"""The window's handle on the database: the use cases, the undo stack, and the change signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from jzdesk.errors import KnownError
from jzdesk.ui import undo
from jzdesk.usecases import installation, ledger, photos


class Workspace(QObject):
    """Owns the open database, writes through the use cases, and tells views what changed.

    The store knows nothing of Qt, so the signal lives here. Writes by another program
    (``jzdesk add-event`` or an import from the command line) are noticed too, through
    SQLite's ``PRAGMA data_version``, polled while the window is open.
    """

    records_changed = Signal()
    error = Signal(str)  # a KnownError from an undo or redo, for the window to show

    POLL_MS = 2000

    def __init__(self, db, path, parent=None):
        super().__init__(parent)
        self.db = db
        self.path = path
        self.undo_stack = QUndoStack(self)
        self._search_thread = None
        self._data_version = self._read_data_version()
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self.check_for_changes)
        self._poll.start()

    def _read_data_version(self) -> int:
        return installation.data_version(self.db)

    def check_for_changes(self) -> None:
        """Emit records_changed if another connection committed since the last look."""
        version = self._read_data_version()
        if version != self._data_version:
            self._data_version = version
            self.records_changed.emit()

    # -- writes: each commits through a use case, joins the undo stack, tells the views --
    def add_event(self, fields, photos=()) -> str:
        record_id = ledger.add_record(self.db, fields, photos=photos)
        self._done(undo.AddCommand(self, record_id))
        return record_id

    def update_event(self, record, fields) -> None:
        ledger.update_record(self.db, record.id, fields, revision=record.revision)
        self._done(undo.EditCommand(self, record.id, record.fields, fields, record.revision + 1))

    def attach_photos(self, record_id: str, prepared) -> None:
        photos.attach_photos(self.db, record_id, prepared)
        self.records_changed.emit()

    def remove_photo(self, record_id: str, photo_id: int) -> None:
        photos.remove_photo(self.db, record_id, photo_id)
        self.records_changed.emit()

    def delete_events(self, record_ids) -> None:
        ledger.delete_records(self.db, list(record_ids))
        self._done(undo.DeleteCommand(self, list(record_ids)))

    def restore_events(self, record_ids) -> None:
        ledger.restore_records(self.db, list(record_ids))
        self._done(undo.RestoreCommand(self, list(record_ids)))

    def changed(self) -> None:
        """Tell the views about a write made elsewhere that is not undoable (imports)."""
        self.records_changed.emit()

    def _done(self, command) -> None:
        self.undo_stack.push(command)
        self.records_changed.emit()

    def run_undo_step(self, command, step) -> None:
        """Run an undo or redo step; a refusal (the record changed since) is reported, and the
        command dropped so the stack does not pretend it happened."""
        try:
            step(self.db)
        except KnownError as error:
            command.setObsolete(True)
            self.error.emit(f"无法撤销/重做“{command.text()}”：{error.message}")
        self.records_changed.emit()

    def search_thread(self):
        """The thread that reads the ledger's slow searches (ui.search_thread), made on
        first use: it has its own connection to this database, closed with it."""
        if self._search_thread is None:
            from jzdesk.ui.search_thread import SearchThread

            self._search_thread = SearchThread(self.path, self)
        return self._search_thread

    def close(self) -> None:
        self._poll.stop()
        if self._search_thread is not None:
            self._search_thread.close()
        self.db.close()
