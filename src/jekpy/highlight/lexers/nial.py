"""Nial tokenised as Rouge 3.30's ``nial`` lexer does.

Words are classified lower-cased: keywords, built-in operations
(``Keyword.Pseudo``), transformers (``Name.Builtin``) and constants; runs of
``l``/``o`` are boolean literals; ``?name`` is a fault; ``%…;`` a comment.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)
from jekpy.highlight.lexers import nial_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set

KEYWORDS = word_set(
    """
    is gets op tr ; if then elseif else endif case from endcase begin end for with
    endfor while do endwhile repeat until endrepeat
    """
)
TRANSFORMERS = word_set(
    """
    accumulate across bycols bykey byrows converse down eachboth eachall each
    eachleft eachright filter fold fork grade inner iterate leaf no_tr outer
    partition rank recur reduce reducecols reducerows sort team timeit twig
    """
)
FUNCS = _words.FUNCS
CONSTS = word_set("false null pi true")


_word = classify(
    [
        (KEYWORDS, Keyword),
        (FUNCS, Keyword.Pseudo),
        (TRANSFORMERS, Name.Builtin),
        (CONSTS, Keyword.Constant),
    ],
    Name.Variable,
    str.lower,
)


class NialLexer(RougeRegexLexer):
    """Rouge's ``nial`` lexer."""

    name = "Nial (Rouge)"
    aliases = ["rouge-nial"]

    tokens: dict[str, Any] = {
        "root": [
            (r"'", String.Single, "str"),
            (r"\b[lo]+\b", Number.Bin),
            (r"-?\d+((\.\d*)?[eE][+-]?\d|\.)\d*", Number.Float),
            (r"\-?\d+", Number.Integer),
            (r"`.", String.Char),
            (r'"[^\s()\[\]{}#,;]*', String.Symbol),
            (r"\?[^\s()\[\]{}#,;]*", Generic.Error),
            (r"%[^;]+;", Comment.Multiline),
            (r"^#(.+\n)+\n", Comment.Multiline),
            (r":=|[{}\[\](),:;]", Punctuation),
            (r">>|>=|<=|~=|[.!#+*\-=></|@]", Operator),
            (r"\b[_A-Za-z]\w*\b", _word),
            (r"\s+", Text),
        ],
        "str": [
            (r"''", String.Escape),
            (r"[^']+", String.Single),
            (r"'|$", String.Single, "#pop"),
        ],
    }
