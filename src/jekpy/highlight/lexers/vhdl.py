"""VHDL tokenised as Rouge 3.30's ``vhdl`` lexer does."""

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
    include,
)
from jekpy.highlight.lexers import vhdl_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

VHDL_KEYWORDS = frozenset(
    _words.VHDL_KEYWORDS
)
VHDL_TYPES = frozenset(
    ["bit", "bit_vector", "boolean", "boolean_vector", "character", "integer", "integer_vector", "natural", "positive", "real", "real_vector", "severity_level", "signed", "std_logic", "std_logic_vector", "std_ulogic", "std_ulogic_vector", "string", "unsigned", "time", "time_vector"]
)
VHDL_OPERATOR_WORDS = frozenset(
    ["abs", "and", "mod", "nand", "nor", "not", "or", "rem", "rol", "ror", "sla", "sll", "sra", "srl", "xnor", "xor"]
)
_VHDL_ID = r"[a-zA-Z][a-zA-Z0-9_]*"


_vhdl_word = classify(
    [(VHDL_KEYWORDS, Keyword), (VHDL_TYPES, Keyword.Type), (VHDL_OPERATOR_WORDS, Operator.Word)],
    Name,
    str.lower,
)


class VhdlLexer(RougeRegexLexer):
    """Rouge's ``vhdl`` lexer."""

    name = "VHDL (Rouge)"
    aliases = ["rouge-vhdl"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"\s+", Text), (r"\n", Text), (r"--.*$", Comment.Single)],
        "statements": [
            (r"-?\d+", Number.Integer),
            (r"-?\d+[.]\d+", Number.Float),
            (r'(?i)[box]?"[^"]*"', String.Single),
            (r"'[^']?'", String.Char),
            (rf"'{_VHDL_ID}", Name.Attribute),
            (r"[(),:;]", Punctuation),
            (r"(?i)(?:true|false|null)\b", Name.Builtin),
            (_VHDL_ID, _vhdl_word),
            (
                r"=>|[*][*]|:=|/=|>=|<=|<>|\?\?|\?=|\?/=|\?>|\?<|\?>=|\?<=|<<|>>"
                r"|[#&'*+-./:<=>?@^]",
                Operator,
            ),
        ],
        "root": [include("whitespace"), include("statements")],
    }

