"""A unit's submission file (.jzsub): what it may send, for which period, and writing it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils

from jzdesk import __version__
from jzdesk.domain.periods import Period, quarter_of, quarter_period
from jzdesk.domain.units import CITY_CODE, Unit
from jzdesk.errors import KnownError
from jzdesk.io.submission_file import SubmissionContent, write_submission
from jzdesk.store import plans, settings, submissions
from jzdesk.store.migrations import LATEST
from jzdesk.usecases import installation, review

MAX_PLAN_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ExportedSubmission:
    path: Path
    records: int
    sheet_code: str
    sequence: int


def default_period(db: sqlite_utils.Database, today: date | None = None) -> Period:
    """The quarter a unit reports now: the last one ended in the plan year (its fourth
    once the year is over; its first while the first is still running)."""
    today = today or date.today()
    year = installation.default_year(db, today=today)
    if year < today.year:
        return quarter_period(year, 4)
    return quarter_period(year, max(1, quarter_of(today) - 1))


def reporting_refusal(db: sqlite_utils.Database, unit: Unit) -> str | None:
    """Why this installation may not send ``unit``'s submission file, or None if it may.

    A submission file is the unit's own report, sent from its installation: a clerk who
    picked another unit in the list would otherwise report for it, and the city would
    count that unit's quarter as received. (An installation without a home unit, set up
    before there was one, may export for any unit.)"""
    home = installation.home_unit(db)
    if CITY_CODE in (unit.code, home.code if home else None):
        return "市总工会接收各单位的上报文件，本身不导出上报文件"
    if home is not None and home.code != unit.code:
        return (
            f"本机登记的是{home.name}的数据，只能导出{home.name}的上报文件（选择的是{unit.name}）"
        )
    return None


def check_report_period(period: Period, today: date) -> None:
    """Reports are quarterly: a file's period is a quarter that has begun, or
    a whole year that has ended (its fourth quarter's report, which covers the year)."""
    year = period.end.year
    if period.kind == "quarter":
        if period.start > today:
            raise KnownError(f"期间 {period.label} 还没有开始，不能报送", field="period")
        return
    if period.kind != "year":
        raise KnownError(
            f"上报文件按季度报送，期间应写成 {year}Q1～{year}Q4（“{period.label}”不是一个季度）",
            field="period",
        )
    if period.end >= today:
        raise KnownError(f"{year} 年还没有结束，不能报送全年；请选择已开始的季度", field="period")


def suggested_name(unit: Unit, period: Period, today: date | None = None) -> str:
    """``<单位>-<期间>-<日期>.jzsub``, e.g. 沁阳市总工会-2021Q3-20211008.jzsub."""
    return f"{unit.name}-{period.text}-{(today or date.today()):%Y%m%d}.jzsub"


def unit_family(db: sqlite_utils.Database, unit: Unit, year: int) -> list[str]:
    """The unit's code and those of its subordinates (any depth) that do not report for
    themselves: a unit in the year's plan sends its own file (so the city's file, for
    one, carries only the city's own records)."""
    reporting = {entry.unit_code for entry in plans.plan_entries(db, year)}
    children: dict[str | None, list[str]] = {}
    for other in installation.all_units(db):
        children.setdefault(other.parent_code, []).append(other.code)
    family, todo = [], [unit.code]
    while todo:
        code = todo.pop()
        if code not in family:
            family.append(code)
            todo.extend(c for c in children.get(code, []) if c not in reporting)
    return family


def export_submission(
    db: sqlite_utils.Database,
    unit: Unit,
    path: Path,
    *,
    period: Period | None = None,
    photos: bool = False,
) -> ExportedSubmission:
    """Write the unit's submission file: its whole year up to now (cumulative), deletions
    included, the quarterly summaries, the header fields, the 实施方案 if attached, and
    (optionally) the photos.

    Raises:
        KnownError: the name does not end in .jzsub, the unit is not this installation's,
            the period is not a quarter (or a finished year) of a planned year, or the
            file cannot be written.
    """
    from jzdesk.usecases.sheets import sheet_code, sheet_data

    path = Path(path)
    if path.suffix.lower() != ".jzsub":
        raise KnownError(f"上报文件的文件名应以 .jzsub 结尾：{path.name}", field="out")
    refusal = reporting_refusal(db, unit)
    if refusal is not None:
        raise KnownError(refusal, field="unit")
    period = period or default_period(db)
    check_report_period(period, date.today())
    year = period.end.year
    if year not in plans.plan_years(db):
        raise KnownError(f"本机没有 {year} 年的计划，不能导出这一年的上报文件", field="period")
    family = unit_family(db, unit, year)
    with db.atomic():
        sequence = submissions.next_sequence(db)
        installation_id = submissions.installation_id(db)
    code = sheet_code(sheet_data(db, unit, period))
    header = settings.unit_settings(db, unit.code)
    document = submissions.plan_document(db, unit.code, year)
    manifest = {
        "unit_code": unit.code,
        "unit_name": unit.name,
        "year": str(year),
        "period": period.text,
        "quarter": str(quarter_of(period.end)),
        "exported_at": installation.now_iso(),
        "installation": installation_id,
        "sequence": str(sequence),
        "program_version": __version__,
        "database_version": str(LATEST),
        "photos": "1" if photos else "0",
        "sheet_code": code,
    }
    content = SubmissionContent(
        manifest=manifest,
        records=submissions.package_records(db, family, year),
        photos=submissions.package_photos(db, family, year) if photos else (),
        summaries=submissions.package_summaries(db, unit.code, year),
        header=[(unit.code, header["filler"], header["phone"])],
        documents=[("plan", document["file_name"], document["data"], document["sha256"])]
        if document
        else [],
    )
    written = write_submission(path, content)
    with db.atomic():
        review.note_sent(db, year, quarter_of(period.end))
    return ExportedSubmission(path, written.records, code, sequence)


def attach_plan_document(db: sqlite_utils.Database, unit: Unit, year: int, path: Path) -> bool:
    """Keep the unit's 实施方案 (PDF, Word, …) for ``year``; it travels in every submission
    file. Returns False when the same file was attached already.

    Raises:
        KnownError: missing, empty or too large.
    """
    from jzdesk.io.files import checked_size

    path = Path(path)
    size = checked_size(
        path,
        limit=MAX_PLAN_DOCUMENT_BYTES,
        what="实施方案",
        advice="请压缩后再附上（不超过 20 MB）",
    )
    if size == 0:
        raise KnownError(f"文件 {path.name} 是空的", field="file")
    data = path.read_bytes()
    with db.atomic():
        return submissions.set_plan_document(
            db,
            unit.code,
            year,
            file_name=path.name[:200],
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
            now=installation.now_iso(),
        )
