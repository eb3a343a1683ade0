"""Commands over activity records: add-event, events, delete-event."""

from __future__ import annotations

import argparse
import sys

from jzdesk.cli.output import print_json, record_json
from jzdesk.cli.parser import Commands, add_json_option, add_unit_option, open_db, unit_or_home
from jzdesk.domain.activity_types import parse_activity_type
from jzdesk.domain.periods import parse_date, parse_period
from jzdesk.domain.records import RecordFields
from jzdesk.domain.text import parse_whole_number


def register(commands: Commands) -> None:
    add = commands.add("add-event", _add_event, "登记一条活动记录，输出新记录的编号")
    add_unit_option(add)
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

    events = commands.add("events", _events, "列出活动记录")
    add_unit_option(events, "只列此单位")
    events.add_argument(
        "--period", metavar="P", help="期间：2021、2021Q1、2021-03 或 2021-01-01..2021-03-31"
    )
    add_json_option(events)

    delete = commands.add("delete-event", _delete_event, "删除一条活动记录（保留删除标记以便上报）")
    delete.add_argument("id", metavar="ID", help="add-event 输出的记录编号")


def _add_event(args: argparse.Namespace) -> int:
    from jzdesk.usecases import ledger

    db = open_db(args)
    unit = unit_or_home(args, db)
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
    print(ledger.add_record(db, fields))
    return 0


def _events(args: argparse.Namespace) -> int:
    from jzdesk.usecases import installation, ledger

    db = open_db(args)
    unit = installation.resolve_unit(db, args.unit) if args.unit else None
    period = parse_period(args.period) if args.period is not None else None
    found = ledger.list_records(db, ledger.record_filter(unit=unit, period=period))
    if args.json:
        print_json([record_json(record) for record in found])
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


def _delete_event(args: argparse.Namespace) -> int:
    from jzdesk.usecases import ledger

    ledger.delete_record(open_db(args), args.id)
    print(f"已删除活动记录 {args.id}")
    return 0
