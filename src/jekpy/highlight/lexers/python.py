"""Python tokenised as Rouge 3.30's ``python`` lexer does.

Rouge-specific shapes: a comment includes its newline; every string part is
plain ``String`` (``s``) with prefixes as ``String.Affix``; ``True``/``None``/
``self`` are ``Name.Builtin.Pseudo``; ``print``/``exec`` are keywords;
``@decorator`` is the ``@`` operator plus names; ``from x import`` →
``Keyword.Namespace``; f-string fields are lexed as Python again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
from jekpy.highlight.lexers import python_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

KEYWORDS = frozenset(
    ["assert", "break", "continue", "del", "elif", "else", "except", "exec", "finally", "for", "global", "if", "lambda", "pass", "print", "raise", "return", "try", "while", "yield", "as", "with", "from", "import", "async", "await", "nonlocal"]
)

BUILTINS = frozenset(
    _words.BUILTINS
)

PSEUDO_BUILTINS = frozenset(["self", "None", "Ellipsis", "NotImplemented", "False", "True"])

EXCEPTIONS = frozenset(
    _words.EXCEPTIONS
)

# Ruby's [[:alpha:]] / [[:alnum:]] are Unicode-aware.
IDENT = r"(?u:[^\W\d])(?u:\w)*"
DOTTED = r"(?u:[^\W\d]|\.)(?u:\w|\.)*"

_DIGITS = r"[0-9](?:_?[0-9])*"
_DECIMAL = rf"(?:(?:{_DIGITS})?\.{_DIGITS}|{_DIGITS}\.)"
_EXPONENT = rf"[eE][+-]?{_DIGITS}"

_ESCAPE = (
    r"\\(?:[\\abfnrtv\"']|\n|newline|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}"
    r"|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"
)


def _word_callback(other: TokenType) -> Callable[..., TokenStream]:
    """A callback for a name: keyword, builtin, pseudo-builtin, else ``other``."""

    def callback(lexer: PythonLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        word = match.group()
        tok: TokenType
        if word in lexer.keywords:
            tok = Keyword
        elif word in EXCEPTIONS or word in BUILTINS:
            tok = Name.Builtin
        elif word in PSEUDO_BUILTINS:
            tok = Name.Builtin.Pseudo
        else:
            tok = other
        yield 0, tok, word

    return callback


_name = _word_callback(Name)


def _string_open(lexer: PythonLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, String.Affix, match.group(1)
    yield match.start(2), String, match.group(2)
    lexer.strings.append((match.group(1).lower(), match.group(2)))
    ctx.stack.append("string")


def _string_quote(lexer: PythonLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, String, match.group()
    if lexer.strings and lexer.strings[-1][1] == match.group():
        lexer.strings.pop()
        ctx.stack.pop()


def _string_brace(lexer: PythonLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if lexer.strings and "f" in lexer.strings[-1][0]:
        yield 0, String.Interpol, "{"
        ctx.stack.append("interpol")
    else:
        yield 0, String, "{"


def _escape(lexer: PythonLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    raw = bool(lexer.strings) and "r" in lexer.strings[-1][0]
    yield 0, (String if raw else String.Escape), match.group()
    ctx.stack.pop()


def _interpolated_code(
    lexer: PythonLexer, match: re.Match[str], ctx: LexerContext
) -> TokenStream:
    yield from type(lexer)().get_tokens_unprocessed(match.group())


class PythonLexer(RougeRegexLexer):
    """Rouge's ``python`` lexer (tags python, py)."""

    name = "Python (Rouge)"
    aliases = ["rouge-python"]

    keywords: ClassVar[frozenset[str]] = KEYWORDS
    strings: list[tuple[str, str]]

    def reset(self) -> None:
        self.strings = []

    tokens: dict[str, Any] = {
        "root": [
            (r"\n+", Text),
            (
                r'(?si)^(:)(\s*)([ru]{0,2}""".*?""")',
                bygroups(Punctuation, Text, String.Doc),
            ),
            (r"[^\S\n]+", Text),
            (r"#(.*)?\n?", Comment.Single),
            (r"[\[\]{}:(),;.]", Punctuation),
            (r"\\\n", Text),
            (r"\\", Text),
            (r"(in|is|and|or|not)\b", Operator.Word),
            (r"(<<|>>|//|\*\*)=?", Operator),
            (r"[-~+/*%=<>&^|@]=?|!=", Operator),
            (
                rf"(from)((?:\\\s|\s)+)({DOTTED})((?:\\\s|\s)+)(import)",
                bygroups(Keyword.Namespace, Text, Name.Namespace, Text, Keyword.Namespace),
            ),
            (rf"(import)(\s+)({DOTTED})", bygroups(Keyword.Namespace, Text, Name.Namespace)),
            (r"(def)((?:\s|\\\s)+)", bygroups(Keyword, Text), "funcname"),
            (r"(class)((?:\s|\\\s)+)", bygroups(Keyword, Text), "classname"),
            (r"`.*?`", String.Backtick),
            (r"(?i)([rfbu]{0,2})('''|\"\"\"|['\"])", _string_open),
            (rf"(?i)@{DOTTED}", Name.Decorator),
            (IDENT, _name),
            (rf"(?i){_DECIMAL}(?:{_EXPONENT})?j?", Number.Float),
            (rf"(?i){_DIGITS}{_EXPONENT}j?", Number.Float),
            (rf"(?i){_DIGITS}j", Number.Float),
            (r"(?i)0b(?:_?[0-1])+", Number.Bin),
            (r"(?i)0o(?:_?[0-7])+", Number.Oct),
            (r"(?i)0x(?:_?[a-f0-9])+", Number.Hex),
            (r"\d+L", Number.Integer.Long),
            (r"[1-9](?:_?[0-9])*|0(?:_?0)*", Number.Integer),
        ],
        "funcname": [(IDENT, Name.Function, "#pop")],
        "classname": [(IDENT, Name.Class, "#pop")],
        "string": [
            (r"[^'\"\\{]+", String),
            (r"\{\{", String),
            (r"'''|\"\"\"|['\"]", _string_quote),
            (r"(?=\\)", String, "escape"),
            (r"\{", _string_brace),
        ],
        "escape": [
            (_ESCAPE, _escape),
            (r"\\.", String, "#pop"),
        ],
        "interpol": [
            (r"[^{}!:]+", _interpolated_code),
            (r"![asr]", String.Interpol),
            (r":", String.Interpol),
            (r"\{", String.Interpol, "interpol"),
            (r"\}", String.Interpol, "#pop"),
        ],
    }


