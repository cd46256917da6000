"""Apex (Salesforce) tokenised as Rouge 3.30's ``apex`` lexer does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

KEYWORDS = frozenset(
    ["assert", "break", "case", "catch", "continue", "default", "do", "else", "finally", "for", "if", "goto", "instanceof", "new", "return", "switch", "this", "throw", "try", "while", "insert", "update", "delete"]
)
DECLARATIONS = frozenset(
    ["abstract", "const", "enum", "extends", "final", "implements", "native", "private", "protected", "public", "static", "super", "synchronized", "throws", "transient", "volatile", "with", "sharing", "without", "inherited", "virtual", "global", "testmethod"]
)
SOQL = frozenset(
    ["SELECT", "FROM", "WHERE", "UPDATE", "LIKE", "TYPEOF", "END", "USING", "SCOPE", "WITH", "DATA", "CATEGORY", "GROUP", "BY", "ROLLUP", "CUBE", "HAVING", "ORDER", "BY", "ASC", "DESC", "NULLS", "FIRST", "LAST", "LIMIT", "OFFSET", "FOR", "VIEW", "REFERENCE", "UPDATE", "TRACKING", "VIEWSTAT", "OR", "AND"]
)
TYPES = frozenset(["String", "boolean", "byte", "char", "double", "float", "int", "long", "short", "var", "void"])
CONSTANTS = frozenset(["true", "false", "null"])


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    whole = match.group()
    low, up = whole.lower(), whole.upper()
    prefix, suffix = match.group(1), match.group(3)
    if low in KEYWORDS or up in SOQL:
        yield 0, Keyword, whole
    elif low in DECLARATIONS:
        yield 0, Keyword.Declaration, whole
    elif low in TYPES:
        yield 0, Keyword.Type, whole
    elif low in CONSTANTS:
        yield 0, Keyword.Constant, whole
    elif low == "package":
        yield 0, Keyword.Namespace, whole
    elif prefix == "@":
        yield 0, Name.Decorator, whole
    elif suffix in (":", "(") or prefix == ".":
        name_tok = (
            Name.Label if suffix == ":" else Name.Function if suffix == "(" else Name.Property
        )
        for i, tok in enumerate([Operator, name_tok, Punctuation], start=1):
            yield match.start(i), tok, match.group(i)
    else:
        yield 0, Name, whole


_DIGIT = r"(?:[0-9]_+[0-9]|[0-9])"


class ApexLexer(RougeRegexLexer):
    """Rouge's ``apex`` lexer."""

    name = "Apex (Rouge)"
    aliases = ["rouge-apex"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
            (r"(?:class|interface)\b", Keyword.Declaration, "class"),
            (r"import\b", Keyword.Namespace, "import"),
            (r"([@$.]?)([a-zA-Z_][a-zA-Z0-9_]*)([:(]?)", _word),
            (r'"', String.Double, "dq"),
            (r"'", String.Single, "sq"),
            (rf"{_DIGIT}+\.{_DIGIT}+([eE]{_DIGIT}+)?[fd]?", Number.Float),
            (r"(?i)0b(?:[01]_+[01]|[01])+", Number.Bin),
            (r"(?i)0x(?:[0-9a-f]_+[0-9a-f]|[0-9a-f])+", Number.Hex),
            (r"0(?:[0-7]_+[0-7]|[0-7])+", Number.Oct),
            (rf"{_DIGIT}+L?", Number.Integer),
            (r"[-+/*~^!%&<>|=.?]", Operator),
            (r"[\[\](){},:;]", Punctuation),
        ],
        "class": [(r"\s+", Text), (r"[a-zA-Z_][a-zA-Z0-9_]*", Name.Class, "#pop")],
        "import": [(r"\s+", Text), (r"(?i)[a-z0-9_.]+\*?", Name.Namespace, "#pop")],
        "escape": [(r"\\[btnfr\\\"']", String.Escape)],
        "dq": [include("escape"), (r'[^\\"]+', String.Double), (r'"', String.Double, "#pop")],
        "sq": [include("escape"), (r"[^\\']+", String.Double), (r"'", String.Double, "#pop")],
    }

