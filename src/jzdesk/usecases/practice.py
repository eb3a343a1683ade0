"""Training mode (练习): a throw-away database of sample data, never the real one."""

from __future__ import annotations

from pathlib import Path

from jzdesk.usecases import installation, samples

PRACTICE_RECORDS = 400
PRACTICE_FILE = "练习.sqlite"


def make_practice_database(folder: Path, *, unit_code: str | None) -> Path:
    """A new database in ``folder`` holding the sample data (the same 400 records each
    time), installed for ``unit_code`` so that the clerk practises in their own role.
    Nothing is read from or written to the real database."""
    path = Path(folder) / PRACTICE_FILE
    db = installation.open_database(path)
    try:
        samples.fill_sample_data(db, PRACTICE_RECORDS, seed=2021)
        if unit_code is not None:
            installation.init_installation(db, unit_code, filler="练习")
    finally:
        db.close()
    return path
