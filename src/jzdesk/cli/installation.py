"""Commands that set up this installation and keep its data safe: window, init, demo,
backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from jzdesk.cli.parser import Commands, open_db
from jzdesk.domain.text import parse_whole_number


def register(commands: Commands) -> None:
    gui = commands.add("gui", run_window, "打开程序窗口")
    gui.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="在窗口中导入这些上报文件（.jzsub）或统计表（.xlsx/.xls/.ods/.csv）；窗口已打开时交给它",
    )
    gui.add_argument(
        "--screenshot",
        metavar="DIR",
        type=Path,
        help="把每个标签页截图保存为 DIR/<标签页>.png 后退出",
    )

    init = commands.add("init", _init, "设置本机所属的填报单位及填报人、联系电话")
    init.add_argument("--unit", required=True, metavar="NAME", help="单位名称、简称或代码")
    init.add_argument("--filler", metavar="NAME", help="填报人")
    init.add_argument("--phone", metavar="TEL", help="联系电话")

    demo = commands.add("demo", _demo, "向数据库加入示例数据（已标明为示例，用于培训和试用）")
    demo.add_argument(
        "--records", default="400", metavar="N", help="示例记录数（默认 400，约为全年任务的八成）"
    )
    demo.add_argument("--clear", action="store_true", help="删除全部示例数据")

    commands.add(
        "backup", _backup, "备份数据库（保存在数据库旁的 jzdesk-backups 文件夹，保留最近 30 份）"
    )
    restore = commands.add("restore", _restore, "从备份恢复数据库（恢复前先备份当前数据）")
    restore.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help="备份文件；不写时列出所有备份"
    )


def run_window(args: argparse.Namespace) -> int:
    from jzdesk import app

    return app.run(
        db_path=getattr(args, "db", None),
        screenshot_dir=getattr(args, "screenshot", None),
        open_files=getattr(args, "files", []),
    )


def _init(args: argparse.Namespace) -> int:
    from jzdesk.usecases import installation

    db = open_db(args)
    unit = installation.init_installation(db, args.unit, filler=args.filler, phone=args.phone)
    print(f"本机的填报单位已设为：{unit.name}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from jzdesk.usecases import samples

    db = open_db(args)
    if args.clear:
        print(f"已删除 {samples.remove_sample_data(db)} 条示例数据")
        return 0
    count = parse_whole_number(args.records, field="records", label="示例记录数")
    samples.fill_sample_data(db, count)
    print(f"已加入 {count} 条示例数据（标记为“示例数据”，可用 jzdesk demo --clear 删除）")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from jzdesk.usecases import backups

    print(backups.make_backup(open_db(args)))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from jzdesk.usecases import backups

    db = open_db(args)
    if args.file is None:
        for item in backups.list_backups(db):
            print(
                f"{item['path']}\t{item['made']:%Y-%m-%d %H:%M:%S}\t{item['reason']}\t"
                f"{item['records']} 条记录"
            )
        return 0
    safety = backups.restore_backup(db, args.file)
    print(f"已从 {args.file} 恢复；恢复前的数据已备份为 {safety}")
    return 0
