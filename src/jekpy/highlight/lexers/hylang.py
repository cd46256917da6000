"""Hy tokenised as Rouge 3.30's ``hylang`` lexer does."""

from __future__ import annotations

import re
from collections.abc import Iterator
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
)
from jekpy.highlight.lexers.base import RougeRegexLexer

TokenStream = Iterator[tuple[int, TokenType, str]]

KEYWORDS = frozenset(
    ["False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try"]
)
BUILTINS = frozenset(
    ["!=", "%", "%=", "&", "&=", "*", "**", "**=", "*=", "*map", "+", "+=", ",", "-", "-=", "->", "->>", ".", "/", "//", "//=", "/=", "<", "<<", "<<=", "<=", "=", ">", ">=", ">>", ">>=", "@", "@=", "^", "^=", "accumulate", "apply", "as->", "assoc", "butlast", "calling-module-name", "car", "cdr", "chain", "coll?", "combinations", "comp", "complement", "compress", "cond", "cons", "cons?", "constantly", "count", "cut", "cycle", "dec", "defclass", "defmacro", "defmacro!", "defmacro/g!", "defmain", "defn", "defreader", "dict-comp", "disassemble", "dispatch-reader-macro", "distinct", "do", "doto", "drop", "drop-last", "drop-while", "empty?", "eval", "eval-and-compile", "eval-when-compile", "even?", "every?", "filter", "first", "flatten", "float?", "fn", "for*", "fraction", "genexpr", "gensym", "get", "group-by", "identity", "if*", "if-not", "if-python2", "inc", "input", "instance?", "integer", "integer-char?", "integer?", "interleave", "interpose", "islice", "iterable?", "iterate", "iterator?", "juxt", "keyword", "keyword?", "last", "let", "lif", "lif-not", "list*", "list-comp", "macro-error", "macroexpand", "macroexpand-1", "map", "merge-with", "multicombinations", "name", "neg?", "none?", "not-in", "not?", "nth", "numeric?", "odd?", "partition", "permutations", "pos?", "product", "quasiquote", "quote", "range", "read", "read-str", "reduce", "remove", "repeat", "repeatedly", "require", "rest", "second", "set-comp", "setv", "some", "string", "string?", "symbol?", "take", "take-nth", "take-while", "tee", "unless", "unquote", "unquote-splicing", "when", "with*", "with-decorator", "with-gensyms", "xor", "yield-from", "zero?", "zip", "zip-longest", "|", "|=", "~"]
)
IDENTIFIER = r"[\w!$%*+,<=>?/.-]+"
KEYWORD = r"[\w!\#$%*+,<=>?/.-]+"


def _name_token(name: str) -> TokenType | None:
    if name in KEYWORDS:
        return Keyword
    if name in BUILTINS:
        return Name.Builtin
    return None


def _call(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group(1)
    yield match.start(2), Text.Whitespace, match.group(2)
    yield match.start(3), _name_token(match.group(3)) or Name.Function, match.group(3)


def _identifier(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _name_token(match.group()) or Name, match.group()


class HyLangLexer(RougeRegexLexer):
    """Rouge's ``hylang`` lexer (tags hylang, hy)."""

    name = "HyLang (Rouge)"
    aliases = ["rouge-hylang"]

    tokens: dict[str, Any] = {
        "root": [
            (r";.*?$", Comment.Single),
            (r"\s+", Text.Whitespace),
            (r"-?\d+\.\d+", Number.Float),
            (r"-?\d+", Number.Integer),
            (r"0x-?[0-9a-fA-F]+", Number.Hex),
            (r'"(\\.|[^"])*"', String),
            (rf"'{KEYWORD}", String.Symbol),
            (rf"::?{KEYWORD}", Name.Constant),
            (r"(?i)\\(.|[a-z]+)", String.Char),
            (r"~@|[`\'#^~&@]", Operator),
            (rf"(?s)(\()(\s*)({IDENTIFIER})", _call),
            (IDENTIFIER, _identifier),
            (r"[\[\]]", Punctuation),
            (r"[{}]", Punctuation),
            (r"[()]", Punctuation),
        ],
    }
