"""Character classes for Unicode general categories (Ruby's ``\\p{..}``).

Python's ``re`` has no ``\\p{..}``; these build ``[...]`` bodies from
``unicodedata`` for the Basic Multilingual Plane, on first use.
"""

from __future__ import annotations

import unicodedata
from functools import cache


@cache
def category_class(*categories: str) -> str:
    """The body of a character class matching BMP chars in ``categories``."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        if unicodedata.category(chr(cp)) in categories:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    parts = []
    for lo, hi in ranges:
        parts.append(_esc(lo) if lo == hi else f"{_esc(lo)}-{_esc(hi)}")
    return "".join(parts)


def _esc(cp: int) -> str:
    return f"\\u{cp:04x}"
