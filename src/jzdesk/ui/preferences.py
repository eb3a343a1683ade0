"""The window's own preferences (geometry, splitters, last folders): an INI file per user,
apart from the installation's settings in the database (store/settings.py)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from jzdesk import APP_NAME


def app_settings() -> QSettings:
    """``jzdesk/jzdesk.ini`` in the user's config folder (tests point QSettings.setPath elsewhere).

    An ASCII folder name, so the path is safe on every Windows code page.
    """
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def start_folder(folder_key: str) -> str:
    """Where a file dialog for ``folder_key`` opens: the folder last used for it, at first
    the user's documents folder (where office files are kept, not the program's)."""
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return app_settings().value(f"folders/{folder_key}", documents)


def ask_save_path(parent, title: str, folder_key: str, name: str, filters: str):
    """A save dialog that starts in start_folder(``folder_key``) and remembers the folder
    chosen; returns the Path or None."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    settings = app_settings()
    folder = start_folder(folder_key)
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name), filters)
    if not path:
        return None
    settings.setValue(f"folders/{folder_key}", str(Path(path).parent))
    return Path(path)


def ask_open_paths(parent, title: str, folder_key: str, filters: str, *, many: bool = False):
    """An open dialog remembering its folder like ask_save_path; returns a list of Paths."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    settings = app_settings()
    folder = start_folder(folder_key)
    if many:
        chosen, _ = QFileDialog.getOpenFileNames(parent, title, folder, filters)
    else:
        one, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        chosen = [one] if one else []
    if chosen:
        settings.setValue(f"folders/{folder_key}", str(Path(chosen[0]).parent))
    return [Path(path) for path in chosen]
