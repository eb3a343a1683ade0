"""The October inspection (检查考核): the ranking and its export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlite_utils

from jzdesk.domain.periods import quarter_period
from jzdesk.domain.progress import TypeCount, plan_unit_of
from jzdesk.domain.review import ReviewState
from jzdesk.errors import KnownError
from jzdesk.store import progress as store_progress
from jzdesk.store import units as store_units
from jzdesk.usecases import installation, progress, review
from jzdesk.usecases.files import write_file


def ranking(db: sqlite_utils.Database, *, as_of: date | None = None, rules=None):
    """(the progress report, the ranked and flagged rows) for the inspection.

    ``as_of`` defaults to 1 October of the latest plan year, the day the inspection counts.
    With ``rules.accepted_only`` a unit's sessions count only from quarters the city's
    review accepted (审核通过).
    """
    from jzdesk.domain.evaluation import EvaluationRules, evaluate

    rules = rules or EvaluationRules()
    if as_of is None:
        as_of = date(installation.default_year(db), 10, 1)
    counts = _accepted_counts(db, as_of) if rules.accepted_only else None
    report = progress.progress_report(db, as_of=as_of, counts=counts)
    return report, evaluate(report, rules)


def _accepted_counts(db: sqlite_utils.Database, as_of: date) -> list[TypeCount]:
    """The sessions of the year to ``as_of`` in quarters whose review accepted them, each
    unit's (and its subordinates') by the plan unit that reports them."""
    year = as_of.year
    accepted = {
        (q.unit_code, q.quarter)
        for q in review.quarter_reviews(db, year)
        if q.state is ReviewState.ACCEPTED
    }
    units = store_units.units_by_code(db)
    plan_codes = {entry.unit_code for entry in installation.plan_entries(db, year)}
    counts = []
    for quarter in range(1, 5):
        period = quarter_period(year, quarter)
        if period.start > as_of:
            break
        for count in store_progress.type_counts(db, period.start, min(period.end, as_of)):
            owner = plan_unit_of(count.unit_code, units, plan_codes)
            if (owner, quarter) in accepted:
                counts.append(count)
    return counts


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
