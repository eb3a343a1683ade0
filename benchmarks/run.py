"""Benchmarks against the bars of PRODUCT §9: medians on synthetic data shaped like the real thing.

Usage::

    python benchmarks/run.py            # every row, prints a table
    python benchmarks/run.py --quick    # skip the 1 M-record rows
    python benchmarks/run.py --json     # machine-readable

Databases are generated once with jzdesk's own sample-data generator (the same one as
``jzdesk demo``) and cached in benchmarks/.cache/. In-process rows time the operation in
a running program after a warm-up; the window row times a whole process from start
until its window has been shown and painted.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from jzdesk.app import QUIT_AFTER_SHOW_ENV
from jzdesk.usecases import installation, ledger, progress, samples

CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass
class Row:
    """One line of the table: a median time, or a ratio of two medians of the same run.

    PRODUCT §9 states a bar as a ratio to a reference measured beside it wherever one can
    be run (this machine's speed varies by half from hour to hour); ``bar_s`` is then the
    absolute time for a quiet office PC, shown as an aside.
    """

    what: str
    median_s: float | None
    runs: int
    bar_s: float | None = None
    ratio: float | None = None
    bar_ratio: float | None = None

    @property
    def verdict(self) -> str:
        if self.ratio is not None:
            if self.bar_ratio is None:
                return "—"
            return "ok" if self.ratio <= self.bar_ratio else "OVER"
        if self.bar_s is not None and self.median_s is not None:
            return "ok" if self.median_s <= self.bar_s else "OVER"
        return "—"


def ratio(what: str, ours: Row, reference: Row, bar: float | None) -> Row:
    """``ours`` ÷ ``reference``, both measured in this run, against a ratio bar (None: a
    ratio shown to explain another)."""
    return Row(what, None, ours.runs, ratio=ours.median_s / reference.median_s, bar_ratio=bar)


def database(records: int) -> Path:
    """A cached database holding ``records`` sample records of 2021."""
    path = CACHE / f"sample-{records}.sqlite"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        db = installation.open_database(partial)
        samples.fill_sample_data(db, records, seed=2021)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        partial.rename(path)
    return path


def median_time(action: Callable[[], object], *, runs: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# A start that hangs (an error dialog waiting offscreen for a click) fails the run.
PROCESS_TIMEOUT_S = 120


def process_time(args: list[str], *, runs: int, env: dict[str, str] | None = None) -> float:
    """Median wall time of a whole ``python -m jzdesk ARGS`` process."""
    command = [sys.executable, "-m", "jzdesk", *args]
    full_env = {**os.environ, **(env or {})}
    # An installed jzdesk runs from compiled bytecode (pip compiles it, the bundle carries
    # it): let the warm-up run write it even where the shell says not to.
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    return median_time(
        lambda: subprocess.run(
            command, env=full_env, check=True, capture_output=True, timeout=PROCESS_TIMEOUT_S
        ),
        runs=runs,
    )


BARE_WINDOW = Path(__file__).resolve().parent / "bare_window.py"


def window_shown(records: int) -> list[Row]:
    """The window from process start, against a bare PySide6 window with one table, the
    two started alternately so that a slow minute weighs on both."""
    path = database(records)
    env = {
        **os.environ,
        QUIT_AFTER_SHOW_ENV: "1",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # see process_time
    ours_cmd = [sys.executable, "-m", "jzdesk", "--db", str(path), "gui"]
    bare_cmd = [sys.executable, str(BARE_WINDOW)]
    ours, bare = [], []
    for times, command in [(ours, ours_cmd), (bare, bare_cmd)] * 8:
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=PROCESS_TIMEOUT_S)
        times.append(time.perf_counter() - start)
    # The first start of each writes bytecode and warms the disk cache.
    window = Row(
        f"window shown, {records // 1000} k records (from process start)",
        statistics.median(ours[1:]),
        7,
        0.8,
    )
    reference = Row(
        "  reference: a bare PySide6 window with one table", statistics.median(bare[1:]), 7
    )
    return [window, reference, ratio("  window ÷ bare window", window, reference, 2.0)]


def progress_in_process(records: int, bar: float | None) -> Row:
    db = installation.open_database(database(records))
    median = median_time(
        lambda: progress.progress_report(db, year=2021, as_of=date(2021, 10, 1)), runs=21
    )
    db.close()
    label = f"{records // 1000} k" if records < 1_000_000 else f"{records // 1_000_000} M"
    return Row(f"quota tab refresh (progress report), {label} records", median, 21, bar)


def charts_refresh(records: int) -> Row:
    """The numbers behind the four charts (the chart drawing itself is Qt's)."""
    from jzdesk.domain.periods import parse_period

    db = installation.open_database(database(records))
    median = median_time(lambda: progress.chart_data(db, parse_period("2021")), runs=21)
    db.close()
    label = f"{records // 1000} k" if records < 1_000_000 else f"{records // 1_000_000} M"
    return Row(f"charts refresh (all four charts' data), {label} records", median, 21, 0.15)


def progress_process(records: int) -> Row:
    path = database(records)
    median = process_time(["--db", str(path), "progress", "--json"], runs=7)
    return Row(
        f"jzdesk progress --json, {records // 1000} k records (whole process)", median, 7, 1.0
    )


PAGE = 500  # the ledger's first page (ui.models.ledger_model.LedgerModel.PAGE)


def show_ledger(db, spec, sort: str = "date") -> list:
    """What the 活动登记 tab reads on a filter or sort change: the first page, and its 合计
    when that costs no pass over the records (from the daily totals, or from the page when
    it holds every match); a 合计 that needs the pass is timed on its own. Both are read
    on the window's thread, except for a search's (or a demonstration or photo filter's),
    read on the search thread."""
    page = ledger.list_records(db, spec, sort=sort, limit=PAGE)
    ledger.totals_at_hand(db, spec, page if len(page) < PAGE else None)
    return page


def shown_ledger(db):
    """A LedgerModel in a shown table of 1280×600 on Qt's offscreen platform (no window
    appears): what the window's thread does with a page, the repaint included."""
    from PySide6.QtWidgets import QApplication, QTableView

    from jzdesk.ui.models.ledger_model import LedgerModel

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    model = LedgerModel(db, save_edit=None)
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 600)
    view.show()

    def show(spec, page) -> None:
        model.show_page(spec, page, model.order())
        view.repaint()
        app.processEvents()

    return show, view


def ledger_search(records: int) -> list[Row]:
    """PRODUCT §9's ledger search bar. The tab searches once typing pauses (250 ms); the
    search thread (ui.search_thread) then reads the first page and the 合计 on a read-only
    connection of its own, and the window's thread only shows what it read (the review's
    comments, a reset and a repaint of the list). The search thread's reads are timed as
    it makes them: the list appears after the first, the 合计 after the second, and the
    window takes keys throughout."""
    from jzdesk.domain.periods import parse_period
    from jzdesk.domain.records import RecordFilter
    from jzdesk.usecases.search_reader import SearchReader

    path = database(records)
    db = installation.open_database(path)
    reader = SearchReader(path)
    show, view = shown_ledger(db)
    rows = []
    for text, what in (("讲座", "common word"), ("不存在", "word found nowhere")):
        spec = RecordFilter(period=parse_period("2021"), text=text)

        def read(spec=spec):
            return reader.page(spec, sort="date", descending=False, limit=PAGE)

        page = read()
        shown = median_time(lambda spec=spec, page=page: show(spec, page), runs=11)
        label = f"ledger search {records // 1000} k, all units, {what}"

        rows.append(Row(f"{label}: window's thread", shown, 11, 0.1))
        rows.append(
            Row("  its list, read on the search thread", median_time(read, runs=11), 11, 0.1)
        )
        if len(page) == PAGE:
            totals = median_time(lambda spec=spec: reader.totals(spec), runs=5)
            rows.append(Row("  its 合计, then on the search thread (a pass)", totals, 5, 0.1))
    view.close()
    reader.close()
    db.close()
    return rows


def ledger_changes(records: int) -> list[Row]:
    """What the 活动登记 tab does on a filter or sort change (see show_ledger)."""
    from jzdesk.domain.periods import parse_period
    from jzdesk.domain.records import RecordFilter

    db = installation.open_database(database(records))
    unit_year = RecordFilter(unit_codes=("qinyang",), period=parse_period("2021"))
    search = RecordFilter(unit_codes=("qinyang",), period=parse_period("2021"), text="讲座")
    cases = [
        ("filter: one unit, whole year", unit_year, "date"),
        (
            "filter: one unit, one quarter",
            RecordFilter(unit_codes=("qinyang",), period=parse_period("2021Q2")),
            "date",
        ),
        ("sort: one unit by title", unit_year, "title"),
        ("sort: one unit by audience", unit_year, "audience"),
        ("sort: one unit by 送文艺 column", unit_year, "art"),
        ("search (search thread): one unit, text 讲座", search, "date"),
        ("filter: all units, whole year", RecordFilter(period=parse_period("2021")), "date"),
        ("sort: all units by title", RecordFilter(period=parse_period("2021")), "title"),
    ]
    rows = []
    label = f"{records // 1_000_000} M" if records >= 1_000_000 else f"{records // 1000} k"
    for name, spec, sort in cases:
        change = lambda spec=spec, sort=sort: show_ledger(db, spec, sort)  # noqa: E731
        rows.append(Row(f"ledger {name}, {label} records", median_time(change, runs=11), 11, 0.1))
    later = median_time(lambda: ledger.record_totals(db, search), runs=11)
    rows.append(Row(f"ledger 合计 of the search (search thread), {label} records", later, 11))
    db.close()
    return rows


def cells_of(path: Path) -> list[tuple[str, list[tuple]]]:
    """Every sheet's name and cell values of a written workbook."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return [(ws.title, list(ws.iter_rows(values_only=True))) for ws in book.worksheets]
    finally:
        book.close()


def write_only(cells: list[tuple[str, list[tuple]]], path: Path) -> None:
    """The xlsx reference: openpyxl's write-only mode writing ``cells``, nothing else."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, rows in cells:
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)


