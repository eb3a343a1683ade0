"""Commands of the files that travel: export-package and attach-plan at a unit; import,
completeness, conflicts and import-log at the city."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jzdesk.cli.output import print_json
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


def register(commands: Commands) -> None:
    package = commands.add(
        "export-package",
        _export_package,
        "导出上报文件（.jzsub）：本单位本年度至今的全部记录，报送给市总工会",
    )
    add_unit_option(package)
    package.add_argument("--period", metavar="P", help="报送期间，如 2021Q3（默认为刚结束的季度）")
    package.add_argument(
        "--out",
        type=Path,
        metavar="FILE.jzsub",
        help="输出文件（默认在当前文件夹，名为 单位-期间-日期.jzsub）",
    )
    package.add_argument("--photos", action="store_true", help="同时带上活动照片（文件会变大）")

    plan_doc = commands.add(
        "attach-plan", _attach_plan, "附上本单位的实施方案（PDF、Word 等），随上报文件一起报送"
    )
    plan_doc.add_argument("file", type=Path, metavar="FILE", help="实施方案文件")
    add_unit_option(plan_doc)
    plan_doc.add_argument("--year", metavar="Y", help="年度（默认为最近的计划年度）")

    complete = commands.add(
        "completeness", _completeness, "报送情况：各单位各季度是否按时报送（及实施方案）"
    )
    complete.add_argument("--year", metavar="Y", help="计划年度（默认为最近的计划年度）")
    complete.add_argument("--as-of", metavar="DATE", help="按哪一天判断（默认今天）")
    complete.add_argument(
        "--deadline-days", metavar="N", help="把报送期限改为季度结束后 N 天并保存（默认 10 天）"
    )
    add_json_option(complete)

    conflicts = commands.add(
        "conflicts", _conflicts, "列出导入时发现的冲突（同一记录两处修改），或选择保留哪个版本"
    )
    conflicts.add_argument(
        "--keep",
        choices=("ours", "theirs"),
        help="ours 保留本机版本，theirs 采用来件版本（与 --id 一起用）",
    )
    conflicts.add_argument("--id", metavar="N", help="要处理的冲突编号")
    add_json_option(conflicts)

    log = commands.add(
        "import-log", _import_log, "列出已导入的文件（单位、期间、时间、新增/更新/冲突数）"
    )
    log.add_argument("--year", metavar="Y", help="只列此年度")
    add_json_option(log)

    imports = commands.add(
        "import",
        _import,
        "导入上报文件（.jzsub）和填好的《情况统计表》（.xlsx/.xls/.ods/.csv），每个文件单独处理",
    )
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE", help="要导入的文件")
    add_unit_option(imports, "表中没有填写填报单位时，指定单位")
    add_json_option(imports, "以 JSON 输出每个文件的结果")


def _export_package(args: argparse.Namespace) -> int:
    from jzdesk.usecases import submission_export

    db = open_db(args)
    unit = unit_or_home(args, db)
    period = parse_period(args.period) if args.period else submission_export.default_period(db)
    out = args.out or Path(submission_export.suggested_name(unit, period))
    exported = submission_export.export_submission(db, unit, out, period=period, photos=args.photos)
    print(exported.path)
    print(
        f"{unit.name} {period.label}：{exported.records} 条记录；统计表校验码 "
        f"{exported.sheet_code}；第 {exported.sequence} 次导出",
        file=sys.stderr,
    )
    return 0


def _attach_plan(args: argparse.Namespace) -> int:
    from jzdesk.usecases import installation, submission_export

    db = open_db(args)
    unit = unit_or_home(args, db)
    year = year_of(args.year) if args.year else installation.default_year(db)
    changed = submission_export.attach_plan_document(db, unit, year, args.file)
    print(
        f"{unit.name} {year} 年实施方案{'已附上' if changed else '与已附上的相同'}：{args.file.name}"
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    from jzdesk.usecases import imports, installation

    db = open_db(args)
    unit = installation.resolve_unit(db, args.unit) if args.unit else None
    results = imports.import_files(db, args.files, unit=unit)
    if args.json:
        print_json([result.to_json() for result in results])
    for result in results:
        rejected = result.status == "rejected"
        if rejected or not args.json:  # the reason of a rejection always goes to stderr
            print(result.summary(), file=sys.stderr if rejected else sys.stdout)
    return 1 if any(result.status == "rejected" for result in results) else 0


def _completeness(args: argparse.Namespace) -> int:
    from jzdesk.usecases import completeness, installation

    db = open_db(args)
    year = year_of(args.year) if args.year else installation.default_year(db)
    if args.deadline_days is not None:
        days = parse_whole_number(args.deadline_days, field="deadline-days", label="报送期限天数")
        completeness.set_deadline_days(db, year, days)
    as_of = parse_date(args.as_of, field="as-of") if args.as_of else None
    matrix = completeness.completeness(db, year=year, as_of=as_of)
    if args.json:
        print_json(matrix.to_json())
        return 0
    on_time, due = matrix.on_time_share()
    print(
        f"{matrix.year} 年报送情况（截至 {matrix.as_of}，期限为季度结束后 {matrix.deadline_days} 天）"
    )
    print("单位\t实施方案\t一季度\t二季度\t三季度\t四季度")
    for unit in matrix.units:
        print("\t".join([unit.unit_name, *(cell.text() for cell in unit.cells())]))
    for unit in matrix.units:  # why an import day stands for the sending day
        for cell in unit.cells():
            if cell.note:
                what = f"第 {cell.quarter} 季度" if cell.quarter else "实施方案"
                print(f"注：{unit.unit_name}{what}：{cell.note}")
    share = f"{on_time / due:.0%}" if due else "—"
    print(f"按时报送 {on_time} / {due}（{share}）")
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from jzdesk.domain.records import STATE_LABELS, state_text
    from jzdesk.usecases import conflicts

    db = open_db(args)
    if args.keep or args.id:
        if not (args.keep and args.id):
            args.parser.error("处理冲突需要同时给出 --id 和 --keep")
        conflict_id = parse_whole_number(args.id, field="id", label="冲突编号")
        conflicts.resolve_conflict(db, conflict_id, args.keep)
        print(
            f"冲突 {conflict_id} 已处理：{'保留本机版本' if args.keep == 'ours' else '采用来件版本'}"
        )
        return 0
    waiting = conflicts.open_conflicts(db)
    if args.json:
        print_json(waiting)
        return 0
    if not waiting:
        print("没有待处理的冲突")
    for c in waiting:
        print(
            f"[{c['id']}] {c['unit_name']} {c['ours']['date']} 的记录 {c['record_id']}"
            f"（来自 {c['file_name']}）"
        )
        for key, label in STATE_LABELS.items():
            if c["ours"].get(key) != c["theirs"].get(key):
                print(
                    f"    {label}：本机“{state_text(key, c['ours'].get(key))}” ／ "
                    f"来件“{state_text(key, c['theirs'].get(key))}”"
                )
    return 0


def _import_log(args: argparse.Namespace) -> int:
    from jzdesk.usecases import completeness

    db = open_db(args)
    entries = completeness.import_log(db, year=year_of(args.year) if args.year else None)
    if args.json:
        print_json(entries)
        return 0
    if not entries:
        print("还没有导入过文件" + (f"（{args.year} 年）" if args.year else ""))
    for e in entries:
        print(
            f"{e['imported_at']}  {e['unit_name']}  {e['period']}  {e['file_name']}  新增 "
            f"{e['added']} 更新 {e['updated']} 删除 {e['deleted']} 冲突 {e['conflicts']}  "
            f"校验码 {e['sheet_code'] or '—'}"
        )
    return 0
