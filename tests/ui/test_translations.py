"""Chinese everywhere, Qt's own dialogs included (PRODUCT §9)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

from jzdesk import app as jzapp

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location(
    "compile_translations", ROOT / "tools" / "compile_translations.py"
)
compile_translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compile_translations)


@pytest.fixture
def translated(app, monkeypatch):
    """The application's catalogues as install_translations loads them, ours from this
    checkout's resources/ (an editable install may map jzdesk.resources elsewhere)."""
    monkeypatch.setattr(jzapp, "resource_path", lambda *parts: ROOT.joinpath("resources", *parts))
    translators = jzapp.install_translations(app)
    assert len(translators) == 2
    yield
    for translator in translators:
        app.removeTranslator(translator)


def test_a_file_dialog_speaks_chinese(translated, qtbot):
    dialog = QFileDialog(None, "导入", str(ROOT), "Excel 统计表 (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on UOS and Kylin
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels == {
        "lookInLabel": "查找范围(&L)：",
        "fileNameLabel": "文件名称(&N)：",
        "fileTypeLabel": "文件类型(&T)：",
    }
    columns = dialog.findChild(QTreeView).model()
    headers = [columns.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["名称", "大小", "类型", "修改日期"]


def test_the_shipped_catalogue_is_compiled_from_its_source():
    for source in (ROOT / "resources" / "translations").glob("*.ts"):
        assert source.with_suffix(".qm").read_bytes() == compile_translations.compile_catalogue(
            source
        ), "run python tools/compile_translations.py"
