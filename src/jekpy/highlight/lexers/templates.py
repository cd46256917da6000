"""Handlebars/Mustache, Jinja/Django and Twig templates tokenised as Rouge
3.30's lexers do; the text around template tags goes to the HTML lexer.

(Rouge's Jinja and Twig share their word lists through Ruby class variables,
so in one Ruby process whichever is used first wins; here each keeps its own.)
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

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
    default,
    include,
)
from jekpy.highlight.lexers import templates_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify
from jekpy.highlight.lexers.markup import HtmlLexer


class _HtmlTemplate(RougeRegexLexer):
    """A template lexer whose plain text is lexed by a persistent HTML lexer."""

    html: HtmlLexer

    def reset(self) -> None:
        self.html = HtmlLexer()
        self.html.restart()


def _to_html(lexer: _HtmlTemplate, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


def _to_html_leave_attr(
    lexer: _HtmlTemplate, match: re.Match[str], ctx: LexerContext
) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())
    if lexer.html.saved_stack[-1] == "attr" and len(lexer.html.saved_stack) > 1:
        lexer.html.saved_stack.pop()


HB_ID = r"[\w$-]+"


class HandlebarsLexer(_HtmlTemplate):
    """Rouge's ``handlebars`` lexer (tags handlebars, hbs, mustache)."""

    name = "Handlebars (Rouge)"
    aliases = ["rouge-handlebars"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\\\{+", _to_html),
            (r"\{\{!--", Comment, "comment"),
            (r"\{\{!.*?\}\}", Comment),
            (r"\{\{\{?", Keyword, ("stache", "open_sym")),
            (r"(?s)(.+?)(?=\\|\{\{)", _to_html_leave_attr),
            (r"(?s).+", _to_html),
        ],
        "comment": [
            (r"\{\{", Comment, "#push"),
            (r"\}\}", Comment, "#pop"),
            (r"[^{}]+", Comment),
            (r"[{}]", Comment),
        ],
        "stache": [
            (r"\}\}\}?", Keyword, "#pop"),
            (r"\|", Punctuation),
            (r"~", Keyword),
            (r"\s+", Text),
            (r"[=]", Operator),
            (r"[\[\]]", Punctuation),
            (r"[()]", Punctuation),
            (r"[.](?=[}\s])", Name.Variable),
            (r"[.][.]", Name.Variable),
            (r"[/.]", Punctuation),
            (r'"(\\.|.)*?"', String.Double),
            (r"'(\\.|.)*?'", String.Single),
            (r"\d+(?=}\s)", Number),
            (r"(true|false)(?=[}\s])", Keyword.Constant),
            (r"else(?=[}\s])", Keyword),
            (r"this(?=[}\s])", Name.Builtin.Pseudo),
            (rf"@{HB_ID}", Name.Attribute),
            (HB_ID, Name.Variable),
        ],
        "open_sym": [
            (r"[#/]", Keyword, ("#pop", "block_name")),
            (r"[>^&~]", Keyword),
            default("#pop"),
        ],
        "block_name": [
            (r"if(?=[}\s])", Keyword),
            (HB_ID, Name.Namespace, "#pop"),
            default("#pop"),
        ],
    }


