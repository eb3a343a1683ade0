"""Shared fixtures: a fresh database on disk, and the command line run in-process."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform == "win32":  # before pytest-qt makes the QApplication (see app.py)
    from jzdesk.app import font_folder_environment

    os.environ.update(font_folder_environment(dict(os.environ)))

from jzdesk import cli  # noqa: E402
from jzdesk.store.db import open_db  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "jzdesk.sqlite"


@pytest.fixture
def db(db_path: Path):
    """A new database with every migration applied (and so the 2021 plan)."""
    database = open_db(db_path)
    yield database
    database.close()


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(db_path: Path, monkeypatch):
    """Run ``jzdesk --db <tmp db> ARGS…`` in this process; returns exit code and output."""
    monkeypatch.delenv("JZDESK_DB", raising=False)

    def run(*args: str, db: bool = True) -> Result:
        argv = (["--db", str(db_path)] if db else []) + list(args)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
        return Result(code, out.getvalue(), err.getvalue())

    return run
