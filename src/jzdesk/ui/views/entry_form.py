"""The entry form: one row of the statistics sheet, fast to fill with the keyboard alone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCompleter,
    QMessageBox,
    QWidget,
)

from jzdesk.domain import sheet
from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.plans import date_outside_plans
from jzdesk.domain.records import (
    DELIVERIES,
    MEDIA_CHANNELS,
    VENUE_CATEGORIES,
    ActivityRecord,
    MediaItem,
    RecordFields,
    check_fields,
    cleaned,
)
from jzdesk.errors import KnownError
from jzdesk.ui.forms.ui_entry_form import Ui_EntryForm
from jzdesk.ui.keys import widget_shortcut
from jzdesk.ui.views.date_keys import date_edit_key
from jzdesk.ui.views.entry_attachments import Attachments
from jzdesk.ui.views.type_buttons import TypeButtons
from jzdesk.usecases import installation, ledger

AUDIENCE_CONFIRM = 5000


class EntryForm(Attachments, QWidget):
    """Enters a new record or edits one; saving goes through the workspace (undoable).

    Every save leaves the form on a fresh record (keeping unit, date and type), so the
    clerk is never one keystroke away from overwriting what was just saved; to change a
    saved record, open it from the ledger.
    """

    saved = Signal(str)  # the id of the record just saved

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ui = Ui_EntryForm()
        self.ui.setupUi(self)
        self._workspace = workspace
        self._unit_code: str | None = None
        self._plan_year: int | None = None
        self._editing: ActivityRecord | None = None
        self._loaded: RecordFields | None = None  # what the form showed before any input
        self._pending_photos: list = []  # prepared photos of a record not yet saved
        self._media: list[MediaItem] = []

        # The sheet's own column names (domain.sheet), so form, ledger and exports agree.
        labels = {column.key: column.label for column in sheet.COLUMNS}
        for key, label in (
            ("date", self.ui.dateLabel),
            ("title", self.ui.titleLabel),
            ("venue", self.ui.venueLabel),
            ("audience", self.ui.audienceLabel),
            ("notes", self.ui.notesLabel),
        ):
            label.setText(labels[key])
        for column, stretch in ((1, 2), (3, 2), (5, 2)):
            self.ui.grid.setColumnStretch(column, stretch)
        self.types = TypeButtons(self.ui.typeButtons)
        self.types.changed.connect(self._update_mode_label)
        QWidget.setTabOrder(self.ui.dateEdit, self.types)
        QWidget.setTabOrder(self.types, self.ui.sessionsSpin)
        self.ui.deliveryCombo.addItems(["", *DELIVERIES])
        self.ui.categoryCombo.addItems(["", *VENUE_CATEGORIES])
        self.ui.mediaChannelCombo.addItems(MEDIA_CHANNELS)
        self._completers = {}
        for name, edit in (
            ("title", self.ui.titleEdit),
            ("venue", self.ui.venueEdit),
            ("presenter", self.ui.presenterEdit),
        ):
            completer = QCompleter(QStringListModel(self), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
            self._completers[name] = completer

        self.ui.saveButton.clicked.connect(self.save)
        self.ui.newButton.clicked.connect(self.new_record)
        self.ui.mediaAddButton.clicked.connect(self._add_media)
        self.ui.mediaLinkEdit.returnPressed.connect(self._add_media)
        self.ui.photoAddButton.clicked.connect(self._pick_photos)
        for items, remove, what in (
            (self.ui.mediaList, self._remove_media, "媒体报道"),
            (self.ui.photoList, self._remove_photo, "照片"),
        ):
            delete = QKeySequence.StandardKey.Delete
            widget_shortcut(items, delete, remove, what=f"活动登记 → 删除选中的{what}")
        workspace.records_changed.connect(self._follow_store)
        self.ui.photoList.itemDoubleClicked.connect(self.show_photo)
        self.ui.photoList.setAcceptDrops(True)
        self.ui.photoList.viewport().installEventFilter(self)
        self.ui.photoList.installEventFilter(self)
        self.ui.dateEdit.installEventFilter(self)
        self.start_new(keep=False)

    # -- context ---------------------------------------------------------------------
    def set_unit(self, unit_code: str | None) -> None:
        """The unit new records belong to (None: the form is disabled until one is chosen)."""
        clean = not self.has_unsaved_input()
        self._unit_code = unit_code
        self.setEnabled(unit_code is not None)
        self.refresh_suggestions()
        self._update_mode_label()
        if clean:  # a change of context is not input of the clerk's
            self._loaded = self._read(self.types.current())

    def set_plan_year(self, year: int) -> None:
        """New records start in this year (the ledger's); unsaved input stays as typed."""
        self._plan_year = year
        if (
            self._editing is None
            and self.ui.dateEdit.date().year() != year
            and not self.has_unsaved_input()
        ):
            self.ui.dateEdit.setDate(QDate(_default_day(year)))
            self._loaded = self._read(self.types.current())

    def refresh_suggestions(self) -> None:
        for name, completer in self._completers.items():
            values = (
                ledger.suggestions(self._workspace.db, self._unit_code, name)
                if self._unit_code
                else []
            )
            completer.model().setStringList(values)

    # -- filling ---------------------------------------------------------------------
    def start_new(self, *, keep: bool) -> None:
        """Clear the form for a new record; ``keep`` holds on to the date and the type."""
        kind = self.types.current() if keep else None
        day = self.ui.dateEdit.date() if keep else QDate(_default_day(self._plan_year))
        self._editing = None
        self._load(RecordFields(self._unit_code or "", day.toPython(), kind or ActivityType.ART))
        self.types.set_current(kind)
        self._pending_photos = []
        self._after_load()

    def new_record(self) -> None:
        """新建: a blank form, the date first, once unsaved input is saved or given up."""
        if self.may_replace_input():
            self.start_new(keep=False)
            self.ui.dateEdit.setFocus()

    def open_record(self, record: ActivityRecord) -> None:
        """Show a record picked in the ledger, once unsaved input has been dealt with."""
        if self.may_replace_input():
            self.edit(record)

    def edit(self, record: ActivityRecord) -> None:
        """Show ``record`` for editing; saving writes its next revision."""
        self._editing = record
        self._unit_code = record.fields.unit_code
        self._load(record.fields)
        self.types.set_current(record.fields.activity_type)
        self._pending_photos = []
        self._after_load()

    def _after_load(self) -> None:
        self._loaded = self._read(self.types.current())
        self._show_photos()
        self._clear_errors()
        self._update_mode_label()

    def has_unsaved_input(self) -> bool:
        """Whether the clerk typed or picked something that no save has kept yet."""
        return self._read(self.types.current()) != self._loaded or bool(self._pending_photos)

    def may_replace_input(self) -> bool:
        """Ask what becomes of unsaved input (保存 / 放弃 / 取消) before the form shows
        something else; True when it may go ahead."""
        if not self.has_unsaved_input():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "尚未保存",
            "登记表中有尚未保存的内容。先保存吗？",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save() is not None
        return answer == buttons.Discard

    def _follow_store(self) -> None:
        """After an undo, redo, delete or import, the form never edits a record that is
        gone (saving it would write a revision of a deleted record), and shows the current
        revision of one that changed while nothing was typed over it."""
        if self._editing is None:
            return
        record = ledger.get_record(self._workspace.db, self._editing.id)
        if record.deleted:
            self.start_new(keep=True)
            self._status("正在修改的记录已删除（或已撤销），登记表已改为登记新记录")
        elif record.revision != self._editing.revision and not self.has_unsaved_input():
            self.edit(record)

    @property
    def editing(self) -> ActivityRecord | None:
        return self._editing

    def _load(self, f: RecordFields) -> None:
        ui = self.ui
        ui.dateEdit.setDate(QDate(f.date))
        ui.sessionsSpin.setValue(f.sessions)
        ui.audienceSpin.setValue(f.audience)
        ui.deliveryCombo.setCurrentText(f.delivery)
        ui.titleEdit.setText(f.title)
        ui.venueEdit.setText(f.venue)
        ui.categoryCombo.setCurrentText(f.venue_category)
        ui.presenterEdit.setText(f.presenter)
        ui.demoCheck.setChecked(f.demonstration)
        ui.originalCheck.setChecked(f.original)
        ui.logoCheck.setChecked(f.logo_shown)
        ui.notesEdit.setText(f.notes)
        ui.mediaLinkEdit.clear()
        self._media = list(f.media)
        self._show_media()

    def fields(self) -> RecordFields | None:
        """What the form holds, or None while no type is chosen."""
        kind = self.types.current()
        if kind is None or self._unit_code is None:
            return None
        return self._read(kind)

    def _read(self, kind: ActivityType | None) -> RecordFields:
        """The fields as shown, ``kind`` possibly None (to notice typing before a type)."""
        ui = self.ui
        return RecordFields(
            unit_code=self._unit_code or "",
            date=ui.dateEdit.date().toPython(),
            activity_type=kind,
            sessions=ui.sessionsSpin.value(),
            title=ui.titleEdit.text().strip(),
            venue=ui.venueEdit.text().strip(),
            venue_category=ui.categoryCombo.currentText(),
            audience=ui.audienceSpin.value(),
            delivery=ui.deliveryCombo.currentText(),
            presenter=ui.presenterEdit.text().strip(),
            demonstration=ui.demoCheck.isChecked(),
            original=ui.originalCheck.isChecked(),
            logo_shown=ui.logoCheck.isChecked(),
            media=tuple(self._media),
            notes=ui.notesEdit.text().strip(),
        )

    # -- validation ------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for label in (self.ui.dateError, self.ui.sessionsError, self.ui.audienceError):
            label.clear()
            label.hide()  # an empty message row takes no room
        self.ui.statusLabel.clear()
        self.ui.statusLabel.setStyleSheet("")

    def validate(self) -> RecordFields | None:
        """Show every problem beside its field; the fields if there is none."""
        self._clear_errors()
        fields = self.fields()
        ok = True
        if fields is None:
            self._status("请先选择活动类型（按 1–5 或点击类型按钮）", error=True)
            return None
        outside = date_outside_plans(fields.date, installation.plan_years(self._workspace.db))
        if outside:
            self._show_error("date", outside)
            ok = False
        for problem in check_fields(cleaned(fields)):  # as the ledger will store them
            self._show_error(problem.field, problem.message)
            ok = False
        return fields if ok else None

    def _show_error(self, field: str | None, message: str) -> None:
        """Beside its field where the form has a place for it, else in the status line."""
        label = {
            "sessions": self.ui.sessionsError,
            "audience": self.ui.audienceError,
            "date": self.ui.dateError,
        }.get(field)
        if label is None:
            self._status(message, error=True)
        else:
            label.setText(message)
            label.show()

    def _status(self, text: str, *, error: bool = False) -> None:
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.setStyleSheet("color: #b3261e;" if error else "color: #1e7b34;")

    # -- saving ----------------------------------------------------------------------
    def keyPressEvent(self, event):
        """Enter, Ctrl+Enter and Ctrl+S save, but only here: the keys reach the form when
        a field inside it has the focus and lets them through (line edits, spin boxes,
        combo boxes and check boxes all do), never from the ledger or its search box.
        Enter in the media link field adds the link instead."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.focusWidget() is self.ui.mediaLinkEdit:
            event.accept()
        elif enter or event.matches(QKeySequence.StandardKey.Save):
            event.accept()
            self.save()
        else:
            super().keyPressEvent(event)

    def save(self) -> str | None:
        """Validate, confirm what needs confirming, save, and start the next record
        (keeping unit, date and type); returns the saved record's id or None."""
        fields = self.validate()
        if fields is None:
            return None
        if fields.audience > AUDIENCE_CONFIRM and not self._confirm(
            f"受益职工 {fields.audience} 人次，超过 {AUDIENCE_CONFIRM}。确定填写正确吗？"
        ):
            return None
        exclude = self._editing.id if self._editing else None
        duplicates = ledger.likely_duplicates(self._workspace.db, fields, exclude_id=exclude)
        if duplicates and not self._confirm(_duplicate_text(duplicates)):
            return None
        try:
            if self._editing is None:
                record_id = self._workspace.add_event(fields, photos=self._pending_photos)
            else:
                record_id = self._editing.id
                if fields != self._editing.fields:
                    self._workspace.update_event(self._editing, fields)
        except KnownError as error:
            self._show_error(error.field, error.message)
            return None
        self.refresh_suggestions()
        self.start_new(keep=True)
        self.ui.dateEdit.setFocus()  # the next record starts with its date
        what = " ".join(
            filter(
                None,
                (fields.date.isoformat(), fields.activity_type.label, fields.title or fields.venue),
            )
        )
        self._status(f"已保存：{what}，可继续登记下一条（要修改它，在下方台账中双击）")
        self.saved.emit(record_id)
        return record_id

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            "请确认",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _update_mode_label(self) -> None:
        if self._editing is None:
            self.ui.modeLabel.setText("新增活动记录")
        else:
            self.ui.modeLabel.setText(
                f"修改记录（第 {self._editing.revision} 版，录入人 {self._editing.entered_by or '—'}）"
            )

    def eventFilter(self, watched, event):
        if watched is self.ui.dateEdit:
            return date_edit_key(self.ui.dateEdit, event, self.focusNextPrevChild)
        return self.photo_drop(event) or super().eventFilter(watched, event)


def _default_day(year: int | None) -> date:
    today = date.today()
    if year is None or year == today.year:
        return today
    return date(year, 1, 1) if year > today.year else date(year, 12, 31)


def _duplicate_text(duplicates) -> str:
    lines = [
        f"· {r.fields.date.isoformat()} {r.fields.activity_type.label} "
        f"{r.fields.title or '（无名称）'} @ {r.fields.venue or '（无地点）'}"
        for r in duplicates[:5]
    ]
    return (
        "已有相似的记录（同一单位、同一天、同一类型，地点或名称相近）：\n"
        + "\n".join(lines)
        + "\n\n这可能是同一场活动的重复登记。仍要保存吗？"
    )
