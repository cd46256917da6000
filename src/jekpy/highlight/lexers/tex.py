"""TeX/LaTeX tokenised as Rouge 3.30's ``tex`` lexer does."""

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

_COMMAND = r"\\([a-zA-Z]+|\s+|.)"


class TexLexer(RougeRegexLexer):
    """Rouge's ``tex`` lexer (tags tex, TeX, LaTeX, latex)."""

    name = "TeX (Rouge)"
    aliases = ["rouge-tex"]

    tokens: dict[str, Any] = {
        "general": [
            (r"%.*$", Comment),
            (r"[{}&_^]", Punctuation),
        ],
        "root": [
            (r"\\\[", Punctuation, "displaymath"),
            (r"\\\(", Punctuation, "inlinemath"),
            (r"\$\$", Punctuation, "displaymath"),
            (r"\$", Punctuation, "inlinemath"),
            (r"\\(begin|end)\{.*?\}", Name.Tag),
            (
                r"(\\verb)\b(\S)(.*?)(\2)",
                bygroups(Name.Builtin, Keyword.Pseudo, String.Other, Keyword.Pseudo),
            ),
            (_COMMAND, Keyword, "command"),
            include("general"),
            (r"[^\\$%&_^{}]+", Text),
        ],
        "math": [
            (_COMMAND, Name.Variable),
            include("general"),
            (r"[0-9]+", Number),
            (r"[-=!+*/()\[\]]", Operator),
            (r"[^=!+*/()\[\]\\$%&_^{}0-9-]+", Name.Builtin),
        ],
        "inlinemath": [
            (r"\\\)", Punctuation, "#pop"),
            (r"\$", Punctuation, "#pop"),
            include("math"),
        ],
        "displaymath": [
            (r"\\\]", Punctuation, "#pop"),
            (r"\$\$", Punctuation, "#pop"),
            (r"\$", Name.Builtin),
            include("math"),
        ],
        "command": [
            (r"\[.*?\]", Name.Attribute),
            (r"\*", Keyword),
            default("#pop"),
        ],
    }
