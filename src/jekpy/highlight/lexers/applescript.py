"""AppleScript tokenised as Rouge 3.30's ``applescript`` lexer does (one flat
state; ``(*`` is a lone comment token, as in Rouge)."""

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
)
from jekpy.highlight.lexers import applescript_words as words
from jekpy.highlight.lexers.base import RougeRegexLexer


def _words(alternation: str, suffix: str = "") -> str:
    return rf"\b({alternation}){suffix}\b"


class AppleScriptLexer(RougeRegexLexer):
    """Rouge's ``applescript`` lexer."""

    name = "AppleScript (Rouge)"
    aliases = ["rouge-applescript"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"¬\n", String.Escape),
            (r"'s\s+", Text),
            (r"(--|#).*?$", Comment.Single),
            (r"\(\*", Comment.Multiline),
            (r"[\(\){}!,.:]", Punctuation),
            (r"(«)([^»]+)(»)", bygroups(Text, Name.Builtin, Text)),
            (
                r"\b((?:considering|ignoring)\s*)(application responses|case|diacriticals|"
                r"hyphens|numeric strings|punctuation|white space)",
                bygroups(Keyword, Name.Builtin),
            ),
            (r"(-|\*|\+|&|≠|>=?|<=?|=|≥|≤|/|÷|\^)", Operator),
            (_words(words.OPERATORS), Operator.Word),
            (r"^(\s*(?:on|end)\s+)'r'(%s)", bygroups(Keyword, Name.Function)),
            (r"^(\s*)(in|on|script|to)(\s+)", bygroups(Text, Keyword, Text)),
            (rf"\b(as )({words.CLASSES})\b", bygroups(Keyword, Name.Class)),
            (_words(words.LITERALS), Name.Builtin),
            (_words(words.COMMANDS), Name.Builtin),
            (_words(words.CONTROLS), Keyword),
            (_words(words.DECLARATIONS), Keyword),
            (_words(words.RESERVED), Name.Builtin),
            (_words(words.BUILTINS, "s?"), Name.Builtin),
            (_words(words.HANDLER_PARAMS), Name.Builtin),
            (_words(words.STUDIO_PROPERTIES), Name.Attribute),
            (_words(words.STUDIO_CLASSES, "s?"), Name.Builtin),
            (_words(words.STUDIO_COMMANDS), Name.Builtin),
            (_words(words.REFERENCES), Name.Builtin),
            (r'"(\\\\|\\"|[^"])*"', String.Double),
            (r"\b([a-zA-Z]\w*)\b", Name.Variable),
            (r"[-+]?(\d+\.\d*|\d*\.\d+)(E[-+][0-9]+)?", Number.Float),
            (r"[-+]?\d+", Number.Integer),
        ],
    }
