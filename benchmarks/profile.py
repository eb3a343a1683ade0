"""Profiles behind the rows of benchmarks/run.py that miss their bar (PRODUCT §9).

Usage::

    python benchmarks/profile.py window   # where the window's start-up time goes
    python benchmarks/profile.py import   # where the 160 k import's time goes, by statement
    python benchmarks/profile.py indexes  # what each index of the records costs the baseline

``window`` starts the program's own start-up steps one by one in a fresh process and prints
the time at each (and, from ``python -X importtime``, the import time of each package);
``import`` times every SQL statement of the 16-file import on the benchmark's files;
``indexes`` runs the import's baseline (ATTACH + INSERT … SELECT) into the real schema, into
the schema without each index of the records in turn, and the floor, alternately.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Run in a fresh interpreter: the window's start-up, step by step, as app.run takes them.
_WINDOW_STEPS = """
import time, sys, os
start = time.perf_counter()
def mark(what):
    print(f"{(time.perf_counter() - start) * 1000:7.0f} ms  {what}")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
path = __import__("pathlib").Path(sys.argv[1])
import jzdesk.cli; jzdesk.cli.build_parser(window_only=True); mark("command line parsed (gui's group)")
from jzdesk.usecases import backups, installation, ledger, photos, planning, progress
mark("start-up use cases, sqlite-utils among them (jzdesk.app loads them before Qt)")
from jzdesk import app; mark("PySide6 QtCore, QtGui, QtWidgets (the rest of jzdesk.app)")
qt = app.create_application(); mark("QApplication, font, translations")
from jzdesk.ui.crash import install_error_dialog, start_logging
from jzdesk.ui.single_instance import InstanceServer, hand_off, server_name
install_error_dialog(start_logging()); hand_off(server_name(path), [])
mark("error dialog, single instance (QtNetwork: is a window open on it?)")
from jzdesk.ui.views.main_window import MainWindow
from jzdesk.ui.workspace import Workspace
mark("main window modules")
window = MainWindow(Workspace(installation.open_database(path), path))
mark("database opened, main window and its first tab made")
server = InstanceServer(server_name(path), window)
window.show()
from PySide6.QtCore import QTimer
QTimer.singleShot(0, qt.quit); qt.exec(); mark("shown and painted")
"""


def window_profile() -> None:
    sys.path.insert(0, str(HERE))
    from run import database

    path = database(100_000)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    print("Start-up steps (from interpreter start, after Python's own start-up):")
    begun = time.perf_counter()
    subprocess.run([sys.executable, "-c", _WINDOW_STEPS, str(path)], env=env, check=True)
    whole = (time.perf_counter() - begun) * 1000
    print(f"{whole:7.0f} ms  the whole process (with Python's start-up and the tear-down)")
    traced = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _WINDOW_STEPS, str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    spent: collections.Counter = collections.Counter()
    for line in traced.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s+(\S+)", line.strip())
        if match:
            name = match.group(2).lstrip()
            parts = name.split(".")
            package = ".".join(parts[:2]) if parts[0] == "jzdesk" else parts[0]
            spent[package] += int(match.group(1))
    print("\nImport time by package (its own modules, -X importtime, inflated by tracing):")
    for package, microseconds in spent.most_common(15):
        print(f"{microseconds / 1000:7.1f} ms  {package}")


def import_profile() -> None:
    sys.path.insert(0, str(HERE))
    import sqlite_utils
    from run import empty_city, submission_files

    from jzdesk.usecases import imports, installation

    spent: collections.Counter = collections.Counter()
    execute = sqlite_utils.Database.execute

    def timed(self, sql, parameters=None):
        start = time.perf_counter()
        try:
            return execute(self, sql) if parameters is None else execute(self, sql, parameters)
        finally:
            key = (threading.current_thread().name, re.sub(r"\s+", " ", sql)[:90])
            spent[key] += time.perf_counter() - start

    sqlite_utils.Database.execute = timed
    files = submission_files(10_000)
    with tempfile.TemporaryDirectory() as folder:
        db = installation.open_database(empty_city(Path(folder)))
        start = time.perf_counter()
        imports.import_files(db, files)
        total = time.perf_counter() - start
        db.close()
    print(f"import of 16 files × 10 k: {total:.2f} s; the merge's statements:")
    for (_thread, sql), seconds in spent.most_common(12):
        print(f"{seconds:6.2f} s {seconds / total:5.1%}  {sql}")
    print(
        f"{total - sum(spent.values()):6.2f} s  the rest: waiting for the next file's checks, "
        "commits, Python"
    )


# The indexes of the records beyond the UUID key, and what each is for (PRODUCT §9's
# ledger bar at a million records; store/record_queries.py).
_RECORD_INDEXES = {
    "records_by_unit": "a unit's records by date; progress, the sheet, every date sort",
    "records_by_unit_type_sessions": "sort by a type column (送文艺 …) or by 场次",
    "records_by_unit_title": "sort by 活动名称",
    "records_by_unit_venue": "sort by 地点",
    "records_by_unit_audience": "sort by 受益人次",
}


def indexes_profile(rounds: int = 3) -> None:
    sys.path.insert(0, str(HERE))
    import statistics

    from run import bare_insert_select, discard, empty_city, floor_insert_select, submission_files

    from jzdesk.usecases import installation

    files = submission_files(10_000)

    def seconds(folder: Path, variant: str | None) -> float:
        """The baseline into the schema without the index ``variant`` (None: the schema as
        it is), or the floor; the database written is removed after."""
        if variant == "floor":
            start = time.perf_counter()
            written = floor_insert_select(folder, files)
        else:
            written = empty_city(folder)
            if variant is not None:
                db = installation.open_database(written)
                db.execute(f"DROP INDEX {variant}")
                db.close()
            start = time.perf_counter()
            bare_insert_select(written, files)
        elapsed = time.perf_counter() - start
        discard(written)
        return elapsed

    variants = [None, *_RECORD_INDEXES, "floor"]
    spent: dict[str | None, list[float]] = {variant: [] for variant in variants}
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(rounds):
            # Each round starts one further along, so that no variant always runs first.
            for variant in variants[round_:] + variants[:round_]:
                spent[variant].append(seconds(Path(folder), variant))
    median = {variant: statistics.median(times) for variant, times in spent.items()}
    floor = median["floor"]
    print(f"baseline of 16 files × 10 k, medians of {rounds} rounds:")
    print(f"{median[None]:6.2f} s  {median[None] / floor:4.2f}× floor  the schema as it is")
    for name, use in _RECORD_INDEXES.items():
        print(
            f"{median[name]:6.2f} s  {median[name] / floor:4.2f}× floor  without {name} "
            f"(it costs {median[None] - median[name]:+.2f} s; {use})"
        )
    print(f"{floor:6.2f} s  1.00× floor  the floor: a table with only the UUID key")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["window", "import", "indexes"])
    args = parser.parse_args()
    {"window": window_profile, "import": import_profile, "indexes": indexes_profile}[args.what]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
