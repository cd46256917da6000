"""Erlang tokenised as Rouge 3.30's ``erlang`` lexer does."""

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
from jekpy.highlight.lexers import erlang_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

_ERL_KEYWORDS = ["after", "begin", "case", "catch", "cond", "end", "fun", "if", "let", "of", "query", "receive", "try", "when"]
_ERL_BUILTINS = _words.ERL_BUILTINS
_ERL_WORD_OPS = ["and", "andalso", "band", "bnot", "bor", "bsl", "bsr", "bxor", "div", "not", "or", "orelse", "rem", "xor"]
_ATOM = r"(?:[a-z][a-zA-Z0-9_]*|'[^\n']*[^\\]')"
_VARIABLE = r"(?:[A-Z_][a-zA-Z0-9_]*)"
_ESCAPE = r"(?:\\(?:[bdefnrstv'\"\\/]|[0-7][0-7]?[0-7]?|\^[a-zA-Z]))"
_MACRO = rf"(?:{_VARIABLE}|{_ATOM})"
_BASE = r"(?:[2-9]|[12][0-9]|3[0-6])"


class ErlangLexer(RougeRegexLexer):
    """Rouge's ``erlang`` lexer (tags erlang, erl)."""

    name = "Erlang (Rouge)"
    aliases = ["rouge-erlang"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"%.*\n", Comment),
            (r"(" + "|".join(_ERL_KEYWORDS) + r")\b", Keyword),
            (r"(" + "|".join(_ERL_BUILTINS) + r")\b", Name.Builtin),
            (r"(" + "|".join(_ERL_WORD_OPS) + r")\b", Operator.Word),
            (r"^-", Punctuation, "directive"),
            (r"(\+\+?|--?|\*|/|<|>|/=|=:=|=/=|=<|>=|==?|<-|!|\?)", Operator),
            (r'"', String, "string"),
            (r"<<", Name.Label),
            (r">>", Name.Label),
            (rf"({_ATOM})(:)", bygroups(Name.Namespace, Punctuation)),
            (rf"(?:^|(?<=:))({_ATOM})(\s*)(\()", bygroups(Name.Function, Text, Punctuation)),
            (rf"[+-]?{_BASE}#[0-9a-zA-Z]+", Number.Integer),
            (r"[+-]?\d+", Number.Integer),
            (r"[+-]?\d+.\d+", Number.Float),
            (r"[\]\[:_@\".{}()|;,]", Punctuation),
            (_VARIABLE, Name.Variable),
            (_ATOM, Name),
            (rf"\?{_MACRO}", Name.Constant),
            (rf"\$(?:{_ESCAPE}|\\[ %]|[^\\])", String.Char),
            (rf"#{_ATOM}(:?\.{_ATOM})?", Name.Label),
        ],
        "string": [
            (_ESCAPE, String.Escape),
            (r'"', String, "#pop"),
            (r"~[0-9.*]*[~#+bBcdefginpPswWxX]", String.Interpol),
            (r'[^"\\~]+', String),
            (r"~", String),
        ],
        "directive": [
            (
                rf"(define)(\s*)(\()({_MACRO})",
                bygroups(Name.Entity, Text, Punctuation, Name.Constant),
                "#pop",
            ),
            (
                rf"(record)(\s*)(\()({_MACRO})",
                bygroups(Name.Entity, Text, Punctuation, Name.Label),
                "#pop",
            ),
            (_ATOM, Name.Entity, "#pop"),
        ],
    }
