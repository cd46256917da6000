"""Haskell tokenised as Rouge 3.30's ``haskell`` lexer does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

RESERVED = frozenset(
    ["_", "case", "class", "data", "default", "deriving", "do", "else", "if", "in", "infix", "infixl", "infixr", "instance", "let", "newtype", "of", "then", "type", "where"]
)
_ASCII = ["NUL", "SOH", "[SE]TX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "S[OI]", "DLE", "DC[1-4]", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "[FGRU]S", "SP", "DEL"]
_SYM = r"[:!#$%&*+.\\/<=>?@^|~-]"
_TYPE_START = re.compile(r"\A'?[A-Z]")


def nested_comment(tok: TokenType) -> list[Any]:
    """A ``{- … -}`` comment body; ``{-`` nests."""
    return [
        (r"-\}", tok, "#pop"),
        (r"\{-", tok, "comment"),
        (r"[^-{}]+", tok),
        (r"[-{}]", tok),
    ]


def comment_states(doc_comment: str) -> dict[str, list[Any]]:
    """``basic`` (blanks and comments) and the nested comment states.

    ``doc_comment`` is the pattern of a documentation comment line.
    """
    return {
        "basic": [
            (r"\s+", Text),
            (r"\{-#", Comment.Preproc, "comment_preproc"),
            (r"\{-", Comment.Multiline, "comment"),
            (doc_comment, Comment.Doc),
            (r"--(?![!#$%&*+./<=>?@^|_~]).*?$", Comment.Single),
        ],
        "comment": nested_comment(Comment.Multiline),
        "comment_preproc": nested_comment(Comment.Preproc),
    }


def operator_rules(sym: str) -> list[Any]:
    """Lambda backslash, reserved operators, constructor operators, other operators."""
    return [
        (rf"\\(?!{sym}+)", Name.Function),
        (rf"(<-|::|->|=>|=)(?!{sym}+)", Operator),
        (rf":{sym}*", Operator),
        (rf"{sym}+", Operator),
    ]


FUNCLIST_STATE: list[Any] = [
    include("basic"),
    (r"[A-Z]\w*", Keyword.Type),
    (r"(_[\w']+|[a-z][\w']*)", Name.Function),
    (r",", Punctuation),
    (rf"{_SYM}+", Operator),
    (r"\(", Punctuation, "funclist"),
    (r"\)", Punctuation, "#pop"),
]
"""The names in ``import M (…)`` / ``module M (…)``."""

LITERAL_STATES: dict[str, list[Any]] = {
    "character_end": [
        (r"'", String.Char, "#pop"),
        (r".", Error, "#pop"),
    ],
    "quasiquotation": [
        (r"\|\]", Operator, "#pop"),
        (r"[^|]+", Text),
        (r"\|", Text),
    ],
    "string": [
        (r'"', String, "#pop"),
        (r"\\", String.Escape, "escape"),
        (r'[^\\"]+', String),
    ],
    "escape": [
        (r"[abfnrtv\"'&\\]", String.Escape, "#pop"),
        (r"\^[\]\[A-Z@^_]", String.Escape, "#pop"),
        ("|".join(_ASCII), String.Escape, "#pop"),
        (r"(?i)o[0-7]+", String.Escape, "#pop"),
        (r"(?i)x[\da-f]+", String.Escape, "#pop"),
        (r"\d+", String.Escape, "#pop"),
        (r"\s+\\", String.Escape, "#pop"),
    ],
}
"""After a character's first char, ``[q|…|]``, string bodies and their escapes."""


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word == "import":
        yield 0, Keyword.Reserved, word
        ctx.stack.append("import")
    elif word == "module":
        yield 0, Keyword.Reserved, word
        ctx.stack.append("module")
    elif word in RESERVED:
        yield 0, Keyword.Reserved, word
    elif _TYPE_START.match(word):
        yield 0, Keyword.Type, word
    else:
        yield 0, Name, word


class HaskellLexer(RougeRegexLexer):
    """Rouge's ``haskell`` lexer (tags haskell, hs)."""

    name = "Haskell (Rouge)"
    aliases = ["rouge-haskell"]

    tokens: dict[str, Any] = {
        **comment_states(r"^--\s+\|.*?$"),
        "root": [
            include("basic"),
            (r"'(?=(?:.|\\\S+)')", String.Char, "character"),
            (r'"', String, "string"),
            (r"(?i)\d+e[+-]?\d+", Number.Float),
            (r"(?i)\d+\.\d+(e[+-]?\d+)?", Number.Float),
            (r"(?i)0o[0-7]+", Number.Oct),
            (r"(?i)0x[\da-f]+", Number.Hex),
            (r"\d+", Number.Integer),
            (r"[\w']+", _word),
            *operator_rules(_SYM),
            (r"\[\s*\]", Keyword.Type),
            (r"\(\s*\)", Name.Builtin),
            (
                r"(\[)([_a-z][\w']*)(\|)",
                bygroups(Operator, Name, Operator),
                "quasiquotation",
            ),
            (r"[\[\](),;`{}]", Punctuation),
        ],
        "import": [
            (r"\s+", Text),
            (r'"', String, "string"),
            (r"\bqualified\b", Keyword),
            (
                r"([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)",
                bygroups(Name.Namespace, Text, Keyword, Text, Name),
                "#pop",
            ),
            (
                r"([A-Z][\w.]*)(\s+)(hiding)(\s+)(\()",
                bygroups(Name.Namespace, Text, Keyword, Text, Punctuation),
                ("#pop", "funclist"),
            ),
            (
                r"([A-Z][\w.]*)(\s+)(\()",
                bygroups(Name.Namespace, Text, Punctuation),
                ("#pop", "funclist"),
            ),
            (r"[\w.]+", Name.Namespace, "#pop"),
        ],
        "module": [
            (r"\s+", Text),
            (r"([A-Z][\w.]*)(\s+)(\()", bygroups(Name.Namespace, Text, Punctuation), "funclist"),
            (r"\bwhere\b", Keyword.Reserved, "#pop"),
            (r"[A-Z][a-zA-Z0-9_.]*", Name.Namespace, "#pop"),
        ],
        "funclist": FUNCLIST_STATE,
        "character": [
            (r"\\", String.Escape, ("#pop", "character_end", "escape")),
            (r".", String.Char, ("#pop", "character_end")),
        ],
        **LITERAL_STATES,
    }
