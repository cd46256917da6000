"""Isabelle theories tokenised as Rouge 3.30's ``isabelle`` lexer does.

Outer-syntax keywords are classed by kind (proof methods ``Keyword.Pseudo``,
diagnostics ``Keyword.Type``, sections as headings, ``sorry``/``oops`` as
errors); ``text {* … *}`` / ``‹…›`` cartouches nest; ``\\<name>`` symbols
are marked inside strings and facts too.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    Text,
    TokenType,
)
from jekpy.highlight.lexers import isabelle_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

_KINDS: tuple[tuple[frozenset[str], TokenType], ...] = (
    (w.PSEUDO, Keyword.Pseudo),
    (w.TYPE, Keyword.Type),
    (w.KEYWORD, Keyword),
    (w.HEADING, Generic.Heading),
    (w.SUBHEADING, Generic.Subheading),
    (w.NAMESPACE, Keyword.Namespace),
    (w.ERROR, Generic.Error),
)


_word = classify(_KINDS, Name)


def _quoted(quote: str, tok: TokenType) -> list[Any]:
    return [
        (rf"[^{quote}\\]+", tok),
        (r"\\<\w*>", String.Symbol),
        (rf"\\{quote}", tok),
        (r"\\", tok),
        (quote, tok, "#pop"),
    ]


class IsabelleLexer(RougeRegexLexer):
    """Rouge's ``isabelle`` lexer."""

    name = "Isabelle (Rouge)"
    aliases = ["rouge-isabelle"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"\(\*", Comment, "comment"),
            (r"\{\*|‹", Text, "text"),
            (r"::|\[|\]|-|[:()_=,|+!?]", Operator),
            (r"[{}.]|\.\.", Operator.Word),
            (r"[a-zA-Z]\w*", _word),
            (r"\\<\w*>", String.Symbol),
            (r"'[^\W\d][.\w']*", Name.Variable),
            (r"0[xX][\da-fA-F][\da-fA-F_]*", Number.Hex),
            (r"0[oO][0-7][0-7_]*", Number.Oct),
            (r"0[bB][01][01_]*", Number.Bin),
            (r'"', String, "string"),
            (r"`", String.Other, "fact"),
            (r"[^\s:|\[\]\-()=,+!?{}._][^\s:|\[\]\-()=,+!?{}]*", Name),
        ],
        "comment": [
            (r"[^(*)]+", Comment),
            (r"\(\*", Comment, "comment"),
            (r"\*\)", Comment, "#pop"),
            (r"[(*)]", Comment),
        ],
        "text": [
            (r"[^{*}‹›]+", Text),
            (r"\{\*|‹", Text, "text"),
            (r"\*\}|›", Text, "#pop"),
            (r"[{*}]", Text),
        ],
        "string": _quoted('"', String),
        "fact": _quoted("`", String.Other),
    }
