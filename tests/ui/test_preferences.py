"""File dialogs start in the folder last used for the same kind of file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from jzdesk.ui.preferences import ask_open_paths, ask_save_path


def test_last_folders_are_remembered_per_kind(qapp, tmp_path, monkeypatch):
    offered = []

    def save(parent, title, start, filters):
        offered.append(start)
        return str(tmp_path / "exports" / "a.pdf"), filters

    def open_many(parent, title, start, filters):
        offered.append(start)
        return [str(tmp_path / "photos" / "p.jpg")], filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_many))
    assert ask_save_path(None, "t", "export", "表.pdf", "*.pdf") == tmp_path / "exports" / "a.pdf"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert offered[0] == str(Path(documents) / "表.pdf")  # at first, the documents folder
    ask_save_path(None, "t", "export", "表.pdf", "*.pdf")
    assert offered[1] == str(tmp_path / "exports" / "表.pdf")
    assert ask_open_paths(None, "t", "photos", "*.jpg", many=True) == [
        tmp_path / "photos" / "p.jpg"
    ]
    ask_open_paths(None, "t", "photos", "*.jpg", many=True)
    assert offered[3] == str(tmp_path / "photos")
