"""Varnish VCL tokenised as Rouge 3.30's ``vcl`` lexer does.

Rouge's shapes: plain names are ``Text`` unless they are keywords, known
functions or variables; ``true``/``false`` need no word boundary; a number
with a duration suffix (``10s``, ``0x1d``) is ``Number.Other``; ``C{ … }C``
is lexed as C.
"""

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
    bygroups,
)
from jekpy.highlight.lexers import vcl_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify, union, word_set

KEYWORDS = word_set(
    """vcl set unset include import if else elseif elif elsif director probe
    backend acl declare local BOOL FLOAT INTEGER IP RTIME STRING TIME"""
)
FUNCTIONS = word_set(
    """ban call hash_data new regsub regsuball return rollback
    std.cache_req_body std.collect std.duration std.fileread std.healthy
    std.integer std.ip std.log std.port std.querysort std.random std.real
    std.real2time std.rollback std.set_ip_tos std.strstr std.syslog
    std.time std.time2integer std.time2real std.timestamp std.tolower
    std.toupper synth synthetic"""
)
VARIABLES = _words.VARIABLES

SPACE = r"[ \f\n\r\t\v]+"
DECIMAL = r"[0-9]+"
HEX = r"(?i:[0-9a-f]+)"
NUMERIC = (
    rf"(?i:(?:0x{HEX}(?:\.{HEX})?(?:p[+-]?{HEX})?)"
    rf"|(?:{DECIMAL}(?:\.{DECIMAL})?(?:e[+-]?{DECIMAL})?))"
)
_INTEGER = re.compile(rf"(?:{DECIMAL}|0x{HEX})\Z")


_word = classify(
    [(KEYWORDS, Keyword), (FUNCTIONS, Name.Function), (VARIABLES, Name.Variable)], Text
)


def _number(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    text = match.group()
    yield 0, Number.Integer if _INTEGER.match(text) else Number.Float, text


def _inline_c(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    from jekpy.highlight.lexers.c import CLexer

    yield from CLexer().get_tokens_unprocessed(match.group())


class VclLexer(RougeRegexLexer):
    """Rouge's ``vcl`` lexer."""

    name = "VCL (Rouge)"
    aliases = ["rouge-vcl"]

    tokens: dict[str, Any] = {
        "root": [
            (r'(?s)\{".*?"}', String.Single),
            (r'(?s)\{(\w+)".*?"(\1)\}', String.Single),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
            (r"(?://|#).*", Comment.Single),
            (r"true|false", Keyword.Constant),
            (rf"(?:{union('beresp bereq resp req obj')})\.http\.[\w.-]+", Name.Variable),
            (r"(?:var)\.[\w.-]+", Name.Variable),
            (rf"(sub)({SPACE})([\w-]+)", bygroups(Keyword, Text, Name.Function)),
            (r"C\{", Comment.Preproc, "inline_c"),
            (r"(?i)\.?[a-z_][\w.-]*", _word),
            (rf"{NUMERIC}(?:{union('ms s m h d w y')})", Number.Other),
            (NUMERIC, _number),
            (r'"', String.Double, "string"),
            (r"[&|+-]{2}|[<=>!*/+-]=|<<|>>|!~|[-+*/%><=!&|~]", Operator),
            (r"[{}();.,]", Punctuation),
            (r"\r\n?|\n", Text),
            (r".", Text),
        ],
        "string": [
            (r'"', String.Double, "#pop"),
            (r'\\[\\"nt]', String.Escape),
            (r"\r\n?|\n", String.Double),
            (r".", String.Double),
        ],
        "inline_c": [
            (r"\}C", Comment.Preproc, "#pop"),
            (r"(?s).*?(?=\}C)", _inline_c),
        ],
    }
