"""MoonScript tokenised as Rouge 3.30's ``moonscript`` lexer does."""

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
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.lua import NUMBER_RULES, dotted_name

_IDENT = r"(?:\w\w*)"
_KEYWORDS = ["break", "class", "continue", "do", "else", "elseif", "end", "extends", "for", "if", "import", "in", "repeat", "return", "switch", "super", "then", "unless", "until", "using", "when", "with", "while"]


class MoonscriptLexer(RougeRegexLexer):
    """Rouge's ``moonscript`` lexer (tags moonscript, moon)."""

    name = "MoonScript (Rouge)"
    aliases = ["rouge-moonscript"]

    tokens: dict[str, Any] = {
        "root": [
            (r"#!(.*?)$", Comment.Preproc),
            default("main"),
        ],
        "base": [
            *NUMBER_RULES,
            (rf"@{_IDENT}*", Name.Variable.Instance),
            (r"[A-Z]\w*", Name.Class),
            (r'"?[^"]+":', String.Symbol),
            (rf"{_IDENT}:", String.Symbol),
            (rf":{_IDENT}", String.Symbol),
            (r"\s+", Text.Whitespace),
            (r"(==|~=|!=|<=|>=|\.\.\.|\.\.|->|=>|[=+\-*/%^<>#!\\])", Operator),
            (r"[\[\]\{\}\(\)\.,:;]", Punctuation),
            (r"(and|or|not)\b", Operator.Word),
            (rf"({'|'.join(_KEYWORDS)})\b", Keyword),
            (r"(local|export)\b", Keyword.Declaration),
            (r"(true|false|nil)\b", Keyword.Constant),
            (r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?", dotted_name),
        ],
        "main": [
            (r"--.*$", Comment.Single),
            (r"(?s)\[(=*)\[.*?\]\1\]", String.Heredoc),
            include("base"),
            (r"'", String.Single, "sqs"),
            (r'"', String.Double, "dqs"),
        ],
        "sqs": [
            (r"'", String.Single, "#pop"),
            (r"[^']+", String.Single),
        ],
        "interpolation": [
            (r"\}", String.Interpol, "#pop"),
            include("base"),
        ],
        "dqs": [
            (r"#\{", String.Interpol, "interpolation"),
            (r'"', String.Double, "#pop"),
            (r"#[^{]", String.Double),
            (r'[^"#]+', String.Double),
        ],
    }
