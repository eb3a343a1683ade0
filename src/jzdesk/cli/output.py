"""How commands print: the JSON shapes of the command-line contract, and plain tables."""

from __future__ import annotations

import json
import os
import sys

from jzdesk.domain.activity_types import ActivityType
from jzdesk.domain.progress import ProgressReport
from jzdesk.domain.records import ActivityRecord, fields_json


def tolerant_streams() -> None:
    """Human messages follow the console's code page; where it cannot spell a character
    (Chinese on an English Windows writing into a pipe) a ``?`` stands in, rather than the
    command failing after its work is done. JSON does not go through this (print_json)."""
    for stream in (sys.stdout, sys.stderr):
        # Both fail on a character the code page lacks; surrogateescape is what a POSIX
        # locale (and Wine's pipes) give.
        raising = getattr(stream, "errors", None) in ("strict", "surrogateescape")
        if raising and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def print_json(value: object) -> None:
    """JSON on stdout in UTF-8, whatever the console's code page: a program reading it
    needs one encoding on every machine (Windows writes pipes in the ANSI code page —
    cp1252 cannot even hold the unit names, GBK is not UTF-8 — and a frozen program
    ignores PYTHONUTF8). Human messages keep following the console."""
    text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    stream = sys.stdout
    binary = getattr(stream, "buffer", None)
    if binary is None:  # a text-only stream (some test harnesses): it takes str
        stream.write(text)
        return
    stream.flush()  # whatever was printed before stays before
    binary.write(text.replace("\n", os.linesep).encode("utf-8"))
    binary.flush()


def record_json(record: ActivityRecord) -> dict:
    """A record in the shape of ``events --json``."""
    fields = fields_json(record.fields)
    return {
        "id": record.id,
        "unit": fields.pop("unit"),
        "unit_name": record.unit_name,
        **fields,
        "revision": record.revision,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
    }


def progress_json(report: ProgressReport) -> dict:
    """The report in the shape of ``progress --json``."""
    return {
        "year": report.year,
        "as_of": report.as_of.isoformat(),
        "units": [
            {
                "code": row.unit.code,
                "name": row.unit.name,
                "quota": row.quota,
                "done": {kind.value: row.done[kind] for kind in ActivityType},
                "total": row.total,
                "rate": None if row.rate is None else round(row.rate, 4),
                "audience": row.audience,
            }
            for row in report.units
        ],
        "total": {"quota": report.quota, "total": report.total},
    }


def print_progress(report: ProgressReport) -> None:
    if report.sample_data:
        print("注意：数据库中含有示例数据")
    print(f"{report.year} 年完成进度（截至 {report.as_of.isoformat()}）")
    kinds = "\t".join(kind.label for kind in ActivityType)
    print(f"单位\t任务\t{kinds}\t合计\t完成率\t受益人次\t最低要求")
    for row in report.units:
        done = "\t".join(str(row.done[kind]) for kind in ActivityType)
        minimums = "；".join(
            f"{status.minimum.label}：{status.achieved}{'（已达到）' if status.met else '（未达到）'}"
            for status in row.minimums
        )
        print(
            f"{row.unit.name}\t{_blank(row.quota)}\t{done}\t{row.total}\t{_percent(row.rate)}\t"
            f"{row.audience}\t{minimums}"
        )
    totals = "\t".join(str(report.totals[kind]) for kind in ActivityType)
    print(
        f"合计\t{report.quota}\t{totals}\t{report.total}\t{_percent(report.rate)}\t"
        f"{report.audience}\t"
    )


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)


def _percent(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.1%}"
