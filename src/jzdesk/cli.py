"""The command line: thin commands over services. Qt is imported only by ``gui``."""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from jzdesk import APP_NAME, __version__
from jzdesk.domain.activity_types import ActivityType, parse_activity_type
from jzdesk.domain.periods import parse_date, parse_period
from jzdesk.domain.progress import ProgressReport
from jzdesk.domain.records import ActivityRecord, RecordFields, fields_json
from jzdesk.domain.text import parse_whole_number
from jzdesk.errors import KnownError

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (0 done, 1 input rejected, 2 wrong usage)."""
    _tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(_files_open_the_window(list(sys.argv[1:] if argv is None else argv)))
    handler: Handler = getattr(args, "handler", _gui)
    try:
        return handler(args)
    except KnownError as error:
        option = _OPTIONS.get(error.field or "")
        where = f"{option}：" if option else ""
        print(f"{APP_NAME}: 错误：{where}{error.message}", file=sys.stderr)
        return 1
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        print(f"{APP_NAME}: 错误：数据库正被另一个程序（可能是打开的 jzdesk 窗口）写入，"
              "请稍后再试", file=sys.stderr)  # fmt: skip
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        # Every write is one transaction: what finished is kept, the step under way is not.
        print(f"{APP_NAME}: 已中断（Ctrl+C）。已完成的部分已保存，正在进行的那一步没有写入。",
              file=sys.stderr)  # fmt: skip
        return 130  # the shells' convention for an interrupted command


def _tolerant_streams() -> None:
    """Human messages follow the console's code page; where it cannot spell a character
    (Chinese on an English Windows writing into a pipe) a ``?`` stands in, rather than the
    command failing after its work is done. JSON does not go through this (_print_json)."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _files_open_the_window(argv: list[str]) -> list[str]:
    """``jzdesk [--db PATH] FILE.jzsub …`` (as a double-click runs it) means ``gui FILE…``."""
    position = 2 if argv[:1] == ["--db"] else 1 if argv[:1] and argv[0].startswith("--db=") else 0
    rest = argv[position:]
    if rest and Path(rest[0]).suffix.lower() in (".jzsub", ".xlsx"):
        return [*argv[:position], "gui", *rest]
    return argv


# The option a field comes from, so a rejection names what to correct.
_OPTIONS = {
    "unit": "--unit",
    "date": "--date",
    "type": "--type",
    "sessions": "--sessions",
    "audience": "--audience",
    "venue_category": "--venue-category",
    "delivery": "--delivery",
    "period": "--period",
    "as_of": "--as-of",
    "year": "--year",
    "records": "--records",
    "title": "--title",
    "venue": "--venue",
    "presenter": "--presenter",
    "notes": "--notes",
    "id": "编号",
    "out": "--out",
    "file": "FILE",
    "top": "--top",
    "below_pace": "--below-pace",
}


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