def alternate(ours: Callable[[], object], reference: Callable[[], object], *, runs: int):
    """Medians of ``ours`` and ``reference`` run in turn, after one warm-up of each."""
    ours(), reference()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, spent in ((ours, times[0]), (reference, times[1])):
            start = time.perf_counter()
            action()
            spent.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def sheet_exports() -> list[Row]:
    """The statistics sheet as .xlsx: a quarter (about 60 rows) and a 10 k-row sheet."""
    import tempfile

    from jzdesk.domain.periods import parse_period
    from jzdesk.usecases import sheets

    db = installation.open_database(database(100_000))
    unit = installation.resolve_unit(db, "qinyang")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        # 100 k records put about 9 k on 沁阳's year and about 60 on two days of March.
        for name, period, bar in (
            ("quarter's sheet", "2021-03-01..2021-03-02", 0.3),
            ("10 k-row sheet", "2021", 3.0),
        ):
            count = ledger.record_totals(
                db, ledger.record_filter(unit=unit, period=parse_period(period))
            )["records"]
            for suffix in (".xlsx", ".pdf"):
                target = Path(folder) / f"sheet{suffix}"

                def export(p=period, t=target):
                    sheets.export_sheet(sheets.sheet_data(db, unit, parse_period(p)), t)

                what = f"export {name} as {suffix[1:]} ({count} rows)"
                if suffix == ".pdf" or count < 1000:
                    rows.append(Row(what, median_time(export, runs=5), 5, bar))
                    continue
                export()
                cells = cells_of(target)
                copy = Path(folder) / "reference.xlsx"
                ours, reference = alternate(
                    export, lambda c=cells, t=copy: write_only(c, t), runs=5
                )
                rows += [
                    Row(what, ours, 5, bar),
                    Row(
                        "  reference: openpyxl write-only mode writing the same cells", reference, 5
                    ),
                ]
                rows.append(ratio("  xlsx export ÷ write-only reference", rows[-2], rows[-1], 2.0))
    db.close()
    return rows


