"""Smalltalk tokenised as Rouge 3.30's ``smalltalk`` lexer does."""

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
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

OPS = r"[-+*/\\~<>=|&!?,@%]"


class SmalltalkLexer(RougeRegexLexer):
    """Rouge's ``smalltalk`` lexer (tags smalltalk, st, squeak)."""

    name = "Smalltalk (Rouge)"
    aliases = ["rouge-smalltalk"]

    tokens: dict[str, Any] = {
        "root": [
            (r"(<)(\w+:)(.*?)(>)", bygroups(Punctuation, Keyword, Text, Punctuation)),
            include("whitespaces"),
            include("method_definition"),
            (r"([|])([\w\s]*)([|])", bygroups(Punctuation, Name.Variable, Punctuation)),
            include("objects"),
            (r"\^|:=|_", Operator),
            (r"[)}\]]", Punctuation, "after_object"),
            (r"[({\[!]", Punctuation),
        ],
        "method_definition": [
            (r"(?i)([a-z]\w*:)(\s*)(\w+)", bygroups(Name.Function, Text, Name.Variable)),
            (r"(?i)^(\s*)(\b[a-z]\w*\b)(\s*)$", bygroups(Text, Name.Function, Text)),
            (
                rf"^(\s*)({OPS}+)(\s*)(\w+)(\s*)$",
                bygroups(Text, Name.Function, Text, Name.Variable, Text),
            ),
        ],
        "block_variables": [
            include("whitespaces"),
            (r"(:)(\s*)(\w+)", bygroups(Operator, Text, Name.Variable)),
            (r"[|]", Punctuation, "#pop"),
            default("#pop"),
        ],
        "literals": [
            (r"(?s)'(''|.)*?'", String, "after_object"),
            (r"[$].", String.Char, "after_object"),
            (r"#[(]", String.Symbol, "parenth"),
            (r"(\d+r)?-?\d+(\.\d+)?(e-?\d+)?", Number, "after_object"),
            (rf"#(\"[^\"]*\"|{OPS}+|[\w:]+)", String.Symbol, "after_object"),
        ],
        "parenth": [
            (r"[)]", String.Symbol, ("#pop", "after_object")),
            include("inner_parenth"),
        ],
        "inner_parenth": [
            (r"#[(]", String.Symbol, "inner_parenth"),
            (r"[)]", String.Symbol, "#pop"),
            include("whitespaces"),
            include("literals"),
            (rf"({OPS}|[\w:])+", String.Symbol),
        ],
        "whitespaces": [
            (r"! !$", Keyword),
            (r"\s+", Text),
            (r'(?s)".*?"', Comment),
        ],
        "objects": [
            (r"\[", Punctuation, "block_variables"),
            (r"(self|super|true|false|nil|thisContext)\b", Name.Builtin.Pseudo, "after_object"),
            (r"[A-Z]\w*(?!:)\b", Name.Class, "after_object"),
            (r"[a-z]\w*(?!:)\b", Name.Variable, "after_object"),
            include("literals"),
        ],
        "after_object": [
            include("whitespaces"),
            (r"(ifTrue|ifFalse|whileTrue|whileFalse|timesRepeat):", Name.Builtin, "#pop"),
            (r"new(?!:)\b", Name.Builtin),
            (r":=|_", Operator, "#pop"),
            (r"(?i)[a-z]+\w*:", Name.Function, "#pop"),
            (r"(?i)[a-z]+\w*", Name.Function),
            (rf"{OPS}+", Name.Function, "#pop"),
            (r"[.]", Punctuation, "#pop"),
            (r";", Punctuation),
            default("#pop"),
        ],
    }
