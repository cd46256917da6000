"""JMP Scripting Language tokenised as Rouge 3.30's ``jsl`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer


class JslLexer(RougeRegexLexer):
    """Rouge's ``jsl`` lexer."""

    name = "JSL (Rouge)"
    aliases = ["rouge-jsl"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"//.*?$", Comment.Single),
            (r"/[*].*?", Comment.Multiline, "comment"),
            (r"<<", Operator, "message"),
            (r"(?i)(::|:)?([a-z_][\w\s'%.\\]*)(\()", bygroups(Punctuation, Keyword, Punctuation)),
            (
                r"(?i)\d{2}(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\d{2}(\d{2})?"
                r"(:\d{2}:\d{2}(:\d{2}(\.\d*)?)?)?",
                Literal.Date,
            ),
            (r"(?i)-?(?:[0-9]+(?:[.][0-9]+)?|[.][0-9]*)(?:e[+-]?[0-9]+)?i?", Number),
            (r"(?i)(::|:)?([a-z_][\w\s'%.\\]*|\"(?:\\!\"|[^\"])*?\"n)", bygroups(Punctuation, Name.Variable)),
            (
                r"(?s)(\")(\\\[)(.*?)(\]\\)(\")",
                bygroups(String.Double, String.Escape, String.Double, String.Escape, String.Double),
            ),
            (r'"', String.Double, "dq"),
            (r"[-+*/!%&<>\|=:`^]", Operator),
            (r"[\[\](){},;]", Punctuation),
        ],
        "message": [
            (r"\s+", Text.Whitespace),
            (r"(?i)[a-z_][\w\s'%.\\]*", Name.Function),
            (r"[(),;]", Punctuation, "#pop"),
            (r"[&|!=<>]", Operator, "#pop"),
        ],
        "dq": [
            (r"\\![btrnNf0\\\"]", String.Escape),
            (r"\\", String.Double),
            (r'"', String.Double, "#pop"),
            (r'(?s)[^\\"]+', String.Double),
        ],
        "comment": [
            (r"/[*]", Comment.Multiline, "comment"),
            (r"[*]/", Comment.Multiline, "#pop"),
            (r"[^/*]+", Comment.Multiline),
            (r"[/*]", Comment.Multiline),
        ],
    }
