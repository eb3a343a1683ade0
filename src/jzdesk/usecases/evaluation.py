"""The October inspection (检查考核): the ranking and its export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlite_utils

from jzdesk.errors import KnownError
from jzdesk.usecases import installation, progress
from jzdesk.usecases.files import write_file


def ranking(db: sqlite_utils.Database, *, as_of: date | None = None, rules=None):
    """(the progress report, the ranked and flagged rows) for the inspection.

    ``as_of`` defaults to 1 October of the latest plan year, the day the inspection counts.
    """
    from jzdesk.domain.evaluation import EvaluationRules, evaluate

    if as_of is None:
        as_of = date(installation.default_year(db), 10, 1)
    report = progress.progress_report(db, as_of=as_of)
    return report, evaluate(report, rules or EvaluationRules())


def export_ranking(
    db: sqlite_utils.Database, path: Path, *, as_of: date | None = None, rules=None
) -> Path:
    """Write the inspection ranking as .xlsx or .pdf; returns the path."""
    from jzdesk.io.evaluation_files import write_evaluation_pdf, write_evaluation_xlsx

    path = Path(path)
    writers = {".xlsx": write_evaluation_xlsx, ".pdf": write_evaluation_pdf}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise KnownError(f"排名表的文件名应以 .xlsx 或 .pdf 结尾：{path.name}", field="out")
    report, rows = ranking(db, as_of=as_of, rules=rules)
    write_file(path, lambda target: writer(report.year, report.as_of, rows, target))
    return path
