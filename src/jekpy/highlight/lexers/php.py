"""PHP tokenised as Rouge 3.30's ``php`` lexer does.

Without ``<?php`` the code is taken as PHP unless it starts with markup;
HTML outside ``<?php … ?>`` goes to the HTML lexer.  Function definitions
walk through name / parameters / return-type states as in Rouge.
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
    TokenType,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers import php_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.markup import HtmlLexer
from jekpy.highlight.lexers.php_words import BUILTINS
from jekpy.highlight.lexers.unicode_classes import category_class

KEYWORDS = frozenset(
    _words.KEYWORDS
)

ID = r"(?:(?u:[^\W\d])(?u:\w)*)"
NS = rf"(?:{ID}\\)+"
ID_NS = rf"(?:(?:{NS})?{ID})"

_UPPER = f"[{category_class('Lu')}]"
_E_CONST = re.compile(rf"^(E|PHP)(_{_UPPER}+)+$")
_CONST = re.compile(rf"(\\|^){_UPPER}(?:{_UPPER}|(?u:\d)|_)+$")
_CLASS = re.compile(rf"(\\|^){_UPPER}(?u:[^\W_])*?$")
_MAGIC = re.compile(r"^__.*?__$")


def _call_name(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group().lower()
    if name in lexer.keywords:
        tok = Keyword
    elif name in BUILTINS:
        tok = Name.Builtin
    else:
        tok = Name.Function
    yield 0, tok, match.group()


def _name(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    name = word.lower()
    tok: TokenType
    if name == "use":
        ctx.stack.append("in_use")
        tok = Keyword.Namespace
    elif name == "const":
        ctx.stack.append("in_const")
        tok = Keyword
    elif name == "catch":
        ctx.stack.append("in_catch")
        tok = Keyword
    elif name in ("public", "protected", "private"):
        ctx.stack.append("in_visibility")
        tok = Keyword
    elif name == "stdClass":
        tok = Name.Class
    elif name in lexer.keywords:
        tok = Keyword
    elif _MAGIC.search(word):
        tok = Name.Builtin
    elif _E_CONST.search(word):
        tok = Keyword.Constant
    elif _CONST.search(word):
        tok = Name.Constant
    elif _CLASS.search(word):
        tok = Name.Class
    else:
        tok = Name
    yield 0, tok, word


def _close_php(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Comment.Preproc, match.group()
    del ctx.stack[:]
    ctx.stack.append("root")


def _to_html(lexer: PhpLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


def _to_html_pop(lexer: PhpLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())
    ctx.stack.pop()


def _function(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    ctx.stack += ["in_function_return", "in_function_params", "in_function_name"]
    yield 0, Keyword, match.group()


_TAIL = [include("escape"), include("whitespace"), include("return")]


class PhpLexer(RougeRegexLexer):
    """Rouge's ``php`` lexer (tags php, php3, php4, php5) with default options."""

    name = "PHP (Rouge)"
    aliases = ["rouge-php"]

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "start")
    keywords: ClassVar[frozenset[str]] = KEYWORDS
    html: HtmlLexer

    def reset(self) -> None:
        self.html = HtmlLexer()
        self.html.restart()

    tokens: dict[str, Any] = {
        "escape": [(r"\?>", _close_php)],
        "return": [default("#pop")],
        "start": [
            (r"(?s)\s*(?=<)", _to_html_pop),
            (r"(?i)[^$]+(?=<\?(php|=))", _to_html_pop),
            default(("#pop", "php")),
        ],
        "names": [
            (rf"{ID_NS}(?=\s*\()", _call_name),
            (ID_NS, _name),
        ],
        "operators": [(r"[~!%^&*+|:.<>/@-]+", Operator)],
        "string": [
            (r'"', String.Double, "#pop"),
            (r"[^\\{$\"]+", String.Double),
            (r"\\u\{[0-9a-fA-F]+\}", String.Escape),
            (r"\\([efrntv\"$\\]|[0-7]{1,3}|[xX][0-9a-fA-F]{1,2})", String.Escape),
            (rf"\${ID}(\[\S+\]|->{ID})?", Name.Variable),
            (r"\{\$\{", String.Interpol, "string_interp_double"),
            (r"\{(?=\$)", String.Interpol, "string_interp_single"),
            (r"(\{)(\S+)(\})", bygroups(String.Interpol, Name.Variable, String.Interpol)),
            (r"[${\\]+", String.Double),
        ],
        "string_interp_double": [
            (r"\}\}", String.Interpol, "#pop"),
            include("php"),
        ],
        "string_interp_single": [
            (r"\}", String.Interpol, "#pop"),
            include("php"),
        ],
        "values": [
            (rf"(?is)<<<([\"']?)({ID})\1\n.*?\n\s*\2;?", String.Heredoc),
            (r"(?i)(\d[_\d]*)?\.(\d[_\d]*)?(e[+-]?\d[_\d]*)?", Number.Float),
            (r"0[0-7][0-7_]*", Number.Oct),
            (r"(?i)0b[01][01_]*", Number.Bin),
            (r"(?i)0x[a-f0-9][a-f0-9_]*", Number.Hex),
            (r"\d[_\d]*", Number.Integer),
            (r"'([^'\\]*(?:\\.[^'\\]*)*)'", String.Single),
            (r"`([^`\\]*(?:\\.[^`\\]*)*)`", String.Backtick),
            (r'"', String.Double, "string"),
            (r"(?i)(function|fn)\b", _function),
            (r"(?i)(true|false|null)\b", Keyword.Constant),
            (r"(?i)new\b", Keyword, "in_new"),
        ],
        "variables": [
            (rf"\$\{{\$+{ID}\}}", Name.Variable),
            (rf"\$+{ID}", Name.Variable),
        ],
        "whitespace": [
            (r"\s+", Text),
            (r"#.*?$", Comment.Single),
            (r"//.*?$", Comment.Single),
            (r"(?s)/\*\*(?!/).*?\*/", Comment.Doc),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
        ],
        "root": [
            (r"(?i)<\?(php|=)?", Comment.Preproc, "php"),
            (r"(?s).*?(?=<\?)|.*", _to_html),
        ],
        "php": [
            include("escape"),
            include("whitespace"),
            include("variables"),
            include("values"),
            (
                rf"(?i)(namespace)(\s+)({ID_NS})",
                bygroups(Keyword.Namespace, Text, Name.Namespace),
            ),
            (
                rf"(?i)(class|interface|trait|extends|implements)(\s+)({ID_NS})",
                bygroups(Keyword.Declaration, Text, Name.Class),
            ),
            include("names"),
            (r"[;,(){}\[\]]", Punctuation),
            include("operators"),
            (r"[=?]", Operator),
        ],
        "in_assign": [
            (r",", Punctuation, "#pop"),
            (r"[\[\]]", Punctuation),
            (r"\(", Punctuation, "in_assign_function"),
            include("escape"),
            include("whitespace"),
            include("values"),
            include("variables"),
            include("names"),
            include("operators"),
            include("return"),
        ],
        "in_assign_function": [
            (r"\)", Punctuation, "#pop"),
            (r",", Punctuation),
            include("in_assign"),
        ],
        "in_catch": [
            (r"\(", Punctuation),
            (r"\|", Operator),
            (ID, Name.Class),
            *_TAIL,
        ],
        "in_const": [
            (ID, Name.Constant),
            (r"=", Operator, "in_assign"),
            *_TAIL,
        ],
        "in_function_body": [
            (r"\{", Punctuation, "#push"),
            (r"\}", Punctuation, "#pop"),
            include("php"),
        ],
        "in_function_name": [
            (r"&", Operator),
            (ID, Name),
            (r"\(", Punctuation, "#pop"),
            *_TAIL,
        ],
        "in_function_params": [
            (r"\)", Punctuation, "#pop"),
            (r",", Punctuation),
            (r"[.]{3}", Punctuation),
            (r"=", Operator, "in_assign"),
            (r"(?i)\b(?:public|protected|private|readonly)\b", Keyword),
            (rf"\??{ID}", Keyword.Type, "in_assign"),
            include("escape"),
            include("whitespace"),
            include("variables"),
            include("return"),
        ],
        "in_function_return": [
            (r":", Punctuation),
            (r"(?i)use\b", Keyword, "in_function_use"),
            (rf"\??{ID}", Keyword.Type, "in_assign"),
            (r"\{", Punctuation, ("#pop", "in_function_body")),
            *_TAIL,
        ],
        "in_function_use": [
            (r"[,(]", Punctuation),
            (r"&", Operator),
            (r"\)", Punctuation, "#pop"),
            include("escape"),
            include("whitespace"),
            include("variables"),
            include("return"),
        ],
        "in_new": [
            (r"(?i)class\b", Keyword.Declaration, ("#pop", "in_new_class")),
            (ID_NS, Name.Class, "#pop"),
            *_TAIL,
        ],
        "in_new_class": [
            (r"\}", Punctuation, "#pop"),
            (r"\{", Punctuation),
            include("php"),
        ],
        "in_use": [
            (r"[,}]", Punctuation),
            (r"(?i)(function|const)\b", Keyword),
            (rf"({NS})(\{{)", bygroups(Name.Namespace, Punctuation)),
            (rf"{ID_NS}(_{ID})+", Name.Function),
            include("escape"),
            include("whitespace"),
            include("names"),
            include("return"),
        ],
        "in_visibility": [
            (r"(?i)\b(?:readonly|static)\b", Keyword),
            (r"(?i)(?=(abstract|const|function)\b)", Keyword, "#pop"),
            (rf"\??{ID}", Keyword.Type, "#pop"),
            *_TAIL,
        ],
    }


