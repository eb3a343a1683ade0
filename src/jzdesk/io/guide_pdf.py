"""The user guide as a printable PDF: A4, the bundled font, one chapter a page onwards,
the screenshots, an outline of chapters and sections, 第 x 页 共 y 页 on every page."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import SimpleDocTemplate

from jzdesk.io.fonts import register_pdf_font
from jzdesk.io.guide_markdown import INDEX, Block, chapter_files, plain, read_blocks
from jzdesk.io.sheet_pdf import numbered_canvas

MARGIN_MM = 18
TITLE = "jzdesk 使用说明"
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
EMPHASIS = "#17406d"  # the font has no bold face: emphasis is a dark blue instead


def write_guide_pdf(folder: Path, path: Path, *, version: str) -> None:
    """Write the guide in ``folder`` (its contents page, then each chapter it links to)
    as an A4 PDF at ``path``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak

    font = register_pdf_font()
    doc = _GuideDocument(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=MARGIN_MM * mm,
        bottomMargin=(MARGIN_MM + 4) * mm,
        title=TITLE,
        author="焦作市总工会",
        subject="“五送”文化活动进基层统计程序使用说明",
        creator=f"jzdesk {version}",
    )
    styles = _styles(font)
    story = _cover(styles, version)
    for file in [INDEX, *chapter_files(folder)]:
        story += [PageBreak(), *_chapter(read_blocks(folder / file), styles, doc.width)]
    doc.build(story, canvasmaker=numbered_canvas(font))


class _GuideDocument(SimpleDocTemplate):
    """Adds each heading to the PDF's outline (the reader's bookmarks panel)."""

    def afterFlowable(self, flowable):
        level = getattr(flowable, "outline_level", None)
        if level is not None:
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_title, key, level=level)


def _styles(font: str) -> dict:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body",
        fontName=font,
        bulletFontName=font,
        fontSize=10.5,
        leading=17,
        wordWrap="CJK",
        spaceAfter=5,
    )
    return {
        "cover": ParagraphStyle("cover", parent=body, fontSize=28, leading=40, alignment=TA_CENTER),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=13, leading=22, alignment=TA_CENTER
        ),
        1: ParagraphStyle(
            "h1", parent=body, keepWithNext=1, fontSize=20, leading=28, spaceAfter=10
        ),
        2: ParagraphStyle(
            "h2",
            parent=body,
            keepWithNext=1,
            fontSize=14,
            leading=20,
            spaceBefore=10,
            textColor=EMPHASIS,
        ),
        3: ParagraphStyle(
            "h3", parent=body, keepWithNext=1, fontSize=12, leading=18, spaceBefore=6
        ),
        "body": body,
        "item": ParagraphStyle("item", parent=body, leftIndent=16, bulletIndent=4, spaceAfter=3),
        "subitem": ParagraphStyle(
            "subitem", parent=body, leftIndent=32, bulletIndent=20, spaceAfter=3
        ),
        "caption": ParagraphStyle(
            "caption", parent=body, fontSize=9, alignment=TA_CENTER, textColor="#555555"
        ),
    }


def _cover(styles: dict, version: str) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    return [
        Spacer(1, 70 * mm),
        Paragraph(TITLE, styles["cover"]),
        Spacer(1, 8 * mm),
        Paragraph(
            "“中国梦·劳动美·工会情”文化活动进基层<br/>“五送”活动登记、统计与汇总",
            styles["subtitle"],
        ),
        Spacer(1, 30 * mm),
        Paragraph(f"焦作市总工会<br/>程序版本 {escape(version)}", styles["subtitle"]),
    ]


def _chapter(blocks: list[Block], styles: dict, width: float) -> list:
    """The flowables of one chapter; numbered items count from 1 in each list."""
    story, number = [], 0
    for block in blocks:
        if block.kind == "numbered" and block.level == 0:
            number += 1
        elif block.level == 0:
            number = 0
        story.append(_flowable(block, styles, width, number))
    return story


def _flowable(block: Block, styles: dict, width: float, number: int):
    from reportlab.platypus import Paragraph

    text = _markup(block.text)
    if block.kind == "heading":
        heading = Paragraph(text, styles[block.level])
        heading.outline_level = block.level - 1
        heading.outline_title = plain(block.text)
        return heading
    if block.kind == "image":
        return _figure(block, styles, width)
    style = styles["subitem" if block.level else "item"]
    if block.kind == "bullet":
        return Paragraph(text, style, bulletText="–" if block.level else "•")
    if block.kind == "numbered":
        return Paragraph(text, style, bulletText=f"{number}.")
    return Paragraph(text, styles["body"])


def _figure(block: Block, styles: dict, width: float):
    """A screenshot across the text width, its caption under it, kept on one page."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer

    image_width, image_height = ImageReader(str(block.path)).getSize()
    picture = Image(str(block.path), width=width, height=width * image_height / image_width)
    return KeepTogether([Spacer(1, 4), picture, Paragraph(_markup(block.text), styles["caption"])])


def _markup(text: str) -> str:
    """A line's Markdown as reportlab's paragraph markup."""
    text = _LINK.sub(r"\1", escape(text))
    text = _BOLD.sub(rf'<font color="{EMPHASIS}">\1</font>', text)
    return _CODE.sub(r'<font color="#8a3b12">\1</font>', text)
