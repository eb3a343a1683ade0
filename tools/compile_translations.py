"""Compile resources/translations/*.ts into .qm files beside them with pyside6-lrelease.

Run after editing a .ts file: ``python tools/compile_translations.py``.
tests/ui/test_translations.py fails when a .qm file is out of date.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def lrelease_command() -> list[str]:
    """PySide6's own lrelease (lrelease.exe on Windows), as its ``pyside6-lrelease`` wrapper
    calls it: no venv on PATH needed, and no script launcher, which Wine cannot start."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for binary in (folder / "lrelease.exe", folder / "lrelease"):
        if binary.is_file():
            return [str(binary)]
    script = Path(sys.executable).with_name("pyside6-lrelease")
    return [str(script)] if script.exists() else ["pyside6-lrelease"]


def compile_catalogue(source: Path) -> bytes:
    """The .qm bytes pyside6-lrelease makes of ``source``."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.qm"
        subprocess.run(
            [*lrelease_command(), "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
        )
        return target.read_bytes()


def main() -> int:
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        target = source.with_suffix(".qm")
        target.write_bytes(compile_catalogue(source))
        print(f"{source.name} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
