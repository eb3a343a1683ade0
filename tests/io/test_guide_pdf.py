"""The user guide as the printable PDF, built by the command the installers use and read
back with pypdf: A4 pages, the chapters as headings and bookmarks, the screenshots."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from jzdesk.io.guide_markdown import chapter_files, read_blocks
from jzdesk.usecases import guide

ROOT = Path(__file__).resolve().parents[2]
A4 = (595.3, 841.9)  # points


def test_build_command_writes_an_a4_guide_with_chapters_and_pictures(tmp_path):
    target = tmp_path / "说明" / "jzdesk-guide.pdf"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_guide_pdf.py"), str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(target)
    assert len(reader.pages) >= 10
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == A4

    chapters = guide.chapters()
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    assert bookmarks == ["使用说明", *[chapter.title for chapter in chapters]]

    text = "\n".join(page.extract_text() for page in reader.pages)
    for chapter in chapters:
        assert chapter.title in text
    assert "第 1 页 共" in reader.pages[0].extract_text()
    fonts = {
        font.get_object()["/BaseFont"] for font in reader.pages[1]["/Resources"]["/Font"].values()
    }
    assert any("WenQuanYi" in name for name in fonts), fonts  # embedded: no boxes anywhere

    pictures = sum(len(page.images) for page in reader.pages)
    shown = sum(
        block.kind == "image"
        for file in chapter_files(guide.guide_folder())
        for block in read_blocks(guide.guide_folder() / file)
    )
    assert pictures == shown >= 7


def test_the_guide_uses_only_the_markdown_the_pdf_prints():
    """No table, code block, quote or raw HTML: they would print as plain text."""
    folder = guide.guide_folder()
    for page in folder.glob("*.md"):
        for number, line in enumerate(page.read_text("utf-8").splitlines(), start=1):
            assert not line.startswith(("|", "```", ">", "<", "    ")), f"{page.name}:{number}"
            assert not re.search(r"(?<!\*)\*(?!\*)|__", line), f"{page.name}:{number}"


def test_every_chapter_link_and_picture_of_the_guide_exists():
    folder = guide.guide_folder()
    files = chapter_files(folder)
    assert sorted(files) == sorted(p.name for p in folder.glob("*.md") if p.name != "index.md")
    for file in files:
        for block in read_blocks(folder / file):
            if block.kind == "image":
                assert block.path.exists(), f"{file}: {block.path.name}"
                assert block.path.read_bytes().startswith(b"\x89PNG")


def test_every_picture_of_the_guide_is_one_the_screenshot_tool_makes():
    """tools/guide_screenshots.py renders ``<role>-<tab>.png`` with ``gui --screenshot``:
    each picture names a role it sets up and a tab that role's window shows."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("shots", ROOT / "tools" / "guide_screenshots.py")
    shots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shots)
    # The last two are the city's only: its 汇总导入 tab and its 全市汇总表 window.
    tabs = ["quota", "records", "report", "charts", "evaluation", "review", "imports", "summary"]
    pictures = shots.wanted_pictures(guide.guide_folder())
    assert {role for role, _ in pictures} == set(shots.ROLES)
    for role, tab in pictures:
        assert tab in (tabs if role == "city" else tabs[:-2]), (role, tab)
    assert {("city", "review"), ("clerk", "review")} <= pictures  # both sides of 审核
    shown = {p.name for p in (guide.guide_folder() / "images").glob("*.png")}
    assert shown == {f"{role}-{tab}.png" for role, tab in pictures}  # none left over


@pytest.mark.slow
def test_the_screenshot_tool_renders_every_picture_of_the_guide(tmp_path):
    """One command regenerates the guide's pictures from the program (about 20 s)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "guide_screenshots.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    wanted = {p.name for p in (guide.guide_folder() / "images").glob("*.png")}
    assert {p.name for p in tmp_path.iterdir()} == wanted
    for picture in tmp_path.iterdir():
        with Image.open(picture) as image:
            assert image.size == (1280, 800)
            assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or ()) > 50
