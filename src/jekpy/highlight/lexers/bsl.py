"""1C:Enterprise (BSL) tokenised as Rouge 3.30's ``bsl`` lexer does.

Keywords and built-in functions are matched case-insensitively in Russian
and English (Ruby folds Cyrillic case too); a built-in needs a following
``(`` and its token takes the blanks before it; ``&…`` and ``#…`` lines are
directives; ``'…'`` is a date; ``|…`` continues a multi-line string.
Rouge's look-behinds (start of input or a non-word character) always hold
where a rule is tried, so they are left out.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Literal,
    Name,
    Operator,
    Punctuation,
    String,
    Text,
)
from jekpy.highlight.lexers import bsl_words
from jekpy.highlight.lexers.base import RougeRegexLexer


def _alternation(words: str) -> str:
    return "|".join(words.split())


WORD_CHAR = "a-zA-Z0-9_а-яё"
KEYWORDS = rf"(?iu:(?:{_alternation(bsl_words.KEYWORDS)})(?=[^{WORD_CHAR}]|$))"
BUILTINS = rf"(?iu:(?:{_alternation(bsl_words.BUILTINS)})[ \t\n\v\f\r]*(?=\())"
_H = "[0-9a-fA-F]"


class BslLexer(RougeRegexLexer):
    """Rouge's ``bsl`` lexer."""

    name = "1C (BSL) (Rouge)"
    aliases = ["rouge-bsl"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\n", Text),
            (r"[^\S\n]+", Text),
            (r"//.*$", Comment.Single),
            (r"[\[\]:(),;]", Punctuation),
            (r"&.*$", Keyword.Declaration),
            (r"[-+/*%=<>.?&]", Operator),
            (r"#.*$", Keyword.Declaration),
            (KEYWORDS, Keyword),
            (BUILTINS, Name.Builtin),
            (rf"(?iu:[{WORD_CHAR}][{WORD_CHAR}]*)", Name.Variable),
            (rf"\b(({_H}{{8}}-({_H}{{4}}-){{3}}{_H}{{12}})|\d+\.?\d*)\b", Literal.Number),
            (r"'.*'", Literal.Date),
            (r'".*?("|$)', String.Single),
            (r'\|((?!"").)*?("|$)', String),
        ],
    }
