"""The message after an export: what was written, and a click to open it or its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from jzdesk.ui.preferences import ask_save_path


def ask_sheet_path(parent, title: str, name: str, suffix: str) -> Path | None:
    """Where to export a sheet as ``suffix`` (.pdf or .xlsx), suggesting ``name``; the
    path with that suffix whatever was typed, or None when cancelled."""
    kind = "PDF 文件 (*.pdf)" if suffix == ".pdf" else "Excel 文件 (*.xlsx)"
    path = ask_save_path(parent, title, "export", name, kind)
    return path.with_suffix(suffix) if path else None


def tell_exported(parent, path: Path, text: str) -> None:
    """Say what was exported, offering 打开文件 (with WPS, Excel or the PDF reader) and
    打开所在文件夹 (to attach it to a mail or copy it to a USB stick)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, "导出完成", text, QMessageBox.StandardButton.Close, parent
    )
    open_file = box.addButton("打开文件", QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
    box.exec()
    chosen = {open_file: Path(path), open_folder: Path(path).parent}.get(box.clickedButton())
    if chosen is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(chosen)))