UNIT_CODES = (
    "qinyang",
    "mengzhou",
    "boai",
    "wuzhi",
    "wenxian",
    "xiuwu",
    "jiefang",
    "shanyang",
    "zhongzhan",
    "macun",
    "shifanqu",
    "jiaomei",
    "jiaotong",
    "jianshe",
    "jiaoyu",
    "caimao",
)


def submission_files(per_file: int) -> list[Path]:
    """16 cached .jzsub files (one per unit) of ``per_file`` records each, exported by
    jzdesk itself from generated records (unmarked as samples, so that they travel)."""
    import shutil

    from jzdesk.domain.periods import parse_period
    from jzdesk.usecases import submission_export

    folder = CACHE / f"packages-{per_file}"
    files = [folder / f"{code}.jzsub" for code in UNIT_CODES]
    if all(path.exists() for path in files):
        return files
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    db = installation.open_database(folder / "units.sqlite")
    samples.fill_sample_data(db, per_file * 17, seed=per_file)
    # The generator spreads records by quota; give every unit exactly per_file of them.
    with db.atomic():
        db.execute("UPDATE records SET sample = 0")
        for position, code in enumerate(UNIT_CODES):
            db.execute(
                "UPDATE records SET unit_code = ? WHERE rowid IN (SELECT rowid FROM records "
                "ORDER BY rowid LIMIT ? OFFSET ?)",
                [code, per_file, position * per_file],
            )
        db.execute("DELETE FROM records WHERE rowid > ?", [per_file * len(UNIT_CODES)])
    for code, path in zip(UNIT_CODES, files, strict=True):
        unit = installation.resolve_unit(db, code)
        submission_export.export_submission(db, unit, path, period=parse_period("2021Q4"))
    db.close()
    (folder / "units.sqlite").unlink()
    return files


