"""Solidity tokenised as Rouge 3.30's ``solidity`` lexer does."""

from __future__ import annotations

from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    default,
    include,
)
from jekpy.highlight.lexers import solidity_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = frozenset(
    _words.KEYWORDS
)
BUILTINS = frozenset(
    ["now", "false", "true", "balance", "now", "selector", "super", "this", "blockhash", "gasleft", "assert", "require", "revert", "selfdestruct", "suicide", "call", "callcode", "delegatecall", "send", "transfer", "addmod", "ecrecover", "keccak256", "mulmod", "sha256", "sha3", "ripemd160"]
    + [f"abi.{m}" for m in ["decode", "encode", "encodePacked", "encodeWithSelector", "encodeWithSignature"]]
    + [f"block.{m}" for m in ["coinbase", "difficulty", "gaslimit", "hash", "number", "timestamp"]]
    + [f"msg.{m}" for m in ["data", "gas", "sender", "sig", "value"]]
    + [f"tx.{m}" for m in ["gasprice", "origin"]]
)
CONSTANTS = frozenset(
    ["wei", "finney", "szabo", "ether", "seconds", "minutes", "hours", "days", "weeks", "years"]
)
TYPES = frozenset(["address", "bool", "byte", "bytes", "int", "string", "uint"])
RESERVED = frozenset(
    ["alias", "after", "apply", "auto", "case", "copyof", "default", "define", "final", "fixed", "immutable", "implements", "in", "inline", "let", "macro", "match", "mutable", "null", "of", "partial", "promise", "reference", "relocatable", "sealed", "sizeof", "static", "supports", "switch", "typedef", "typeof", "ufixed", "unchecked"]
)


_word = classify(
    [
        (KEYWORDS, Keyword),
        (BUILTINS, Name.Builtin),
        (CONSTANTS, Keyword.Constant),
        (TYPES, Keyword.Type),
        (RESERVED, Keyword.Reserved),
    ],
    Name,
)


class SolidityLexer(RougeRegexLexer):
    """Rouge's ``solidity`` lexer."""

    name = "Solidity (Rouge)"
    aliases = ["rouge-solidity"]

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "bol")

    tokens: dict[str, Any] = {
        "expr_bol": [include("inline_whitespace"), default("#pop")],
        "bol": [include("expr_bol")],
        "inline_whitespace": [
            (r"[ \t\r]+", Text),
            (r"\\\n", Text),
            (r"/\*", Comment.Multiline, "comment_multi"),
        ],
        "whitespace": [
            (r"\n+", Text, "bol"),
            (r"//(\\.|.)*?\n", Comment.Single, "bol"),
            include("inline_whitespace"),
        ],
        "expr_whitespace": [(r"\n+", Text, "expr_bol"), include("whitespace")],
        "statements": [
            include("whitespace"),
            (r'(hex)?"', String, "string_double"),
            (r"(hex)?'", String, "string_single"),
            (r"(?i)'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", String.Char),
            (r"\d\d*\.\d+([eE]\d+)?", Number.Float),
            (r"(?i)0x[0-9a-f]+", Number.Hex),
            (r"\d+([eE]\d+)?", Number.Integer),
            (r"\*/", Error),
            (r"[~!%^&*+=|?:<>/-]", Operator),
            (r"[()\[\],.]", Punctuation),
            (r"u?fixed\d+x\d+", Keyword.Reserved),
            (r"bytes\d+", Keyword.Type),
            (r"u?int\d+", Keyword.Type),
            (r"[a-zA-Z$_][\w$_]*", _word),
        ],
        "root": [include("expr_whitespace"), default("statement")],
        "statement": [
            (r";", Punctuation, "#pop"),
            include("expr_whitespace"),
            include("statements"),
            (r"[{}]", Punctuation),
        ],
        "string_common": [
            (r"\\(u[a-fA-F0-9]{4}|x..|[^x])", String.Escape),
            (r"[^\\\"'\n]+", String),
            (r"\\\n", String),
            (r"\\", String),
        ],
        "string_double": [
            include("string_common"),
            (r'"', String, "#pop"),
            (r"'", String),
        ],
        "string_single": [
            include("string_common"),
            (r"'", String, "#pop"),
            (r'"', String),
        ],
        "comment_multi": [
            (r"\*/", Comment.Multiline, "#pop"),
            (r"[^*/]+", Comment.Multiline),
            (r"[*/]", Comment.Multiline),
        ],
    }
