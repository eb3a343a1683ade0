"""``jzdesk gui --screenshot DIR`` as a user runs it: a real process, real PNG files."""

from __future__ import annotations

import os
import subprocess
import sys

from PIL import Image


def test_screenshot_writes_one_real_png_per_tab(tmp_path, db_path):
    subprocess.run(
        [sys.executable, "-m", "jzdesk", "--db", str(db_path), "demo"],
        check=True,
        capture_output=True,
    )
    shots = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "jzdesk", "--db", str(db_path), "gui", "--screenshot", str(shots)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
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
        "summary.png",  # the city's 全市汇总表 window
    ]
    for path in shots.iterdir():
        with Image.open(path) as image:
            assert image.size == (1280, 800)
            # A rendered table has text, lines and the banner: many distinct colours.
            assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or ()) > 50
