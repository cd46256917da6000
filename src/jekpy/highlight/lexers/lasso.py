"""Lasso tokenised as Rouge 3.30's ``lasso`` lexer does.

Lasso code sits in ``[…]`` or ``<?lasso … ?>`` inside HTML (a file not
starting with either is Lasso up to its first ``]``/``?>``); names after
``define``/``public`` start a signature; words are classified lower-cased.
Rouge's ``(?<!->)`` look-behind always holds where it is tried, so it is
left out.
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
from jekpy.highlight.lexers import lasso_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.markup import HtmlLexer

ID = r"(?i:[a-z_][\w.]*)"
_OPEN_ANGLE = r"(?i)<\?(lasso(script)?|=)"
_HTML_PART = r"[^\[<]|<!--.*?-->|<(script|style).*?\2>|<(?!\?(lasso(script)?|=))"


def _to_html(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if match.group(1):
        yield 0, Punctuation, match.group(1)
    word = match.group(2)
    name = word.lower()
    if name == "namespace_using":
        tok = Keyword.Namespace
    elif name in w.EXCEPTIONS:
        tok = Name.Exception
    elif name in w.TYPES:
        tok = Keyword.Type
    elif name in w.TRAITS:
        tok = Name.Decorator
    elif name in w.KEYWORDS:
        tok = Keyword
    elif name in w.BUILTINS:
        tok = Name.Builtin
    else:
        tok = Name.Other
    yield match.start(2), tok, word


class LassoLexer(RougeRegexLexer):
    """Rouge's ``lasso`` lexer."""

    name = "Lasso (Rouge)"
    aliases = ["rouge-lasso"]

    html: HtmlLexer

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.html = HtmlLexer()

    def reset(self) -> None:
        self.html.restart()

    tokens: dict[str, Any] = {
        "root": [
            (r"^#![ \S]+lasso9\b", Comment.Preproc, "lasso"),
            (r"(?=\[|<)", Text, "delimiters"),
            (r"\s+", Text.Whitespace),
            (r"", Text, ("delimiters", "lassofile")),
        ],
        "delimiters": [
            (r"\[no_square_brackets\]", Comment.Preproc, "nosquarebrackets"),
            (r"\[noprocess\]", Comment.Preproc, "noprocess"),
            (r"\[", Comment.Preproc, "squarebrackets"),
            (_OPEN_ANGLE, Comment.Preproc, "anglebrackets"),
            (rf"(?is)({_HTML_PART})+", _to_html),
        ],
        "nosquarebrackets": [
            (r"\[noprocess\]", Comment.Preproc, "noprocess"),
            (_OPEN_ANGLE, Comment.Preproc, "anglebrackets"),
            (rf"(?is)({_HTML_PART}|\[(?!noprocess))+", _to_html),
        ],
        "noprocess": [
            (r"\[/noprocess\]", Comment.Preproc, "#pop"),
            (r"(?i)([^\[]|\[(?!/noprocess))+", _to_html),
        ],
        "squarebrackets": [(r"\]", Comment.Preproc, "#pop"), include("lasso")],
        "anglebrackets": [(r"\?>", Comment.Preproc, "#pop"), include("lasso")],
        "lassofile": [(r"\]|\?>", Comment.Preproc, "#pop"), include("lasso")],
        "whitespacecomments": [
            (r"\s+", Text),
            (r"//.*?\n", Comment.Single),
            (r"(?s)/\*\*!.*?\*/", Comment.Doc),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
        ],
        "lasso": [
            include("whitespacecomments"),
            (r"(?i)\d*\.\d+(e[+-]?\d+)?", Number.Float),
            (r"(?i)0x[\da-f]+", Number.Hex),
            (r"\d+", Number.Integer),
            (r"(?i)(infinity|NaN)\b", Number),
            (r"(?s)'[^'\\]*(\\.[^'\\]*)*'", String.Single),
            (r'(?s)"[^"\\]*(\\.[^"\\]*)*"', String.Double),
            (r"`[^`]*`", String.Backtick),
            (rf"\${ID}", Name.Variable),
            (rf"#({ID}|\d+\b)", Name.Variable.Instance),
            (rf"(\.\s*)('{ID}')", bygroups(Name.Builtin.Pseudo, Name.Variable.Class)),
            (
                rf"(?i)(self)(\s*->\s*)('{ID}')",
                bygroups(Name.Builtin.Pseudo, Operator, Name.Variable.Class),
            ),
            (rf"(\.\.?\s*)({ID}(=(?!=))?)", bygroups(Name.Builtin.Pseudo, Name.Other)),
            (rf"(->\\?\s*|&\s*)({ID}(=(?!=))?)", bygroups(Operator, Name.Other)),
            (r"(?i)(self|inherited|currentcapture|givenblock)\b", Name.Builtin.Pseudo),
            (rf"(?i)-(?!infinity){ID}", Name.Attribute),
            (rf"::\s*{ID}", Name.Label),
            (
                rf"(?i)(define)(\s+)({ID})(\s*=>\s*)(type|trait|thread)\b",
                bygroups(Keyword.Declaration, Text, Name.Class, Operator, Keyword),
            ),
            (
                rf"(?i)(define)(\s+)({ID})(\s*->\s*)({ID}=?|[-+*/%])",
                bygroups(Keyword.Declaration, Text, Name.Class, Operator, Name.Function),
                "signature",
            ),
            (
                rf"(?i)(define)(\s+)({ID})",
                bygroups(Keyword.Declaration, Text, Name.Function),
                "signature",
            ),
            (
                rf"(?i)(public|protected|private|provide)(\s+)(({ID}=?|[-+*/%])(?=\s*\())",
                bygroups(Keyword, Text, Name.Function),
                "signature",
            ),
            (
                rf"(?i)(public|protected|private|provide)(\s+)({ID})",
                bygroups(Keyword, Text, Name.Function),
            ),
            (r"(?i)(true|false|none|minimal|full|all|void)\b", Keyword.Constant),
            (r"(?i)(local|var|variable|global|data(?=\s))\b", Keyword.Declaration),
            (rf"(?i)({ID})(\s+)(in)\b", bygroups(Name, Text, Keyword)),
            (rf"(?i)(let|into)(\s+)({ID})", bygroups(Keyword, Text, Name)),
            (r",", Punctuation, "commamember"),
            (r"(?i)(and|or|not)\b", Operator.Word),
            (rf"({ID})(\s*::\s*{ID})?(\s*=(?!=|>))", bygroups(Name, Name.Label, Operator)),
            (r"(/?)([\w.]+)", _word),
            (
                r"(?i)(=)(n?bw|n?ew|n?cn|lte?|gte?|n?eq|n?rx|ft)\b",
                bygroups(Operator, Operator.Word),
            ),
            (r"(:=|[-+*/%=<>&|!?\\]+)", Operator),
            (r"[{}():;,@^]", Punctuation),
        ],
        "signature": [
            (r"=>", Operator, "#pop"),
            (r"\)", Punctuation, "#pop"),
            (r"[(,]", Punctuation, "parameter"),
            include("lasso"),
        ],
        "parameter": [
            (r"\)", Punctuation, "#pop"),
            (rf"-?{ID}", Name.Attribute, "#pop"),
            (r"\.\.\.", Name.Builtin.Pseudo),
            include("lasso"),
        ],
        "commamember": [
            (
                rf"({ID}=?|[-+*/%])(?=\s*(\(([^()]*\([^()]*\))*[^\)]*\)\s*)?(::[\w.\s]+)?=>)",
                Name.Function,
                "signature",
            ),
            include("whitespacecomments"),
            (r"", Text, "#pop"),
        ],
    }
