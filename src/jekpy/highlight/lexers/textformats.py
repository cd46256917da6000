"""Email messages and TAP (Test Anything Protocol) output tokenised as Rouge
3.30's ``email``/``tap`` lexers do."""

from __future__ import annotations

from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    Keyword,
    Literal,
    Name,
    Operator,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer


class EmailLexer(RougeRegexLexer):
    """Rouge's ``email`` lexer (tags email, eml, e-mail)."""

    name = "Email (Rouge)"
    aliases = ["rouge-email"]

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "fields")

    tokens: dict[str, Any] = {
        "fields": [
            (r"[:]", Operator, "field_body"),
            (r"[^\n\r:]+", Name.Tag),
            (r"[\n\r]", Name.Tag),
        ],
        "field_body": [
            (r"(\r?\n){2}", Text, "#pop:2"),
            (r"\r?\n(?![ \v\t\f])", Text, "#pop"),
            (r"[^\n\r]+", Name.Attribute),
            (r"[\n\r]", Name.Attribute),
        ],
        "root": [
            (r"\n", Text),
            (r"^>.*", Comment),
            (r".+", Text),
        ],
    }


class TapLexer(RougeRegexLexer):
    """Rouge's ``tap`` lexer."""

    name = "TAP (Rouge)"
    aliases = ["rouge-tap"]

    tokens: dict[str, Any] = {
        "root": [
            (r"^TAP version \d+\n", Name.Namespace),
            (r"^1\.\.\d+", Keyword.Declaration, "plan"),
            (
                r"^(not ok)([^\S\n]*)(\d*)",
                bygroups(Generic.Error, Text, Literal.Number.Integer),
                "test",
            ),
            (
                r"^(ok)([^\S\n]*)(\d*)",
                bygroups(Keyword.Reserved, Text, Literal.Number.Integer),
                "test",
            ),
            (r"^#.*\n", Comment),
            (r"^Bail out!.*\n", Generic.Error),
            (r"^.*\n", Text),
        ],
        "plan": [
            (r"[^\S\n]+", Text),
            (r"#", Comment, "directive"),
            (r"\n", Comment, "#pop"),
            (r".*\n", Generic.Error, "#pop"),
        ],
        "test": [
            (r"[^\S\n]+", Text),
            (r"#", Comment, "directive"),
            (r"\S+", Text),
            (r"\n", Text, "#pop"),
        ],
        "directive": [
            (r"[^\S\n]+", Comment),
            (r"(?i)\bTODO\b", Comment.Preproc),
            (r"(?i)\bSKIP\S*", Comment.Preproc),
            (r"\S+", Comment),
            (r"\n", Comment, "#pop:2"),
        ],
    }
