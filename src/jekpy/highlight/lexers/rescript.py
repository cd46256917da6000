"""ReScript tokenised as Rouge 3.30's ``rescript`` lexer does.

It shares OCaml's strings, escapes, numbers and dotted module paths (``ml``);
``\\btrue|false\\b`` makes ``trueish`` start with a constant; ``` `…${x}…` ```
strings lex their ``${}`` parts as ReScript again.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Operator,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set
from jekpy.highlight.lexers.ml import (
    _ESCAPES,
    _NUMBERS,
    _STRING,
    OCAML_ID,
    UPPER_ID,
    OCamlLexer,
    ReasonMLLexer,
)

KEYWORDS = word_set(
    """open let rec and as exception assert lazy if else
    for in to downto while switch when external type private
    mutable constraint include module of with try import export"""
)
TYPES = word_set("bool int float char string unit list array option ref exn format")
WORD_OPERATORS = word_set("mod land lor lxor lsl lsr asr or")


_word = classify(
    [(KEYWORDS, Keyword), (WORD_OPERATORS, Operator.Word), (TYPES, Keyword.Type)], Name
)


class ReScriptLexer(RougeRegexLexer):
    """Rouge's ``rescript`` lexer."""

    name = "ReScript (Rouge)"
    aliases = ["rouge-rescript"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"[,.:?~\\]", Text),
            (r"\btrue|false\b", Keyword.Constant),
            (rf"{UPPER_ID}(?=\s*[.])", Name.Namespace, "dotted"),
            (rf"@{OCAML_ID}(?:\.{OCAML_ID})*", Name.Decorator),
            (rf"\#{OCAML_ID}", Name.Class),
            (UPPER_ID, Name.Class),
            (r"//.*", Comment.Single),
            (r"/\*", Comment.Multiline, "comment"),
            (OCAML_ID, _word),
            (r"[(){}\[\];]+", Punctuation),
            (r"[;_!$%&*+/<=>@^|-]+", Operator),
            *_NUMBERS[:6],
            (r"'[^'/]'", String.Char),
            (r"'", Keyword),
            (r'"', String.Double, "string"),
            (r"`", String.Double, "interpolated_string"),
        ],
        "comment": ReasonMLLexer.tokens["comment"],
        "interpolated_string": [
            (r"[$]\{", Punctuation, "interpolated_expression"),
            (r"`", String.Double, "#pop"),
            (r"\\[$`]", String.Escape),
            (r"[^$`\\]+", String.Double),
            (r"[\\$]", String.Double),
        ],
        "interpolated_expression": [
            (r"\}", Punctuation, "#pop"),
            include("root"),
        ],
        "string": _STRING,
        "escape_sequence": _ESCAPES,
        "dotted": OCamlLexer.tokens["dotted"],
    }
