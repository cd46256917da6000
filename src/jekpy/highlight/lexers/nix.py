"""Nix expressions tokenised as Rouge 3.30's ``nix`` lexer does."""

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
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

_WORD = r"[a-zA-Z0-9._-]+"
_SECTION = rf"(/{_WORD})"
_PATH = (
    rf"({_SECTION}+|~{_SECTION}+|{_WORD}(/{_WORD})+|[a-z+]+://(/?{_WORD}(/{_WORD})+))"
)


def _words(words: str) -> str:
    return r"(?:" + "|".join(words.split()) + r")\b"


class NixLexer(RougeRegexLexer):
    """Rouge's ``nix`` lexer (tags nix, nixos)."""

    name = "Nix (Rouge)"
    aliases = ["rouge-nix"]

    tokens: dict[str, Any] = {
        "whitespaces": [(r"(?s)^\s*\n\s*$", Text), (r"\s+", Text)],
        "comment": [(r"#.*$", Comment), (r"/\*", Comment, "multiline_comment")],
        "multiline_comment": [(r"\*/", Comment, "#pop"), (r".", Comment)],
        "number": [(r"[0-9]", Number.Integer)],
        "null": [(r"(null)", Keyword.Constant)],
        "boolean": [(r"(true|false)", Keyword.Constant)],
        "binding": [(r"[a-zA-Z_][a-zA-Z0-9-]*", Name.Variable)],
        "path": [(_PATH, String.Other)],
        "string": [
            (r'"', String.Double, "double_quoted_string"),
            (r"''", String.Double, "indented_string"),
        ],
        "string_content": [
            (r"\\.", String.Escape),
            (r"\$\$", String.Escape),
            (r"\$\{", String.Interpol, "string_interpolated_arg"),
        ],
        "indented_string_content": [
            (r"'''", String.Escape),
            (r"''\$", String.Escape),
            (r"\$\$", String.Escape),
            (r"''\\.", String.Escape),
            (r"\$\{", String.Interpol, "string_interpolated_arg"),
        ],
        "string_interpolated_arg": [
            include("expression"),
            (r"\}", String.Interpol, "#pop"),
        ],
        "indented_string": [
            include("indented_string_content"),
            (r"''", String.Double, "#pop"),
            (r".", String.Double),
        ],
        "double_quoted_string": [
            include("string_content"),
            (r'"', String.Double, "#pop"),
            (r".", String.Double),
        ],
        "operator": [
            (r"(\.|\?|\+\+|\+|!=|!|//|==|&&|\|\||->|/|\*|-|<|>|<=|=>)", Operator),
        ],
        "assignment": [(r"(=)", Operator), (r"(@)", Operator)],
        "accessor": [(r"(\$)", Punctuation)],
        "delimiter": [(r"(;|,|:)", Punctuation)],
        "atom_content": [include("expression"), (r"\)", Punctuation, "#pop")],
        "atom": [(r"\(", Punctuation, "atom_content")],
        "list": [(r"\[", Punctuation, "list_content")],
        "list_content": [(r"\]", Punctuation, "#pop"), include("expression")],
        "set": [(r"\{", Punctuation, "set_content")],
        "set_content": [(r"\}", Punctuation, "#pop"), include("expression")],
        "expression": [
            include("ignore"),
            include("comment"),
            include("boolean"),
            include("null"),
            include("number"),
            include("path"),
            include("string"),
            include("keywords"),
            include("operator"),
            include("accessor"),
            include("assignment"),
            include("delimiter"),
            include("binding"),
            include("atom"),
            include("set"),
            include("list"),
        ],
        "keywords": [
            (_words("with in inherit"), Keyword.Namespace),
            (_words("let"), Keyword.Declaration),
            (_words("if then else"), Keyword),
            (_words("rec assert map"), Keyword.Reserved),
            (
                _words(
                    "abort baseNameOf builtins derivation fetchTarball import isNull "
                    "removeAttrs throw toString"
                ),
                Keyword.Reserved,
            ),
        ],
        "ignore": [include("whitespaces")],
        "root": [include("ignore"), include("expression")],
    }
