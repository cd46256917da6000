"""Fortran (free form) tokenised as Rouge 3.30's ``fortran`` lexer does."""

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
from jekpy.highlight.lexers import misc_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

_F_NAME = r"[A-Za-z][_A-Za-z0-9]*"
_F_KIND = rf"(\d+|{_F_NAME})"
_F_EXP = r"[EDed][+-]?\d+"


_fortran_word = classify(
    [
        (w.FORTRAN_KEYWORDS, Keyword),
        (w.FORTRAN_TYPES, Keyword.Type),
        (w.FORTRAN_INTRINSICS, Name.Builtin),
    ],
    Name,
    str.lower,
)


class FortranLexer(RougeRegexLexer):
    """Rouge's ``fortran`` lexer (free form)."""

    name = "Fortran (Rouge)"
    aliases = ["rouge-fortran"]

    tokens: dict[str, Any] = {
        "root": [
            (r"[\s]+", Text.Whitespace),
            (r"!.*$", Comment.Single),
            (r"^#.*$", Comment.Preproc),
            (r"::|[()/;,:&\[\]]", Punctuation),
            (r"(?s)^(\s*)([0-9]+)\b", bygroups(Text.Whitespace, Name.Label)),
            (
                r"(?is)\b(FORMAT)(\s*)(\()",
                bygroups(Keyword, Text.Whitespace, Punctuation),
                "format_spec",
            ),
            (
                rf"(?i)[+-]?((\d+[.]\d*|[.]\d+)({_F_EXP})?|\d+{_F_EXP})(_{_F_KIND})?",
                Number.Float,
            ),
            (rf"(?i)[+-]?\d+(_{_F_KIND})?", Number.Integer),
            (r"(?i)B'[01]+'|B\"[01]+\"", Number.Bin),
            (r"(?i)O'[0-7]+'|O\"[0-7]+\"", Number.Oct),
            (r"(?i)Z'[0-9A-F]+'|Z\"[0-9A-F]+\"", Number.Hex),
            (rf"({_F_KIND}_)?'", String.Single, "string_single"),
            (rf"({_F_KIND}_)?\"", String.Double, "string_double"),
            (rf"(?i)[.](TRUE|FALSE)[.](_{_F_KIND})?", Keyword.Constant),
            (r"\*\*|//|==|/=|<=|>=|=>|[-+*/<>=%]", Operator),
            (r"(?i)\.(?:EQ|NE|LT|LE|GT|GE|NOT|AND|OR|EQV|NEQV|[A-Z]+)\.", Operator.Word),
            (r"(?i)double\s+precision\b", Keyword.Type),
            (r"(?i)go\s+to\b", Keyword),
            (r"(?i)sync\s+(all|images|memory)\b", Keyword),
            (r"(?i)error\s+stop\b", Keyword),
            (_F_NAME, _fortran_word),
        ],
        "string_single": [
            (r"[^']+", String.Single),
            (r"''", String.Escape),
            (r"'", String.Single, "#pop"),
        ],
        "string_double": [
            (r'[^"]+', String.Double),
            (r'""', String.Escape),
            (r'"', String.Double, "#pop"),
        ],
        "format_spec": [
            (r"'", String.Single, "string_single"),
            (r'"', String.Double, "string_double"),
            (r"\(", Punctuation, "format_spec"),
            (r"\)", Punctuation, "#pop"),
            (r",", Punctuation),
            (r"[\s]+", Text.Whitespace),
            (r"[^\s'\"(),]+", Literal),
        ],
    }
