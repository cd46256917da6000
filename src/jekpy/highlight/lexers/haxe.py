"""Haxe tokenised as Rouge 3.30's ``haxe`` lexer does.

(Rouge raises on ``using``: it pushes a state it never defines.  Here the
word is a keyword and lexing simply goes on.)"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    default,
    include,
)
from jekpy.highlight.lexers.base import TokenStream
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
HEX = "[0-9a-fA-F]"


def _metadata_id(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Decorator, match.group(1)
    if match.group(2):
        yield match.start(2), Punctuation, match.group(2)
    elif len(ctx.stack) > 1:
        ctx.stack.pop()


class HaxeLexer(JsLikeLexer):
    """Rouge's ``haxe`` lexer (tags haxe, hx)."""

    name = "Haxe (Rouge)"
    aliases = ["rouge-haxe"]

    keywords = frozenset(
        ["break", "case", "cast", "catch", "class", "continue", "default", "do", "else", "enum", "false", "for", "function", "if", "import", "interface", "macro", "new", "null", "override", "package", "private", "public", "return", "switch", "this", "throw", "true", "try", "untyped", "while"]
    )
    declarations = frozenset(
        ["abstract", "dynamic", "extern", "extends", "from", "implements", "inline", "static", "to", "typedef", "var"]
    )
    reserved = frozenset(["super", "trace", "inline", "build", "autoBuild", "enum"])
    constants = frozenset(["true", "false", "null"])
    builtins = frozenset(
        ["Void", "Dynamic", "Math", "Class", "Any", "Float", "Int", "UInt", "String", "StringTools", "Sys", "EReg", "isNaN", "parseFloat", "parseInt", "this", "Array", "Map", "Date", "DateTools", "Bool", "Lambda", "Reflect", "Std", "File", "FileSystem"]
    )
    plain_keywords = frozenset(["using"])  # a keyword, but no expression follows

    tokens: dict[str, Any] = {
        "comments_and_whitespace": C_COMMENTS_AND_WHITESPACE,
        "expr_start": [
            include("comments_and_whitespace"),
            (r"#(?:if|elseif|else|end).*", Comment.Preproc),
            (r"~", String.Regex, ("#pop", "regex")),
            (r"[{]", Punctuation, "object"),
            default("#pop"),
        ],
        **regex_states("gim"),
        "root": [
            (r"\n", Text, "statement"),
            (r"\{", Punctuation, "expr_start"),
            include("comments_and_whitespace"),
            (r"@", Name.Decorator, "metadata"),
            (r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>|==|!=", Operator, "expr_start"),
            (r"[-:<>+*%&|\^/!=]=?", Operator, "expr_start"),
            (r"[(\[,]", Punctuation, "expr_start"),
            (r";", Punctuation, "statement"),
            (r"[)\]}.]", Punctuation),
            (r"[?]", Punctuation, ("ternary", "expr_start")),
            (ID, identifier),
            (r"\-?\d+\.\d+(?:[eE]\d+)?[fd]?", Number.Float),
            (rf"0x{HEX}+", Number.Hex),
            (r"\-?[0-9]+", Number.Integer),
            (r'"', String.Double, "str_double"),
            (r"'", String.Single, "str_single"),
        ],
        "statement": [label_rule(ID), include("expr_start")],
        "object": object_state(ID),
        "metadata": [
            (rf"({ID})(\()?", _metadata_id),
            (rf":{ID}(?:\.{ID})*", Name.Decorator, "#pop"),
            (r"\)", Name.Decorator, "#pop"),
            include("root"),
        ],
        "ternary": TERNARY_STATE,
        "str_double": [
            include("str_escape"),
            (r'"', String.Double, "#pop"),
            (r'[^\\"]+', String.Double),
        ],
        "str_single": [
            include("str_escape"),
            (r"'", String.Single, "#pop"),
            (r"\$\$", String.Single),
            (rf"\${ID}", String.Interpol),
            (r"\$\{", String.Interpol, "str_interpol"),
            (r"[^\\$']+", String.Single),
        ],
        "str_escape": [
            (r"\\[\\tnr'\"]", String.Escape),
            (r"\\[0-7]{3}", String.Escape),
            (rf"\\x{HEX}{{2}}", String.Escape),
            (rf"\\u{HEX}{{4}}", String.Escape),
            (rf"\\u\{{{HEX}{{1,6}}\}}", String.Escape),
        ],
        "str_interpol": [
            (r"\}", String.Interpol, "#pop"),
            include("root"),
        ],
    }
