"""Draw the application icon (resources/icons/jzdesk.png and .ico) with the bundled font.

Run once after changing the design: ``python tools/make_icon.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
ICONS = ROOT / "resources" / "icons"


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = size // 16
    pen.rounded_rectangle(
        (margin, margin, size - margin, size - margin), radius=size // 6, fill=(196, 30, 36, 255)
    )
    font = ImageFont.truetype(str(FONT), size=int(size * 0.36), index=0)
    for row, text in enumerate(("五送", "统计")):
        box = pen.textbbox((0, 0), text, font=font)
        x = (size - (box[2] - box[0])) / 2 - box[0]
        y = size * (0.16 + 0.38 * row) - box[1]
        pen.text((x, y), text, font=font, fill=(255, 236, 160, 255) if row == 0 else "white")
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(ICONS / "jzdesk.png")
    icon.save(ICONS / "jzdesk.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (256, 256)])


if __name__ == "__main__":
    main()
