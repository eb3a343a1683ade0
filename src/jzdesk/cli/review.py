"""The review commands (审核): list, decide, export replies at the city; import a reply at a unit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jzdesk.cli.output import print_json
from jzdesk.cli.parser import Commands, add_json_option, open_db, year_of
from jzdesk.domain.periods import parse_period, quarter_of
from jzdesk.domain.review import Decision, QuarterReview, ReviewDecision
from jzdesk.errors import KnownError


def register(commands: Commands) -> None:
    review = commands.add("review", _review_help, "审核：各单位季度报送的通过 / 退回与审核意见")
    actions = review.add_subparsers(
        title="操作", metavar="ACTION", help="list、decide、export 或 import"
    )

    listing = commands.add("list", _list, "列出各单位各季度的审核状态", under=actions)
    listing.add_argument("--year", metavar="Y", help="年度（默认为最近的计划年度）")
    listing.add_argument("--unit", metavar="NAME", help="只列此单位，并列出每次审核的记录")
    add_json_option(listing)

    decide = commands.add("decide", _decide, "审核一个单位的季度：通过或退回", under=actions)
    decide.add_argument("--unit", metavar="NAME", required=True, help="被审核的单位")
    decide.add_argument("--period", metavar="P", required=True, help="季度，如 2021Q1")
    choice = decide.add_mutually_exclusive_group(required=True)
    choice.add_argument("--accept", action="store_true", help="通过")
    choice.add_argument(
        "--return", dest="send_back", action="store_true", help="退回（须写 --comment）"
    )
    decide.add_argument("--comment", default="", metavar="TEXT", help="季度意见")
    decide.add_argument(
        "--record-comment",
        action="append",
        default=[],
        metavar="ID=TEXT",
        help="对单条记录的意见（记录编号=意见），可重复",
    )
    add_json_option(decide)

    export = commands.add(
        "export", _export, "导出审核回复文件（.jzreply）给报送单位", under=actions
    )
    export.add_argument("--year", metavar="Y", help="年度（默认为最近的计划年度）")
    export.add_argument("--unit", metavar="NAME", help="只导出此单位的回复")
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PATH",
        help="输出文件夹（每单位一个文件），或一个 .jzreply 文件（全部单位在一个文件中，各单位只取自己的）",
    )
    add_json_option(export)

    take = commands.add("import", _import, "在报送单位导入市总工会的审核回复文件", under=actions)
    take.add_argument("file", type=Path, metavar="FILE.jzreply", help="审核回复文件")
    add_json_option(take)


def _review_help(args: argparse.Namespace) -> int:
    args.parser.error("请写明操作：review list、review decide、review export 或 review import")
    return 2


def _year(args: argparse.Namespace, db) -> int:
    from jzdesk.usecases import installation

    return year_of(args.year) if args.year else installation.default_year(db)


def _list(args: argparse.Namespace) -> int:
    from jzdesk.usecases import installation, review

    db = open_db(args)
    year = _year(args, db)
    found = review.quarter_reviews(db, year)
    if args.unit:
        unit = installation.resolve_unit(db, args.unit)
        found = [q for q in found if q.unit_code == unit.code]
    logs = {
        (q.unit_code, q.quarter): review.history(db, unit, year, q.quarter)
        for q in found
        if args.unit
    }
    if args.json:
        print_json([_quarter_json(q, logs.get((q.unit_code, q.quarter))) for q in found])
        return 0
    for q in found:
        said = f"  {q.latest.summary()}" if q.latest else ""
        print(f"{q.unit_name}\t{year}Q{q.quarter}\t{q.text()}{said}")
        for decision in logs.get((q.unit_code, q.quarter), []):
            print(f"\t\t{decision.summary()}")
    return 0


def _decide(args: argparse.Namespace) -> int:
    from jzdesk.usecases import installation, review

    db = open_db(args)
    unit = installation.resolve_unit(db, args.unit)
    period = parse_period(args.period)
    if period.kind != "quarter":
        raise KnownError(f"审核按季度进行，请写季度，如 {period.start.year}Q1", field="period")
    comments = {}
    for text in args.record_comment:
        record_id, sep, comment = text.partition("=")
        if not sep:
            raise KnownError(f"记录意见“{text}”应写成 记录编号=意见", field="record-comment")
        comments[record_id.strip()] = comment
    made = review.decide(
        db,
        unit,
        period.start.year,
        quarter_of(period.start),
        Decision.ACCEPTED if args.accept else Decision.RETURNED,
        comment=args.comment,
        record_comments=comments,
    )
    if args.json:
        print_json(_decision_json(made))
    else:
        print(f"{unit.name} {period.label}：{made.summary()}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from jzdesk.usecases import installation, review

    db = open_db(args)
    unit = installation.resolve_unit(db, args.unit) if args.unit else None
    written = review.export_replies(db, _year(args, db), args.out, unit=unit)
    if args.json:
        print_json([str(path) for path in written])
    else:
        print("\n".join(str(path) for path in written))
    return 0


def _import(args: argparse.Namespace) -> int:
    from jzdesk.usecases import imports

    db = open_db(args)
    [result] = imports.import_files(db, [args.file])
    if args.json:
        print_json({**result.to_json(), "reason": result.reason})
    rejected = result.status == "rejected"
    if rejected or not args.json:
        print(result.summary(), file=sys.stderr if rejected else sys.stdout)
    return 1 if rejected else 0


def _quarter_json(q: QuarterReview, log: list[ReviewDecision] | None) -> dict:
    shown = {
        "unit": q.unit_code,
        "unit_name": q.unit_name,
        "period": f"{q.year}Q{q.quarter}",
        "state": q.state.value,
        "changed_since": q.changed_since,
        "latest": _decision_json(q.latest) if q.latest else None,
    }
    if log is not None:
        shown["history"] = [_decision_json(d) for d in log]
    return shown


def _decision_json(d: ReviewDecision) -> dict:
    return {
        "decision": d.decision.value,
        "comment": d.comment,
        "decided_at": d.decided_at,
        "decided_by": d.decided_by,
        "record_comments": d.record_comments,
    }
