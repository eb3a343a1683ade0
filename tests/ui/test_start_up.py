"""Opening the window in a fresh process: the first tab shows the real figures, and the
start loads neither the other commands nor the import checks, and loads the use cases
before Qt (PySide6 reads the source of every module imported after it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# Runs ``jzdesk --db DB [ARGS]`` as the command does, and reports what the window shows
# at the quit that JZDESK_QUIT_AFTER_SHOW asks for once it has been painted (as the
# benchmark does; Qt closes the window as it quits).
CHILD = r"""
import json, sys
from jzdesk.cli import main
import jzdesk.app as jzapp
from PySide6.QtWidgets import QApplication

def report():
    [window] = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    tab = window.ui.tabs.currentWidget()
    print(json.dumps({
        "tab": type(tab).__name__,
        "total": tab.model.report.total,
        "summary": tab.ui.summaryLabel.text(),
        "modules": list(sys.modules),
    }))

made = jzapp.create_application
def create_application():
    app = made()
    app.aboutToQuit.connect(report)
    return app
jzapp.create_application = create_application
sys.exit(main(["--db", *sys.argv[1:]]))
"""

# Not needed until the user asks: the other commands, the import checks, the log file.
NOT_AT_START = (
    "jzdesk.cli.records",
    "jzdesk.cli.reports",
    "jzdesk.cli.review",
    "jzdesk.cli.submissions",
    "jzdesk.io.workbook",
    "jzdesk.usecases.imports",
    "jzdesk.usecases.submission_check",
    "logging.handlers",
    "jzdesk.ui.views.records_tab",
    "jzdesk.ui.views.report_tab",
    "jzdesk.ui.views.charts_tab",
)
BEFORE_QT = ("sqlite_utils", "jzdesk.domain", "jzdesk.store", "jzdesk.usecases")


@pytest.mark.parametrize("command", [[], ["gui"]], ids=["jzdesk", "jzdesk gui"])
def test_the_window_opens_on_the_real_figures_loading_only_what_it_shows(
    run_cli, db_path, tmp_path, command
):
    assert run_cli("demo", "--records", "60").code == 0
    expected = json.loads(run_cli("progress", "--json").out)["total"]["total"]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JZDESK_QUIT_AFTER_SHOW": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # the window's settings and log
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    shown = json.loads(run.stdout.splitlines()[-1])
    assert shown["tab"] == "QuotaTab"
    assert shown["total"] == expected > 0
    assert f"已完成 {expected} 场" in shown["summary"]

    modules = shown["modules"]
    assert [name for name in NOT_AT_START if name in modules] == []
    qt = modules.index("PySide6")
    late = [name for name in modules[qt:] if name.startswith(BEFORE_QT)]
    assert late == [], "imported after Qt: add them to the use cases app.py loads first"
