"""Everyday operation: the first-run wizard, one window per database (a second launch
hands its files over), and a damaged database leading to the offer to restore."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWizard

from jzdesk import app as jzapp
from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.periods import parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.store.db import open_db
from jzdesk.ui.views.first_run import FirstRunWizard
from jzdesk.usecases import backups, installation, ledger, report_info, submission_export


def test_the_wizard_sets_up_a_unit_installation_where_chosen(app, qtbot, tmp_path):
    wizard = FirstRunWizard(tmp_path / "default" / "jzdesk.sqlite")
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    # Nothing is chosen for the clerk: 下一步 waits for the role, then for the unit.
    assert wizard.currentId() == 0 and not next_button.isEnabled()
    assert not (wizard.unit_role.isChecked() or wizard.city_role.isChecked())
    wizard.unit_role.click()
    next_button.click()
    assert wizard.unit_combo.currentIndex() == -1 and not next_button.isEnabled()
    wizard.unit_combo.setCurrentIndex(wizard.unit_combo.findData("wenxian"))
    next_button.click()
    wizard.filler_edit.setText("赵六")
    wizard.phone_edit.setText("0391-6123456")
    wizard.next()
    assert "这台电脑登记为：温县总工会" in wizard.choice_label.text()
    chosen = tmp_path / "我的数据" / "jzdesk.sqlite"
    wizard.path_edit.setText(str(chosen))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted and wizard.db_path == chosen
    db = open_db(chosen)
    assert installation.home_unit(db).code == "wenxian"
    assert report_info.header_fields(db, "wenxian") == {"filler": "赵六", "phone": "0391-6123456"}
    db.close()


def test_the_city_skips_the_unit_page_and_a_bad_phone_keeps_the_wizard_open(
    app, qtbot, tmp_path, monkeypatch
):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warned.append(a[2])))
    wizard = FirstRunWizard(tmp_path / "city.sqlite")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.city_role.setChecked(True)
    wizard.next()
    assert wizard.currentId() == 2  # straight to the filler page
    wizard.phone_edit.setText("不是电话")
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "联系电话" in warned[0] and wizard.isVisible()
    wizard.phone_edit.setText("0391-3999928")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    db = open_db(tmp_path / "city.sqlite")
    assert installation.home_unit(db).code == "city"
    db.close()


def test_the_wizard_shows_once_and_never_for_a_named_database(app, monkeypatch, tmp_path):
    monkeypatch.delenv("JZDESK_DB", raising=False)
    assert jzapp.needs_first_run(None)
    assert not jzapp.needs_first_run(tmp_path / "x.sqlite")
    monkeypatch.setenv("JZDESK_DB", str(tmp_path / "y.sqlite"))
    assert not jzapp.needs_first_run(None)
    monkeypatch.delenv("JZDESK_DB")
    from jzdesk.store import db as store_db
    from jzdesk.ui.preferences import app_settings

    app_settings().setValue(jzapp.FIRST_RUN_SETTING, True)
    assert not jzapp.needs_first_run(None)
    monkeypatch.setattr(store_db, "_choice_file", lambda: tmp_path / "config" / "where.txt")
    assert jzapp.database_path() == store_db.standard_db_path()
    store_db.remember_db_path(tmp_path / "chosen.sqlite")
    assert jzapp.database_path() == (tmp_path / "chosen.sqlite").resolve()
    assert store_db.default_db_path() == (tmp_path / "chosen.sqlite").resolve()  # the CLI too


def test_a_second_launch_hands_its_file_to_the_open_window(open_window, db_path, tmp_path, qtbot):
    from jzdesk.ui.single_instance import InstanceServer, server_name

    unit_db = open_db(tmp_path / "unit.sqlite")
    ledger.add_record(unit_db, RecordFields("boai", date(2021, 3, 3), ActivityType.LECTURE))
    package = tmp_path / "博爱.jzsub"
    submission_export.export_submission(
        unit_db, installation.resolve_unit(unit_db, "博爱"), package, period=parse_period("2021Q1")
    )
    unit_db.close()
    window = open_window()
    server = InstanceServer(server_name(db_path), window)
    server.files_received.connect(window.receive_files)
    assert server.is_listening()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen(
        [sys.executable, "-m", "jzdesk", "--db", str(db_path), str(package)], env=env
    )
    with qtbot.waitSignal(server.files_received, timeout=20000) as received:
        pass
    assert second.wait(timeout=20) == 0  # it handed over and left, no second window
    assert received.args[0] == [package.resolve()]
    qtbot.waitUntil(lambda: window.results_dialog is not None, timeout=5000)
    assert window.results_dialog.table.item(0, 1).text() == "已导入"
    assert window.ui.tabs.currentWidget() is window.imports_tab


def test_a_damaged_database_offers_the_latest_backup(app, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "data" / "jzdesk.sqlite"
    db = open_db(path)
    ledger.add_record(db, RecordFields("qinyang", date(2021, 3, 5), ActivityType.ART))
    backups.make_backup(db, "daily")
    db.close()
    path.write_bytes(b"\0garbage" * 5000)  # a disk error, a half-copied file
    asked, told = [], []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes),
    )
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    window = jzapp.open_main_window(path)
    qtbot.addWidget(window)
    assert "已损坏" in asked[0] and "1 条活动记录" in asked[0]
    assert ledger.record_totals(window.workspace.db)["records"] == 1
    aside = Path(told[0].split("\n")[-1])
    assert aside.exists() and aside.read_bytes().startswith(b"\0garbage")
    window.close()


def test_a_damaged_database_without_backups_is_explained(app, tmp_path, monkeypatch):
    path = tmp_path / "jzdesk.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(a[2])))
    assert jzapp.open_main_window(path) is None
    assert "没有找到可用的备份" in shown[0]


def test_cancelling_the_wizard_says_nothing_was_set_up(app, monkeypatch):
    monkeypatch.delenv("JZDESK_DB", raising=False)
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: QWizard.DialogCode.Rejected)
    assert jzapp.first_run() is None
    assert told == [jzapp.NOT_SET_UP] and "没有建立或更改任何东西" in told[0]
    assert jzapp.needs_first_run(None)  # it shows again next time


def test_missing_x11_libraries_are_named_in_chinese_before_qt_loads(monkeypatch, capsys):
    """Issue 14: not Qt's English abort and a core dump."""
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")

    def load(library):
        if library != "libxcb-icccm.so.4":
            raise OSError(f"{library}: cannot open shared object file")

    assert jzapp.missing_x11_packages(load) == ["libxcb-cursor0", "libxcb-keysyms1"]
    monkeypatch.setattr(jzapp, "missing_x11_packages", lambda: ["libxcb-cursor0"])
    assert jzapp.run() == 1
    error = capsys.readouterr().err
    assert "缺少打开窗口所需的系统库" in error and "sudo apt install libxcb-cursor0" in error
