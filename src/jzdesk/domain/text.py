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


def parse_whole_number(text: str, *, field: str, label: str) -> int:
    """Read a whole number as typed (full-width digits allowed).

    Raises:
        KnownError: the text is not a whole number; the message names ``label``.
    """
    from jzdesk.errors import KnownError

    clean = normalize(str(text))
    if not clean.lstrip("-").isdigit() or clean.count("-") > 1:
        raise KnownError(f"{label}应填整数，现在是“{text}”", field=field)
    if len(clean.lstrip("-")) > 12:
        raise KnownError(f"{label}“{text}”太大了，请检查是否多输了数字", field=field)
    return int(clean)
