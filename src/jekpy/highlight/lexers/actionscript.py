"""ActionScript tokenised as Rouge 3.30's ``actionscript`` lexer does (a
JavaScript-like scanner that tracks where a regex literal may start)."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    default,
    include,
)
from jekpy.highlight.lexers.jslike import (
    C_COMMENTS_AND_WHITESPACE,
    TERNARY_STATE,
    JsLikeLexer,
    identifier,
    label_rule,
    object_state,
    regex_states,
)

ID = r"[$a-zA-Z_][a-zA-Z0-9_]*"


class ActionscriptLexer(JsLikeLexer):
    """Rouge's ``actionscript`` lexer (tags actionscript, as, as3)."""

    name = "ActionScript (Rouge)"
    aliases = ["rouge-actionscript"]

    keywords = frozenset(
        ["for", "in", "while", "do", "break", "return", "continue", "switch", "case", "default", "if", "else", "throw", "try", "catch", "finally", "new", "delete", "typeof", "is", "this", "with"]
    )
    declarations = frozenset(["var", "with", "function"])
    reserved = frozenset(
        ["dynamic", "final", "internal", "native", "public", "protected", "private", "class", "const", "override", "static", "package", "interface", "extends", "implements", "namespace", "set", "get", "import", "include", "super", "flash_proxy", "object_proxy", "trace"]
    )
    constants = frozenset(["true", "false", "null", "NaN", "Infinity", "undefined"])
    builtins = frozenset(
        ["void", "Function", "Math", "Class", "Object", "RegExp", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "eval", "isFinite", "isNaN", "parseFloat", "parseInt", "this"]
    )

    tokens: dict[str, Any] = {
        "comments_and_whitespace": C_COMMENTS_AND_WHITESPACE,
        "expr_start": [
            include("comments_and_whitespace"),
            (r"/", String.Regex, ("#pop", "regex")),
            (r"[{]", Punctuation, "object"),
            default("#pop"),
        ],
        **regex_states("gim"),
        "root": [
            (r"(?s)\A\s*#!.*?\n", Comment.Preproc, "statement"),
            (r"\n", Text, "statement"),
            (r"(?<=\n)(?=\s|/|<!--)", Text, "expr_start"),
            include("comments_and_whitespace"),
            (r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|===|!==", Operator, "expr_start"),
            (r"[:-<>+*%&|\^/!=]=?", Operator, "expr_start"),
            (r"[(\[,]", Punctuation, "expr_start"),
            (r";", Punctuation, "statement"),
            (r"[)\].]", Punctuation),
            (r"[?]", Punctuation, ("ternary", "expr_start")),
            (r"[{}]", Punctuation, "statement"),
            (ID, identifier),
            (r"\-?[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", Number.Float),
            (r"0x[0-9a-fA-F]+", Number.Hex),
            (r"\-?[0-9]+", Number.Integer),
            (r'"(\\\\|\\"|[^"])*"', String.Double),
            (r"'(\\\\|\\'|[^'])*'", String.Single),
        ],
        "statement": [
            label_rule(ID),
            (r"[{}]", Punctuation),
            include("expr_start"),
        ],
        "object": object_state(ID),
        "ternary": TERNARY_STATE,
    }
