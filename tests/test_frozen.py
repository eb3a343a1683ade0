"""The frozen Linux bundle (PyInstaller, installer/jzdesk.spec) built and smoke-run: it
answers --version, reports progress, exports a PDF sheet and a submission file, imports
it, renders its window offscreen, and carries defusedxml, reportlab's accelerator and Qt's
Chinese catalogue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The bundle built now from this checkout, or the one already built at
    ``$JZDESK_FROZEN_BUNDLE`` (e.g. dist-compat/jzdesk from build-linux-compat.sh)."""
    if os.environ.get("JZDESK_FROZEN_BUNDLE"):
        return Path(os.environ["JZDESK_FROZEN_BUNDLE"]).resolve()
    pytest.importorskip("PyInstaller", reason="install the build extra: pip install '.[build]'")
    work = tmp_path_factory.mktemp("frozen")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "installer" / "jzdesk.spec"),
        ],
        check=True,
        cwd=ROOT,
        timeout=900,
    )
    return work / "dist" / "jzdesk"


def run(bundle: Path, program: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("JZDESK_DB", None)
    return subprocess.run(
        [str(bundle / program), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        **kwargs,
    )


def test_the_command_line_works_frozen(bundle, tmp_path):
    import jzdesk

    assert run(bundle, "jzdesk-cli", "--version").stdout.strip() == f"jzdesk {jzdesk.__version__}"
    db = str(tmp_path / "unit.sqlite")
    added = run(
        bundle,
        "jzdesk-cli",
        "--db",
        db,
        "add-event",
        "--unit",
        "沁阳",
        "--date",
        "2021-03-05",
        "--type",
        "文艺",
        "--title",
        "送戏下乡",
    )
    assert added.returncode == 0, added.stderr
    progress = json.loads(run(bundle, "jzdesk-cli", "--db", db, "progress", "--json").stdout)
    assert progress["total"] == {"quota": 510, "total": 1}
    pdf = tmp_path / "q1.pdf"
    sheet = run(
        bundle,
        "jzdesk-cli",
        "--db",
        db,
        "export-sheet",
        "--unit",
        "沁阳",
        "--period",
        "2021Q1",
        "--out",
        str(pdf),
    )
    assert sheet.returncode == 0, sheet.stderr
    from pypdf import PdfReader

    assert "送戏下乡" in PdfReader(pdf).pages[0].extract_text()
    # The sheet as Excel, read back by the bundle (calamine and the layout stream inside it).
    xlsx = tmp_path / "q1.xlsx"
    export = run(
        bundle,
        "jzdesk-cli",
        "--db",
        db,
        "export-sheet",
        "--period",
        "2021Q1",
        "--unit",
        "沁阳",
        "--out",
        str(xlsx),
    )
    assert export.returncode == 0 and "校验码" in export.stderr, export.stderr
    read_back = run(
        bundle,
        "jzdesk-cli",
        "--db",
        str(tmp_path / "sheet-city.sqlite"),
        "import",
        str(xlsx),
        "--json",
    )
    assert json.loads(read_back.stdout)[0]["added"] == 1, read_back.stderr
    package = tmp_path / "q1.jzsub"
    assert (
        run(
            bundle,
            "jzdesk-cli",
            "--db",
            db,
            "export-package",
            "--unit",
            "沁阳",
            "--period",
            "2021Q1",
            "--out",
            str(package),
        ).returncode
        == 0
    )
    city = str(tmp_path / "city.sqlite")
    imported = run(bundle, "jzdesk-cli", "--db", city, "import", str(package), "--json")
    assert json.loads(imported.stdout)[0]["added"] == 1, imported.stderr


def test_the_window_renders_frozen(bundle, tmp_path):
    shots = tmp_path / "shots"
    result = run(
        bundle, "jzdesk", "--db", str(tmp_path / "x.sqlite"), "gui", "--screenshot", str(shots)
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in shots.iterdir()) == [
        "charts.png",
        "evaluation.png",
        "imports.png",
        "quota.png",
        "records.png",
        "report.png",
        "review.png",
        "summary.png",
    ]
    assert "Traceback" not in result.stderr


def test_the_bundle_carries_safe_xml_and_chinese_qt_and_stays_under_150_mb(bundle):
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle / "jzdesk-cli"))
    pyz = archive.open_embedded_archive("PYZ.pyz")
    assert "defusedxml.ElementTree" in pyz.toc and "openpyxl" in pyz.toc
    translations = bundle / "_internal" / "PySide6" / "Qt" / "translations"
    assert (translations / "qtbase_zh_CN.qm").is_file()
    # reportlab's C accelerator, which it imports out of PyInstaller's sight.
    assert list((bundle / "_internal").glob("_rl_accel*")), "no _rl_accel in the bundle"
    # The user guide: its chapters for the help window, the printable PDF beside the program.
    assert (bundle / "_internal" / "jzdesk" / "guide" / "index.md").is_file()
    assert (bundle / "jzdesk-guide.pdf").read_bytes().startswith(b"%PDF")
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 150 * 1024 * 1024, f"{size / 1024 / 1024:.0f} MB"


def test_the_bundle_leaves_the_desktop_libraries_to_the_system(bundle):
    """The X server, font, C++ and print libraries must be the system's own; the X11
    plugin's libxcb-cursor, which older systems lack, comes with the bundle."""
    top = {path.name for path in (bundle / "_internal").iterdir()}
    for system in (
        "libstdc++.so.6",
        "libfontconfig.so.1",
        "libX11.so.6",
        "libcups.so.2",
        "libglib-2.0.so.0",
        "libgnutls.so.30",
    ):
        assert system not in top
    built_with = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    if "libxcb-cursor.so.0 " in built_with:
        assert "libxcb-cursor.so.0" in top
