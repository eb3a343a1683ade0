"""Progress against the plan: the quota table's live figures, a period's report and the charts."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from jzdesk.domain.periods import Period
from jzdesk.domain.progress import ProgressReport, TypeCount, build_report
from jzdesk.errors import KnownError
from jzdesk.store import plans, progress, records, units
from jzdesk.usecases.installation import default_year


def progress_report(
    db: sqlite_utils.Database,
    *,
    year: int | None = None,
    as_of: date | None = None,
    today: date | None = None,
    counts: list[TypeCount] | None = None,
) -> ProgressReport:
    """Each plan unit's progress in ``year``, counting records dated up to ``as_of``.

    ``year`` defaults to that of ``as_of``, else to default_year; ``as_of`` defaults to
    today, but not past the year's end. ``counts``: progress.type_counts of the year to
    ``as_of``, if the caller has them already.

    Raises:
        KnownError: there is no plan for the year, or ``as_of`` lies in another year.
    """
    today = today or date.today()
    year_field = "year" if year is not None or as_of is None else "as_of"
    if year is None:
        year = as_of.year if as_of else default_year(db, today=today)
    if not 2000 <= year <= 2100:
        raise KnownError(f"年度 {year} 不在 2000–2100 之间", field="year")
    if as_of is None:
        as_of = min(today, date(year, 12, 31))
    if as_of.year != year:
        raise KnownError(f"统计截止日期 {as_of.isoformat()} 不在 {year} 年内", field="as_of")
    entries = plans.plan_entries(db, year)
    if not entries:
        raise KnownError(f"没有 {year} 年的任务分解表（计划）", field=year_field)
    return build_report(
        year=year,
        as_of=as_of,
        plan=entries,
        units=units.units_by_code(db),
        counts=counts if counts is not None else progress.type_counts(db, date(year, 1, 1), as_of),
        sample_data=records.has_sample_records(db),
    )


def period_report(
    db: sqlite_utils.Database, period: Period, *, counts: list[TypeCount] | None = None
) -> ProgressReport:
    """Each plan unit's sessions within ``period`` (the plan of the period's last year);
    ``counts``: progress.type_counts of the period, if the caller has them already.

    Raises:
        KnownError: there is no plan for that year.
    """
    year = period.end.year
    entries = plans.plan_entries(db, year)
    if not entries:
        raise KnownError(f"没有 {year} 年的任务分解表（计划）", field="period")
    return build_report(
        year=year,
        as_of=period.end,
        plan=entries,
        units=units.units_by_code(db),
        counts=counts if counts is not None else progress.type_counts(db, period.start, period.end),
        sample_data=records.has_sample_records(db),
    )


def chart_data(db: sqlite_utils.Database, period: Period, *, unit_codes: set[str] | None = None):
    """The numbers of the 图表 tab for ``period`` (and, where it applies, some units).

    Completion is the year to the period's end; sessions and audience by type count the
    period; the cumulative line runs through the months of the year to the period's end.
    """
    from jzdesk.domain.charts import build_chart_data

    year = period.end.year
    as_of = min(period.end, date.today())
    # One aggregate per date range (a whole year's period and its year are the same one).
    in_period = progress.type_counts(db, period.start, period.end)
    to_date = (
        in_period
        if (period.start, period.end) == (date(year, 1, 1), as_of)
        else progress.type_counts(db, date(year, 1, 1), as_of)
    )
    year_report = progress_report(db, year=year, as_of=as_of, counts=to_date)
    # "All units" is the 合计 of 附件1: the units with a quota, as the pace line is.
    codes = sorted(unit_codes or {u.unit.code for u in year_report.with_quota})
    return build_chart_data(
        period_label=period.label,
        year_report=year_report,
        period_report=period_report(db, period, counts=in_period),
        monthly=progress.monthly_counts(db, date(year, 1, 1), as_of, codes),
        period_counts=[c for c in in_period if unit_codes is None or c.unit_code in unit_codes],
        unit_codes=unit_codes,
    )
