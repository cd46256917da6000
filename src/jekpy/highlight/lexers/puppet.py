"""Puppet manifests tokenised as Rouge 3.30's ``puppet`` lexer does."""

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
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = frozenset(
    ["and", "case", "class", "default", "define", "else", "elsif", "if", "in", "import", "inherits", "node", "unless"]
)
CONSTANTS = frozenset(["false", "true", "undef"])
METAPARAMETERS = frozenset(["before", "require", "notify", "subscribe"])
ID = r"[a-z]\w*"
QUALNAME = rf"(?:(::)?(?:{ID}::)*\w+)"


_property = classify([(METAPARAMETERS, Keyword.Pseudo)], Name.Property)


_qualname = classify([(KEYWORDS, Keyword), (CONSTANTS, Keyword.Constant)], Name)


class PuppetLexer(RougeRegexLexer):
    """Rouge's ``puppet`` lexer (tags puppet, pp)."""

    name = "Puppet (Rouge)"
    aliases = ["rouge-puppet"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"\s+", Text), (r"#.*?\n", Comment)],
        "root": [
            include("whitespace"),
            (rf"[$]{QUALNAME}", Name.Variable),
            (rf"({ID})(?=\s*[=+]>)", _property),
            (rf"({QUALNAME})(?=\s*[(])", Name.Function),
            (r"[A-Z]\w*", Name.Class),
            (r"[+=|~-]>|<[|~-]", Punctuation),
            (r"[|:}();\[\]]", Punctuation),
            (r"\{", Punctuation, "regex_allowed"),
            (r",", Punctuation, "regex_allowed"),
            (r"(in|and|or)\b", Operator.Word),
            (r"[=!<>]=", Operator),
            (r"[=!]~", Operator, "regex_allowed"),
            (r"[.=<>!+*/-]", Operator),
            (rf"(class|include)(\s*)({QUALNAME})", bygroups(Keyword, Text, Name.Class)),
            (r"node\b", Keyword, "regex_allowed"),
            (r"(?s)'(\\[\\']|[^'])*'", String.Single),
            (r'"', String.Double, "dquotes"),
            (r"\d+([.]\d+)?(e[+-]\d+)?", Number),
            (QUALNAME, _qualname),
        ],
        "regex_allowed": [
            include("whitespace"),
            (r"/", String.Regex, "regex"),
            default("#pop"),
        ],
        "regex": [
            (r"/", String.Regex, "#pop"),
            (r"\\.", String.Escape),
            (r"[(){}]", String.Interpol),
            (r"\[", String.Interpol, "regex_class"),
            (r".", String.Regex),
        ],
        "regex_class": [
            (r"\]", String.Interpol, "#pop"),
            (r"(?<!\[)-(?=\])", String.Regex),
            (r"-", String.Interpol),
            (r"\\.", String.Escape),
            (r"[^\\\]-]+", String.Regex),
        ],
        "dquotes": [
            (r'"', String.Double, "#pop"),
            (r'[^$\\"]+', String.Double),
            (r"(?s)\\.", String.Escape),
            (rf"[$]{QUALNAME}", Name.Variable),
            (rf"[$][{{]{QUALNAME}[}}]", Name.Variable),
        ],
    }