def empty_city(folder: Path) -> Path:
    """A new, migrated city database (the cost of creating it is not timed)."""
    path = folder / f"city-{time.perf_counter_ns()}.sqlite"
    installation.open_database(path).close()
    return path


def bare_insert_select(city: Path, files: list[Path]) -> None:
    """The baseline: ATTACH each file and copy its records and media with INSERT … SELECT,
    one transaction per file, into the same schema (indexes and triggers included)."""
    from jzdesk.io.submission_file import RECORD_COLUMNS

    own = ", ".join(c for c in RECORD_COLUMNS if c != "media")
    db = installation.open_database(city)
    for path in files:
        db.execute("ATTACH DATABASE ? AS pkg", [str(path)])
        with db.atomic():
            db.execute(f"INSERT INTO records ({own}) SELECT {own} FROM pkg.records")
            db.execute(
                "INSERT INTO record_media (record_id, position, channel, link) "
                "SELECT r.id, j.key, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') "
                "FROM pkg.records r, json_each(r.media) j"
            )
        db.execute("DETACH DATABASE pkg")
    db.close()


def floor_insert_select(folder: Path, files: list[Path]) -> Path:
    """What this machine can do at best with a record's identity, a UUID key: the same
    copy as bare_insert_select into a table with that key and nothing else (no other
    index, rule, trigger or media)."""
    from jzdesk.io.submission_file import RECORD_COLUMNS

    own = ", ".join(c for c in RECORD_COLUMNS if c != "media")
    path = folder / f"floor-{time.perf_counter_ns()}.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute(f"CREATE TABLE records ({own.replace('id,', 'id PRIMARY KEY,', 1)})")
    for file in files:
        db.execute("ATTACH DATABASE ? AS pkg", [str(file)])
        db.execute("BEGIN")
        db.execute(f"INSERT INTO records ({own}) SELECT {own} FROM pkg.records")
        db.execute("COMMIT")
        db.execute("DETACH DATABASE pkg")
    db.close()
    return path


def discard(database: Path) -> None:
    """Remove a database written by a timed run, so that the system writing its pages out
    meanwhile does not slow the next run down (each writes a hundred megabytes)."""
    for path in (database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))):
        path.unlink(missing_ok=True)


def imports(per_file: int, runs: int) -> list[Row]:
    """Import 16 submission files into an empty city database, against the bare baseline
    measured in the same run on the same files."""
    import tempfile

    from jzdesk.usecases import imports

    files = submission_files(per_file)
    total = per_file * len(files)
    label = f"{total // 1000} k" if total < 1_000_000 else f"{total / 1_000_000:.1f} M"
    with tempfile.TemporaryDirectory() as folder:
        ours, bare, floor = [], [], []
        for _ in range(runs):
            city = empty_city(Path(folder))
            db = installation.open_database(city)
            start = time.perf_counter()
            results = imports.import_files(db, files)
            ours.append(time.perf_counter() - start)
            assert all(r.status == "imported" and r.added == per_file for r in results), results
            db.close()
            discard(city)
            city = empty_city(Path(folder))
            start = time.perf_counter()
            bare_insert_select(city, files)
            bare.append(time.perf_counter() - start)
            discard(city)
            start = time.perf_counter()
            floored = floor_insert_select(Path(folder), files)
            floor.append(time.perf_counter() - start)
            discard(floored)
    ours_row = Row(
        f"import 16 files × {per_file // 1000} k = {label} records (backup, checks, merge)",
        statistics.median(ours),
        runs,
        2.0,
    )
    bare_row = Row(
        f"  baseline: ATTACH + INSERT … SELECT of the same {label} rows",
        statistics.median(bare),
        runs,
    )
    floor_row = Row(
        f"  floor: the same {label} rows into a table with only the UUID key",
        statistics.median(floor),
        runs,
    )
    return [
        ours_row,
        bare_row,
        ratio("  import ÷ baseline", ours_row, bare_row, 1.5),
        floor_row,
        ratio("  import ÷ floor", ours_row, floor_row, 3.0),
        # What no import keeping the schema can beat (benchmarks/profile.py indexes).
        ratio(
            "  (baseline ÷ floor: the records' five per-unit indexes)", bare_row, floor_row, None
        ),
    ]