# argparse's own complaints, in the words a clerk reads.
_USAGE_MESSAGES = (
    (re.compile(r"the following arguments are required: (.*)"), r"缺少必需的参数：\1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"无法识别的参数：\1"),
    (
        re.compile(r"argument (-\S+): invalid choice: (\S+) \(choose from (.*)\)"),
        r"参数 \1 的取值 \2 无效（可以是：\3）",
    ),
    (
        re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)"),
        r"没有这个命令：\2（可用的命令：\3）",
    ),
    (re.compile(r"argument (\S+): expected one argument"), r"参数 \1 后面缺少取值"),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)"), r"参数 \1 不需要取值：\2"),
)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese: usage, section titles, help and errors."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message):
        for pattern, chinese in _USAGE_MESSAGES:
            message = pattern.sub(chinese, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 用法错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="数据库文件（默认取环境变量 JZDESK_DB，否则为用户数据文件夹中的 jzdesk.sqlite）",
    )
    parser = _Parser(
        prog=APP_NAME,
        parents=[common],
        description="“五送”文化活动进基层统计：登记活动、查看进度、导出统计表、导入与考核。不带命令时打开窗口。",
    )
    parser.add_argument(
        "--version", action="version", version=f"{APP_NAME} {__version__}", help="显示版本号并退出"
    )
    commands = parser.add_subparsers(title="命令", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(handler=handler, parser=sub)
        return sub

    gui = command("gui", _gui, "打开程序窗口")
    gui.add_argument("files", nargs="*", type=Path, metavar="FILE",
                     help="在窗口中导入这些上报文件（.jzsub）或统计表（.xlsx）；窗口已打开时交给它")  # fmt: skip
    gui.add_argument(
        "--screenshot",
        metavar="DIR",
        type=Path,
        help="把每个标签页截图保存为 DIR/<标签页>.png 后退出",
    )

    init = command("init", _init, "设置本机所属的填报单位及填报人、联系电话")
    init.add_argument("--unit", required=True, metavar="NAME", help="单位名称、简称或代码")
    init.add_argument("--filler", metavar="NAME", help="填报人")
    init.add_argument("--phone", metavar="TEL", help="联系电话")

    demo = command("demo", _demo, "向数据库加入示例数据（已标明为示例，用于培训和试用）")
    demo.add_argument(
        "--records", default="400", metavar="N", help="示例记录数（默认 400，约为全年任务的八成）"
    )
    demo.add_argument("--clear", action="store_true", help="删除全部示例数据")

    add = command("add-event", _add_event, "登记一条活动记录，输出新记录的编号")
    add.add_argument("--unit", metavar="NAME", help="填报单位（默认为 init 设置的本单位）")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="活动日期")
    add.add_argument(
        "--type",
        required=True,
        metavar="TYPE",
        help="活动类型：送文艺/送电影/送书画/送培训/送讲座（或 文艺、art 等）",
    )
    add.add_argument("--sessions", default="1", metavar="N", help="场次（默认 1）")
    add.add_argument("--audience", default="0", metavar="N", help="受益职工人次")
    add.add_argument("--title", default="", metavar="TEXT", help="活动名称（内容）")
    add.add_argument("--venue", default="", metavar="TEXT", help="活动地点（服务对象）")
    add.add_argument(
        "--venue-category",
        default="",
        metavar="TEXT",
        help="场所类别：厂矿企业、基层社区、重点工程及建设项目工地、偏远农村、车间/班组、其他",
    )
    add.add_argument(
        "--delivery", default="", metavar="TEXT", help="组织方式：购买服务、志愿服务、自办"
    )
    add.add_argument("--presenter", default="", metavar="TEXT", help="主讲人或演出团队")
    add.add_argument("--demo", action="store_true", help="示范性活动")
    add.add_argument("--original", action="store_true", help="职工原创")
    add.add_argument("--logo", action="store_true", help="现场展示了活动标识")
    add.add_argument("--notes", default="", metavar="TEXT", help="备注")

    events = command("events", _events, "列出活动记录")
    events.add_argument("--unit", metavar="NAME", help="只列此单位")
    events.add_argument(
        "--period", metavar="P", help="期间：2021、2021Q1、2021-03 或 2021-01-01..2021-03-31"
    )
    events.add_argument("--json", action="store_true", help="以 JSON 输出")

    delete = command("delete-event", _delete_event, "删除一条活动记录（保留删除标记以便上报）")
    delete.add_argument("id", metavar="ID", help="add-event 输出的记录编号")

    progress = command("progress", _progress, "各单位完成进度")
    progress.add_argument("--year", metavar="Y", help="计划年度（默认为最近的计划年度）")
    progress.add_argument("--as-of", metavar="DATE", help="统计截止日期（默认今天，不超过年底）")
    progress.add_argument("--json", action="store_true", help="以 JSON 输出")
    export = command(
        "export-sheet",
        _export_sheet,
        "导出某单位某期间的《情况统计表》（Excel 或 PDF），或全市汇总表",
    )
    export.add_argument("--unit", metavar="NAME", help="填报单位（默认为 init 设置的本单位）")
    export.add_argument(
        "--period", required=True, metavar="P", help="期间：2021、2021Q1、2021-03 …"
    )
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

    quota = command("quota", _quota_help, "导出或导入任务分解表（附件1，Excel）")
    quota_commands = quota.add_subparsers(title="操作", metavar="ACTION", help="export 或 import")
    for name, handler, help_text in (
        ("export", _quota_export, "把某年的任务分解表导出为 Excel"),
        ("import", _quota_import, "从 Excel 导入某年的任务分解表（各单位任务场次）"),
    ):
        sub = quota_commands.add_parser(
            name, parents=[common], help=help_text, description=help_text
        )
        sub.set_defaults(handler=handler, parser=sub)
        sub.add_argument("file", type=Path, metavar="FILE.xlsx", help="Excel 文件")
        sub.add_argument(
            "--year",
            metavar="Y",
            help="计划年度（导出默认为最近的计划年度；导入默认取标题中的年份）",
        )

    evaluate = command("evaluate", _evaluate, "检查考核：按完成率排名，列出表扬和通报批评及理由")
    evaluate.add_argument(
        "--as-of", metavar="DATE", help="统计截止日期（默认为计划年度的 10 月 1 日）"
    )
    evaluate.add_argument(
        "--top", default="3", metavar="N", help="完成率前 N 名予以表扬（默认 3，0 为不按名次表扬）"
    )
    evaluate.add_argument("--below-pace", default="60", metavar="PCT",
                          help="完成数低于按进度应完成数的百分之几时通报批评（默认 60，0 为不按进度批评）")  # fmt: skip
    evaluate.add_argument(
        "--ignore-minimums", action="store_true", help="未达到最低要求不列为通报批评"
    )
    evaluate.add_argument(
        "--out", type=Path, metavar="FILE", help="同时导出排名表（.xlsx 或 .pdf）"
    )
    evaluate.add_argument("--json", action="store_true", help="以 JSON 输出")

    command(
        "backup", _backup, "备份数据库（保存在数据库旁的 jzdesk-backups 文件夹，保留最近 30 份）"
    )
    restore = command("restore", _restore, "从备份恢复数据库（恢复前先备份当前数据）")
    restore.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help="备份文件；不写时列出所有备份"
    )

    package = command("export-package", _export_package,
                      "导出上报文件（.jzsub）：本单位本年度至今的全部记录，报送给市总工会")  # fmt: skip
    package.add_argument("--unit", metavar="NAME", help="填报单位（默认为 init 设置的本单位）")
    package.add_argument("--period", metavar="P",
                         help="报送期间，如 2021Q3（默认为刚结束的季度）")  # fmt: skip
    package.add_argument("--out", type=Path, metavar="FILE.jzsub",
                         help="输出文件（默认在当前文件夹，名为 单位-期间-日期.jzsub）")  # fmt: skip
    package.add_argument("--photos", action="store_true", help="同时带上活动照片（文件会变大）")

    plan_doc = command("attach-plan", _attach_plan,
                       "附上本单位的实施方案（PDF、Word 等），随上报文件一起报送")  # fmt: skip
    plan_doc.add_argument("file", type=Path, metavar="FILE", help="实施方案文件")
    plan_doc.add_argument("--unit", metavar="NAME", help="填报单位（默认为 init 设置的本单位）")
    plan_doc.add_argument("--year", metavar="Y", help="年度（默认为最近的计划年度）")

    complete = command("completeness", _completeness,
                       "报送情况：各单位各季度是否按时报送（及实施方案）")  # fmt: skip
    complete.add_argument("--year", metavar="Y", help="计划年度（默认为最近的计划年度）")
    complete.add_argument("--as-of", metavar="DATE", help="按哪一天判断（默认今天）")
    complete.add_argument("--deadline-days", metavar="N",
                          help="把报送期限改为季度结束后 N 天并保存（默认 10 天）")  # fmt: skip
    complete.add_argument("--json", action="store_true", help="以 JSON 输出")

    conflicts = command(
        "conflicts", _conflicts, "列出导入时发现的冲突（同一记录两处修改），或选择保留哪个版本"
    )
    conflicts.add_argument("--keep", choices=("ours", "theirs"),
                           help="ours 保留本机版本，theirs 采用来件版本（与 --id 一起用）")  # fmt: skip
    conflicts.add_argument("--id", metavar="N", help="要处理的冲突编号")
    conflicts.add_argument("--json", action="store_true", help="以 JSON 输出")

    log = command(
        "import-log", _import_log, "列出已导入的文件（单位、期间、时间、新增/更新/冲突数）"
    )
    log.add_argument("--year", metavar="Y", help="只列此年度")
    log.add_argument("--json", action="store_true", help="以 JSON 输出")

    imports = command("import", _import,
                      "导入上报文件（.jzsub）和填好的《情况统计表》（.xlsx），每个文件单独处理")  # fmt: skip
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE", help="要导入的文件")
    imports.add_argument("--unit", metavar="NAME", help="表中没有填写填报单位时，指定单位")
    imports.add_argument("--json", action="store_true", help="以 JSON 输出每个文件的结果")
    return parser


