"""Header ids: kramdown's basic algorithm and the GFM parser's."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ASCII_NON_WORD = re.compile(r"[^a-zA-Z0-9_\- \t]")

# Onigmo's \p{Word} (Ruby's): Alphabetic, marks, decimal digits, connector
# punctuation.  Alphabetic is the letters, letter numbers and Other_Alphabetic, whose
# only members outside the mark categories are the circled/squared Latin letters.
_WORD_CATEGORIES = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Mn", "Mc", "Me", "Nd", "Pc"))
_OTHER_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169),
                             (0x1F170, 0x1F189))


@lru_cache(maxsize=4096)
def is_ruby_word_char(ch: str) -> bool:
    r"""Whether Ruby's ``/\p{Word}/`` matches the character ``ch``."""
    if unicodedata.category(ch) in _WORD_CATEGORIES:
        return True
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _OTHER_ALPHABETIC_SYMBOLS)


def _drop_non_word(text: str) -> str:
    if text.isascii():
        return _ASCII_NON_WORD.sub("", text)
    return "".join(c for c in text if c in "- \t" or is_ruby_word_char(c))


def ruby_downcase(text: str) -> str:
    """Ruby's ``String#downcase``: Python's ``lower`` without the final-sigma rule."""
    if "\u03a3" not in text:
        return text.lower()
    return "".join(c.lower() for c in text)


def gfm_header_id(text: str, counter: dict[str, int]) -> str:
    r"""kramdown-parser-gfm's id: downcase, drop what is not ``\p{Word}``, ``-`` or a
    blank, blanks to dashes, dedupe."""
    result = _drop_non_word(ruby_downcase(text)).replace(" ", "-").replace("\t", "-")
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
