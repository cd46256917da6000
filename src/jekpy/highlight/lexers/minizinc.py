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
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

BUILTINS = frozenset(
    ["abort", "abs", "acosh", "array_intersect", "array_union", "array1d", "array2d", "array3d", "array4d", "array5d", "array6d", "asin", "assert", "atan", "bool2int", "card", "ceil", "concat", "cos", "cosh", "dom", "dom_array", "dom_size", "fix", "exp", "floor", "index_set", "index_set_1of2", "index_set_2of2", "index_set_1of3", "index_set_2of3", "index_set_3of3", "int2float", "is_fixed", "join", "lb", "lb_array", "length", "ln", "log", "log2", "log10", "min", "max", "pow", "product", "round", "set2array", "show", "show_int", "show_float", "sin", "sinh", "sqrt", "sum", "tan", "tanh", "trace", "ub", "ub_array"]
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
