"""ECL (HPCC Systems) tokenised as Rouge 3.30's ``ecl`` lexer does.

Names are classified lower-cased with their digit suffix (``integer4``,
``real8``, ``string20`` are types); ``#name`` is a template keyword or an
error; ``std.Module.Func`` from the standard library is a class;
``BEGINC++ … ENDC++`` and ``EMBED … ENDEMBED`` blocks are strings.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    TokenType,
    include,
)
from jekpy.highlight.lexers import ecl_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, word_set

CLASS_FIRST = word_set(
    """
    file date str math metaphone metaphone3 uni audit blas system
    """
)
CLASS_SECOND = word_set(
    """
    debug email job log thorlib util workunit
    """
)
FUNCTIONS = _words.FUNCTIONS
KEYWORDS = _words.KEYWORDS
TEMPLATE = word_set(
    """
    append apply break constant debug declare demangle else elseif end endregion
    error expand export exportxml for forall getdatatype if ifdefined inmodule
    isdefined isvalid line link loop mangle onwarning option region set stored text
    trace uniquename warning webservice workunit loadxml
    """
)
TYPE = word_set(
    """
    ascii big_endian boolean data decimal ebcdic grouped integer linkcounted pattern
    qstring real record rule set of streamed string token udecimal unicode utf8
    unsigned varstring varunicode
    """
)
TYPED = word_set(
    """
    data string qstring varstring varunicode unicode utf8
    """
)


def _std_path(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    std = (
        match.group(1) == "std" and match.group(2) in CLASS_FIRST and match.group(3) in CLASS_SECOND
    )
    yield 0, Name.Class if std else Name.Variable, match.group()


def _kind(hash_mark: str, name_only: str, digits: str) -> TokenType:
    name = name_only + digits
    number = int(digits) if digits else None
    if hash_mark == "#":
        return Keyword.Type if name in TEMPLATE else Error
    if name_only in TYPED and number is not None:
        return Keyword.Type
    if name in TYPE:
        return Keyword.Type
    if name in KEYWORDS:
        return Keyword
    if name in FUNCTIONS:
        return Name.Function
    if name_only in ("integer", "unsigned") and number is not None and 1 <= number <= 8:
        return Keyword.Type
    if name_only == "real" and number in (4, 8):
        return Keyword.Type
    if name in ("true", "false"):
        return Keyword.Constant
    return Name.Other


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _kind(match.group(1), match.group(2).lower(), match.group(3)), match.group()


class EclLexer(RougeRegexLexer):
    """Rouge's ``ecl`` lexer."""

    name = "ECL (Rouge)"
    aliases = ["rouge-ecl"]

    tokens: dict[str, Any] = {
        "single_quote": [
            (r"[xDQUV]?'([^'\\]*(?:\\.[^'\\]*)*)'", String.Single),
            (
                r"\\(x\\h{2}|[0-2][0-7]{,2}|3[0-6][0-7]?|37[0-7]?|[4-7][0-7]?|.|$)",
                Text,
            ),
        ],
        "inline_whitespace": [
            (r"[ \t\r]+", Text),
            (r"\\\n", Text),
            (r"(?s)/[*].*?[*]/", Comment.Multiline),
        ],
        "whitespace": [
            (r"\n+", Text),
            (r"//.*", Comment.Single),
            include("inline_whitespace"),
        ],
        "root": [
            include("whitespace"),
            include("single_quote"),
            (r"\b(?i:(and|not|or|in))\b", Operator.Word),
            (r"[:=|><\\/+-]", Operator),
            (r"[\[\]{}();,&.%]", Punctuation),
            (r"(?s)\b(?i:(beginc\+\+.*?endc\+\+))", String.Single),
            (r"(?s)\b(?i:(embed.*?endembed))", String.Single),
            (r"\b(\w+)\.(\w+)\.(\w+)", _std_path),
            (r"\b(?i:(u)?decimal)(\d+(_\d+)?)\b", Keyword.Type),
            (r"(?i)\d+\.\d+(e[+\-]?\d+)?", Number.Float),
            (r"(?i)x[0-9a-f]+", Number.Hex),
            (r"(?i)0x[0-9a-f]+", Number.Hex),
            (r"(?i)0[0-9a-f]+x", Number.Hex),
            (r"0[bB][01]+", Number.Bin),
            (r"[01]+[bB]", Number.Bin),
            (r"\d+", Number.Integer),
            (r"(?i)(#?)\b([a-z_][\w]*?)(\d*)\b", _word),
        ],
    }
