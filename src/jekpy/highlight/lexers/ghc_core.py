"""GHC Core dumps tokenised as Rouge 3.30's ``ghc-core`` lexer does.

A line starting a binding (name before ``=``/``::``) or a rule (``"…"``)
opens an expression that lasts until the next unindented line.  Quirk kept:
a line-initial ``Module.`` yields the whole match as ``Name.Namespace`` and
then the module name again as ``Punctuation``.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    TokenType,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream


def _module_prefix(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Namespace, match.group()
    yield 0, Punctuation, match.group(1)


def _versioned_name(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Namespace, match.group(1)
    yield match.start(2), Punctuation, match.group(2)


def _rec_open(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword, match.group(1)
    yield match.start(2), Text, match.group(2)
    yield match.start(3), Punctuation, match.group(3)


def _rec_close(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    for i, tok in enumerate((Keyword, Text, Keyword, Text, Punctuation), 1):
        yield match.start(i), tok, match.group(i)


def _expression_head(tok: TokenType) -> Any:
    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok, match.group()
        ctx.stack.append("expression")

    return callback


class GhcCoreLexer(RougeRegexLexer):
    """Rouge's ``ghc-core`` lexer."""

    name = "GHC Core (Rouge)"
    aliases = ["rouge-ghc-core"]

    tokens: dict[str, Any] = {
        "root": [
            (r"^=====.*=====$", Generic.Heading),
            (r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ UTC$", Comment.Single),
            (r"^Result size of .+\n.+\{[^}]*\}", Comment.Multiline),
            (r"--.*$", Comment.Single),
            (r"\[", Comment.Special, "annotation"),
            include("recursive_binding"),
            include("ghc_rule"),
            include("function"),
            (r"\s", Text),
            (r".", Text),
        ],
        "expression": [
            (r"[\n]+", Text),
            (r"(?=^\S)", Text, "#pop"),
            (r"\s+", Text, "expression_line"),
        ],
        "expression_line": [
            (r" ", Text),
            include("common"),
            (r"\n", Text, "#pop"),
        ],
        "annotation": [
            (r"\]", Comment.Special, "#pop"),
            (r"\[", Comment.Special, "annotation"),
            (r"[^\[\]]+", Comment.Special),
        ],
        "common": [
            (r"\[[^=]*\]", Keyword.Type),
            (r"\[", Comment.Special, "annotation"),
            include("literal"),
            include("constants"),
            include("punctuation"),
            include("operator"),
            include("name"),
        ],
        "literal": [
            (r"\d+\.\d+#{0,2}", Number.Float),
            (r"\d+#{0,2}", Number.Integer),
            (r'".*"#', String),
            (r"'.'#", String.Char),
        ],
        "constants": [(r"__DEFAULT", Name.Constant)],
        "name": [
            (r"^([A-Z]\w*)(\.)", _module_prefix),
            (r"[A-Z][^\s.,(){}]*", Keyword.Type),
            (r"(^[a-z].*?\d+\.\d+\.\d+)(:)(?=\S)", _versioned_name),
            (r"\S*\(,\)\S*", Name.Variable),
            (r"\S[^\s.,(){}]*", Name.Variable),
        ],
        "punctuation": [(r"[.,(){};]", Punctuation)],
        "operator": [
            (r"=>", Operator),
            (r"->", Operator),
            (r"::", Operator),
            (r"=", Operator),
            (r"forall", Keyword),
            (r"case", Keyword),
            (r"of", Keyword),
            (r"letrec", Keyword),
            (r"let", Keyword),
            (r"join", Keyword),
            (r"@", Operator),
            (r"\\", Operator),
        ],
        "recursive_binding": [
            (r"(Rec)(\s*)(\{)", _rec_open),
            (r"^(end)(\s*)(Rec)(\s*)(\})", _rec_close),
        ],
        "ghc_rule": [(r'(?s)^(".*?")', _expression_head(Name.Label))],
        "function": [(r"(?s)^(\S+)(?=.*?(=|::))", _expression_head(Name.Function))],
    }
