"""Standard ML tokenised as Rouge 3.30's ``sml`` lexer does."""

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
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers import sml_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

KEYWORDS = _words.KEYWORDS
_KEYWORD_SET = frozenset(KEYWORDS)
SYMBOLIC_RESERVED = frozenset([":", "|", "=", "=>", "->", "#", ":>"])
ID = r"[\w']+"
SYMBOL = r"[!%&$#/:<=>?@\\~`^|*+-]+"
HEX = "[0-9a-fA-F]"


def _token_for_id(word: str) -> TokenType:
    if word in _KEYWORD_SET:
        return Keyword.Reserved
    if word in SYMBOLIC_RESERVED:
        return Punctuation
    return Name


def _id_with_dot(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Error if match.group(1) in _KEYWORD_SET else Name.Namespace, match.group(1)
    yield match.start(2), Punctuation, match.group(2)


def _id_with_dot_push(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from _id_with_dot(lexer, match, ctx)
    ctx.stack.append("dotted")


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _token_for_id(match.group()), match.group()


def _word_pop(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _token_for_id(match.group()), match.group()
    ctx.stack.pop()


_KW_END = r"\b(?!')"


class SmlLexer(RougeRegexLexer):
    """Rouge's ``sml`` lexer (tags sml, ml)."""

    name = "SML (Rouge)"
    aliases = ["rouge-sml"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"[(][*]", Comment, "comment"),
        ],
        "delimiters": [
            (r"[(\[{]", Punctuation, "main"),
            (r"[)\]}]", Punctuation, "#pop"),
            (rf"\b(let|if|local){_KW_END}", Keyword.Reserved, ("#push", "#push")),
            (rf"\b(struct|sig|while){_KW_END}", Keyword.Reserved, "#push"),
            (rf"\b(do|else|end|in|then){_KW_END}", Keyword.Reserved, "#pop"),
        ],
        "core": [
            (r"[()\[\]{},;_]|[.][.][.]", Punctuation),
            (r'#"', String.Char, "char"),
            (r'"', String.Double, "string"),
            (rf"~?0x{HEX}+", Number.Hex),
            (rf"0wx{HEX}+", Number.Hex),
            (r"0w\d+", Number.Integer),
            (r"~?\d+([.]\d+)?[eE]~?\d+", Number.Float),
            (r"~?\d+[.]\d+", Number.Float),
            (r"~?\d+", Number.Integer),
            (r"#\s*[1-9][0-9]*", Name.Label),
            (rf"#\s*{ID}", Name.Label),
            (rf"#\s+{SYMBOL}", Name.Label),
            (rf"\b(datatype|abstype){_KW_END}", Keyword.Reserved, "dname"),
            (r"(?=\bexception\b(?!'))", Text, "ename"),
            (rf"\b(functor|include|open|signature|structure){_KW_END}", Keyword.Reserved, "sname"),
            (rf"\b(type|eqtype){_KW_END}", Keyword.Reserved, "tname"),
            (rf"'{ID}", Name.Decorator),
            (rf"({ID})([.])", _id_with_dot_push),
            (ID, _word),
            (SYMBOL, _word),
        ],
        "dotted": [
            (rf"({ID})([.])", _id_with_dot),
            (ID, _word_pop),
            (SYMBOL, _word_pop),
        ],
        "root": [
            (r"#!.*?\n", Comment.Preproc),
            default("main"),
        ],
        "main": [
            include("whitespace"),
            (rf"\b(val|and){_KW_END}", Keyword.Reserved, "vname"),
            (rf"\b(fun){_KW_END}", Keyword.Reserved, ("#pop", "main_fun", "fname")),
            include("delimiters"),
            include("core"),
        ],
        "main_fun": [
            include("whitespace"),
            (rf"\b(fun|and){_KW_END}", Keyword.Reserved, "fname"),
            (rf"\bval{_KW_END}", Keyword.Reserved, ("#pop", "main", "vname")),
            (r"[|]", Punctuation, "fname"),
            (rf"\b(case|handle){_KW_END}", Keyword.Reserved, ("#pop", "main")),
            include("delimiters"),
            include("core"),
        ],
        "has_escapes": [
            (r"\\[\\\"abtnvfr]", String.Escape),
            (r"\\\^[\x40-\x5e]", String.Escape),
            (r"\\[0-9]{3}", String.Escape),
            (rf"\\u{HEX}{{4}}", String.Escape),
            (r"\\\s+\\", String.Interpol),
        ],
        "string": [
            (r'[^"\\]+', String.Double),
            (r'"', String.Double, "#pop"),
            include("has_escapes"),
        ],
        "char": [
            (r'[^"\\]+', String.Char),
            (r'"', String.Char, "#pop"),
            include("has_escapes"),
        ],
        "breakout": [
            (rf"(?=\b({'|'.join(KEYWORDS)})\b(?!'))", Text, "#pop"),
        ],
        "sname": [
            include("whitespace"),
            include("breakout"),
            (ID, Name.Namespace),
            default("#pop"),
        ],
        "has_annotations": [
            (r"'[\w']*", Name.Decorator),
            (r"[(]", Punctuation, "tyvarseq"),
        ],
        "fname": [
            include("whitespace"),
            include("has_annotations"),
            (ID, Name.Function, "#pop"),
            (SYMBOL, Name.Function, "#pop"),
        ],
        "vname": [
            include("whitespace"),
            include("has_annotations"),
            (rf"(?s)({ID})(\s*)(=(?!{SYMBOL}))", bygroups(Name.Variable, Text, Punctuation), "#pop"),
            (rf"(?s)({SYMBOL})(\s*)(=(?!{SYMBOL}))", bygroups(Name.Variable, Text, Punctuation)),
            (ID, Name.Variable, "#pop"),
            (SYMBOL, Name.Variable, "#pop"),
            default("#pop"),
        ],
        "tname": [
            include("whitespace"),
            include("breakout"),
            include("has_annotations"),
            (r"'[\w']*", Name.Decorator),
            (r"[(]", Punctuation, "tyvarseq"),
            (rf"=(?!{SYMBOL})", Punctuation, ("#pop", "typbind")),
            (ID, Keyword.Type),
            (SYMBOL, Keyword.Type),
        ],
        "typbind": [
            include("whitespace"),
            (rf"\b(and){_KW_END}", Keyword.Reserved, ("#pop", "tname")),
            include("breakout"),
            include("core"),
        ],
        "dname": [
            include("whitespace"),
            include("breakout"),
            include("has_annotations"),
            (r"(=)(\s*)(datatype)\b", bygroups(Punctuation, Text, Keyword.Reserved), "#pop"),
            (rf"=(?!{SYMBOL})", Punctuation, ("#pop", "datbind", "datcon")),
            (ID, Keyword.Type),
            (SYMBOL, Keyword.Type),
        ],
        "datbind": [
            include("whitespace"),
            (rf"\b(and){_KW_END}", Keyword.Reserved, ("#pop", "dname")),
            (rf"\b(withtype){_KW_END}", Keyword.Reserved, ("#pop", "tname")),
            (rf"\bof{_KW_END}", Keyword.Reserved),
            (rf"([|])(\s*)({ID})", bygroups(Punctuation, Text, Name.Class)),
            (rf"([|])(\s+)({SYMBOL})", bygroups(Punctuation, Text, Name.Class)),
            include("breakout"),
            include("core"),
        ],
        "ename": [
            include("whitespace"),
            (rf"(exception|and)(\s+)({ID})", bygroups(Keyword.Reserved, Text, Name.Class)),
            (rf"(exception|and)(\s*)({SYMBOL})", bygroups(Keyword.Reserved, Text, Name.Class)),
            (rf"\b(of){_KW_END}", Keyword.Reserved),
            include("breakout"),
            include("core"),
        ],
        "datcon": [
            include("whitespace"),
            (ID, Name.Class, "#pop"),
            (SYMBOL, Name.Class, "#pop"),
        ],
        "tyvarseq": [
            include("whitespace"),
            (r"'[\w']*", Name.Decorator),
            (ID, Name),
            (r",", Punctuation),
            (r"[)]", Punctuation, "#pop"),
            (SYMBOL, Name),
        ],
        "comment": [
            (r"[^(*)]+", Comment.Multiline),
            (r"[(][*]", Comment.Multiline, "#push"),
            (r"[*][)]", Comment.Multiline, "#pop"),
            (r"[(*)]", Comment.Multiline),
        ],
    }
