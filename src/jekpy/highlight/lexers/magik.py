"""Smallworld Magik tokenised as Rouge 3.30's ``magik`` lexer does.

``_method`` must be followed by ``Class.method`` (split into class and
function); ``:name`` is a symbol, ``@name`` a label, ``%c`` a character;
names may contain ``!``/``?``, backslash escapes and ``|piped|`` parts.
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
from jekpy.highlight.lexers.base import RougeRegexLexer, union

KEYWORDS = union(
    """_package _pragma _block _endblock _handling _default
    _protect _protection _endprotect _try _with _when _endtry _catch _endcatch
    _throw _lock _endlock _if _then _elif _else _endif
    _for _over _while _loop _finally _endloop _loopbody _continue _leave
    _return _class _local _constant _recursive _global _dynamic _import
    _private _iter _abstract _method _endmethod _proc _endproc
    _gather _scatter _allresults _optional _thisthread _self _clone _super
    _primitive _unset _true _false _maybe
    _is _isnt _not _and _or _xor _cf _andif _orif _div _mod"""
)

DIGITS = r"[0-9]+"
NUMBER = rf"{DIGITS}(?:(?i:r[0-9a-z])|(?i:(?:e|&)[+-]?{DIGITS})|\.{DIGITS})*"
CHARACTER = r"(?i:%u[0-9a-z]{4}|%[^\s]+)"
IDENTIFIER = r"(?i:(?:(?>(?:[a-z0-9_!?]|\\.)+)|\|[^|\n]*\|)+)"


class MagikLexer(RougeRegexLexer):
    """Rouge's ``magik`` lexer."""

    name = "Magik (Rouge)"
    aliases = ["rouge-magik"]

    tokens: dict[str, Any] = {
        "root": [
            (r"##(.*)?", Comment.Doc),
            (r"#(.*)?", Comment.Single),
            (r"(_method)(\s+)", bygroups(Keyword, Text.Whitespace), "method_name"),
            (rf"(?:{KEYWORDS})\b", Keyword),
            (r'"[^"\n]*?"', String),
            (r"'[^'\n]*?'", String),
            (rf":{IDENTIFIER}", String.Symbol),
            (rf"@[\s]*{IDENTIFIER}:{IDENTIFIER}", Name.Label),
            (rf"@[\s]*{IDENTIFIER}", Name.Label),
            (CHARACTER, String.Char),
            (NUMBER, Number),
            (rf"{IDENTIFIER}:{IDENTIFIER}", Name),
            (IDENTIFIER, Name),
            (r"[\[\]{}().,;]", Punctuation),
            (r"\$", Punctuation),
            (r"(<<|^<<)", Operator),
            (r"(>>)", Operator),
            (r"[-~+/*%=&^<>]|!=", Operator),
            (r"[\s]+", Text.Whitespace),
        ],
        "method_name": [
            (
                rf"({IDENTIFIER})(\.)({IDENTIFIER})",
                bygroups(Name.Class, Punctuation, Name.Function),
                "#pop",
            ),
        ],
    }
