"""Where the window keeps its own settings (geometry, last folders): an INI file per user."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from jzdesk import APP_NAME, ORGANIZATION


def app_settings() -> QSettings:
    """The user's jzdesk.ini (tests point QSettings.setPath at a temporary folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME)
