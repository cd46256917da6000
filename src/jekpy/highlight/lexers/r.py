"""R tokenised as Rouge 3.30's ``r`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = frozenset(["if", "else", "for", "while", "repeat", "in", "next", "break", "function"])
KEYWORD_CONSTANTS = frozenset(
    ["NULL", "Inf", "TRUE", "FALSE", "NaN", "NA", "NA_integer_", "NA_real_", "NA_complex_", "NA_character_"]
)
BUILTIN_CONSTANTS = frozenset(["LETTERS", "letters", "month.abb", "month.name", "pi", "T", "F"])
_PRIMITIVES = ["abs", "acos", "acosh", "all", "any", "anyNA", "Arg", "as.call", "as.character", "as.complex", "as.double", "as.environment", "as.integer", "as.logical", "as.null.default", "as.numeric", "as.raw", "asin", "asinh", "atan", "atanh", "attr", "attributes", "baseenv", "browser", "c", "call", "ceiling", "class", "Conj", "cos", "cosh", "cospi", "cummax", "cummin", "cumprod", "cumsum", "digamma", "dim", "dimnames", "emptyenv", "exp", "expression", "floor", "forceAndCall", "gamma", "gc.time", "globalenv", "Im", "interactive", "invisible", "is.array", "is.atomic", "is.call", "is.character", "is.complex", "is.double", "is.environment", "is.expression", "is.finite", "is.function", "is.infinite", "is.integer", "is.language", "is.list", "is.logical", "is.matrix", "is.na", "is.name", "is.nan", "is.null", "is.numeric", "is.object", "is.pairlist", "is.raw", "is.recursive", "is.single", "is.symbol", "lazyLoadDBfetch", "length", "lgamma", "list", "log", "max", "min", "missing", "Mod", "names", "nargs", "nzchar", "oldClass", "on.exit", "pos.to.env", "proc.time", "prod", "quote", "range", "Re", "rep", "retracemem", "return", "round", "seq_along", "seq_len", "seq.int", "sign", "signif", "sin", "sinh", "sinpi", "sqrt", "standardGeneric", "substitute", "sum", "switch", "tan", "tanh", "tanpi", "tracemem", "trigamma", "trunc", "unclass", "untracemem", "UseMethod", "xtfrm"]

_ALPHA = r"(?u:[^\W\d_])"
_ALNUM = r"(?u:[^\W_])"


_word = classify(
    [(KEYWORDS, Keyword), (KEYWORD_CONSTANTS, Keyword.Constant), (BUILTIN_CONSTANTS, Name.Builtin)],
    Name,
)


class RLexer(RougeRegexLexer):
    """Rouge's ``r`` lexer (tags r, R, s, S)."""

    name = "R (Rouge)"
    aliases = ["rouge-r"]

    tokens: dict[str, Any] = {
        "root": [
            (r"#'.*?$", Comment.Doc),
            (r"#.*?$", Comment.Single),
            (r"\s+", Text.Whitespace),
            (r"`[^`]+?`", Name),
            (r"(?s)'(\\.|.)*?'", String.Single),
            (r'(?s)"(\\.|.)*?"', String.Double),
            (r"%[^%]*?%", Operator),
            (r"0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?", Number.Hex),
            (r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?", Number),
            (r"\b(?<!.)(" + "|".join(_PRIMITIVES) + r")(?=\()",
             Name.Function),
            (
                rf"(?:(?:{_ALPHA}|[.](?:[._]|{_ALPHA}))(?:[._]|{_ALNUM})*)|[.]",
                _word,
            ),
            (r"[\[\]{}();,]", Punctuation),
            (r"[-<>?*+^/!=~$@:%&|]", Operator),
        ],
    }
