"""Janet tokenised as Rouge 3.30's ``janet`` lexer does.

Rouge's shapes: the head of a call is a keyword (special forms),
``Keyword.Reserved`` (the bundled library) or ``Name.Function``, after which
the lexer carries on in ``root`` without popping; quoted forms show their
symbols as ``String.Escape``; ``,x``/``(unquote x)`` in a quasiquote are names.
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
    bygroups,
    include,
)
from jekpy.highlight.lexers import janet_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, word_set

SPECIALS = word_set("break def do fn if quote quasiquote splice set unquote var while")
BUNDLED = _words.BUNDLED

PUNCT = r"[_!$%^&*+=~<>.?/-]"
# Ruby's [[:alpha:]] and [[:word:]] are Unicode-aware
SYMBOL = rf"(?:(?u:[^\W\d])|{PUNCT})(?:(?u:\w)|{PUNCT}|:)*"
_H = "[0-9a-fA-F]"


def _head(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in ("quote", "quasiquote"):
        yield 0, Keyword, word
        ctx.stack[-1] = word
        return
    if word in SPECIALS:
        tok = Keyword
    elif word in BUNDLED:
        tok = Keyword.Reserved
    else:
        tok = Name.Function
    yield 0, tok, word
    ctx.stack[-1] = "root"


class JanetLexer(RougeRegexLexer):
    """Rouge's ``janet`` lexer."""

    name = "Janet (Rouge)"
    aliases = ["rouge-janet"]

    tokens: dict[str, Any] = {
        "root": [
            (r"#.*?$", Comment.Single),
            (r"\s+", Text.Whitespace),
            (r"(true|false|nil)\b", Name.Constant),
            (rf"(['~])({SYMBOL})", bygroups(Operator, String.Symbol)),
            (rf":(?:(?u:\w)|{PUNCT}|:)*", Keyword.Constant),
            (r"[+-]?\d{1,2}r[\w.]+(?:&[+-]?\w+)?", Number.Float),
            (rf"[+-]?0x{_H}[0-9a-fA-F_]*(?:\.{_H}[0-9a-fA-F_]*)?", Number.Hex),
            (rf"[+-]?0x\.{_H}[0-9a-fA-F_]*", Number.Hex),
            (r"[+-]?\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?", Number.Float),
            (r"[+-]?\.\d[\d_]*(?:[eE][+-]?\d+)?", Number.Float),
            (r'@?"', String.Double, "string"),
            (r"(?s)@?(`+).*?\1", String.Heredoc),
            (r"\(", Punctuation, "function"),
            (r"(')(@?[(\[{])", bygroups(Operator, Punctuation), "quote"),
            (r"(~)(@?[(\[{])", bygroups(Operator, Punctuation), "quasiquote"),
            (r"[#~,';|]", Operator),
            (r"@?[(){}\[\]]", Punctuation),
            (SYMBOL, Name),
        ],
        "string": [
            (r'"', String.Double, "#pop"),
            (rf"\\(?:u{_H}{{4}}|U{_H}{{6}})", String.Escape),
            (r"\\.", String.Escape),
            (r'[^"\\]+', String.Double),
        ],
        "function": [
            (r"[)]", Punctuation, "#pop"),
            (SYMBOL, _head),
            include("root"),
        ],
        "quote": [
            (r"[(\[{]", Punctuation, "#push"),
            (r"[)\]}]", Punctuation, "#pop"),
            (SYMBOL, String.Escape),
            include("root"),
        ],
        "quasiquote": [
            (r"(,)(\()", bygroups(Operator, Punctuation), "function"),
            (
                r"(\()(\s*)(unquote)(\s+)(\()",
                bygroups(Punctuation, Text, Keyword, Text, Punctuation),
                "function",
            ),
            (rf"(,)({SYMBOL})", bygroups(Operator, Name)),
            (
                rf"(\()(\s*)(unquote)(\s+)({SYMBOL})",
                bygroups(Punctuation, Text, Keyword, Text, Name),
            ),
            include("quote"),
        ],
    }
