"""Liquid templates tokenised as Rouge 3.30's ``liquid`` lexer does.

Tag names are ``Name.Tag`` (``if``/``unless``/``case``/``when``/``else`` and
their ``end`` forms ``Keyword.Reserved``), filters ``Name.Function``,
variables ``Name.Variable``; a closing ``%}``/``}}`` returns to the text.
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
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

WS = Text.Whitespace
_SINGLE = re.compile(r"'[^']*'")
_DOUBLE = re.compile(r'"[^"]*"')


def _literal_kind(text: str | None, default: TokenType) -> TokenType:
    if text is not None and _SINGLE.search(text):
        return String.Single
    if text is not None and _DOUBLE.search(text):
        return String.Double
    return default


def _groups(match: re.Match[str], toks: list[TokenType]) -> TokenStream:
    for i, tok in enumerate(toks, start=1):
        if match.group(i) is not None:
            yield match.start(i), tok, match.group(i)


def _close_all(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    del ctx.stack[:]
    ctx.stack.append("root")


def _end_special(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from _groups(match, [Punctuation, WS, Name.Tag, WS, Punctuation])
    del ctx.stack[:]
    ctx.stack.append("root")


def _cycle(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    kind = _literal_kind(match.group(3), Name.Attribute)
    yield from _groups(match, [Name.Tag, WS, kind, WS, Punctuation, WS])
    ctx.stack.append("variable_tag_markup")


def _for(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from _groups(match, [Name.Tag, WS, Name.Variable, WS, Name.Tag, WS])
    yield match.start(7), _literal_kind(match.group(7), Name.Variable), match.group(7)
    yield match.start(8), WS, match.group(8)
    ctx.stack.append("tag_markup")


_FILTER = r"(\|)(\s*)([a-zA-Z_][^\s}|:]*)"


class LiquidLexer(RougeRegexLexer):
    """Rouge's ``liquid`` lexer."""

    name = "Liquid (Rouge)"
    aliases = ["rouge-liquid"]

    tokens: dict[str, Any] = {
        "root": [
            (r"[^{]+", Text),
            (r"(\{%-?)(\s*)", bygroups(Punctuation, WS), "tag_or_block"),
            (r"(\{\{-?)(\s*)", bygroups(Punctuation, WS), "output"),
            (r"\{", Text),
        ],
        "tag_or_block": [
            (r"(if|elsif|unless|case)\b", Keyword.Reserved, "condition"),
            (r"(when)\b", Keyword.Reserved, "when"),
            (r"(else)(\s*)(-?%\})", bygroups(Keyword.Reserved, WS, Punctuation), "#pop"),
            (
                r"(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})",
                bygroups(Name.Tag, WS, Name.Variable, WS, Punctuation),
                "#pop",
            ),
            (r"(comment)(\s*)(-?%\})", bygroups(Name.Tag, WS, Punctuation), "comment"),
            (r"(raw)(\s*)(-?%\})", bygroups(Name.Tag, WS, Punctuation), "raw"),
            (
                r"(end(?:if|unless|case))(\s*)(-?%\})",
                bygroups(Keyword.Reserved, WS, Punctuation),
                "#pop",
            ),
            (r"(end(?:[^\s%]+))(\s*)(-?%\})", bygroups(Name.Tag, WS, Punctuation), "#pop"),
            (r"(assign|echo)\b", Name.Tag, "assign"),
            (r"(include|render)\b", Name.Tag, "include"),
            (r"(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)", _cycle),
            (
                r"(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)"
                r"((?:[^\s%,|'\"]|(?:\"[^\"]*\"|'[^']*'))+)(\s*)",
                _for,
            ),
            (r"([^\s%]+)(\s*)", bygroups(Name.Tag, WS), "tag_markup"),
        ],
        "output": [
            (_FILTER, bygroups(Punctuation, WS, Name.Function), "filters"),
            include("end_of_tag"),
            include("generic"),
        ],
        "filters": [
            (r"(\|)(\s*)([a-zA-Z_][^\s%}|:]*)", bygroups(Punctuation, WS, Name.Function)),
            include("end_of_tag"),
            include("end_of_block"),
            include("variable_param_markup"),
        ],
        "condition": [
            (r"([=!]=|[<>]=?)", Operator),
            (r"(and|or|contains)\b", Operator.Word),
            include("end_of_block"),
            include("generic"),
        ],
        "when": [include("end_of_block"), include("generic")],
        "end_of_tag": [(r"-?\}\}", _close_all)],
        "end_of_block": [(r"-?%\}", _close_all)],
        "param_markup": [
            include("whitespace"),
            include("keyword"),
            include("string"),
            include("number"),
            (r"([^\s=:]+)(\s*)(=|:)", bygroups(Name.Attribute, WS, Operator)),
            (r"[,:]", Punctuation),
        ],
        "default_param_markup": [include("param_markup"), (r"\S+", Text)],
        "variable_param_markup": [
            include("param_markup"),
            include("variable"),
            (r"\S+", Text),
        ],
        "tag_markup": [
            (r"(reversed)\b", Name.Attribute),
            include("end_of_block"),
            include("default_param_markup"),
        ],
        "variable_tag_markup": [include("end_of_block"), include("variable_param_markup")],
        "keyword": [(r"(false|true|nil)\b", Keyword.Constant)],
        "variable": [
            (r"(empty|blank|forloop\.[^\s%}|:]+)\b", Name.Builtin),
            (r"\.(?=\w)|\[|\]", Punctuation),
            (r"(first|last|size)\b", Name.Function),
            (r"[a-zA-Z_][\w-]*\??", Name.Variable),
        ],
        "string": [
            (r"'[^']*'", String.Single),
            (r'"[^"]*"', String.Double),
        ],
        "number": [
            (r"-", Operator),
            (r"\d+\.\d+", Number.Float),
            (r"\d+", Number.Integer),
        ],
        "generic": [
            include("whitespace"),
            include("keyword"),
            include("string"),
            include("number"),
            include("variable"),
        ],
        "whitespace": [(r"[ \t]+", WS)],
        "comment": [
            (r"[^{]+", Comment),
            (r"(\{%-?)(\s*)(endcomment)(\s*)(-?%\})", _end_special),
            (r"\{", Comment),
        ],
        "raw": [
            (r"[^{]+", Text),
            (r"(\{%-?)(\s*)(endraw)(\s*)(-?%\})", _end_special),
            (r"\{", Text),
        ],
        "assign": [
            (r"=", Operator),
            (r"(\|)(\s*)([a-zA-Z_][^\s%|:]*)", bygroups(Punctuation, WS, Name.Function), "filters"),
            include("end_of_block"),
            include("generic"),
        ],
        "include": [
            (r"(\{\{-?)(\s*)", bygroups(Punctuation, WS), "output_embed"),
            (r"(with|for)\b", Name.Tag),
            (r"[/\w-]+(\.[\w-]+)+\b", Text),
            include("variable_tag_markup"),
        ],
        "output_embed": [
            (_FILTER, bygroups(Punctuation, WS, Name.Function)),
            (r"-?\}\}", Punctuation, "#pop"),
            include("variable_param_markup"),
        ],
    }
