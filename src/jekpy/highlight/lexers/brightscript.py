"""BrightScript tokenised as Rouge 3.30's ``brightscript`` lexer does.

Words are classified upper-cased (``ro…`` component names as written); a
name before ``(`` is a function; ``'`` and ``REM`` start comments.
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
)
from jekpy.highlight.lexers import brightscript_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, word_set

NAME_BUILTIN = _words.NAME_BUILTIN
KEYWORD_RESERVED = _words.KEYWORD_RESERVED
KEYWORD_RESERVED_UNSUPPORTED = word_set(
    """
    CLASS CONST IMPORT LIBRARY NAMESPACE PRIVATE PROTECTED PUBLIC
    """
)
KEYWORD_TYPE = word_set(
    """
    BOOLEAN DIM DOUBLE DYNAMIC FLOAT FUNCTION INTEGER INTERFACE INVALID LONGINTEGER
    OBJECT STRING VOID
    """
)
OPERATOR_WORD = word_set(
    """
    AND AS MOD NOT OR THEN
    """
)
BUILTINS = _words.BUILTINS

ID = r"(?i:[$a-z_][a-z0-9_]*)"


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    upper = word.upper()
    if word in BUILTINS or upper in KEYWORD_RESERVED or upper in KEYWORD_RESERVED_UNSUPPORTED:
        tok = Keyword.Reserved
    elif upper in KEYWORD_TYPE:
        tok = Keyword.Type
    elif upper in NAME_BUILTIN:
        tok = Name.Builtin
    elif upper in OPERATOR_WORD:
        tok = Operator.Word
    else:
        tok = Name
    yield 0, tok, word


class BrightscriptLexer(RougeRegexLexer):
    """Rouge's ``brightscript`` lexer."""

    name = "BrightScript (Rouge)"
    aliases = ["rouge-brightscript"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"'.*", Comment.Single),
            (r"(?i)REM.*", Comment.Single),
            (r"[~!%^&*+=|?:<>/-]", Operator),
            (r"(?i)\d*\.\d+(e-?\d+)?", Number.Float),
            (r"(?i)\d+[lu]*", Number.Integer),
            (r'".*?"', String.Double),
            (rf"{ID}(?=\s*[(])", Name.Function),
            (r"[()\[\],.;{}]", Punctuation),
            (ID, _word),
        ],
    }