def _jinja_word(lexer: JinjaLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in lexer.keywords:
        tok = Keyword
    elif word in lexer.pseudo_keywords:
        tok = Keyword.Pseudo
    elif word in lexer.word_operators:
        tok = Operator.Word
    elif word in lexer.tests:
        tok = Name.Builtin
    else:
        tok = Name.Variable
    yield 0, tok, word


def _raw_block(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    for i, tok in enumerate([Comment.Preproc, Text, Keyword, Text, Comment.Preproc], start=1):
        yield match.start(i), tok, match.group(i)
    ctx.stack.append("raw" if match.group(3) == "raw" else "verbatim")


def _end_block(word: str) -> list[Any]:
    return [
        (
            rf"(\{{%-?)(\s*)({word})(\s*)(-?%\}})",
            bygroups(Comment.Preproc, Text, Keyword, Text, Comment.Preproc),
            "#pop",
        ),
        (r"[^{]+", Text),
        (r"\{", Text),
    ]


class JinjaLexer(_HtmlTemplate):
    """Rouge's ``jinja`` lexer (tags jinja, django)."""

    name = "Jinja (Rouge)"
    aliases = ["rouge-jinja"]

    keywords: ClassVar[frozenset[str]] = frozenset(
        ["as", "context", "do", "else", "extends", "from", "ignore", "missing", "import", "include", "reversed", "recursive", "scoped", "autoescape", "endautoescape", "block", "endblock", "call", "endcall", "filter", "endfilter", "for", "endfor", "if", "endif", "macro", "endmacro", "set", "endset", "trans", "endtrans", "with", "endwith", "without"]
    )
    tests: ClassVar[frozenset[str]] = frozenset(
        ["callable", "defined", "divisibleby", "equalto", "escaped", "even", "iterable", "lower", "mapping", "none", "number", "odd", "sameas", "sequence", "string", "undefined", "upper"]
    )
    pseudo_keywords: ClassVar[frozenset[str]] = frozenset(
        ["true", "false", "none", "True", "False", "None"]
    )
    word_operators: ClassVar[frozenset[str]] = frozenset(["is", "in", "and", "or", "not"])

    tokens: dict[str, Any] = {
        "root": [
            (r"\{#", Comment, "comment"),
            (r"##.*", Comment),
            (r"(\{%-?)(\s*)(raw|verbatim)(\s*)(-?%\})", _raw_block),
            (r"\{%", Comment.Preproc, "statement"),
            (r"\{\{", Comment.Preproc, "expression"),
            (r"(?s)(.+?)(?=\\|\{\{|\{%|\{#|##)", _to_html),
            (r"(?s).+", _to_html),
        ],
        "filter": [(r"(\|\s*)(\w+)", bygroups(Operator, Name.Function))],
        "function": [(r"(\w+)(\()", bygroups(Name.Function, Punctuation))],
        "text": [(r"\s+", Text)],
        "literal": [
            (r'"(\\.|.)*?"', String.Double),
            (r"'(\\.|.)*?'", String.Single),
            (r"\d+(?=}\s)", Number),
            (r"(\+|\-|\*|//?|\*\*?|=)", Operator),
            (r"(<=?|>=?|===?|!=)", Operator),
            (r",", Punctuation),
            (r"\[", Punctuation),
            (r"\]", Punctuation),
            (r"\(", Punctuation),
            (r"\)", Punctuation),
        ],
        "comment": [
            (r"[^#]+", Comment),
            (r"#\}", Comment, "#pop"),
            (r"#", Comment),
        ],
        "expression": [
            (r"\w+\.?", Name.Variable),
            include("filter"),
            include("function"),
            include("literal"),
            include("text"),
            (r"%\}|\}\}", Comment.Preproc, "#pop"),
        ],
        "statement": [
            (r"(\w+\.?)", _jinja_word),
            include("filter"),
            include("function"),
            include("literal"),
            include("text"),
            (r"%\}", Comment.Preproc, "#pop"),
        ],
        "raw": _end_block("endraw"),
        "verbatim": _end_block("endverbatim"),
    }


class TwigLexer(JinjaLexer):
    """Rouge's ``twig`` lexer: Jinja's grammar with Twig's words."""

    name = "Twig (Rouge)"
    aliases = ["rouge-twig"]

    keywords: ClassVar[frozenset[str]] = frozenset(
        ["as", "do", "extends", "flush", "from", "import", "include", "use", "else", "starts", "ends", "with", "without", "autoescape", "endautoescape", "block", "endblock", "embed", "endembed", "filter", "endfilter", "for", "endfor", "if", "endif", "macro", "endmacro", "sandbox", "endsandbox", "set", "endset", "spaceless", "endspaceless"]
    )
    tests: ClassVar[frozenset[str]] = frozenset(
        ["constant", "defined", "divisibleby", "empty", "even", "iterable", "null", "odd", "sameas"]
    )
    pseudo_keywords: ClassVar[frozenset[str]] = frozenset(["true", "false", "none"])
    word_operators: ClassVar[frozenset[str]] = frozenset(
        ["b-and", "b-or", "b-xor", "is", "in", "and", "or", "not"]
    )


_VM_ID = r"[a-zA-Z_]\w*"


class VelocityLexer(_HtmlTemplate):
    """Rouge's ``velocity`` lexer (Apache Velocity templates)."""

    name = "Velocity (Rouge)"
    aliases = ["rouge-velocity"]

    tokens: dict[str, Any] = {
        "root": [
            (r"[^{#$]+", _to_html),
            (r"(?s)(#)(\*.*?\*)(#)", Comment.Multiline),
            (r"(##)(.*?$)", Comment.Single),
            (
                rf"(?s)(#\{{?)({_VM_ID})(\}}?)(\s?\()",
                bygroups(Punctuation, Name.Function, Punctuation, Punctuation),
                "directive_params",
            ),
            (rf"(?s)(#\{{?)({_VM_ID})(\}}|\b)", bygroups(Punctuation, Name.Function, Punctuation)),
            (r"\$\{?", Punctuation, "variable"),
        ],
        "variable": [
            (_VM_ID, Name.Variable),
            (r"\(", Punctuation, "func_params"),
            (rf"(\.)({_VM_ID})", bygroups(Punctuation, Name.Variable)),
            (r"\}", Punctuation, "#pop"),
            default("#pop"),
        ],
        "directive_params": [
            (r"(&&|\|\||==?|!=?|[-<>+*%&|^/])|\b(eq|ne|gt|lt|ge|le|not|in)\b", Operator),
            (r"\[", Operator, "range_operator"),
            (rf"\b{_VM_ID}\b", Name.Function),
            include("func_params"),
        ],
        "range_operator": [
            (r"[.]{2}", Operator),
            include("func_params"),
            (r"\]", Operator, "#pop"),
        ],
        "func_params": [
            (r"\$\{?", Punctuation, "variable"),
            (r"\s+", Text),
            (r",", Punctuation),
            (r'"(\\\\|\\"|[^"])*"', String.Double),
            (r"'(\\\\|\\'|[^'])*'", String.Single),
            (r"0[xX][0-9a-fA-F]+[Ll]?", Number.Hex),
            (r"\b[0-9]+\b", Number.Integer),
            (r"(true|false|null)\b", Keyword.Constant),
            (r"[(\[]", Punctuation, "#push"),
            (r"[)\]}]", Punctuation, "#pop"),
        ],
    }


SMARTY_BUILTINS = frozenset(
    _words.SMARTY_BUILTINS
)


_smarty_word = classify([(SMARTY_BUILTINS, Name.Builtin)], Name.Attribute)


_SMARTY_OPEN = (r"\{/?(?![\s*])", Keyword, "smarty")


class SmartyLexer(_HtmlTemplate):
    """Rouge's ``smarty`` lexer: ``{…}`` tags in HTML."""

    name = "Smarty (Rouge)"
    aliases = ["rouge-smarty"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\{\s+", _to_html),
            (r"(?s)\{\*.*?\*\}", Comment),
            _SMARTY_OPEN,
            (r"(?s).+?(?=\{[/a-zA-Z0-9$#*\"'])", _to_html),
            (r"(?s).+", _to_html),
        ],
        "smarty": [
            _SMARTY_OPEN,
            (r"\}", Keyword, "#pop"),
            (r"\s+", Text),
            (r"[~!%^&*()+=|\[\]:;,.<>/@?-]", Operator),
            (r"#[a-zA-Z_]\w*#", Name.Variable),
            (r"\$[a-zA-Z_]\w*(\.\w+)*", Name.Variable),
            (r"(true|false|null)\b", Keyword.Constant),
            (r"[0-9](\.[0-9]*)?(eE[+-][0-9])?[flFLdD]?|0[xX][0-9a-fA-F]+[Ll]?", Number),
            (r"\"(\\.|.)*?\"", String.Double),
            (r"'(\\.|.)*?'", String.Single),
            (r"[a-zA-Z_]\w*", _smarty_word),
        ],
    }
