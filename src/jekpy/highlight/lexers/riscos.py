"""RISC OS formats tokenised as Rouge 3.30's ``msgtrans`` and ``cmhg`` lexers do."""

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
from jekpy.highlight.lexers.base import RougeRegexLexer

_PREPROC = "define|elif|else|endif|error|if|ifdef|ifndef|include|line|pragma|undef|warning"


class MsgTransLexer(RougeRegexLexer):
    """Rouge's ``msgtrans`` lexer (RISC OS MessageTrans files)."""

    name = "MessageTrans (Rouge)"
    aliases = ["rouge-msgtrans"]

    tokens: dict[str, Any] = {
        "root": [
            (r"^#[^\n]*", Comment),
            (r"[^\t\n\r ,):?/]+", Name.Variable),
            (r"[\n/?]", Operator),
            (r":", Operator, "value"),
        ],
        "value": [
            (r"\n", Text, "#pop"),
            (r"%[0-3%]", Operator),
            (r"[^\n%]", String),
        ],
    }


class CmhgLexer(RougeRegexLexer):
    """Rouge's ``cmhg`` lexer (RISC OS C module header generator sources)."""

    name = "CMHG (Rouge)"
    aliases = ["rouge-cmhg"]

    tokens: dict[str, Any] = {
        "root": [
            (r";[^\n]*", Comment),
            (
                rf"^([ \t]*)(#[ \t]*(?:(?:{_PREPROC})(?:[ \t].*)?)?)(?=\n)",
                bygroups(Text, Comment.Preproc),
            ),
            (r"[-a-z]+:", Keyword.Declaration),
            (r"(?i)[a-z_]\w+", Name.Entity),
            (r'"[^"]*"', String),
            (r"(?:&|0x)[0-9a-fA-F]+", Number.Hex),
            (r"\d+", Number),
            (r"[,/()]", Punctuation),
            (r"[ \t]+", Text),
            (r"\n+", Text),
        ],
    }