_HACK_TOKENS: dict[str, Any] = dict(PhpLexer.tokens)
_HACK_TOKENS["root"] = [
    (r"<\?hh(\s*//\s*(strict|decl|partial))?$", Comment.Preproc, "php"),
    *PhpLexer.tokens["root"],
]
_HACK_TOKENS["php"] = [
    (
        r"(/\*\s*)(HH_(?:IGNORE_ERROR|FIXME)\[\d+\])([^*]*)(\*/)",
        bygroups(Comment.Preproc, Comment.Preproc, Comment.Multiline, Comment.Preproc),
    ),
    (r"// UNSAFE(?:_EXPR|_BLOCK)?", Comment.Preproc),
    (r"/\*\s*UNSAFE_EXPR\s*\*/", Comment.Preproc),
    *PhpLexer.tokens["php"],
]


class HackLexer(PhpLexer):
    """Rouge's ``hack`` lexer (tags hack, hh): PHP with Hack's words and headers.

    (Rouge merges Hack's keywords into PHP's shared set once Hack is used; here
    PHP keeps its own.)
    """

    name = "Hack (Rouge)"
    aliases = ["rouge-hack"]

    keywords: ClassVar[frozenset[str]] = KEYWORDS | frozenset(
        ["type", "newtype", "enum", "as", "super", "async", "await", "Awaitable", "vec", "dict", "keyset", "void", "int", "string", "bool", "float", "double", "arraykey", "num", "Stringish"]
    )

    tokens: dict[str, Any] = _HACK_TOKENS
