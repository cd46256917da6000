"""CFScript tokenised as Rouge 3.30's ``cfscript`` lexer does.

Word operators (``eq``, ``contains``, ``greater than or equal to``…) need a
word boundary after them, so ``<`` before a blank falls back to the symbol
operators; declarations, keywords and types put the lexer where an object
literal may start.
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
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, word_set

KEYWORDS = word_set(
    "if else var xml default break switch do try catch throw in continue for return while required"
)
DECLARATIONS = word_set("component property function remote public package private")
TYPES = word_set(
    "any array binary boolean component date guid numeric query string struct uuid void xml"
)
CONSTANTS = "application|session|client|cookie|super|this|variables|arguments|cgi"
OPERATORS = (
    r"\+\+|--|&&|\|\||<=|>=|<|>|==|!=|mod|eq|lt|gt|lte|gte|not|is|and|or|xor|eqv|imp"
    r"|equal|contains|\?"
)
DOTTED_ID = r"[$a-zA-Z_][a-zA-Z0-9_.]*"


def _call(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group(1)
    yield 0, Keyword if name in KEYWORDS else Name.Function, name
    yield match.start(2), Text, match.group(2)
    yield match.start(3), Punctuation, match.group(3)


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in DECLARATIONS:
        tok = Keyword.Declaration
    elif word in KEYWORDS:
        tok = Keyword
    elif word in TYPES:
        tok = Keyword.Type
    else:
        yield 0, Name.Other, word
        return
    yield 0, tok, word
    ctx.stack.append("expr_start")


class CfscriptLexer(RougeRegexLexer):
    """Rouge's ``cfscript`` lexer."""

    name = "CFScript (Rouge)"
    aliases = ["rouge-cfscript"]

    tokens: dict[str, Any] = {
        "root": [
            include("comments_and_whitespace"),
            (
                rf"(?i)(?:{OPERATORS}|does not contain|greater than(?: or equal to)?"
                r"|less than(?: or equal to)?)\b",
                Operator,
                "expr_start",
            ),
            (r"[-<>+*%&|\^/!=]=?", Operator, "expr_start"),
            (r"[(\[,]", Punctuation, "expr_start"),
            (r";", Punctuation, "statement"),
            (r"[)\].]", Punctuation),
            (r"[?]", Punctuation, ("ternary", "expr_start")),
            (r"[{}]", Punctuation, "statement"),
            (rf"(?:{CONSTANTS})\b", Name.Constant),
            (r"(?:true|false|null)\b", Keyword.Constant),
            (r"import\b", Keyword.Namespace, "import"),
            (
                rf"({DOTTED_ID})(\s*)(:)(\s*)",
                bygroups(Name, Text, Punctuation, Text),
                "expr_start",
            ),
            (r"([A-Za-z_$][\w.]*)(\s*)(\()", _call),
            (DOTTED_ID, _word),
            (r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", Number.Float),
            (r"0x[0-9a-fA-F]+", Number.Hex),
            (r"[0-9]+", Number.Integer),
            (r'"(\\\\|\\"|[^"])*"', String.Double),
            (r"'(\\\\|\\'|[^'])*'", String.Single),
        ],
        "comments_and_whitespace": [
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
        ],
        "expr_start": [
            include("comments_and_whitespace"),
            (r"[{]", Punctuation, "object"),
            (r"", Text, "#pop"),
        ],
        "statement": [
            (r"[{}]", Punctuation),
            include("expr_start"),
        ],
        "object": [
            include("comments_and_whitespace"),
            (r"[}]", Punctuation, "expr_start"),
            (rf"({DOTTED_ID})(\s*)(:)", bygroups(Name.Other, Text, Punctuation), "expr_start"),
            (r":", Punctuation),
            include("root"),
        ],
        "ternary": [
            (r":", Punctuation, ("#pop", "expr_start")),
            include("root"),
        ],
        "import": [
            (r"\s+", Text),
            (r"(?i)[a-z0-9_.]+\*?", Name.Namespace, "#pop"),
        ],
    }
