"""Eiffel tokenised as Rouge 3.30's ``eiffel`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text
from jekpy.highlight.lexers import eiffel_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

KEYWORDS = _words.KEYWORDS

_CODE = r"(?:0[xX][\da-fA-F](?:_*[\da-fA-F])*|0[cC][0-7](?:_*[0-7])*|0[bB][01](?:_*[01])*|\d(?:_*\d)*)"
_SPECIAL = rf"%[A-DFHLNQR-V%'\"()<>]|%/{_CODE}/"
# Ruby's \b inside a character class is a backspace
_SIMPLE_STRING = rf"(?:[^\"%\x08\f\v]|{_SPECIAL})+?"


class EiffelLexer(RougeRegexLexer):
    """Rouge's ``eiffel`` lexer."""

    name = "Eiffel (Rouge)"
    aliases = ["rouge-eiffel"]

    tokens: dict[str, Any] = {
        "root": [
            (r'"\[', String.Other, "aligned_verbatim_string"),
            (r'"\{', String.Other, "non_aligned_verbatim_string"),
            (rf'"(?:[^%\x08\f\n\r\v]|{_SPECIAL})*?"', String.Double),
            (r"--.*", Comment.Single),
            (rf"'(?:[^%\x08\f\n\r\t\v]|{_SPECIAL})'", String.Char),
            (rf"(?:{'|'.join(KEYWORDS)})\b", Keyword),
            (r"(?:Current|Result)\b", Keyword.Variable),
            (r"(?:True|False)\b", Keyword.Constant),
            (r"\b0[xX][\da-fA-F](?:_*[\da-fA-F])*b", Number.Hex),
            (r"\b0[cC][0-7](?:_*[0-7])*\b", Number.Oct),
            (r"\b0[bB][01](?:_*[01])*\b", Number.Bin),
            (r"\d(?:_*\d)*", Number.Integer),
            (
                r"(?:\d(?:_*\d)*)?\.(?:(?:\d(?:_*\d)*)?[eE][+-]?)?\d(?:_*\d)*|\d(?:_*\d)*\.?",
                Number.Float,
            ),
            (r":=|<<|>>|\(\||\|\)|->|\.|[{}\[\];(),:?]", Punctuation.Indicator),
            (r"\\\\|\|\.\.\||\.\.|/[~/]?|[></]=?|[-+*^=~]", Operator),
            (r"[A-Z][\dA-Z_]*", Name.Class),
            (r"[A-Za-z][\dA-Za-z_]*", Name),
            (r"\s+", Text),
        ],
        "aligned_verbatim_string": [
            (r'\]"', String.Other, "#pop"),
            (_SIMPLE_STRING, String.Other),
        ],
        "non_aligned_verbatim_string": [
            (r'\}"', String.Other, "#pop"),
            (_SIMPLE_STRING, String.Other),
        ],
    }