# Starts a command and prints its wall time, exit status and peak memory (KB). Linux keeps
# a process's memory high-water mark across exec, so a command started straight from this
# (large) benchmark process would report this process's size; from a small launcher, its own.
_LAUNCHER = (
    "import json, os, subprocess, sys, time; start = time.perf_counter(); "
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "_, status, usage = os.wait4(child.pid, 0); "
    "print(json.dumps([time.perf_counter() - start, os.waitstatus_to_exitcode(status), "
    "usage.ru_maxrss]))"
)


def import_process(per_file: int) -> tuple[float, float]:
    """Wall time and peak memory (MB) of ``jzdesk import`` of the 16 files into a new city
    database, as a whole process (its memory alone; see _LAUNCHER)."""
    import tempfile

    files = submission_files(per_file)
    with tempfile.TemporaryDirectory() as folder:
        city = empty_city(Path(folder))
        command = [sys.executable, "-m", "jzdesk", "--db", str(city), "import", *map(str, files)]
        launched = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, *command], capture_output=True, text=True, check=True
        )
        elapsed, status, peak_kb = json.loads(launched.stdout)
        assert status == 0, f"jzdesk import exited with {status}"
    return elapsed, peak_kb / 1024


def import_growth() -> list[Row]:
    """A million records against 160 k, both as ``jzdesk import`` processes in this run:
    6.25 times the work may take at most 7 times as long. Whole processes on both sides,
    so that start-up and the backup weigh alike (the in-process row above has neither)."""
    # The 160 k import before and after the million, so that a machine slowing down or
    # speeding up meanwhile weighs on both sides of the ratio.
    before, _ = import_process(10_000)
    large, peak_mb = import_process(62_500)
    after, _ = import_process(10_000)
    small = (before + after) / 2
    small_row = Row("jzdesk import, 160 k records (whole process, before and after)", small, 2)
    large_row = Row("jzdesk import, 1.0 M records (whole process)", large, 1, 15.0)
    return [
        small_row,
        large_row,
        ratio("  1 M ÷ 160 k (6.25× the records)", large_row, small_row, 7.0),
        Row("  peak memory of the 1 M import, MB (shown as s = MB/1000)", peak_mb / 1000, 1, 0.3),
    ]


def run(*, quick: bool) -> list[Row]:
    rows = window_shown(100_000)
    rows += [progress_in_process(100_000, None), progress_process(100_000)]
    rows += ledger_search(100_000)
    rows += sheet_exports()
    rows += imports(10_000, runs=5)
    if not quick:
        rows += import_growth()
        # The quota tab and the charts refresh from this query (bar of PRODUCT §9).
        rows.append(progress_in_process(1_000_000, 0.15))
        rows.append(charts_refresh(1_000_000))
        rows += ledger_changes(1_000_000)
    return rows


def print_table(rows: list[Row]) -> None:
    """Times in ms beside their absolute bar; ratios beside their ratio bar."""
    print(f"{'what':<72} {'median':>10} {'bar':>9}  verdict")
    for row in rows:
        if row.ratio is not None:
            measured = f"{row.ratio:.2f}×"
            bar = "—" if row.bar_ratio is None else f"≤ {row.bar_ratio:g}×"
        else:
            measured = f"{row.median_s * 1000:.1f} ms"
            bar = "—" if row.bar_s is None else f"{row.bar_s * 1000:.0f} ms"
        print(f"{row.what:<72} {measured:>10} {bar:>9}  {row.verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1 M-record rows")
    parser.add_argument(
        "--only",
        choices=["window", "search", "sheets", "progress", "imports"],
        help="run just one group of rows",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    groups = {
        "window": lambda: window_shown(100_000),
        "search": lambda: ledger_search(100_000),
        "sheets": sheet_exports,
        "imports": lambda: imports(10_000, runs=5) + import_growth(),
        "progress": lambda: [progress_in_process(1_000_000, 0.15), charts_refresh(1_000_000)],
    }
    rows = groups[args.only]() if args.only else run(quick=args.quick)
    if args.json:
        print(json.dumps([{**asdict(row), "verdict": row.verdict} for row in rows], indent=2))
    else:
        print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
