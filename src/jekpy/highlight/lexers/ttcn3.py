"""TTCN-3 tokenised as Rouge 3.30's ``ttcn3`` lexer does.

The name after ``module`` is a class and the path after ``import`` a
namespace; digits may be grouped with ``_``; ``'…'B``/``'…'H``/``'…'O`` are
bit, hex and octet strings.
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
    include,
)
from jekpy.highlight.lexers import ttcn3_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set

KEYWORDS = _words.KEYWORDS
RESERVED = _words.RESERVED
TYPES = word_set(
    """anytype address boolean bitstring charstring hexstring octetstring
    component enumerated float integer port record set of union universal"""
)

ID = r"[a-zA-Z_]\w*"
DIGIT = r"(?:\d_+\d|\d)"
BIN_DIGIT = r"(?:[01]_+[01]|[01])"
OCT_DIGIT = r"(?:[0-7]_+[0-7]|[0-7])"
HEX_DIGIT = r"(?:[0-9a-fA-F]_+[0-9a-fA-F]|[0-9a-fA-F])"


_word = classify([(KEYWORDS, Keyword), (TYPES, Keyword.Type), (RESERVED, Keyword.Reserved)], Name)


class Ttcn3Lexer(RougeRegexLexer):
    """Rouge's ``ttcn3`` lexer."""

    name = "TTCN-3 (Rouge)"
    aliases = ["rouge-ttcn3"]

    tokens: dict[str, Any] = {
        "statements": [
            (r"\n+", Text),
            (r"[ \t\r]+", Text),
            (r"\\\n", Text),
            (r"//(\\.|.)*?$", Comment.Single),
            (r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", Comment.Multiline),
            (r'"', String, "string"),
            (r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", String.Char),
            (rf"(?i){DIGIT}+\.{DIGIT}+([eE]{DIGIT}+)?[fd]?", Number.Float),
            (rf"(?i)'{BIN_DIGIT}+'B", Number.Bin),
            (rf"(?i)'{HEX_DIGIT}+'H", Number.Hex),
            (rf"(?i)'{OCT_DIGIT}+'O", Number.Oct),
            (rf"{DIGIT}+", Number.Integer),
            (r"[~!%^&*+:=|?<>/-]", Operator),
            (r"[()\[\]{},.;:]", Punctuation),
            (r"(?:true|false|null)\b", Name.Builtin),
            (ID, _word),
        ],
        "root": [
            (r"module\b", Keyword.Declaration, "module"),
            (r"import\b", Keyword.Namespace, "import"),
            include("statements"),
        ],
        "string": [
            (r'"', String, "#pop"),
            (r"\\([\\abfnrtv\"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})", String.Escape),
            (r'[^\\"\n]+', String),
            (r"\\\n", String),
            (r"\\", String),
        ],
        "module": [
            (r"\s+", Text),
            (ID, Name.Class, "#pop"),
        ],
        "import": [
            (r"\s+", Text),
            (r"[\w.]+\*?", Name.Namespace, "#pop"),
        ],
    }