_ID = r"[a-zA-Z_]\w*"
_DOTTED_ID = r"[a-zA-Z_.][\w.]*"


def _c_def(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword, match.group()
    ctx.stack += ["c_definitions", "c_start"]


_call_name = _word_callback(Name.Function)


_C_KEYWORDS = frozenset(["public", "readonly", "extern", "api", "inline", "enum", "union"])


def _c_type(lexer: CythonLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in lexer.keywords:
        yield 0, Keyword, word
        ctx.stack.pop()
    elif word == "def":
        yield 0, Keyword, word
        ctx.stack[-1] = "funcname"
    elif word in ("struct", "class"):
        yield 0, Keyword.Reserved, word
        ctx.stack[-1] = "classname"
    elif word in _C_KEYWORDS:
        yield 0, Keyword.Reserved, word
    else:
        yield 0, Keyword.Type, word
        ctx.stack.pop()


def _c_indent(lexer: CythonLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Text, match.group()
    ctx.stack[-1] = "c_start"
    if lexer.indentation is None:
        lexer.indentation = match.group()
    elif len(lexer.indentation) > len(match.group()):
        lexer.indentation = None
        del ctx.stack[-2:]


def _c_indent_end(lexer: CythonLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    lexer.indentation = None
    del ctx.stack[:]
    ctx.stack.append("root")
    return iter(())


_CYTHON_TOKENS: dict[str, Any] = dict(PythonLexer.tokens)
_CYTHON_TOKENS.update(
    {
        "root": [
            (r"cp?def|ctypedef", _c_def),
            (
                rf"(from)((?:\\\s|\s)+)({_DOTTED_ID})((?:\\\s|\s)+)(cimport)",
                bygroups(Keyword.Namespace, Text, Name.Namespace, Text, Keyword.Namespace),
            ),
            (rf"(cimport)(\s+)({_DOTTED_ID})", bygroups(Keyword.Namespace, Text, Name.Namespace)),
            (r"(struct)((?:\\\s|\s)+)", bygroups(Keyword, Text), "classname"),
            (rf"{_ID}(?=\()", _call_name),
            (r"[(,]", Punctuation, "c_start"),
            *PythonLexer.tokens["root"],
        ],
        "classname": [(r"(?:\\\s|\s)+", Text), *PythonLexer.tokens["classname"]],
        "funcname": [(r"(?:\\\s|\s)+", Text), *PythonLexer.tokens["funcname"]],
        "c_start": [
            (r"[^\S\n]+", Text),
            (r"cp?def|ctypedef", Keyword),
            (r"(?:un)?signed", Keyword.Type),
            (rf"{_ID}(?=(?:\*+)|(?:[ \t]*\[)|(?:[ \t]+\w))", _c_type),
            default("#pop"),
        ],
        "c_definitions": [(r"\n", Text, "c_indent"), include("root")],
        "c_indent": [(r"[ \t]+", _c_indent), (r"", _c_indent_end)],
    }
)


class CythonLexer(PythonLexer):
    """Rouge's ``cython`` lexer (tags cython, pyx, pyrex): Python plus C declarations."""

    name = "Cython (Rouge)"
    aliases = ["rouge-cython"]

    keywords: ClassVar[frozenset[str]] = KEYWORDS | frozenset(
        ["by", "except?", "fused", "gil", "nogil"]
    )
    indentation: str | None

    def reset(self) -> None:
        super().reset()
        self.indentation = None

    tokens: dict[str, Any] = _CYTHON_TOKENS
