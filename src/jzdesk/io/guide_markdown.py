"""The user guide's Markdown, read into blocks for the printable PDF.

The help window shows the chapters with Qt's own Markdown renderer; the PDF needs them as
blocks it can lay out. Only what the guide uses is read: headings, paragraphs (one line
each, as Chinese text has no spaces to break at), bullet and numbered lists (a bullet list
may sit inside a numbered item), images on a line of their own, **bold**, `code` and
links. Anything else would print as plain text, so a test holds the guide to this subset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

INDEX = "index.md"
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_CHAPTER_LINK = re.compile(r"\]\(([\w-]+\.md)\)")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)]+)\)$")
_HEADING = re.compile(r"^(#{1,3}) (.+)$")
_NUMBERED = re.compile(r"^\d+\. (.+)$")


@dataclass(frozen=True)
class Block:
    """One printed block: ``kind`` is heading, paragraph, bullet, numbered or image;
    ``level`` is the heading level or a list item's depth; ``text`` is the Markdown of
    its line (an image's caption); ``path`` an image's file."""

    kind: str
    text: str
    level: int = 0
    path: Path | None = None


@dataclass(frozen=True)
class Chapter:
    """A chapter file of the guide and its title (its first heading)."""

    file: str
    title: str


def chapter_files(folder: Path) -> list[str]:
    """The chapter files in the order the contents page (index.md) links to them."""
    return _CHAPTER_LINK.findall((folder / INDEX).read_text(encoding="utf-8"))


def chapter(folder: Path, file: str) -> Chapter:
    first = read_blocks(folder / file)[0]
    return Chapter(file, first.text)


def read_blocks(path: Path) -> list[Block]:
    """The blocks of one Markdown file; images are resolved beside it."""
    blocks = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        blocks.append(_block(line, path.parent))
    return blocks


def _block(line: str, folder: Path) -> Block:
    stripped = line.strip()
    depth = 1 if line.startswith(" ") else 0
    if heading := _HEADING.match(line):
        return Block("heading", heading.group(2), level=len(heading.group(1)))
    if image := _IMAGE.match(stripped):
        return Block("image", image.group(1), path=folder / image.group(2))
    if stripped.startswith("- "):
        return Block("bullet", stripped[2:], level=depth)
    if numbered := _NUMBERED.match(stripped):
        return Block("numbered", numbered.group(1), level=depth)
    return Block("paragraph", stripped)


def plain(text: str) -> str:
    """A line's Markdown as the words a reader sees: no ** or ` marks, links as their text."""
    return _LINK.sub(r"\1", text).replace("**", "").replace("`", "")
