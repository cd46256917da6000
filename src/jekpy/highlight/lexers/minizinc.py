"""MiniZinc tokenised as Rouge 3.30's ``minizinc`` lexer does."""

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
from jekpy.highlight.lexers import minizinc_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

BUILTINS = frozenset(
    _words.BUILTINS
)
KEYWORDS = frozenset(
    ["ann", "annotation", "any", "constraint", "else", "endif", "function", "for", "forall", "if", "include", "list", "of", "op", "output", "minimize", "maximize", "par", "predicate", "record", "satisfy", "solve", "test", "then", "type", "var", "where"]
)
KEYWORDS_TYPE = frozenset(["array", "set", "bool", "enum", "float", "int", "string", "tuple"])
OPERATORS = frozenset(["in", "subset", "superset", "union", "diff", "symdiff", "intersect"])


_identifier = classify(
    [
        (KEYWORDS, Keyword),
        (KEYWORDS_TYPE, Keyword.Type),
        (BUILTINS, Name.Builtin),
        (OPERATORS, Operator),
    ],
    Name.Other,
)


class MiniZincLexer(RougeRegexLexer):
    """Rouge's ``minizinc`` lexer."""

    name = "MiniZinc (Rouge)"
    aliases = ["rouge-minizinc"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"\\\n", Text.Whitespace),
            (r"%.*", Comment.Single),
            # Rouge writes ``(.|\n)*?``; the same match without its backtracking cost
            (r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", Comment.Multiline),
            (r'"(\\\\|\\"|[^"])*"', String),
            (r"not|<->|->|<-|\\/|xor|/\\", Operator),
            (r"<|>|<=|>=|==|=|!=", Operator),
            (r"\+|-|\*|/|div|mod", Operator),
            (r"\\|\.\.|\+\+", Operator),
            (r"[|()\[\]{},:;]", Punctuation),
            (r"(true|false)\b", Keyword.Constant),
            (r"([+-]?)\d+(\.(?!\.)\d*)?([eE][-+]?\d+)?", Number),
            (r"[$a-zA-Z_]\w*", _identifier),
            (r"::\s*([^\W\d]\w*)(\s*\([^\)]*\))?", Name.Decorator),
            (r"\b([^\W\d]\w*)\b(\()", bygroups(Name.Function, Punctuation)),
            (r"[^\W\d]\w*", Name.Other),
        ],
    }
