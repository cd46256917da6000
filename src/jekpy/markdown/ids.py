"""Header ids: kramdown's basic algorithm and the GFM parser's."""

from __future__ import annotations

import re

_GFM_NON_WORD = re.compile(r"[^\w\- \t]")


def gfm_header_id(text: str, counter: dict[str, int]) -> str:
    """kramdown-parser-gfm's id: downcase, drop non-word chars, blanks to dashes, dedupe."""
    result = _GFM_NON_WORD.sub("", text.lower()).replace(" ", "-").replace("\t", "-")
    n = counter.get(result, -1) + 1
    counter[result] = n
    if n > 0:
        result += f"-{n}"
    return result


_LEADING_NON_ALPHA = re.compile(r"^[^a-zA-Z]+", re.M)
_NOT_ID_CHARS = re.compile(r"[^a-zA-Z0-9 -]")


def basic_id(text: str) -> str:
    """kramdown's ``basic_generate_id``."""
    gen = _LEADING_NON_ALPHA.sub("", text)
    gen = _NOT_ID_CHARS.sub("", gen)
    return gen.replace(" ", "-").lower()


class IdGenerator:
    """kramdown's ``generate_id`` with its used-id counter."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.used: dict[str, int] = {}

    def __call__(self, text: str) -> str:
        gen = basic_id(text) or "section"
        if gen in self.used:
            self.used[gen] += 1
            gen = f"{gen}-{self.used[gen]}"
        else:
            self.used[gen] = 0
        return self.prefix + gen
