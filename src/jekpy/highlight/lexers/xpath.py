"""XPath 3.1 and XQuery 3.1 tokenised as Rouge 3.30's ``xpath``/``xquery`` lexers do.

XQuery is XPath's state machine with extra rules in front of ``root`` (XML
constructors, prolog keywords, annotations, pragmas, string constructors).
Quirks kept: ``map``/``array``/``empty-sequence`` are keywords even inside a
longer name; a ``}`` pops whatever state is on top (XQuery).
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
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, union

WS = Text.Whitespace


DIGITS = r"[0-9]+"
DECIMAL = rf"\.{DIGITS}|{DIGITS}\.[0-9]*"
DOUBLE = rf"(?:\.{DIGITS})|{DIGITS}(?:\.[0-9]*)?[eE][+-]?{DIGITS}"
STRING = r"(?:\"(?:\"\"|[^\"])*\")|(?:'(?:''|[^'])*')"
NCNAME = r"(?i:[a-z_][a-z_\-.0-9]*)"
QNAME = rf"(?:{NCNAME})(?::{NCNAME})?"
EQNAME = rf"(?:Q\{{[^{{}}]*\}}{NCNAME}|{QNAME})"
OPEN = r"\((?!:)"

KIND_TEST = union(
    "element attribute schema-element schema-attribute "
    "comment text node document-node namespace-node"
)
PI_TEST = "processing-instruction"
AXES = union(
    "child descendant attribute self descendant-or-self following-sibling following "
    "namespace parent ancestor preceding-sibling preceding ancestor-or-self"
)
OPERATORS = union(", => = := : >= >> > <= << < - * != + // / || |")
KEYWORDS = union("let for some every if then else return in satisfies")
WORD_OPERATORS = union("and or eq ge gt le lt ne is div mod idiv intersect except union to")
CONSTRUCTOR_TYPES = union("function array map empty-sequence")

_XQUERY_ONLY = union(
    """xquery encoding version declare module
    namespace copy-namespaces boundary-space construction
    default collation base-uri preserve strip
    ordering ordered unordered order empty greatest least
    preserve no-preserve inherit no-inherit
    decimal-format decimal-separator grouping-separator
    infinity minus-sign NaN percent per-mille
    zero-digit digit pattern-separator exponent-separator
    import schema at element option
    function external context item
    typeswitch switch case
    try catch
    validate lax strict type
    document element attribute text comment processing-instruction
    for let where order group by return
    allowing tumbling stable sliding window
    start end only when previous next count collation
    ascending descending"""
)
XQUERY_KEYWORDS = f"{KEYWORDS}|{_XQUERY_ONLY}"


def _type_command_rules(then: str) -> list[Any]:
    """``cast as`` / ``treat as`` / ``instance of``; ``then`` is "push" or "goto"."""
    moves = {
        "singletype": ("singletype",) if then == "push" else ("#pop", "singletype"),
        "itemtype": ("itemtype",) if then == "push" else ("#pop", "itemtype"),
    }
    kw = bygroups(Keyword, WS, Keyword)
    return [
        (r"(cast|castable)(\s+)(as)", kw, moves["singletype"]),
        (r"(treat)(\s+)(as)", kw, moves["itemtype"]),
        (r"(instance)(\s+)(of)", kw, moves["itemtype"]),
    ]


XPATH_TOKENS: dict[str, list[Any]] = {
    "commentsAndWhitespace": [
        (r"\(:", Comment, "comment"),
        (r"\s+", WS),
    ],
    "root": [
        include("commentsAndWhitespace"),
        (DOUBLE, Number.Float),
        (DECIMAL, Number.Float),
        (DIGITS, Number),
        (STRING, String),
        (r"\$", Name.Variable, "varname"),
        (OPERATORS, Operator),
        (rf"(?:{WORD_OPERATORS})\b", Operator.Word),
        (rf"(?:{KEYWORDS})\b", Keyword),
        (r"[?,{}()\[\]]", Punctuation),
        (rf"(function)(\s*)({OPEN})", bygroups(Keyword, WS, Punctuation)),
        (r"(map|array|empty-sequence)", Keyword),
        (rf"({KIND_TEST})(\s*)({OPEN})", bygroups(Keyword, WS, Punctuation), "kindtest"),
        (rf"({PI_TEST})(\s*)({OPEN})", bygroups(Keyword, WS, Punctuation), "kindtestforpi"),
        (rf"({EQNAME})(\s*)({OPEN})", bygroups(Name.Function, WS, Punctuation)),
        (
            rf"({EQNAME})(\s*)(#)(\s*)(\d+)",
            bygroups(Name.Function, WS, Name.Function, WS, Name.Function),
        ),
        *_type_command_rules("push"),
        (r"(as)\b", Keyword, "itemtype"),
        (
            rf"({NCNAME})(\s*)(:)(\s*)(\*)",
            bygroups(Name.Tag, WS, Punctuation, WS, Operator),
        ),
        (
            rf"(\*)(\s*)(:)(\s*)({NCNAME})",
            bygroups(Operator, WS, Punctuation, WS, Name.Tag),
        ),
        (rf"({AXES})(\s*)(::)", bygroups(Keyword, WS, Operator)),
        (r"\.\.|\.|\*", Operator),
        (r"@", Name.Attribute, "attrname"),
        (EQNAME, Name.Tag),
    ],
    "singletype": [
        include("commentsAndWhitespace"),
        (EQNAME, Keyword.Type, "#pop"),
    ],
    "itemtype": [
        include("commentsAndWhitespace"),
        (
            rf"({KIND_TEST})(\s*)({OPEN})",
            bygroups(Keyword.Type, WS, Punctuation),
            ("#pop", "occurrenceindicator", "kindtest"),
        ),
        (
            rf"({PI_TEST})(\s*)({OPEN})",
            bygroups(Keyword.Type, WS, Punctuation),
            ("#pop", "occurrenceindicator", "kindtestforpi"),
        ),
        (
            rf"(item)(\s*)({OPEN})(\s*)(\))",
            bygroups(Keyword.Type, WS, Punctuation, WS, Punctuation),
            ("#pop", "occurrenceindicator"),
        ),
        (rf"({CONSTRUCTOR_TYPES})(\s*)({OPEN})", bygroups(Keyword.Type, WS, Punctuation)),
        *_type_command_rules("goto"),
        (r"(as)\b", Keyword),
        (OPERATORS, Operator, "#pop"),
        (rf"(?:{WORD_OPERATORS})\b", Operator.Word, "#pop"),
        (rf"(?:{KEYWORDS})\b", Keyword, "#pop"),
        (r"[\[),]", Punctuation, "#pop"),
        (EQNAME, Keyword.Type, ("#pop", "occurrenceindicator")),
    ],
    "kindtest": [
        include("commentsAndWhitespace"),
        (r"[?*]", Operator),
        (r",", Punctuation),
        (
            rf"(element|schema-element)(\s*)({OPEN})",
            bygroups(Keyword.Type, WS, Punctuation),
            "kindtest",
        ),
        (EQNAME, Name.Tag),
        (r"\)", Punctuation, "#pop"),
    ],
    "kindtestforpi": [
        include("commentsAndWhitespace"),
        (NCNAME, Name),
        (STRING, String),
        (r"\)", Punctuation, "#pop"),
    ],
    "occurrenceindicator": [
        include("commentsAndWhitespace"),
        (r"[?*+]", Operator, "#pop"),
        (r"(?![?*+])", Text, "#pop"),
    ],
    "varname": [
        include("commentsAndWhitespace"),
        (rf"({EQNAME})(\s*)({OPEN})", bygroups(Name.Variable, WS, Punctuation), "#pop"),
        (EQNAME, Name.Variable, "#pop"),
    ],
    "attrname": [
        include("commentsAndWhitespace"),
        (EQNAME, Name.Attribute, "#pop"),
        (r"\*", Operator, "#pop"),
    ],
    "comment": [
        (r":\)", Comment, "#pop"),
        (r"\(:", Comment, "comment"),
        (r"[^:(]+", Comment),
        (r"[:(]", Comment),
    ],
}


class XPathLexer(RougeRegexLexer):
    """Rouge's ``xpath`` lexer."""

    name = "XPath (Rouge)"
    aliases = ["rouge-xpath"]

    tokens: dict[str, Any] = XPATH_TOKENS


