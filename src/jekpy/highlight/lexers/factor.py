"""Factor tokenised as Rouge 3.30's ``factor`` lexer does.

Everything is whitespace-separated words: definition words take the next
word(s) as function/class names, ``( … -- … )`` is a stack effect, ``USING:``
and ``TUPLE:`` lists run to ``;``; other words are builtins or names.
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
)
from jekpy.highlight.lexers.base import RougeRegexLexer, classify
from jekpy.highlight.lexers.factor_words import BUILTINS

_word = classify([(BUILTINS, Name.Builtin)], Name)


_SUBCLASS = bygroups(Keyword, Text, Name.Class, Text, Punctuation, Text, Name.Class)


class FactorLexer(RougeRegexLexer):
    """Rouge's ``factor`` lexer."""

    name = "Factor (Rouge)"
    aliases = ["rouge-factor"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (
                r"(:|::|MACRO:|MEMO:|GENERIC:|HELP:)(\s+)(\S+)",
                bygroups(Keyword, Text, Name.Function),
            ),
            (
                r"(M:|HOOK:|GENERIC#)(\s+)(\S+)(\s+)(\S+)",
                bygroups(Keyword, Text, Name.Class, Text, Name.Function),
            ),
            (r"\((?=\s)", Name.Function, "stack_effect"),
            (r";(?=\s)", Keyword),
            (r"(USING:)((?:\s|\\\s)+)", bygroups(Keyword.Namespace, Text), "import"),
            (
                r"(IN:|USE:|UNUSE:|QUALIFIED:|QUALIFIED-WITH:)(\s+)(\S+)",
                bygroups(Keyword.Namespace, Text, Name.Namespace),
            ),
            (
                r"(FROM:|EXCLUDE:)(\s+)(\S+)(\s+)(=>)",
                bygroups(Keyword.Namespace, Text, Name.Namespace, Text, Punctuation),
            ),
            (r"(?:ALIAS|DEFER|FORGET|POSTPONE):", Keyword.Namespace),
            (r"(TUPLE:)(\s+)(\S+)(\s+)(<)(\s+)(\S+)", _SUBCLASS, "slots"),
            (r"(TUPLE:)(\s+)(\S+)", bygroups(Keyword, Text, Name.Class), "slots"),
            (r"(UNION:|INTERSECTION:)(\s+)(\S+)", bygroups(Keyword, Text, Name.Class)),
            (r"(PREDICATE:)(\s+)(\S+)(\s+)(<)(\s+)(\S+)", _SUBCLASS),
            (
                r"(C:)(\s+)(\S+)(\s+)(\S+)",
                bygroups(Keyword, Text, Name.Function, Text, Name.Class),
            ),
            (
                r"(INSTANCE|SLOT|MIXIN|SINGLETONS?|CONSTANT|SYMBOLS?|ERROR|SYNTAX"
                r"|ALIEN|TYPEDEF|FUNCTION|STRUCT):",
                Keyword,
            ),
            (r"(?:<PRIVATE|PRIVATE>)", Keyword.Namespace),
            (r"(MAIN:)(\s+)(\S+)", bygroups(Keyword.Namespace, Text, Name.Function)),
            (r'"(?:\\\\|\\"|[^"])*"', String),
            (r'\S+"\s+(?:\\\\|\\"|[^"])*"', String),
            (r"(CHAR:)(\s+)(\\[\\abfnrstv]*|\S)(?=\s)", String.Char),
            (r"!\s+.*$", Comment),
            (r"#!\s+.*$", Comment),
            (r"[tf](?=\s)", Name.Constant),
            (r"-?\d+\.\d+(?=\s)", Number.Float),
            (r"-?\d+(?=\s)", Number.Integer),
            (r"HEX:\s+[a-fA-F\d]+(?=\s)", Number.Hex),
            (r"BIN:\s+[01]+(?=\s)", Number.Bin),
            (r"OCT:\s+[0-7]+(?=\s)", Number.Oct),
            (r"[-+/*=<>^](?=\s)", Operator),
            (r"(?:deprecated|final|foldable|flushable|inline|recursive)(?=\s)", Keyword),
            (r"\S+", _word),
        ],
        "stack_effect": [
            (r"\s+", Text),
            (r"\(", Name.Function, "stack_effect"),
            (r"\)", Name.Function, "#pop"),
            (r"--", Name.Function),
            (r"\S+", Name.Variable),
        ],
        "slots": [
            (r"\s+", Text),
            (r";(?=\s)", Keyword, "#pop"),
            (r"\S+", Name.Variable),
        ],
        "import": [
            (r";(?=\s)", Keyword, "#pop"),
            (r"\s+", Text),
            (r"\S+", Name.Namespace),
        ],
    }
