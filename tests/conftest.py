"""Shared fixtures: a fresh database on disk, the command line run in-process, and a real
office suite (LibreOffice, headless) with zbar for the ``office`` tests."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform == "win32":  # before pytest-qt makes the QApplication (see app.py)
    from jzdesk.app import font_folder_environment

    os.environ.update(font_folder_environment(dict(os.environ)))

from jzdesk import cli  # noqa: E402
from jzdesk.store.db import open_db  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "jzdesk.sqlite"


@pytest.fixture
def db(db_path: Path):
    """A new database with every migration applied (and so the 2021 plan)."""
    database = open_db(db_path)
    yield database
    database.close()


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(db_path: Path, monkeypatch):
    """Run ``jzdesk --db <tmp db> ARGS…`` in this process; returns exit code and output."""
    monkeypatch.delenv("JZDESK_DB", raising=False)

    def run(*args: str, db: bool = True) -> Result:
        argv = (["--db", str(db_path)] if db else []) + list(args)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
        return Result(code, out.getvalue(), err.getvalue())

    return run


def _tool(name: str, package: str) -> str:
    """The path of an office tool; a skip where it is not installed, but a failure in the
    Linux CI (.ci/run installs it there: a skip would hide a broken setup; the suite's
    second run, under the Windows Python in Wine, has none)."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") and sys.platform.startswith("linux"):
            pytest.fail(f"{name} is missing in CI: .ci/run should install {package}")
        pytest.skip(f"{name} is not installed ({package})")
    return found


@pytest.fixture(scope="session")
def office(tmp_path_factory):
    """``convert(path, suffix)``: the file as LibreOffice Calc (headless) saves it as
    ``suffix`` (.pdf, .xlsx, .xls, .ods), in a new folder, with its own profile so that
    parallel runs do not share one."""
    soffice = _tool("soffice", "libreoffice-calc-nogui")
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(path: Path, suffix: str) -> Path:
        out = path.parent / f"lo-{suffix.lstrip('.')}"
        out.mkdir(exist_ok=True)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                suffix.lstrip("."),
                "--outdir",
                str(out),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        result = out / (path.stem + suffix)
        assert result.exists(), f"LibreOffice wrote no {result.name}"
        return result

    return convert


@pytest.fixture(scope="session")
def zbar():
    """``decode(image_path)``: the texts of the QR codes zbar finds in the image."""
    zbarimg = _tool("zbarimg", "zbar-tools")

    def decode(image: Path) -> list[str]:
        run = subprocess.run(
            [zbarimg, "--quiet", "--raw", "-Sqrcode.enable=1", str(image)],
            capture_output=True,
            timeout=60,
        )
        return run.stdout.decode("utf-8", "replace").splitlines()

    return decode


@pytest.fixture(scope="session")
def pdf_text():
    """``text(pdf, *options)``: what poppler's pdftotext reads from the PDF."""
    pdftotext = _tool("pdftotext", "poppler-utils")

    def text(pdf: Path, *options: str) -> str:
        run = subprocess.run(
            [pdftotext, *options, str(pdf), "-"], capture_output=True, check=True, timeout=120
        )
        return run.stdout.decode()

    return text


@pytest.fixture(scope="session")
def pdf_pages():
    """``render(pdf, dpi)``: the PDF's pages as PNG files (poppler's pdftoppm)."""
    pdftoppm = _tool("pdftoppm", "poppler-utils")

    def render(pdf: Path, dpi: int = 100) -> list[Path]:
        prefix = pdf.parent / f"{pdf.stem}-{dpi}dpi"
        subprocess.run(
            [pdftoppm, "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True, timeout=120
        )
        return sorted(pdf.parent.glob(prefix.name + "-*.png"))

    return render