def _close_brace(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    if len(ctx.stack) > 1:
        ctx.stack.pop()


def _attr_value(quote: str) -> list[Any]:
    return [
        (quote, String, "#pop"),
        (r"\{\{", String),
        (r"\{", Punctuation, "root"),
        (rf"[^{quote}{{>]+", String),
    ]


XQUERY_TOKENS: dict[str, list[Any]] = {
    **XPATH_TOKENS,
    "tags": [
        (rf"<{QNAME}", Name.Tag, "start_tag"),
        (r"<!--", Comment, "xml_comment"),
        (r"<\?.*?\?>", Comment.Preproc),
        (r"<!\[CDATA\[.*?\]\]>", Comment.Preproc),
        (r"&\S*?;", Name.Entity),
    ],
    "root": [
        include("tags"),
        (r"\{", Punctuation),
        (r"\}`?", _close_brace),
        (rf"(namespace)(\s+)({NCNAME})", bygroups(Keyword, WS, Name.Namespace)),
        (rf"(?:{XQUERY_KEYWORDS})\b", Keyword),
        (r";", Punctuation),
        (r"%", Keyword.Declaration, "annotation"),
        (rf"(\(#)(\s*)({EQNAME})", bygroups(Comment.Preproc, WS, Name.Tag), "pragma"),
        (r"``\[", String, "str_constructor"),
        *XPATH_TOKENS["root"],
    ],
    "annotation": [
        include("commentsAndWhitespace"),
        (EQNAME, Keyword.Declaration, "#pop"),
    ],
    "pragma": [
        include("commentsAndWhitespace"),
        (r"#\)", Comment.Preproc, "#pop"),
        (r".", Comment.Preproc),
    ],
    "str_constructor": [
        (r"`\{", Punctuation, "root"),
        (r"\]``", String, "#pop"),
        (r"[^`\]]+", String),
        (r"[`\]]", String),
    ],
    "xml_comment": [
        (r"[^-]+", Comment),
        (r"-->", Comment, "#pop"),
        (r"-", Comment),
    ],
    "start_tag": [
        (r"\s+", WS),
        (r"([\w.:-]+\s*=)(\")", bygroups(Name.Attribute, String), "quot_attr"),
        (r"([\w.:-]+\s*=)(')", bygroups(Name.Attribute, String), "apos_attr"),
        (r">", Name.Tag, "tag_content"),
        (r"/>", Name.Tag, "#pop"),
    ],
    "quot_attr": _attr_value('"'),
    "apos_attr": _attr_value("'"),
    "tag_content": [
        (r"\s+", WS),
        include("tags"),
        (r"(\{\{|\}\})", Text),
        (r"\{", Punctuation, "root"),
        (r"[^{}<&]", Text),
        (rf"</{QNAME}(\s*)>", Name.Tag, "#pop:2"),
    ],
}


class XQueryLexer(RougeRegexLexer):
    """Rouge's ``xquery`` lexer."""

    name = "XQuery (Rouge)"
    aliases = ["rouge-xquery"]

    tokens: dict[str, Any] = XQUERY_TOKENS
