"""Undoable writes (Ctrl+Z): each command redoes or undoes one save or delete through the use cases."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from jzdesk.domain.records import RecordFields
from jzdesk.usecases import ledger


class _DoneCommand(QUndoCommand):
    """A command pushed after its first "do" already ran (so a failure could be reported
    before anything was pushed); QUndoStack's automatic first redo is skipped."""

    def __init__(self, workspace, text: str):
        super().__init__(text)
        self._workspace = workspace
        self._first = True

    def redo(self):
        if self._first:
            self._first = False
            return
        self._workspace.run_undo_step(self, self.do_again)

    def undo(self):
        self._workspace.run_undo_step(self, self.do_undo)

    def do_again(self, db) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def do_undo(self, db) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class AddCommand(_DoneCommand):
    """Undo of a new record moves it to the recycle bin (it may already have travelled)."""

    def __init__(self, workspace, record_id: str):
        super().__init__(workspace, "新增记录")
        self.record_id = record_id

    def do_undo(self, db):
        ledger.delete_records(db, [self.record_id])

    def do_again(self, db):
        ledger.restore_records(db, [self.record_id])


class EditCommand(_DoneCommand):
    """Undo of an edit saves the old values as a further revision (history is never rewritten).

    It remembers the revision its own save produced: if anything else saved the record
    since (an import, another window), undoing is refused instead of overwriting that.
    """

    def __init__(
        self, workspace, record_id: str, old: RecordFields, new: RecordFields, revision: int
    ):
        super().__init__(workspace, "修改记录")
        self.record_id, self.old, self.new, self.revision = record_id, old, new, revision

    def _save(self, db, fields: RecordFields) -> None:
        ledger.update_record(db, self.record_id, fields, revision=self.revision)
        self.revision += 1

    def do_undo(self, db):
        self._save(db, self.old)

    def do_again(self, db):
        self._save(db, self.new)


class DeleteCommand(_DoneCommand):
    def __init__(self, workspace, record_ids: list[str]):
        super().__init__(workspace, f"删除 {len(record_ids)} 条记录")
        self.record_ids = list(record_ids)

    def do_undo(self, db):
        ledger.restore_records(db, self.record_ids)

    def do_again(self, db):
        ledger.delete_records(db, self.record_ids)


class RestoreCommand(DeleteCommand):
    def __init__(self, workspace, record_ids: list[str]):
        super().__init__(workspace, record_ids)
        self.setText(f"恢复 {len(record_ids)} 条记录")

    def do_undo(self, db):
        ledger.delete_records(db, self.record_ids)

    def do_again(self, db):
        ledger.restore_records(db, self.record_ids)
