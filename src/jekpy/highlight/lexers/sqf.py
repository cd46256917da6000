"""SQF (Real Virtuality scripting) tokenised as Rouge 3.30's ``sqf`` lexer does."""

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
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.sqf_words import COMMANDS

WORD_OPERATORS = frozenset(["and", "or", "not"])
INITIALIZERS = frozenset(["private", "param", "params"])
CONTROL_FLOW = frozenset(
    ["if", "then", "else", "exitwith", "switch", "do", "case", "default", "while", "for", "from", "to", "step", "foreach"]
)
CONSTANTS = frozenset(
    ["true", "false", "player", "confignull", "controlnull", "displaynull", "grpnull", "locationnull", "netobjnull", "objnull", "scriptnull", "tasknull", "teammembernull"]
)
NAMESPACES = frozenset(
    ["currentnamespace", "missionnamespace", "parsingnamespace", "profilenamespace", "uinamespace"]
)
DIAG_COMMANDS = frozenset(
    ["diag_activemissionfsms", "diag_activesqfscripts", "diag_activesqsscripts", "diag_activescripts", "diag_captureframe", "diag_captureframetofile", "diag_captureslowframe", "diag_codeperformance", "diag_drawmode", "diag_enable", "diag_enabled", "diag_fps", "diag_fpsmin", "diag_frameno", "diag_lightnewload", "diag_list", "diag_log", "diag_logslowframe", "diag_mergeconfigfile", "diag_recordturretlimits", "diag_setlightnew", "diag_ticktime", "diag_toggle"]
)
_LOCAL = re.compile(r"_.+")


def _identifier(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group().lower()
    if name in WORD_OPERATORS:
        tok = Operator.Word
    elif name in INITIALIZERS:
        tok = Keyword.Declaration
    elif name in CONTROL_FLOW:
        tok = Keyword.Reserved
    elif name in CONSTANTS:
        tok = Keyword.Constant
    elif name in NAMESPACES:
        tok = Keyword.Namespace
    elif name in DIAG_COMMANDS or name in COMMANDS:
        tok = Name.Function
    elif _LOCAL.search(name):
        tok = Name.Variable
    else:
        tok = Name.Variable.Global
    yield 0, tok, match.group()


class SqfLexer(RougeRegexLexer):
    """Rouge's ``sqf`` lexer."""

    name = "SQF (Rouge)"
    aliases = ["rouge-sqf"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
            (r"//.*", Comment.Single),
            (r"#(define|undef|if(n)?def|else|endif|include)", Comment.Preproc),
            (r"\\\r?\n", Comment.Preproc),
            (r"__(EVAL|EXEC|LINE__|FILE__)", Name.Builtin),
            (r"\".*?\"", String),
            (r"'.*?'", String),
            (r"(\$|0x)[0-9a-fA-F]+", Number.Hex),
            (r"[0-9]+(\.)?(e[0-9]+)?", Number.Float),
            (r"[\!\%\&\*\+\-\/\<\=\>\^\|\#]", Operator),
            (r"[\(\)\{\}\[\]\,\:\;]", Punctuation),
            (r"[a-zA-Z0-9_]+", _identifier),
        ],
    }
