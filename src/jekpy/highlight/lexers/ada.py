"""Ada 2012 tokenised as Rouge 3.30's ``ada`` lexer does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Literal,
    Name,
    Operator,
    Punctuation,
    Text,
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers import ada_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.unicode_classes import category_class

_PC = f"[{category_class('Pc')}]"
ID = rf"\b(?u:[^\W\d_])(?:{_PC}?(?u:[^\W_]))*\b"
NUM = r"\d(_?\d)*"
XNUM = r"[0-9a-fA-F](_?[0-9a-fA-F])*"
EXP = rf"([Ee][-+]?{NUM})?"

IDENTS: dict[str, TokenType] = {}
for _w in _words.WORDS:
    IDENTS[_w] = Keyword
for _w in ["abs", "and", "mod", "not", "or", "rem", "xor"]:
    IDENTS[_w] = Operator.Word
for _w in ["entry", "function", "package", "procedure", "subtype", "type"]:
    IDENTS[_w] = Keyword.Declaration
for _w in ["boolean", "character", "constraint_error", "duration", "float", "integer", "natural", "positive", "long_float", "long_integer", "long_long_float", "long_long_integer", "program_error", "short_float", "short_integer", "short_short_integer", "storage_error", "string", "tasking_error", "wide_character", "wide_string", "wide_wide_character", "wide_wide_string"]:
    IDENTS[_w] = Name.Builtin


def _ident(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    tok = IDENTS.get(match.group().lower(), Name)
    yield 0, tok, match.group()
    if tok is Keyword.Declaration:
        ctx.stack.append("decl_name")


def _libunit(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    tok = IDENTS.get(match.group().lower(), Name)
    if tok in Name:
        yield 0, Name.Namespace, match.group()
        return
    yield 0, tok, match.group()
    if tok is Keyword.Declaration:
        ctx.stack[-1] = "decl_name"
    else:
        ctx.stack.pop()


class AdaLexer(RougeRegexLexer):
    """Rouge's ``ada`` lexer."""

    name = "Ada (Rouge)"
    aliases = ["rouge-ada"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"\s+", Text), (r"--.*$", Comment.Single)],
        "dquote_string": [
            (r'[^"\n]+', Literal.String.Double),
            (r'""', Literal.String.Escape),
            (r'"', Literal.String.Double, "#pop"),
            (r"\n", Error, "#pop"),
        ],
        "attr": [
            include("whitespace"),
            (ID, Name.Attribute, "#pop"),
            (r"", Text, "#pop"),
        ],
        "decl_name": [
            include("whitespace"),
            (r"(?i)body\b", Keyword.Declaration),
            (rf"({ID})(\.)", bygroups(Name.Namespace, Punctuation)),
            (
                rf"{ID}|\"(and|or|xor|/?=|<=?|>=?|\+|\u2013|&\|/|mod|rem|\*?\*|abs|not)\"",
                Name.Function,
                "#pop",
            ),
            (r"", Text, "#pop"),
        ],
        "libunit_name": [
            include("whitespace"),
            (ID, _libunit),
            (r"[.,]", Punctuation),
            (r"", Text, "#pop"),
        ],
        "root": [
            include("whitespace"),
            (r"'.'", Literal.String.Char),
            (r'"[^"\n]*', Literal.String.Double, "dquote_string"),
            (rf"{NUM}\.{NUM}{EXP}", Literal.Number.Float),
            (rf"{NUM}#{XNUM}\.{XNUM}#{EXP}", Literal.Number.Float),
            (rf"2#[01](_?[01])*#{EXP}", Literal.Number.Bin),
            (rf"8#[0-7](_?[0-7])*#{EXP}", Literal.Number.Oct),
            (rf"16#(?:{XNUM})*#{EXP}", Literal.Number.Hex),
            (rf"{NUM}#{XNUM}#{EXP}", Literal.Number.Integer),
            (rf"{NUM}#\w+#", Error),
            (rf"{NUM}{EXP}", Literal.Number.Integer),
            (r"'", Punctuation, "attr"),
            (rf"<<{ID}>>", Name.Label),
            (
                r"(?i)^(?:(limited)(\s+))?(?:(private)(\s+))?(with)\b",
                bygroups(
                    Keyword.Namespace, Text, Keyword.Namespace, Text, Keyword.Namespace
                ),
                "libunit_name",
            ),
            (r"[+*/&<=>|]|-|=>|\.\.|\*\*|[:></]=|<<|>>|<>", Operator),
            (r"[.,:;()]", Punctuation),
            (ID, _ident),
            (rf"\b({_PC}|[alph])(?u:\w)*", Error),
        ],
    }
