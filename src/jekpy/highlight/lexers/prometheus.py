"""PromQL tokenised as Rouge 3.30's ``prometheus`` lexer does."""

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
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers import prometheus_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

FUNCTIONS = frozenset(
    _words.FUNCTIONS
)


_word = classify([(FUNCTIONS, Name.Builtin)], Name)


def _escaped_string(tok: TokenType, fin: str) -> list[Any]:
    return [
        (rf"\\[\\abfnrtv{fin}]", String.Escape),
        (rf"[^\\{fin}]+", tok),
        (fin, tok, "#pop"),
    ]


class PrometheusLexer(RougeRegexLexer):
    """Rouge's ``prometheus`` lexer."""

    name = "Prometheus (Rouge)"
    aliases = ["rouge-prometheus"]

    tokens: dict[str, Any] = {
        "root": [
            include("strings"),
            include("whitespace"),
            (r"-?\d+\.\d+", Number.Float),
            (r"-?\d+[smhdwy]?", Number.Integer),
            include("operators"),
            (r"(ignoring|on)(\()", bygroups(Keyword.Pseudo, Punctuation), "label_list"),
            (r"(group_left|group_right)(\()", bygroups(Keyword.Type, Punctuation)),
            (r"(bool|offset)\b", Keyword),
            (r"(without|by)\b", Keyword, "label_list"),
            (r"[\w:]+", _word),
            include("metrics"),
        ],
        "metrics": [
            (r"[a-zA-Z0-9_-]+", Name),
            (r"[\(\)\]:.,]", Punctuation),
            (r"\{", Punctuation, "filters"),
            (r"\[", Punctuation),
        ],
        "strings": [
            (r'"', String.Double, "double_string_escaped"),
            (r"'", String.Single, "single_string_escaped"),
            (r"`.*`", String.Backtick),
        ],
        "double_string_escaped": _escaped_string(String.Double, '"'),
        "single_string_escaped": _escaped_string(String.Single, "'"),
        "filters": [
            include("inline_whitespace"),
            (r",", Punctuation),
            include("labels"),
            include("filter_matching_operators"),
            include("strings"),
            (r"\}", Punctuation, "#pop"),
        ],
        "label_list": [
            (r"\(", Punctuation),
            (r"[a-zA-Z0-9_:-]+", Name.Attribute),
            (r",", Punctuation),
            include("whitespace"),
            (r"\)", Punctuation, "#pop"),
        ],
        "labels": [(r"[a-zA-Z0-9_:-]+", Name.Attribute)],
        "operators": [
            (r"[+\-\*/%\^]", Operator),
            (r"=|==|!=|<|>|<=|>=", Operator),
            (r"and|or|unless", Operator),
            (r"(sum|min|max|avg|stddev|stdvar|count|count_values|bottomk|topk)\b", Name.Function),
        ],
        "filter_matching_operators": [(r"!(=|~)|=~?", Operator)],
        "inline_whitespace": [(r"[ \t\r]+", Text)],
        "whitespace": [
            include("inline_whitespace"),
            (r"\n\s*", Text),
            (r"#.*?$", Comment),
        ],
    }
