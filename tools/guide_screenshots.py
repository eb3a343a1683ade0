"""Regenerate the user guide's screenshots from the program itself.

    python tools/guide_screenshots.py [FOLDER]      (default: docs/guide/images)

Each picture the guide shows is named ``images/<role>-<tab>.png``: the tab as
``jzdesk gui --screenshot`` renders it on a database with the sample data, installed for
温县总工会 (``clerk``) or for the city union (``city``). The two exchange real files the way
the guide tells them to, through the same commands a user has: 温县 reports its first
quarter, the city sends it back with comments, 温县 reports it again with a correction and
imports the city's reply. So the city's 汇总导入 shows an import and its 审核 a quarter sent
back and sent again (selected first, with the last comments and the log), and 温县's 审核
the quarter sent back with the records to correct. Only the pictures the guide refers to
are written, so a changed window is a regenerated picture.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"
ROLES = {"clerk": "温县", "city": "city"}
_PICTURE = re.compile(r"\(images/(\w+)-(\w+)\.png\)")


def wanted_pictures(guide: Path = GUIDE) -> set[tuple[str, str]]:
    """(role, tab) of every picture the guide's chapters show."""
    return {
        match for page in guide.glob("*.md") for match in _PICTURE.findall(page.read_text("utf-8"))
    }


def jzdesk(db: Path, *args: str) -> str:
    """Run one jzdesk command on ``db``; its standard output (e.g. a new record's id)."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "jzdesk", "--db", str(db), *args]
    done = subprocess.run(command, check=True, capture_output=True, env=environment, text=True)
    return done.stdout.strip()


def prepare(work: Path) -> dict[str, Path]:
    """A sample database per role, with 温县's first quarter reported, sent back and
    reported again."""
    databases = {role: work / f"{role}.sqlite" for role in ROLES}
    for role, unit in ROLES.items():
        jzdesk(databases[role], "demo")
        jzdesk(
            databases[role], "init", "--unit", unit, "--filler", "张丽", "--phone", "0391-1234567"
        )
    clerk, city = databases["clerk"], databases["city"]
    show = add_event(clerk, "2021-03-05", "文艺", "送戏下基层")
    add_event(clerk, "2021-03-18", "培训", "安全生产培训")
    report_first_quarter(clerk, city, work / "温县-2021Q1.jzsub")
    jzdesk(city, "review", "decide", "--unit", "温县", "--period", "2021Q1", "--return",
           "--comment", "请补报 3 月的送电影活动，并核对受益人次",
           "--record-comment", f"{show}=受益人次与照片不符，请核对")  # fmt: skip
    reply = work / "温县-2021-审核意见.jzreply"
    jzdesk(city, "review", "export", "--unit", "温县", "--out", str(reply))
    add_event(clerk, "2021-03-26", "电影", "露天电影进工地")  # the correction asked for
    report_first_quarter(clerk, city, work / "温县-2021Q1-更正.jzsub")
    jzdesk(clerk, "review", "import", str(reply))
    return databases


def add_event(db: Path, day: str, kind: str, title: str) -> str:
    """温县 registers an event; its record id."""
    return jzdesk(db, "add-event", "--unit", "温县", "--date", day, "--type", kind,
                  "--title", title, "--venue", "温县产业集聚区", "--audience", "120")  # fmt: skip


def report_first_quarter(clerk: Path, city: Path, package: Path) -> None:
    """温县 exports its 2021Q1 submission file and the city imports it."""
    jzdesk(clerk, "export-package", "--period", "2021Q1", "--out", str(package))
    jzdesk(city, "import", str(package))


def main(argv: list[str]) -> int:
    images = Path(argv[0]) if argv else GUIDE / "images"
    images.mkdir(parents=True, exist_ok=True)
    pictures = wanted_pictures()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for role, db in prepare(work).items():
            jzdesk(db, "gui", "--screenshot", str(work / role))
        for role, tab in sorted(pictures):
            target = images / f"{role}-{tab}.png"
            shutil.copyfile(work / role / f"{tab}.png", target)
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
