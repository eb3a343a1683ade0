"""Normalising what people type: full-width characters, stray spaces."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Fold full-width letters/digits to ASCII (NFKC) and drop all whitespace.

    Clerks type ``２０２１``, ``沁阳 市总工会`` or paste names with ideographic spaces;
    comparing normalised forms makes all of these match.
    """
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))
