"""syzkaller descriptions tokenised as Rouge 3.30's ``syzlang`` lexer does.

Each top-level form (``include``, ``define``, ``resource``, flag lists,
syscalls, structs/unions, ``type``) pushes the sequence of states its parts
are lexed in; keywords need no word boundary.
"""

from __future__ import annotations

import re
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
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify, word_set
from jekpy.highlight.lexers.syzprog import _break

KEYWORDS = word_set(
    """align breaks_returns dec define disabled hex ignore_return in incdir
    include inet inout oct opt out packed parent prog_timeout pseudo
    resource size syscall timeout type varlen"""
)
KEYWORDS_TYPE = word_set(
    """array bitsize bool16 bool32 bool64 bool8 boolptr buffer bytesize
    bytesize2 bytesize4 bytesize8 const csum filename fileoff flags fmt
    int16 int16be int32 int32be int64 int64be int8 int8be intptr len
    offsetof optional proc ptr ptr64 string stringnoz text vma vma64 void"""
)

COMMENT = r"#.*$"
INLINE_SPACES = r"[ \t]+"
ID = r"[a-zA-Z_][a-zA-Z0-9_]*"
NUM_ID = r"[a-zA-Z0-9_]+"
POP = (r"", Text, "#pop")


_term = classify([(KEYWORDS, Keyword), (KEYWORDS_TYPE, Keyword.Type)], Name)


def _flags_head(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    first = Keyword if match.group(1) == "_" else Name
    yield from bygroups(first, Text, Punctuation)(lexer, match, ctx)


class SyzlangLexer(RougeRegexLexer):
    """Rouge's ``syzlang`` lexer."""

    name = "Syzlang (Rouge)"
    aliases = ["rouge-syzlang"]

    tokens: dict[str, Any] = {
        "inline_break": _break(INLINE_SPACES, comments=False),
        "space_break": _break(r"\s+", comments=True),
        "mixin_name": [(ID, Name)],
        "mixin_number": [
            (r"(?i)-?0x[\da-f]+", Number.Hex),
            (r"-?\d+", Number.Integer),
            (r"'[^']?'", String.Char),
        ],
        "mixin_string": [
            (r'"[^"]*"', String.Double),
            (r"`[^`]*`", String.Backtick),
        ],
        "mixin_term": [
            include("mixin_number"),
            include("mixin_string"),
            (ID, _term),
            (r":", Punctuation),
            (r"\$", Name),
        ],
        "term_list": [
            (r"\s+", Text),
            (COMMENT, Comment),
            include("mixin_term"),
            (r"\[", Punctuation, "term_list"),
            (r",", Punctuation),
            (r"[\])]", Punctuation, "#pop"),
        ],
        "arg_type": [
            include("mixin_term"),
            (r"\[", Punctuation, "term_list"),
            POP,
        ],
        "include": [
            (r"(<)([^>]+)(>)", bygroups(Punctuation, String, Punctuation)),
            POP,
        ],
        "define_name": [include("mixin_name"), POP],
        "define_exp": [
            include("mixin_name"),
            include("mixin_number"),
            include("mixin_string"),
            (r"[~!%^&*\-+/|<>?:]", Operator),
            (r"[(){}\[\];,]", Punctuation),
            (INLINE_SPACES, Text),
            POP,
        ],
        "resource_name": [include("mixin_name"), POP],
        "resource_type": [
            (r"\[", Punctuation, "arg_type"),
            (r"\]", Punctuation, "#pop"),
        ],
        "resource_values": [
            (r":", Punctuation, ("resource_values_list", "space_break")),
            POP,
        ],
        "resource_values_list": [
            (INLINE_SPACES, Text),
            include("mixin_name"),
            include("mixin_number"),
            include("mixin_string"),
            (r",", Punctuation, "space_break"),
            POP,
        ],
        "flags_list": [
            (INLINE_SPACES, Text),
            (r"\.", Punctuation),
            include("mixin_name"),
            include("mixin_number"),
            include("mixin_string"),
            (r",", Punctuation, "space_break"),
            POP,
        ],
        "syscall_args": [
            (r"\s+", Text),
            (COMMENT, Comment),
            (r"\.", Punctuation),
            (ID, Name, ("arg_type", "space_break")),
            (r",", Punctuation),
            (r"\)", Punctuation, "#pop"),
        ],
        "syscall_retval": [include("mixin_name"), POP],
        "syscall_mods": [(r"\(", Punctuation, "term_list"), POP],
        "struct_fields": [
            (
                ID,
                Name,
                ("space_break", "struct_field_mods", "inline_break", "arg_type", "space_break"),
            ),
            (r"[}\]]", Punctuation, "#pop"),
        ],
        "struct_field_mods": [(r"\(", Punctuation, "term_list"), POP],
        "struct_mods": [(r"\[", Punctuation, "term_list"), POP],
        "type_name": [include("mixin_name"), POP],
        "type_args": [(r"\[", Punctuation, "type_args_list"), POP],
        "type_args_list": [
            (r"\s+", Text),
            (COMMENT, Comment),
            include("mixin_name"),
            (r",", Punctuation),
            (r"\]", Punctuation, "#pop"),
        ],
        "type_body": [
            (
                r"[{\[]",
                Punctuation,
                (
                    "#pop",
                    "space_break",
                    "struct_mods",
                    "inline_break",
                    "struct_fields",
                    "space_break",
                ),
            ),
            (r"", Text, ("#pop", "arg_type")),
        ],
        "root": [
            (r"\s+", Text),
            (COMMENT, Comment),
            (r"(include|incdir)", Keyword, ("include", "space_break")),
            (
                r"define",
                Keyword,
                ("define_exp", "space_break", "define_name", "space_break"),
            ),
            (
                r"resource",
                Keyword,
                (
                    "resource_values",
                    "inline_break",
                    "resource_type",
                    "inline_break",
                    "resource_name",
                    "space_break",
                ),
            ),
            (rf"({ID}|_)(\s+)(=)", _flags_head, ("flags_list", "space_break")),
            (
                rf"({ID})(\$)?({NUM_ID})?(\s+)?(\()",
                bygroups(Name.Function, Punctuation, Name.Function.Magic, Text, Punctuation),
                (
                    "syscall_mods",
                    "inline_break",
                    "syscall_retval",
                    "inline_break",
                    "syscall_args",
                    "space_break",
                ),
            ),
            (
                rf"({ID}|{ID}\${NUM_ID})(\s+)?([{{\[])",
                bygroups(Name, Text, Punctuation),
                ("inline_break", "struct_mods", "inline_break", "struct_fields", "space_break"),
            ),
            (
                r"type",
                Keyword,
                ("type_body", "space_break", "type_args", "type_name", "space_break"),
            ),
        ],
    }
