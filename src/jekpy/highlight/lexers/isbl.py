"""ISBL tokenised as Rouge 3.30's ``isbl`` lexer does.

Names are matched case-insensitively (Latin and Cyrillic) against the
built-in constants, interfaces and globals; the name after ``:`` is a type
and names after ``.`` are constants, or types inside a type annotation.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers import isbl_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify, word_set

KEYWORDS = word_set(
    """and и else иначе endexcept endfinally endforeach конецвсе endif конецесли
    endwhile конецпока except exitfor finally foreach все if если in в not не
    or или try while пока"""
)
# Ruby's /i folds Cyrillic case too
WORD = r"(?iu:[a-zа-яё_0-9]+)"


def _dotted(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group()
    if name.lower() in w.CONSTANTS:
        tok = Name.Builtin
    elif "type" in ctx.stack:
        tok = Keyword.Type
    else:
        tok = Name
    yield 0, tok, name
    ctx.stack.pop()


def _type(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group()
    yield 0, Keyword.Type if name.lower() in w.INTERFACES else Name, name
    ctx.stack.pop()


_word = classify(
    [(KEYWORDS, Keyword), (w.CONSTANTS, Name.Builtin), (w.GLOBALS, Name.Variable.Global)],
    Name.Variable,
    str.lower,
)


class IsblLexer(RougeRegexLexer):
    """Rouge's ``isbl`` lexer."""

    name = "ISBL (Rouge)"
    aliases = ["rouge-isbl"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/[*].*?[*]/", Comment.Multiline),
        ],
        "dotted": [
            include("whitespace"),
            (WORD, _dotted),
        ],
        "type": [
            include("whitespace"),
            (WORD, _type),
            (r"[.]", Punctuation, "dotted"),
            (r"", Text, "#pop"),
        ],
        "root": [
            include("whitespace"),
            (r"[:]", Punctuation, "type"),
            (r"[.]", Punctuation, "dotted"),
            (r"[\[\]();]", Punctuation),
            (r"[&*+=<>/-]", Operator),
            (r"(?iu:\b[a-zа-яё_][a-zа-яё_0-9]*(?=[(]))", Name.Function),
            (r"(?iu:[a-zа-яё_!][a-zа-яё_0-9]*)", _word),
            (r"\b(\d+(\.\d+)?)\b", Number),
            (r'(?s)["].*?["]', String.Double),
            (r"(?s)['].*?[']", String.Single),
        ],
    }
