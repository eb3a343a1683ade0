"""The user guide (使用说明): where its chapters are, and the printable PDF of them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from jzdesk import __version__
from jzdesk.io import guide_markdown, guide_pdf
from jzdesk.io.guide_markdown import Chapter

GUIDE_PACKAGE = "jzdesk.guide"
INDEX = guide_markdown.INDEX
PDF_NAME = "jzdesk-guide.pdf"  # beside the program in the installers


def guide_folder() -> Path:
    """The guide's Markdown and pictures: the package jzdesk.guide (docs/guide, mapped in
    pyproject.toml) in a wheel or a bundle; docs/guide itself when that package is not
    installed (a checkout run with PYTHONPATH=src, or an editable install older than
    the guide)."""
    try:
        return Path(str(resources.files(GUIDE_PACKAGE)))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "docs" / "guide"


def chapters() -> list[Chapter]:
    """The chapters in the order of the contents page."""
    folder = guide_folder()
    return [guide_markdown.chapter(folder, file) for file in guide_markdown.chapter_files(folder)]


def write_guide_pdf(path: Path) -> Path:
    """The whole guide as an A4 PDF at ``path`` (for printing and the yearly training)."""
    guide_pdf.write_guide_pdf(guide_folder(), Path(path), version=__version__)
    return Path(path)
