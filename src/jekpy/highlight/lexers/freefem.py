"""FreeFEM tokenised as Rouge 3.30's ``freefem`` lexer does.

Rouge's FreeFEM is its C++ lexer with FreeFEM's words (solver parameters are
``Name.Attribute``) and ``include``/``load``/``IFMACRO`` lines as directives
(matched as line prefixes).
"""

from __future__ import annotations

from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers import freefem_words as _words
from jekpy.highlight.lexers.base import classify, word_set
from jekpy.highlight.lexers.c import _CPP_TOKENS, CppLexer

KEYWORDS = word_set(
    """
    break catch continue else for if return try while
    """
)
KEYWORDS_TYPE = word_set(
    """
    EndMacro NewMacro Pmmap Psemaphore bool border complex dmatrix fespace func
    gslspline ifstream int macro matrix mesh mesh3 mpiComm mpiGroup mpiRequest
    ofstream problem real solve string varf
    """
)
RESERVED = _words.RESERVED
BUILTINS = _words.BUILTINS
ATTRIBUTES = _words.ATTRIBUTES


_word = classify(
    [
        (KEYWORDS, Keyword),
        (KEYWORDS_TYPE, Keyword.Type),
        (RESERVED, Keyword.Reserved),
        (BUILTINS, Name.Builtin),
        (ATTRIBUTES, Name.Attribute),
    ],
    Name,
)


class FreeFemLexer(CppLexer):
    """Rouge's ``freefem`` lexer."""

    name = "FreeFEM (Rouge)"
    aliases = ["rouge-freefem"]

    keywords: ClassVar[frozenset[str]] = KEYWORDS
    types: ClassVar[frozenset[str]] = KEYWORDS_TYPE
    reserved: ClassVar[frozenset[str]] = RESERVED
    builtins: ClassVar[frozenset[str]] = BUILTINS

    tokens: dict[str, Any] = {
        **_CPP_TOKENS,
        "expr_bol": [
            include("inline_whitespace"),
            (r"include", Comment.Preproc, "macro"),
            (r"load", Comment.Preproc, "macro"),
            (r"ENDIFMACRO", Comment.Preproc, "macro"),
            (r"IFMACRO", Comment.Preproc, "macro"),
            (r"", Text, "#pop"),
        ],
        "statements": [
            include("whitespace"),
            (r'(u8|u|U|L)?"', String, "string"),
            (r"(?i)(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", String.Char),
            (r"(?i)(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", Number.Float),
            (r"(?i)\d+e[+-]?\d+[lu]*", Number.Float),
            (r"(?i)0x[0-9a-f]+[lu]*", Number.Hex),
            (r"(?i)0[0-7]+[lu]*", Number.Oct),
            (r"(?i)\d+[lu]*", Number.Integer),
            (r"\*/", Error),
            (r"[~!%^&*+=|?:<>/-]", Operator),
            (r"'", Operator),
            (r"[()\[\],.;]", Punctuation),
            (r"\bcase\b", Keyword, "case"),
            (r"(?:true|false|NaN)\b", Name.Builtin),
            (r"(?i)[a-z_]\w*", _word),
        ],
    }
