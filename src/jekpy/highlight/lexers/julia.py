"""Julia tokenised as Rouge 3.30's ``julia`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Other,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers import julia_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.unicode_classes import category_class

_S = category_class("Sm", "Sc", "Sk", "So")
_PO = category_class("Po")
_FUNC_NAME = rf"(?:(?u:[^\W\d])|[{_S}])(?:(?u:\w)|[{_S}{_PO}!])*"


def _words(words: list[str]) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


class JuliaLexer(RougeRegexLexer):
    """Rouge's ``julia`` lexer (tags julia, jl)."""

    name = "Julia (Rouge)"
    aliases = ["rouge-julia"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\n", Text),
            (r"[^\S\n]+", Text),
            (r"#=", Comment.Multiline, "blockcomment"),
            (r"#.*$", Comment),
            (w.OPERATORS, Operator),
            (r"\\\n", Text),
            (r"\\", Text),
            (r"(function|macro)((?:\s|\\\s)+)", bygroups(Keyword, Name.Function), "funcname"),
            (
                r"((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+)",
                bygroups(Keyword, Name.Class),
                "typename",
            ),
            (_words(w.TYPES), Keyword.Type),
            (r"(local|global|const)\b", Keyword.Declaration),
            (_words(w.KEYWORDS), Keyword),
            (_words(w.BUILTINS), Name.Builtin),
            (r"`.*?`", String.Backtick),
            (
                r"'(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}"
                r"|\\U[a-fA-F0-9]{1,6}|[^\\'\n])'",
                String.Char,
            ),
            (r"(?<=[.\w)\]])'+", Operator),
            (r'(?:[IL])"', String, "string"),
            (r'[E]?"', String, "string"),
            (r"@[\w.]+", Name.Decorator),
            (
                "(?:[a-zA-Z_\u00a1-\uffff]|[\u1000-\u10ff])"
                "(?:[a-zA-Z_0-9\u00a1-\uffff]|[\u1000-\u10ff])*!*",
                Name,
            ),
            (r"[\[\]{}(),;]", Other),
            (r"(\d+(_\d+)+\.\d*|\d*\.\d+(_\d+)+)([eEf][+-]?[0-9]+)?", Number.Float),
            (r"(\d+\.\d*|\d*\.\d+)([eEf][+-]?[0-9]+)?", Number.Float),
            (r"\d+(_\d+)+[eEf][+-]?[0-9]+", Number.Float),
            (r"\d+[eEf][+-]?[0-9]+", Number.Float),
            (r"0b[01]+(_[01]+)+", Number.Bin),
            (r"0b[01]+", Number.Bin),
            (r"0o[0-7]+(_[0-7]+)+", Number.Oct),
            (r"0o[0-7]+", Number.Oct),
            (r"0x[a-fA-F0-9]+(_[a-fA-F0-9]+)+", Number.Hex),
            (r"0x[a-fA-F0-9]+", Number.Hex),
            (r"\d+(_\d+)+", Number.Integer),
            (r"\d+", Number.Integer),
        ],
        "funcname": [
            (_FUNC_NAME, Name.Function, "#pop"),
            (r"\([^\s\w{]{1,2}\)", Operator, "#pop"),
            (r"[^\s\w{]{1,2}", Operator, "#pop"),
        ],
        "typename": [(_FUNC_NAME, Name.Class, "#pop")],
        "stringescape": [
            (
                r"\\([\\abfnrtv\"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}"
                r"|x[a-fA-F0-9]{2}|[0-7]{1,3})",
                String.Escape,
            ),
        ],
        "blockcomment": [
            (r"[^=#]", Comment.Multiline),
            (r"#=", Comment.Multiline, "blockcomment"),
            (r"=#", Comment.Multiline, "#pop"),
            (r"[=#]", Comment.Multiline),
        ],
        "string": [
            include("stringescape"),
            (r'"', String, "#pop"),
            (r'\\\\|\\"|\\\n', String.Escape),
            (r"\$(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?", String.Interpol),
            (r'[^\\"$]+', String),
            (r'["\\]', String),
            (r"\$", String),
        ],
    }
