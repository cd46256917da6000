"""Wolfram Mathematica tokenised as Rouge 3.30's ``mathematica`` lexer does."""

from __future__ import annotations

from typing import Any, Final

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)
from jekpy.highlight.lexers import mathematica_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

MATHEMATICA_BUILTINS: Final[frozenset[str]] = frozenset(
    _words.MATHEMATICA_BUILTINS
)

_MMA_ID = r"[a-zA-Z$][$a-zA-Z0-9]*"
_MMA_NUMBER = r"(?:\.\d+|\d+\.\d*|\d+)"
_MMA_NUMBER_BASE = r"(?:\.\w+|\w+\.\w*|\w+)"
_MMA_PRECISION = rf"(?:`(`?{_MMA_NUMBER})?)"
_MMA_STRING = r'"(\\\\|\\"|[^"])*"'
_MMA_NAMED_CHAR = rf"\\\[{_MMA_ID}\]"
_MMA_SYMBOL = rf"(?:({_MMA_ID}|{_MMA_NAMED_CHAR})+)"
_MMA_CONTEXT_SYMBOL = rf"`?{_MMA_SYMBOL}(`{_MMA_SYMBOL})*`?"
_MMA_SLOT = rf"#({_MMA_ID}|\"{_MMA_ID}\")|#[0-9]*"


_mma_symbol = classify(
    [(("Module", "With", "Block"), Name.Builtin.Pseudo), (MATHEMATICA_BUILTINS, Name.Builtin)],
    Name.Variable,
)


class MathematicaLexer(RougeRegexLexer):
    """Rouge's ``mathematica`` lexer (tags mathematica, wl)."""

    name = "Mathematica (Rouge)"
    aliases = ["rouge-mathematica"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"\(\*", Comment, "comment"),
            (
                rf"(?:\d+)\^\^{_MMA_NUMBER_BASE}{_MMA_PRECISION}?(\*\^[+-]?\d+)?",
                Number,
            ),
            (rf"(?:{_MMA_NUMBER}{_MMA_PRECISION}?(?:\*\^[+-]?\d+)?)", Number),
            (rf"::({_MMA_ID}|{_MMA_STRING})", Name.Tag),
            (r"(In|Out)\[[0-9]+\]:?=", Generic.Prompt),
            (rf"(?s){_MMA_CONTEXT_SYMBOL}", _mma_symbol),
            (_MMA_SLOT, Name.Function),
            (r"[+\-*/|,;.:@~=><&`'^?!_%]", Operator),
            (r"[\[\](){}]", Punctuation),
            (_MMA_STRING, String),
        ],
        "comment": [
            (r"\(\*", Comment, "comment"),
            (r"\*\)", Comment, "#pop"),
            (rf"::{_MMA_ID}::", Comment.Preproc),
            (rf"[ ]:({_MMA_ID}|[^\S])+:[ ]", Comment.Preproc),
            (r".", Comment),
        ],
    }
