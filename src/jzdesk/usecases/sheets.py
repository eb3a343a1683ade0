"""The statistics sheet (附件2) and the city's summary sheet, out as Excel or PDF, and the
unit's seal printed on it. Shared by the window and the command line; no Qt here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlite_utils

from jzdesk.domain.periods import Period, year_period
from jzdesk.domain.records import (
    RecordFilter,
)
from jzdesk.domain.sheet import SheetData, SummaryData
from jzdesk.domain.units import CITY_CODE, Unit
from jzdesk.errors import KnownError
from jzdesk.store import plans, settings, units
from jzdesk.usecases import installation, ledger, progress, report_info
from jzdesk.usecases.files import write_file


def sheet_data(
    db: sqlite_utils.Database,
    unit: Unit,
    period: Period,
    *,
    filled_on: date | None = None,
    seal: bytes | None = None,
    filler: str | None = None,
    phone: str | None = None,
) -> SheetData:
    """What the unit's sheet for ``period`` shows: its records, header line and progress.

    ``seal``, ``filler`` and ``phone`` override the unit's stored ones for this sheet.
    """
    rows = ledger.list_records(db, RecordFilter(unit_codes=(unit.code,), period=period))
    year = period.end.year
    year_so_far = Period(year_period(year).start, period.end, "")
    totals = ledger.record_totals(db, RecordFilter(unit_codes=(unit.code,), period=year_so_far))
    quota = next((e.quota for e in plans.plan_entries(db, year) if e.unit_code == unit.code), None)
    header = report_info.header_fields(db, unit.code)
    summary = ""
    if period.start.month % 3 == 1 and period.start.day == 1 and period.label.endswith("季度"):
        quarter = (period.start.month - 1) // 3 + 1
        summary = report_info.quarter_summary(db, unit.code, period.start.year, quarter)
    return SheetData(
        unit_name=unit.name,
        unit_code=unit.code,
        period_label=period.label,
        period_text=period.text,
        filler=header["filler"] if filler is None else filler,
        phone=header["phone"] if phone is None else phone,
        filled_on=(filled_on or date.today()).isoformat(),
        records=tuple(rows),
        year_total=sum(totals["sessions"].values()),
        quota=quota,
        summary=summary,
        seal=seal if seal is not None else settings.seal(db, unit.code),
    )


def export_sheet_xlsx(db: sqlite_utils.Database, unit: Unit, period: Period, path: Path) -> Path:
    """Write the unit's statistics sheet for ``period`` as .xlsx; returns the path."""
    return export_sheet(sheet_data(db, unit, period), path)


def prepare_seal(path: Path) -> bytes:
    """A seal scan made ready for the sheet (see io.seal.prepare_seal)."""
    from jzdesk.io.seal import prepare_seal as prepare

    return prepare(Path(path))


def set_unit_seal(db: sqlite_utils.Database, unit: Unit, path: Path | None) -> bytes | None:
    """Store the unit's seal from a scan (None removes it); returns the prepared PNG.

    Raises:
        KnownError: the image is missing, too large, broken or blank.
    """
    png = None if path is None else prepare_seal(path)
    with db.atomic():
        settings.set_seal(db, unit.code, png, now=installation.now_iso())
    return png


def unit_seal(db: sqlite_utils.Database, unit: Unit) -> bytes | None:
    return settings.seal(db, unit.code)


def sheet_code(data: SheetData) -> str:
    """The 校验码 printed on the sheet (the import side shows it for comparison)."""
    from jzdesk.domain.sheet import verification_code

    return verification_code(data)


def export_sheet(data: SheetData, path: Path) -> Path:
    """Write ``data`` as .xlsx or .pdf, chosen by the file name; returns the path.

    Raises:
        KnownError: another extension, or the file cannot be written (open in Excel/WPS or
            a PDF reader, no permission, …).
    """
    from jzdesk.io.sheet_pdf import write_sheet_pdf
    from jzdesk.io.sheet_xlsx import write_sheet

    path = Path(path)
    writers = {".xlsx": write_sheet, ".pdf": write_sheet_pdf}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise KnownError(f"统计表的文件名应以 .xlsx 或 .pdf 结尾：{path.name}", field="out")
    write_file(path, lambda target: writer(data, target))
    return path


def summary_data(
    db: sqlite_utils.Database,
    period: Period,
    *,
    filled_on: date | None = None,
    filler: str | None = None,
    phone: str | None = None,
) -> SummaryData:
    """What the city's summary for ``period`` shows, under the city's header line: its
    填报人 and 联系电话 (stored as a unit's are; the arguments override them) and its seal.

    Raises:
        KnownError: no plan for the period's year.
    """
    city = units.units_by_code(db)[CITY_CODE]
    header = report_info.header_fields(db, CITY_CODE)
    return SummaryData(
        unit_name=city.name,
        period_label=period.label,
        period_text=period.text,
        filler=header["filler"] if filler is None else filler,
        phone=header["phone"] if phone is None else phone,
        filled_on=(filled_on or date.today()).isoformat(),
        period_report=progress.period_report(db, period),
        year_report=progress.progress_report(db, year=period.end.year, as_of=period.end),
        seal=settings.seal(db, CITY_CODE),
    )


def write_summary(data: SummaryData, path: Path) -> Path:
    """Write the city's summary sheet as .xlsx or .pdf, chosen by the file name.

    Raises:
        KnownError: another extension, or the file cannot be written.
    """
    from jzdesk.io.summary import write_summary_pdf, write_summary_xlsx

    path = Path(path)
    writers = {".xlsx": write_summary_xlsx, ".pdf": write_summary_pdf}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise KnownError(f"汇总表的文件名应以 .xlsx 或 .pdf 结尾：{path.name}", field="out")
    write_file(path, lambda target: writer(data, target))
    return path


def export_summary(db: sqlite_utils.Database, period: Period, path: Path) -> Path:
    """Write the city's summary sheet for ``period`` with its stored header; returns the path.

    Raises:
        KnownError: no plan for the period's year, another extension, or unwritable.
    """
    return write_summary(summary_data(db, period), path)


def summary_code(data: SummaryData) -> str:
    """The 校验码 printed on the summary."""
    from jzdesk.domain.sheet import summary_code as code

    return code(data)
