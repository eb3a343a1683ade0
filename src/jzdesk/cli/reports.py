"""Commands that report and plan: progress, export-sheet, evaluate, quota."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jzdesk.cli.output import print_json, print_progress, progress_json
from jzdesk.cli.parser import (
    Commands,
    add_json_option,
    add_unit_option,
    open_db,
    unit_or_home,
    year_of,
)
from jzdesk.domain.periods import parse_date, parse_period
from jzdesk.domain.text import parse_whole_number
from jzdesk.errors import KnownError


def register(commands: Commands) -> None:
    progress = commands.add("progress", _progress, "各单位完成进度")
    progress.add_argument("--year", metavar="Y", help="计划年度（默认为最近的计划年度）")
    progress.add_argument("--as-of", metavar="DATE", help="统计截止日期（默认今天，不超过年底）")
    add_json_option(progress)

    export = commands.add(
        "export-sheet",
        _export_sheet,
        "导出某单位某期间的《情况统计表》（Excel 或 PDF），或全市汇总表",
    )
    add_unit_option(export)
    export.add_argument("--period", metavar="P", help="期间：2021、2021Q1、2021-03 …（必填）")
    export.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="输出文件，以 .xlsx 或 .pdf 结尾"
    )
    export.add_argument(
        "--seal",
        type=Path,
        metavar="IMAGE",
        help="本次使用的印章扫描图片（默认用已保存的本单位印章）",
    )
    export.add_argument(
        "--summary",
        action="store_true",
        help="导出全市汇总表（每个单位一行），而不是某个单位的统计表",
    )
    export.add_argument(
        "--as-of",
        metavar="DATE",
        help="汇总表统计本年 1 月 1 日至该日（代替 --period），例如 2021-05-15",
    )

    quota = commands.add("quota", _quota_help, "导出或导入任务分解表（附件1，Excel）")
    actions = quota.add_subparsers(title="操作", metavar="ACTION", help="export 或 import")
    for name, handler, help_text in (
        ("export", _quota_export, "把某年的任务分解表导出为 Excel"),
        (
            "import",
            _quota_import,
            "从表格（.xlsx/.xls/.ods/.csv）导入某年的任务分解表（各单位任务场次）",
        ),
    ):
        sub = commands.add(name, handler, help_text, under=actions)
        sub.add_argument("file", type=Path, metavar="FILE", help="表格文件（导出为 .xlsx）")
        sub.add_argument(
            "--year",
            metavar="Y",
            help="计划年度（导出默认为最近的计划年度；导入默认取标题中的年份）",
        )

    evaluate = commands.add(
        "evaluate", _evaluate, "检查考核：按完成率排名，列出表扬和通报批评及理由"
    )
    evaluate.add_argument(
        "--as-of", metavar="DATE", help="统计截止日期（默认为计划年度的 10 月 1 日）"
    )
    evaluate.add_argument(
        "--top", default="3", metavar="N", help="完成率前 N 名予以表扬（默认 3，0 为不按名次表扬）"
    )
    evaluate.add_argument(
        "--below-pace",
        default="60",
        metavar="PCT",
        help="完成数低于按进度应完成数的百分之几时通报批评（默认 60，0 为不按进度批评）",
    )
    evaluate.add_argument(
        "--ignore-minimums", action="store_true", help="未达到最低要求不列为通报批评"
    )
    evaluate.add_argument(
        "--accepted-only", action="store_true", help="各单位只计审核通过的季度中的场次"
    )
    evaluate.add_argument(
        "--out", type=Path, metavar="FILE", help="同时导出排名表（.xlsx 或 .pdf）"
    )
    add_json_option(evaluate)


def _progress(args: argparse.Namespace) -> int:
    from jzdesk.usecases import progress

    db = open_db(args)
    year = year_of(args.year) if args.year else None
    as_of = parse_date(args.as_of, field="as_of") if args.as_of else None
    report = progress.progress_report(db, year=year, as_of=as_of)
    if args.json:
        print_json(progress_json(report))
    else:
        print_progress(report)
    return 0


def _export_sheet(args: argparse.Namespace) -> int:
    from jzdesk.usecases import sheets

    db = open_db(args)
    if args.summary:
        return _export_summary(args, db)
    if args.as_of or not args.period:
        args.parser.error("单位统计表请用 --period 指定期间（--as-of 只用于 --summary 汇总表）")
    period = parse_period(args.period)
    unit = unit_or_home(args, db)
    seal = sheets.prepare_seal(args.seal) if args.seal else None
    data = sheets.sheet_data(db, unit, period, seal=seal)
    sheets.export_sheet(data, args.out)
    print(args.out)
    print(f"校验码：{sheets.sheet_code(data)}", file=sys.stderr)
    return 0


def _export_summary(args: argparse.Namespace, db) -> int:
    """The city's summary for --period, or from 1 January to --as-of, under the city's
    stored header line and seal; the 校验码 on stderr as for a unit's sheet."""
    from jzdesk.domain.periods import year_to_date
    from jzdesk.usecases import sheets

    if args.unit or args.seal:
        args.parser.error("--summary 是全市汇总表，不能同时指定 --unit 或 --seal")
    if bool(args.period) == bool(args.as_of):
        args.parser.error("汇总表请指定 --period 或 --as-of 其中之一")
    if args.as_of:
        period = year_to_date(parse_date(args.as_of, field="as_of"))
    else:
        period = parse_period(args.period)
    data = sheets.summary_data(db, period)
    print(sheets.write_summary(data, args.out))
    print(f"校验码：{sheets.summary_code(data)}", file=sys.stderr)
    return 0