def _unit_or_home(args: argparse.Namespace, db):
    """The unit named by --unit, else this installation's own (set by init)."""
    from jzdesk import services

    if args.unit:
        return services.resolve_unit(db, args.unit)
    unit = services.home_unit(db)
    if unit is None:
        args.parser.error("请用 --unit 指定填报单位（或先运行 jzdesk init --unit 单位）")
    return unit


def _export_sheet(args: argparse.Namespace) -> int:
    from jzdesk import exchange

    db = _db(args)
    period = parse_period(args.period)
    if args.summary:
        if args.unit or args.seal:
            args.parser.error("--summary 是全市汇总表，不能同时指定 --unit 或 --seal")
        print(exchange.export_summary(db, period, args.out))
        return 0
    unit = _unit_or_home(args, db)
    seal = exchange.prepare_seal(args.seal) if args.seal else None
    data = exchange.sheet_data(db, unit, period, seal=seal)
    exchange.export_sheet(data, args.out)
    print(args.out)
    if args.out.suffix.lower() == ".pdf":
        print(f"校验码：{exchange.sheet_code(data)}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from jzdesk import exchange, services

    db = _db(args)
    unit = services.resolve_unit(db, args.unit) if args.unit else None
    results = exchange.import_files(db, args.files, unit=unit)
    if args.json:
        _print_json([result.to_json() for result in results])
    for result in results:
        rejected = result.status == "rejected"
        if rejected or not args.json:  # reasons for rejections always on stderr (PRODUCT §8)
            print(result.summary(), file=sys.stderr if rejected else sys.stdout)
    return 1 if any(result.status == "rejected" for result in results) else 0


def _export_package(args: argparse.Namespace) -> int:
    from jzdesk import packages

    db = _db(args)
    unit = _unit_or_home(args, db)
    period = parse_period(args.period) if args.period else packages.default_period(db)
    out = args.out or Path(packages.suggested_name(unit, period))
    exported = packages.export_package(db, unit, out, period=period, photos=args.photos)
    print(exported.path)
    print(f"{unit.name} {period.label}：{exported.records} 条记录；统计表校验码 "
          f"{exported.sheet_code}；第 {exported.sequence} 次导出", file=sys.stderr)  # fmt: skip
    return 0


def _attach_plan(args: argparse.Namespace) -> int:
    from jzdesk import packages, services

    db = _db(args)
    unit = _unit_or_home(args, db)
    year = _year(args.year) if args.year else services.default_year(db)
    changed = packages.attach_plan_document(db, unit, year, args.file)
    print(
        f"{unit.name} {year} 年实施方案{'已附上' if changed else '与已附上的相同'}：{args.file.name}"
    )
    return 0


def _year(text: str) -> int:
    return parse_whole_number(text, field="year", label="年度")


def _completeness(args: argparse.Namespace) -> int:
    from jzdesk import packages, services

    db = _db(args)
    year = _year(args.year) if args.year else services.default_year(db)
    if args.deadline_days is not None:
        days = parse_whole_number(args.deadline_days, field="deadline-days", label="报送期限天数")
        packages.set_deadline_days(db, year, days)
    as_of = parse_date(args.as_of, field="as-of") if args.as_of else None
    matrix = packages.completeness(db, year=year, as_of=as_of)
    if args.json:
        _print_json(matrix.to_json())
        return 0
    on_time, due = matrix.on_time_share()
    print(
        f"{matrix.year} 年报送情况（截至 {matrix.as_of}，期限为季度结束后 {matrix.deadline_days} 天）"
    )
    print("单位\t实施方案\t一季度\t二季度\t三季度\t四季度")
    for unit in matrix.units:
        print("\t".join([unit.unit_name, *(cell.text() for cell in unit.cells())]))
    share = f"{on_time / due:.0%}" if due else "—"
    print(f"按时报送 {on_time} / {due}（{share}）")
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from jzdesk import packages

    db = _db(args)
    if args.keep or args.id:
        if not (args.keep and args.id):
            args.parser.error("处理冲突需要同时给出 --id 和 --keep")
        conflict_id = parse_whole_number(args.id, field="id", label="冲突编号")
        packages.resolve_conflict(db, conflict_id, args.keep)
        print(
            f"冲突 {conflict_id} 已处理：{'保留本机版本' if args.keep == 'ours' else '采用来件版本'}"
        )
        return 0
    conflicts = packages.open_conflicts(db)
    if args.json:
        _print_json(conflicts)
        return 0
    from jzdesk.domain.records import STATE_LABELS, state_text

    if not conflicts:
        print("没有待处理的冲突")
    for c in conflicts:
        print(f"[{c['id']}] {c['unit_name']} {c['ours']['date']} 的记录 {c['record_id']}"
              f"（来自 {c['file_name']}）")  # fmt: skip
        for key, label in STATE_LABELS.items():
            if c["ours"].get(key) != c["theirs"].get(key):
                print(f"    {label}：本机“{state_text(key, c['ours'].get(key))}” ／ "
                      f"来件“{state_text(key, c['theirs'].get(key))}”")  # fmt: skip
    return 0


def _import_log(args: argparse.Namespace) -> int:
    from jzdesk import packages

    db = _db(args)
    entries = packages.import_log(db, year=_year(args.year) if args.year else None)
    if args.json:
        _print_json(entries)
        return 0
    if not entries:
        print("还没有导入过文件" + (f"（{args.year} 年）" if args.year else ""))
    for e in entries:
        print(f"{e['imported_at']}  {e['unit_name']}  {e['period']}  {e['file_name']}  新增 "
              f"{e['added']} 更新 {e['updated']} 删除 {e['deleted']} 冲突 {e['conflicts']}  "
              f"校验码 {e['sheet_code'] or '—'}")  # fmt: skip
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from jzdesk import exchange
    from jzdesk.domain.evaluation import EvaluationRules

    db = _db(args)
    as_of = parse_date(args.as_of, field="as_of") if args.as_of else None
    below = parse_whole_number(args.below_pace, field="below_pace", label="进度百分比")
    if not 0 <= below <= 100:
        raise KnownError(f"进度百分比应在 0–100 之间，现在是 {below}", field="below_pace")
    rules = EvaluationRules(
        praise_top=parse_whole_number(args.top, field="top", label="表扬名次"),
        criticize_below_pace=below / 100,
        criticize_missing_minimum=not args.ignore_minimums,
    )
    report, rows = exchange.evaluation(db, as_of=as_of, rules=rules)
    if args.out:
        exchange.export_evaluation(db, args.out, as_of=report.as_of, rules=rules)
        print(f"已导出：{args.out}", file=sys.stderr)
    if args.json:
        _print_json({
            "year": report.year, "as_of": report.as_of.isoformat(),
            "units": [{"rank": row.rank, "code": row.progress.unit.code,
                       "name": row.progress.unit.name, "quota": row.progress.quota,
                       "total": row.progress.total, "rate": round(row.progress.rate, 4),
                       "pace": round(row.progress.pace, 2), "praise": list(row.praise),
                       "criticism": list(row.criticism)} for row in rows],
        })  # fmt: skip
        return 0
    print(f"{report.year} 年检查考核（截至 {report.as_of.isoformat()}）")
    print("名次\t单位\t任务\t完成\t完成率\t表扬\t通报批评")
    for row in rows:
        unit = row.progress
        print(f"{row.rank}\t{unit.unit.name}\t{unit.quota}\t{unit.total}\t{unit.rate:.1%}\t"
              f"{'；'.join(row.praise)}\t{'；'.join(row.criticism)}")  # fmt: skip
    return 0


def _backup(args: argparse.Namespace) -> int:
    from jzdesk import services

    print(services.make_backup(_db(args)))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from jzdesk import services

    db = _db(args)
    if args.file is None:
        for item in services.list_backups(db):
            print(f"{item['path']}\t{item['made']:%Y-%m-%d %H:%M:%S}\t{item['reason']}\t"
                  f"{item['records']} 条记录")  # fmt: skip
        return 0
    safety = services.restore_backup(db, args.file)
    print(f"已从 {args.file} 恢复；恢复前的数据已备份为 {safety}")
    return 0


def _quota_help(args: argparse.Namespace) -> int:
    args.parser.error("请写明操作：quota export 文件.xlsx 或 quota import 文件.xlsx")
    return 2


def _quota_export(args: argparse.Namespace) -> int:
    from jzdesk import exchange, services

    db = _db(args)
    year = parse_whole_number(args.year, field="year", label="年度") if args.year else None
    print(exchange.export_quota_table(db, year or services.default_year(db), args.file))
    return 0


def _quota_import(args: argparse.Namespace) -> int:
    from jzdesk import exchange

    db = _db(args)
    year = parse_whole_number(args.year, field="year", label="年度") if args.year else None
    print(exchange.import_quota_table(db, args.file, year=year).summary())
    return 0


def _db(args: argparse.Namespace):
    from jzdesk import services

    return services.open_database(getattr(args, "db", None))


def _gui(args: argparse.Namespace) -> int:
    from jzdesk import app

    return app.run(db_path=getattr(args, "db", None),
                   screenshot_dir=getattr(args, "screenshot", None),
                   open_files=getattr(args, "files", []))  # fmt: skip


def _init(args: argparse.Namespace) -> int:
    from jzdesk import services

    db = _db(args)
    unit = services.init_installation(db, args.unit, filler=args.filler, phone=args.phone)
    print(f"本机的填报单位已设为：{unit.name}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from jzdesk import services

    db = _db(args)
    if args.clear:
        print(f"已删除 {services.remove_sample_data(db)} 条示例数据")
        return 0
    count = parse_whole_number(args.records, field="records", label="示例记录数")
    services.fill_sample_data(db, count)
    print(f"已加入 {count} 条示例数据（标记为“示例数据”，可用 jzdesk demo --clear 删除）")
    return 0


def _add_event(args: argparse.Namespace) -> int:
    from jzdesk import services

    db = _db(args)
    unit = _unit_or_home(args, db)
    fields = RecordFields(
        unit_code=unit.code,
        date=parse_date(args.date),
        activity_type=parse_activity_type(args.type),
        sessions=parse_whole_number(args.sessions, field="sessions", label="场次"),
        title=args.title.strip(),
        venue=args.venue.strip(),
        venue_category=args.venue_category.strip(),
        audience=parse_whole_number(args.audience, field="audience", label="受益职工人次"),
        delivery=args.delivery.strip(),
        presenter=args.presenter.strip(),
        demonstration=args.demo,
        original=args.original,
        logo_shown=args.logo,
        notes=args.notes.strip(),
    )
    print(services.add_event(db, fields))
    return 0


def _events(args: argparse.Namespace) -> int:
    from jzdesk import services

    db = _db(args)
    unit = services.resolve_unit(db, args.unit) if args.unit else None
    period = parse_period(args.period) if args.period is not None else None
    found = services.list_events(db, services.event_filter(unit=unit, period=period))
    if args.json:
        _print_json([record_json(record) for record in found])
        return 0
    print("编号\t日期\t单位\t类型\t场次\t受益人次\t活动名称\t活动地点")
    for record in found:
        f = record.fields
        print(
            f"{record.id}\t{f.date.isoformat()}\t{record.unit_name}\t{f.activity_type.label}\t"
            f"{f.sessions}\t{f.audience}\t{f.title}\t{f.venue}"
        )
    print(f"共 {len(found)} 条，{sum(r.fields.sessions for r in found)} 场", file=sys.stderr)
    return 0


def record_json(record: ActivityRecord) -> dict:
    """A record in the shape of ``events --json`` (PRODUCT §8)."""
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


def _delete_event(args: argparse.Namespace) -> int:
    from jzdesk import services

    services.delete_event(_db(args), args.id)
    print(f"已删除活动记录 {args.id}")
    return 0


def _progress(args: argparse.Namespace) -> int:
    from jzdesk import services

    db = _db(args)
    year = parse_whole_number(args.year, field="year", label="年度") if args.year else None
    as_of = parse_date(args.as_of, field="as_of") if args.as_of else None
    report = services.progress_report(db, year=year, as_of=as_of)
    if args.json:
        _print_json(progress_json(report))
    else:
        _print_progress(report)
    return 0


def progress_json(report: ProgressReport) -> dict:
    """The report in the shape of ``progress --json`` (PRODUCT §8)."""
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


def _print_progress(report: ProgressReport) -> None:
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


def _print_json(value: object) -> None:
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
