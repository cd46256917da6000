"""BibTeX tokenised as Rouge 3.30's ``bibtex`` lexer does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    LexerContext,
    Literal,
    Name,
    Punctuation,
    Text,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

_BIB_PUNCT = "".join("\\" + c for c in "@!$&.\\:;<>?[]^`|~*/+-")
_BIB_NAME = rf"[a-zA-Z_{_BIB_PUNCT}][\w{_BIB_PUNCT}]*"


def _bib_entry(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    kind = match.group(1).lower()
    if kind == "comment":
        yield 0, Comment, match.group()
        return
    yield 0, Name.Class, match.group()
    if kind == "preamble":
        ctx.stack += ["closing_brace", "value", "opening_brace"]
    elif kind == "string":
        ctx.stack += ["closing_brace", "field", "opening_brace"]
    else:
        ctx.stack += ["closing_brace", "command_body", "opening_brace"]


class BibtexLexer(RougeRegexLexer):
    """Rouge's ``bibtex`` lexer (tags bibtex, bib)."""

    name = "BibTeX (Rouge)"
    aliases = ["rouge-bibtex"]

    tokens: dict[str, Any] = {
        "root": [
            include("whitespace"),
            (rf"@({_BIB_NAME})", _bib_entry),
            (r".+", Comment),
        ],
        "opening_brace": [include("whitespace"), (r"[{(]", Punctuation, "#pop")],
        "closing_brace": [include("whitespace"), (r"[})]", Punctuation, "#pop")],
        "command_body": [
            include("whitespace"),
            (r"[^\s,}]+", Name.Label, ("#pop", "fields")),
        ],
        "fields": [include("whitespace"), (r",", Punctuation, "field"), default("#pop")],
        "field": [
            include("whitespace"),
            (_BIB_NAME, Name.Attribute, ("value", "equal_sign")),
            default("#pop"),
        ],
        "equal_sign": [include("whitespace"), (r"=", Punctuation, "#pop")],
        "value": [
            include("whitespace"),
            (_BIB_NAME, Name.Variable),
            (r'"', Literal.String, "quoted_string"),
            (r"\{", Literal.String, "braced_string"),
            (r"\d+", Literal.Number),
            (r"#", Punctuation),
            default("#pop"),
        ],
        "quoted_string": [
            (r"\{", Literal.String, "braced_string"),
            (r'"', Literal.String, "#pop"),
            (r'[^{"]+', Literal.String),
        ],
        "braced_string": [
            (r"\{", Literal.String, "braced_string"),
            (r"\}", Literal.String, "#pop"),
            (r"[^{}]+", Literal.String),
        ],
        "whitespace": [(r"\s+", Text)],
    }