def _quota_help(args: argparse.Namespace) -> int:
    args.parser.error("请写明操作：quota export 文件.xlsx 或 quota import 文件")
    return 2


def _quota_export(args: argparse.Namespace) -> int:
    from jzdesk.usecases import installation, planning

    db = open_db(args)
    year = year_of(args.year) if args.year else installation.default_year(db)
    print(planning.export_quota_table(db, year, args.file))
    return 0


def _quota_import(args: argparse.Namespace) -> int:
    from jzdesk.usecases import planning

    db = open_db(args)
    year = year_of(args.year) if args.year else None
    print(planning.import_quota_table(db, args.file, year=year).summary())
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from jzdesk.domain.evaluation import EvaluationRules
    from jzdesk.usecases import evaluation

    db = open_db(args)
    as_of = parse_date(args.as_of, field="as_of") if args.as_of else None
    below = parse_whole_number(args.below_pace, field="below_pace", label="进度百分比")
    if not 0 <= below <= 100:
        raise KnownError(f"进度百分比应在 0–100 之间，现在是 {below}", field="below_pace")
    rules = EvaluationRules(
        praise_top=parse_whole_number(args.top, field="top", label="表扬名次"),
        criticize_below_pace=below / 100,
        criticize_missing_minimum=not args.ignore_minimums,
        accepted_only=args.accepted_only,
    )
    report, rows = evaluation.ranking(db, as_of=as_of, rules=rules)
    if args.out:
        evaluation.export_ranking(db, args.out, as_of=report.as_of, rules=rules)
        print(f"已导出：{args.out}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "year": report.year,
                "as_of": report.as_of.isoformat(),
                "units": [
                    {
                        "rank": row.rank,
                        "code": row.progress.unit.code,
                        "name": row.progress.unit.name,
                        "quota": row.progress.quota,
                        "total": row.progress.total,
                        "rate": round(row.progress.rate, 4),
                        "pace": round(row.progress.pace, 2),
                        "praise": list(row.praise),
                        "criticism": list(row.criticism),
                    }
                    for row in rows
                ],
            }
        )
        return 0
    print(f"{report.year} 年检查考核（截至 {report.as_of.isoformat()}）")
    print("名次\t单位\t任务\t完成\t完成率\t表扬\t通报批评")
    for row in rows:
        unit = row.progress
        print(
            f"{row.rank}\t{unit.unit.name}\t{unit.quota}\t{unit.total}\t{unit.rate:.1%}\t"
            f"{'；'.join(row.praise)}\t{'；'.join(row.criticism)}"
        )
    return 0
