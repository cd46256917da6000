"""OCaml and F# tokenised as Rouge 3.30's ``ocaml``/``fsharp`` lexers do."""

from __future__ import annotations

import re
from typing import Any, ClassVar

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
from jekpy.highlight.lexers import ml_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify

_H = "[0-9a-fA-F]"
UPPER_ID = r"[A-Z][\w']*"
OCAML_ID = r"[a-zA-Z_][\w']*"
FSHARP_ID = r"([a-zA-Z][\w']*)|(``[^`\n\r\t]+``)"
WORD_OPERATORS = frozenset(["and", "asr", "land", "lor", "lsl", "lxor", "mod", "or"])
PRIMITIVES = frozenset(["unit", "int", "float", "bool", "string", "char", "list", "array"])


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in lexer.keywords:
        tok = Keyword
    elif word in WORD_OPERATORS:
        tok = Operator.Word
    elif word in PRIMITIVES:
        tok = Keyword.Type
    else:
        tok = Name
    yield 0, tok, word


_STRING: list[Any] = [
    (r'[^\\"]+', String.Double),
    include("escape_sequence"),
    (r"\\\n", String.Double),
    (r'"', String.Double, "#pop"),
]
_ESCAPES: list[Any] = [
    (r"\\[\\\"'ntbr]", String.Escape),
    (r"\\\d{3}", String.Escape),
    (rf"\\x{_H}{{2}}", String.Escape),
]
_COMMENT: list[Any] = [
    (r"[^(*)]+", Comment),
    (r"[(][*]", Comment, "#push"),
    (r"[*][)]", Comment, "#pop"),
    (r"[(*)]", Comment),
]
_NUMBERS: list[Any] = [
    (r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", Number.Float),
    (rf"(?i)0x{_H}[0-9a-fA-F_]*", Number.Hex),
    (r"(?i)0o[0-7][0-7_]*", Number.Oct),
    (r"(?i)0b[01][01_]*", Number.Bin),
    (r"\d[\d_]*", Number.Integer),
    (rf"'(?:(\\[\\\"'ntbr ])|(\\[0-9]{{3}})|(\\x{_H}{{2}}))'", String.Char),
    (r"'[.]'", String.Char),
    (r"'", Keyword),
    (r'"', String.Double, "string"),
]


def _dotted(ident: str, opener: str) -> list[Any]:
    """After ``Module``: the rest of a dotted path; ``opener`` ends it too."""
    return [
        (r"\s+", Text),
        (r"[.]", Punctuation),
        (rf"{UPPER_ID}(?=\s*[.])", Name.Namespace),
        (UPPER_ID, Name.Class, "#pop"),
        (ident, Name, "#pop"),
        (opener, Punctuation, "#pop"),
    ]


class OCamlLexer(RougeRegexLexer):
    """Rouge's ``ocaml`` lexer."""

    name = "OCaml (Rouge)"
    aliases = ["rouge-ocaml"]

    keywords: ClassVar[frozenset[str]] = frozenset(
        _words.O_CAML_KEYWORDS
    )

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"false|true|[(][)]|\[\]", Name.Builtin.Pseudo),
            (rf"{UPPER_ID}(?=\s*[.])", Name.Namespace, "dotted"),
            (rf"`{OCAML_ID}", Name.Tag),
            (UPPER_ID, Name.Class),
            (r"[(][*](?![)])", Comment, "comment"),
            (OCAML_ID, _word),
            (r"[(){}\[\];]+", Punctuation),
            (r"[;,_!$%&*+./:<=>?@^|~#-]+", Operator),
            *_NUMBERS,
            (rf"[~?]{OCAML_ID}", Name.Variable),
        ],
        "comment": _COMMENT,
        "string": _STRING,
        "escape_sequence": _ESCAPES,
        "dotted": _dotted(OCAML_ID, r"[({\[]"),
    }


FSHARP_KEYOPTS = frozenset(
    _words.FSHARP_KEYOPTS
)


_fsharp_operator = classify([(FSHARP_KEYOPTS, Punctuation)], Operator)


class FSharpLexer(RougeRegexLexer):
    """Rouge's ``fsharp`` lexer."""

    name = "F# (Rouge)"
    aliases = ["rouge-fsharp"]

    keywords: ClassVar[frozenset[str]] = frozenset(
        _words.F_SHARP_KEYWORDS
    )

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"false|true|[(][)]|\[\]", Name.Builtin.Pseudo),
            (rf"{UPPER_ID}(?=\s*[.])", Name.Namespace, "dotted"),
            (UPPER_ID, Name.Class),
            (r"[(][*](?![)])", Comment, "comment"),
            (r"//.*?$", Comment.Single),
            (FSHARP_ID, _word),
            (r"[\[\];,{}_()!$%&*+./:<=>?@^|~#-]+", _fsharp_operator),
            *_NUMBERS,
            (rf"[~?](?:{FSHARP_ID})", Name.Variable),
        ],
        "comment": _COMMENT,
        "string": _STRING,
        "escape_sequence": _ESCAPES,
        "dotted": _dotted(FSHARP_ID, r"\["),
    }


class ReasonMLLexer(RougeRegexLexer):
    """Rouge's ``reasonml`` lexer."""

    name = "ReasonML (Rouge)"
    aliases = ["rouge-reasonml"]

    keywords: ClassVar[frozenset[str]] = (
        OCamlLexer.keywords - frozenset(["match", "raise"])
    ) | frozenset(["switch"])

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"false|true|[(][)]|\[\]", Name.Builtin.Pseudo),
            (rf"{UPPER_ID}(?=\s*[.])", Name.Namespace, "dotted"),
            (rf"`{OCAML_ID}", Name.Tag),
            (UPPER_ID, Name.Class),
            (r"//.*", Comment.Single),
            (r"/\*", Comment.Multiline, "comment"),
            (OCAML_ID, _word),
            (r"[(){}\[\];]+", Punctuation),
            (r"[;,_!$%&*+./:<=>?@^|~#-]+", Operator),
            *_NUMBERS[:6],
            (r"'[^'/]'", String.Char),
            (r"'", Keyword),
            (r'"', String.Double, "string"),
            (rf"[~?]{OCAML_ID}", Name.Variable),
        ],
        "comment": [
            (r"[^/*]+", Comment.Multiline),
            (r"/\*", Comment.Multiline, "comment"),
            (r"\*/", Comment.Multiline, "#pop"),
            (r"[*/]", Comment.Multiline),
        ],
        "string": _STRING,
        "escape_sequence": _ESCAPES,
        "dotted": OCamlLexer.tokens["dotted"],
    }
