"""The five activity types as toggle buttons, one focus stop for the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from jzdesk.domain.activity_types import ActivityType


class TypeButtons(QWidget):
    """The five type toggles; focusable as one stop, where keys 1–5 and ←/→ choose."""

    changed = Signal()

    def __init__(self, container: QWidget):
        super().__init__(container)
        self.setObjectName("typeFocus")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("#typeFocus:focus { border: 2px solid #4f8fd6; border-radius: 4px; }")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for number, kind in enumerate(ActivityType, start=1):
            button = QPushButton(f"{number} {kind.label}", self)
            button.setCheckable(True)
            button.setToolTip(f"活动类型：{kind.label}（也可以按数字键 {number}）")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(34)
            colour = kind.colour
            button.setStyleSheet(
                f"QPushButton {{ border: 1px solid {colour}; border-radius: 4px; padding: 4px 10px;"
                f" color: {colour}; background: white; }}"
                f"QPushButton:checked {{ background: {colour}; color: white; font-weight: bold; }}"
            )
            self.group.addButton(button, number)
            layout.addWidget(button)
        self.group.idClicked.connect(lambda _: self.changed.emit())
        container.layout().addWidget(self)

    def current(self) -> ActivityType | None:
        number = self.group.checkedId()
        return None if number < 1 else list(ActivityType)[number - 1]

    def set_current(self, kind: ActivityType | None) -> None:
        if kind is None:
            checked = self.group.checkedButton()
            if checked:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
        else:
            self.group.button(list(ActivityType).index(kind) + 1).setChecked(True)
        self.changed.emit()

    def keyPressEvent(self, event):
        key, kinds = event.key(), list(ActivityType)
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.set_current(kinds[key - Qt.Key.Key_1])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            now = self.current()
            position = kinds.index(now) if now else -step
            self.set_current(kinds[(position + step) % len(kinds)])
        else:
            super().keyPressEvent(event)
