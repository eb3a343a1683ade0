"""Where the window keeps its own settings (geometry, last folders): an INI file per user."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from jzdesk import APP_NAME


def app_settings() -> QSettings:
    """``jzdesk/jzdesk.ini`` in the user's config folder (tests point QSettings.setPath elsewhere).

    An ASCII folder name, so the path is safe on every Windows code page.
    """
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
