"""Tulip tokenised as Rouge 3.30's ``tulip`` lexer does.

``"{…}"`` strings interpolate ``$(…)`` as Tulip; ``'{…}'`` and
``\\name{…}`` strings nest braces; ``<…>`` is a type annotation.
"""

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
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

ID = r"(?i:[a-z][\w-]*)"
UPPER_ID = r"[A-Z][\w-]*"


class TulipLexer(RougeRegexLexer):
    """Rouge's ``tulip`` lexer."""

    name = "Tulip (Rouge)"
    aliases = ["rouge-tulip"]

    tokens: dict[str, Any] = {
        "comments_and_whitespace": [
            (r"\s+", Text),
            (r"#.*?$", Comment),
        ],
        "root": [
            include("comments_and_whitespace"),
            (rf"@{ID}", Keyword),
            (rf"(\\{ID})([{{])", bygroups(Name.Function, String), "nested_string"),
            (rf"([+]{ID})([{{])", bygroups(Name.Decorator, String), "nested_string"),
            (rf"\\{ID}", Name.Function),
            (rf"[+]{ID}", Name.Decorator),
            (r'"[{]', String, "dqi"),
            (r'"', String, "dq"),
            (r"'\{", String, "nested_string"),
            (rf"'{ID}", String),
            (rf"[.]{ID}", Name.Tag),
            (rf"[$](?:{ID})?", Name.Variable),
            (rf"-{ID}:?", Name.Label),
            (rf"%{ID}", Name.Function),
            (rf"`{ID}", Operator.Word),
            (r"[?~%._>,!\[\]:{}()=;/-]", Punctuation),
            (r"[0-9]+([.][0-9]+)?", Number),
            (ID, Name),
            (r"<", Comment.Preproc, "angle_brackets"),
        ],
        "dq": [
            (r'[^\\"]+', String),
            (r'"', String, "#pop"),
            (r"\\.", String.Escape),
        ],
        "dqi": [
            (r"[$][(]", String.Interpol, "interp_root"),
            (r"[{]", String, "dqi"),
            (r"[}]", String, "#pop"),
            (r"[^{}$]+", String),
            (r".", String),
        ],
        "interp_root": [
            (r"[)]", String.Interpol, "#pop"),
            include("interp"),
        ],
        "interp": [
            (r"[(]", Punctuation, "interp"),
            (r"[)]", Punctuation, "#pop"),
            include("root"),
        ],
        "nested_string": [
            (r"\\.", String.Escape),
            (r"\{", String, "nested_string"),
            (r"\}", String, "#pop"),
            (r"[^{}\\]+", String),
        ],
        "angle_brackets": [
            include("comments_and_whitespace"),
            (r">", Comment.Preproc, "#pop"),
            (r"[*:]", Punctuation),
            (UPPER_ID, Keyword.Type),
            (ID, Name.Variable),
        ],
    }
