"""Igor Pro procedures tokenised as Rouge 3.30's ``igorpro`` lexer does.

Words are matched lower-cased: a word containing ``function`` declares a
function, declarations (``variable``, ``wave``…) list variables with
optional ``= value``, operations take ``/flags``.  Rouge's number rules are
kept as they are: ``0x…`` is ``Number.Float`` and ``1.5`` ``Number.Hex``.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers import igorpro_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, word_set

KEYWORDS = word_set(
    """structure endstructure threadsafe static macro proc window menu function end
    if else elseif endif switch strswitch endswitch break return continue for endfor
    do while case default try catch endtry abortonrte"""
)
PREPROCESSOR = word_set("pragma include define ifdef ifndef undef if elif else endif")
DECLARATIONS = word_set(
    """variable string wave strconstant constant nvar svar dfref funcref struct
    char uchar int16 uint16 int32 uint32 int64 uint64 float double"""
)
CONSTANTS = word_set("nan inf")

OBJECT = r"(?i:\b[a-z][a-z0-9_.]*?\b)"
NO_LINE_BREAK = r"(?:[ \t]|(?:\\\s*[\r\n]))+"
HEX_NUMBER = r"(?i:0x[a-f0-9]+)"
DECIMAL_NUMBER = r"\d+\.\d+(e[+\-]?\d+)?"
INT_NUMBER = r"[\d]+(?:_\d+)*"
FLAG = r"(?i)[/][a-z]+"
_SYSTEM_NAME = re.compile(r"\b(v|s|w)_[a-z]+[a-z0-9]*")


def _object(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    lower = word.lower()
    push = None
    if "function" in lower:
        tok, push = Keyword.Declaration, "parse_function"
    elif lower in DECLARATIONS:
        tok, push = Keyword.Declaration, "parse_variables"
    elif lower in KEYWORDS:
        tok = Keyword
    elif lower in CONSTANTS:
        tok = Keyword.Constant
    elif lower in w.FUNCTIONS:
        tok = Name.Builtin
    elif lower in w.OPERATIONS:
        tok, push = Keyword.Reserved, "operationFlags"
    elif _SYSTEM_NAME.search(lower):
        tok = Name.Constant
    else:
        tok = Name
    yield 0, tok, word
    if push:
        ctx.stack.append(push)


def _preprocessor(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if match.group(2).lower() in PREPROCESSOR:
        yield 0, Comment.Preproc, match.group()
    else:
        yield 0, Punctuation, match.group(1)
        yield match.start(2), Name, match.group(2)


class IgorProLexer(RougeRegexLexer):
    """Rouge's ``igorpro`` lexer."""

    name = "Igor Pro (Rouge)"
    aliases = ["rouge-igorpro"]

    tokens: dict[str, Any] = {
        "root": [
            (r"//", Comment, "comments"),
            (OBJECT, _object),
            include("preprocessor"),
            include("waveFlag"),
            include("characters"),
            include("numbers"),
            include("whitespace"),
        ],
        "preprocessor": [(rf"(\#)({OBJECT})", _preprocessor)],
        "assignment": [
            include("whitespace"),
            (r'"', String.Double, "string1"),
            include("string2"),
            (HEX_NUMBER, Number.Float, "#pop"),
            (INT_NUMBER, Number.Integer, "#pop"),
            (r"[(\[{][^)\]}]+[)\]}]", Generic, "#pop"),
            (r"[^\s/(]+", Generic, "#pop"),
            (r"", Text, "#pop"),
        ],
        "parse_variables": [
            include("whitespace"),
            (r"[=]", Punctuation, "assignment"),
            (OBJECT, Name.Variable),
            (r"[\[\]]", Punctuation),
            (r"[,]", Punctuation, "parse_variables"),
            (r"\)", Punctuation, "#pop"),
            (FLAG, Keyword.Pseudo, "parse_variables"),
            (r"", Text, "#pop"),
        ],
        "parse_function": [
            (FLAG, Keyword.Pseudo),
            include("whitespace"),
            (OBJECT, Name.Function),
            (r"[(]", Punctuation, "parse_variables"),
            (r"", Text, "#pop"),
        ],
        "operationFlags": [
            (NO_LINE_BREAK, Text),
            (r"[=]", Punctuation, "assignment"),
            (FLAG, Keyword.Pseudo, "operationFlags"),
            (rf"(?i)(as)(\s*)({OBJECT})", bygroups(Keyword.Type, Text, Name.Label)),
            (r"", Text, "#pop"),
        ],
        "waveFlag": [
            (
                rf"(?i)(/(?:wave|X|Y))(\s*)(=)(\s*)({OBJECT})",
                bygroups(Keyword.Pseudo, Text, Punctuation, Text, Name.Variable),
            ),
        ],
        "characters": [
            (r"\s", Text),
            (r"[#$~!%^&*+=|?:<>/-]", Operator),
            (r"[{}()\[\],.;]", Punctuation),
            (r'"', String.Double, "string1"),
            include("string2"),
        ],
        "numbers": [
            (HEX_NUMBER, Number.Float),
            (DECIMAL_NUMBER, Number.Hex),
            (INT_NUMBER, Number.Integer),
        ],
        "whitespace": [(NO_LINE_BREAK, Text)],
        "string1": [
            (r"%\w\b", String.Other),
            (r"\\\\", String.Escape),
            (r'\\"', String.Escape),
            (r"\\", String.Escape),
            (r'[^"]', String),
            (r'"', String.Double, "#pop"),
        ],
        "string2": [(r"'[^']*'", String.Single)],
        "comments": [
            (r"(?i)([/]\s*)([@]\w+\b)", bygroups(Comment, Comment.Special)),
            (r"[^\r\n]", Comment),
            (r"", Text, "#pop"),
        ],
    }
