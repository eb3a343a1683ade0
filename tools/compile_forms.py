"""Compile forms/*.ui into src/jzdesk/ui/forms/ui_*.py with pyside6-uic.

Run after editing a form in Qt Designer: ``python tools/compile_forms.py``.
tests/ui/test_forms.py fails when a generated module is out of date.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
TARGET = ROOT / "src" / "jzdesk" / "ui" / "forms"


def uic_command(pyside_folder: Path | None = None, platform: str = sys.platform) -> list[str]:
    """PySide6's own uic, called the way its ``pyside6-uic`` wrapper calls it: no venv on
    PATH needed, and no script launcher (on Windows it is Scripts\\pyside6-uic.exe, which
    Wine cannot start; uic.exe sits in the PySide6 folder, on Linux in Qt/libexec/)."""
    if pyside_folder is None:
        import PySide6

        pyside_folder = Path(PySide6.__file__).resolve().parent
    binary = (
        pyside_folder / "uic.exe"
        if platform == "win32"
        else pyside_folder / "Qt" / "libexec" / "uic"
    )
    if binary.is_file():
        return [str(binary), "-g", "python"]
    scripts = Path(sysconfig.get_path("scripts"))
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        if (scripts / name).is_file():
            return [str(scripts / name)]
    return ["pyside6-uic"]


def compile_form(source: Path) -> str:
    """The Python pyside6-uic generates for ``source``."""
    result = subprocess.run(
        [*uic_command(), "--from-imports", str(source.relative_to(ROOT))],
        cwd=ROOT,
        check=True,
        capture_output=True,
        encoding="utf-8",  # uic writes UTF-8, whatever the Windows code page
    )
    return result.stdout


def target_of(source: Path) -> Path:
    return TARGET / f"ui_{source.stem}.py"


def main() -> int:
    for source in sorted(FORMS.glob("*.ui")):
        target_of(source).write_text(compile_form(source), encoding="utf-8")
        print(f"{source.name} -> {target_of(source).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
