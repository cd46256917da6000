"""Elixir tokenised as Rouge 3.30's ``elixir`` lexer does."""

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
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

_H = "[0-9a-fA-F]"
_CLOSERS = {"{": "}", "[": "]", "(": ")", "<": ">"}

_KEYWORD = (
    r"\b(case|cond|end|bc|lc|if|unless|try|loop|receive|fn|defmodule|defp?|defprotocol"
    r"|defimpl|defrecord|defmacrop?|defdelegate|defexception|defguardp?|defstruct|exit"
    r"|raise|throw|after|rescue|catch|else)\b(?![?!])|(?<!\.)\b(do|\-\>)\b"
)
_OPERATOR = (
    r"%=|\*=|\*\*=|\+=|\-=|\^=|\|\|=|<=>|<(?!<|=)|>(?!<|=|>)|<=|>=|===|==|=~|!=|!~"
    r"|(?=[\s])\?|(?<=[\s])!+|&(&&?|(?!\d))|\|\||\^|\*|\+|\-|/|\||\+\+|\-\-|\*\*|//"
    r"|<\-|<>|<<|>>|=|\.|~~~"
)
_SYMBOL = (
    r"(?<!:)(:)([a-zA-Z_]\w*([?!]|=(?![>=]))?|<>|===?|>=?|<=?|<=>|&&?|%\(\)|%\[\]"
    r"|%\{\}|\+\+?|\-\-?|\|\|?|!|//|[%&`/|]|\*\*?|=?~|<\-)|([a-zA-Z_]\w*([?!])?)(:)(?!:)"
)


def _class(chars: str) -> str:
    return "".join("\\" + c for c in dict.fromkeys(chars))


def _sigil(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    kind = match.group(1)
    opener = match.group(2)
    closer = _CLOSERS.get(opener, opener)
    interp = kind is not None and kind in "SRCW"
    tok = String.Other
    if kind is not None and kind in "Rr":
        tok = String.Regex
        ctx.stack.append("regex_flags")
    if kind is not None and kind in "Ww":
        ctx.stack.append("list_flags")
    yield 0, tok, match.group()
    name = f"sigil {opener}{closer} {int(interp)} {'r' if tok is String.Regex else 'o'}"
    defs: list[Any] = [(re.escape(closer), tok, "#pop")]
    if interp:
        defs += [include("interpoling"), (r"#", tok)]
    else:
        defs.append((r"[\\#]", tok))
    defs.append((r"(?s)[^#" + _class(opener + closer) + r"\\]+", tok))
    ElixirLexer.ensure_state(name, defs)
    ctx.stack.append(name)


class ElixirLexer(RougeRegexLexer):
    """Rouge's ``elixir`` lexer (tags elixir, exs)."""

    name = "Elixir (Rouge)"
    aliases = ["rouge-elixir"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"#.*$", Comment.Single),
            (_KEYWORD, Keyword),
            (
                r"\b(import|require|use|recur|quote|unquote|super|refer)\b(?![?!])",
                Keyword.Namespace,
            ),
            (r"(?<!\.)\b(and|not|or|when|xor|in)\b", Operator.Word),
            (_OPERATOR, Operator),
            (_SYMBOL, String.Symbol),
            (r':"', String.Symbol, "interpoling_symbol"),
            (r"\b(nil|true|false)\b(?![?!])|\b[A-Z]\w*\b", Name.Constant),
            (r"\b(__(FILE|LINE|MODULE|MAIN|FUNCTION)__)\b(?![?!])", Name.Builtin.Pseudo),
            (r"[a-zA-Z_!]\w*[!?]?", Name),
            (r"::|[%(){};,/|:\\\[\]]", Punctuation),
            (r"@[a-zA-Z_]\w*|&\d", Name.Variable),
            (r"\b\d(_?\d)*(\.(?![^\d\s])(_?\d)+)([eE][-+]?\d(_?\d)*)?\b", Number.Float),
            (r"\b0x[0-9A-Fa-f](_?[0-9A-Fa-f])*\b", Number.Hex),
            (r"\b0o[0-7](_?[0-7])*\b", Number.Oct),
            (r"\b0b[01](_?[01])*\b", Number.Bin),
            (r"\b\d(_?\d)*\b", Number.Integer),
            include("strings"),
            include("sigil_strings"),
        ],
        "strings": [
            (r'(%[A-Ba-z])?"""(?:.|\n)*?"""', String.Doc),
            (r"'''(?:.|\n)*?'''", String.Doc),
            (r'"', String.Double, "dqs"),
            (r"'", String.Single, "sqs"),
            (
                rf"(?<!\w)\?(\\(x\d{{1,2}}|{_H}{{1,2}}(?!{_H})\b|0[0-7]{{0,2}}(?![0-7])\b[^x0MC])"
                r"|(\\[MC]-)+\w|[^\s\\])",
                String.Other,
            ),
        ],
        "dqs": [
            include("escapes"),
            include("interpoling"),
            (r'[^#"\\]+', String.Double),
            (r'"', String.Double, "#pop"),
            (r"[#\\]", String.Double),
        ],
        "sqs": [
            include("escapes"),
            include("interpoling"),
            (r"[^#'\\]+", String.Single),
            (r"'", String.Single, "#pop"),
            (r"[#\\]", String.Single),
        ],
        "interpoling": [(r"#\{", String.Interpol, "interpoling_string")],
        "interpoling_string": [(r"\}", String.Interpol, "#pop"), include("root")],
        "escapes": [
            (rf"\\x{_H}{{2}}", String.Escape),
            (r"\\u\{?\d+\}?", String.Escape),
            (r"\\[\\abdefnrstv0\"']", String.Escape),
        ],
        "interpoling_symbol": [
            (r'"', String.Symbol, "#pop"),
            include("interpoling"),
            (r'[^#"]+', String.Symbol),
        ],
        "sigil_strings": [(r"~([A-Za-z])?(\{|\[|\(|<|\||/|'|\")", _sigil)],
        "regex_flags": [(r"[fgimrsux]*", String.Regex, "#pop")],
        "list_flags": [(r"[csa]?", String.Other, "#pop")],
    }
