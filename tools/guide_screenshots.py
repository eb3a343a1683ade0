"""Regenerate the user guide's screenshots from the program itself.

    python tools/guide_screenshots.py [FOLDER]      (default: docs/guide/images)

Each picture the guide shows is named ``images/<role>-<tab>.png``: the tab as
``jzdesk gui --screenshot`` renders it on a database with the sample data, installed for
温县总工会 (``clerk``) or for the city union (``city``). The city has imported one real
submission file from 温县, so that its 汇总导入 tab has something to show. Only the
pictures the guide refers to are written, so a changed window is a regenerated picture.
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


def jzdesk(db: Path, *args: str) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "jzdesk", "--db", str(db), *args]
    subprocess.run(command, check=True, capture_output=True, env=environment)


def prepare(work: Path) -> dict[str, Path]:
    """A sample database per role; 温县 reports a quarter that the city imports."""
    databases = {role: work / f"{role}.sqlite" for role in ROLES}
    for role, unit in ROLES.items():
        jzdesk(databases[role], "demo")
        jzdesk(
            databases[role], "init", "--unit", unit, "--filler", "张丽", "--phone", "0391-1234567"
        )
    for day, kind, title in (
        ("2021-03-05", "文艺", "送戏下基层"),
        ("2021-03-18", "培训", "安全生产培训"),
    ):
        jzdesk(databases["clerk"], "add-event", "--unit", "温县", "--date", day, "--type", kind,
               "--title", title, "--venue", "温县产业集聚区", "--audience", "120")  # fmt: skip
    package = work / "温县-2021Q1.jzsub"
    jzdesk(databases["clerk"], "export-package", "--period", "2021Q1", "--out", str(package))
    jzdesk(databases["city"], "import", str(package))
    return databases


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
