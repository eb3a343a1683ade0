"""Build the user guide as an A4 PDF, for printing and the yearly training.

    python tools/build_guide_pdf.py [OUT.pdf]       (default: dist/jzdesk-guide.pdf)

The installers build it the same way (installer/jzdesk.spec) and ship it beside the
program; the test suite builds it and reads it back (tests/io/test_guide_pdf.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from jzdesk.usecases.guide import PDF_NAME, write_guide_pdf

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "dist" / PDF_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    print(write_guide_pdf(target))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
