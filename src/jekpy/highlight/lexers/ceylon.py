"""Ceylon tokenised as Rouge 3.30's ``ceylon`` lexer does.

(Rouge's word alternations span source lines, so a few of their words carry a
newline and indentation; they are kept as Rouge has them.)"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

_NL = "\n          "


class CeylonLexer(RougeRegexLexer):
    """Rouge's ``ceylon`` lexer."""

    name = "Ceylon (Rouge)"
    aliases = ["rouge-ceylon"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"[^\S\n]+", Text),
            (r"//.*?\n", Comment.Single),
            (r"/\*", Comment.Multiline),
        ],
        "root": [
            include("whitespace"),
            (
                "(shared|abstract|formal|default|actual|variable|deprecated|small|"
                + _NL
                + "late|literal|doc|by|see|throws|optional|license|tagged|final|native|"
                + _NL
                + r"annotation|sealed)\b",
                Name.Decorator,
            ),
            (
                "(break|case|catch|continue|else|finally|for|in|"
                + _NL
                + "if|return|switch|this|throw|try|while|is|exists|dynamic|"
                + _NL
                + r"nonempty|then|outer|assert|let)\b",
                Keyword,
            ),
            (r"(abstracts|extends|satisfies|super|given|of|out|assign)\b", Keyword.Declaration),
            (r"(function|value|void|new)\b", Keyword.Type),
            (r"(assembly|module|package)(\s+)", bygroups(Keyword.Namespace, Text), "import"),
            (r"(true|false|null)\b", Keyword.Constant),
            (r"(class|interface|object|alias)(\s+)", bygroups(Keyword.Declaration, Text), "class"),
            (r"(import)(\s+)", bygroups(Keyword.Namespace, Text), "import"),
            (r'"(\\\\|\\"|[^"])*"', String),
            (r"'\\.'|'[^\\]'|'\\\{#[0-9a-fA-F]{4}\}'", String.Char),
            (r'"[^`]*``[^`]*``[^`]*"', String.Interpol),
            (r"(\.)([a-z_]\w*)", bygroups(Operator, Name.Attribute)),
            (r"[a-zA-Z_]\w*:", Name.Label),
            (r"(\\I[a-z]|[A-Z])\w*", Name.Decorator),
            (r"[a-zA-Z_]\w*", Name),
            (r"[~^*!%&\[\](){}<>|+=:;,./?`-]", Operator),
            (r"\d{1,3}(_\d{3})+\.\d{1,3}(_\d{3})+[kMGTPmunpf]?", Number.Float),
            (r"\d{1,3}(_\d{3})+\.[0-9]+([eE][+-]?[0-9]+)?[kMGTPmunpf]?", Number.Float),
            (r"[0-9][0-9]*\.\d{1,3}(_\d{3})+[kMGTPmunpf]?", Number.Float),
            (r"[0-9][0-9]*\.[0-9]+([eE][+-]?[0-9]+)?[kMGTPmunpf]?", Number.Float),
            (r"#([0-9a-fA-F]{4})(_[0-9a-fA-F]{4})+", Number.Hex),
            (r"#[0-9a-fA-F]+", Number.Hex),
            (r"\$([01]{4})(_[01]{4})+", Number.Bin),
            (r"\$[01]+", Number.Bin),
            (r"\d{1,3}(_\d{3})+[kMGTP]?", Number.Integer),
            (r"[0-9]+[kMGTP]?", Number.Integer),
            (r"\n", Text),
        ],
        "class": [
            include("whitespace"),
            (r"[A-Za-z_]\w*", Name.Class, "#pop"),
        ],
        "import": [
            (r"[a-z][\w.]*", Name.Namespace, "#pop"),
            (r'"(\\\\|\\"|[^"])*"', String, "#pop"),
        ],
    }
