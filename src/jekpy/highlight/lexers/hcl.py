"""HCL and Terraform tokenised as Rouge 3.30's ``hcl``/``terraform`` lexers do."""

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
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream


def _classify(lexer: HclLexer, word: str) -> tuple[TokenType, bool]:
    """(token, whether a composite value may follow)."""
    if word in lexer.keywords:
        return Keyword, True
    if word in lexer.declarations:
        return Keyword.Declaration, True
    if word in lexer.reserved:
        return Keyword.Reserved, False
    if word in lexer.constants:
        return Keyword.Constant, False
    if word in lexer.builtins:
        return Name.Builtin, False
    return Name.Other, True


def _root_word(lexer: HclLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    tok, composite = _classify(lexer, match.group())
    yield 0, tok, match.group()
    if composite:
        ctx.stack.append("composite")


def _expr_word(lexer: HclLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _classify(lexer, match.group())[0], match.group()


def _heredoc_start(lexer: HclLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    toks = [Operator, Text, String.Heredoc, String.Heredoc, Name.Constant, String.Heredoc]
    for i, tok in enumerate(toks, start=1):
        yield match.start(i), tok, match.group(i)
    lexer.heredoc_word = match.group(5)
    ctx.stack.append("heredoc")


def _heredoc_line(lexer: HclLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if match.group(1) == lexer.heredoc_word:
        yield 0, Name.Constant, match.group()
        del ctx.stack[-2:]
    else:
        yield 0, String.Heredoc, match.group()


_HCL_TOKENS: dict[str, Any] = {
    "multiline_comment": [
        (r"[*]/", Comment.Multiline, "#pop"),
        (r"[^*/]+", Comment.Multiline),
        (r"[*/]", Comment.Multiline),
    ],
    "comments_and_whitespace": [
        (r"\s+", Text),
        (r"//.*?$", Comment.Single),
        (r"#.*?$", Comment.Single),
        (r"/[*]", Comment.Multiline, "multiline_comment"),
    ],
    "primitives": [
        (r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?([kKmMgG]b?)?", Number.Float),
        (r"[0-9]+([kKmMgG]b?)?", Number.Integer),
        (r'"', String.Double, "dq"),
        (r"'", String.Single, "sq"),
        (r"(<<-?)(\s*)('?)(\\?)(\w+)(\3)", _heredoc_start),
    ],
    "root": [
        include("comments_and_whitespace"),
        include("primitives"),
        (r"\{", Punctuation, "hash"),
        (r"\[", Punctuation, "array"),
        (r"[$a-zA-Z_][a-zA-Z0-9_]*", _root_word),
    ],
    "composite": [
        include("comments_and_whitespace"),
        (r"[{]", Punctuation, ("#pop", "hash")),
        (r"[\[]", Punctuation, ("#pop", "array")),
        include("root"),
        (r"", Text, "#pop"),
    ],
    "hash": [
        include("comments_and_whitespace"),
        (r"=", Punctuation),
        (r"\}", Punctuation, "#pop"),
        include("root"),
    ],
    "array": [
        include("comments_and_whitespace"),
        (r",", Punctuation),
        (r"\]", Punctuation, "#pop"),
        include("root"),
    ],
    "dq": [
        (r'[^\\"]+', String.Double),
        (r'\\"', String.Escape),
        (r'"', String.Double, "#pop"),
    ],
    "sq": [
        (r"[^\\']+", String.Single),
        (r"\\'", String.Escape),
        (r"'", String.Single, "#pop"),
    ],
    "heredoc": [
        (r"\n", String.Heredoc, "heredoc_nl"),
        (r"[^$\n]+", String.Heredoc),
        (r"[$]", String.Heredoc),
    ],
    "heredoc_nl": [
        (r"\s*(\w+)\s*\n", _heredoc_line),
        default("#pop"),
    ],
}


class HclLexer(RougeRegexLexer):
    """Rouge's ``hcl`` lexer."""

    name = "HCL (Rouge)"
    aliases = ["rouge-hcl"]

    keywords: ClassVar[frozenset[str]] = frozenset()
    declarations: ClassVar[frozenset[str]] = frozenset()
    reserved: ClassVar[frozenset[str]] = frozenset()
    constants: ClassVar[frozenset[str]] = frozenset(["true", "false", "null"])
    builtins: ClassVar[frozenset[str]] = frozenset()

    heredoc_word: str = ""

    def reset(self) -> None:
        self.heredoc_word = ""

    tokens: dict[str, Any] = _HCL_TOKENS


_TF_TOKENS: dict[str, Any] = dict(_HCL_TOKENS)
_TF_TOKENS.update(
    {
        "hash": [(r"[.,()*]", Punctuation), *_HCL_TOKENS["hash"]],
        "array": [(r"[.,()*]", Punctuation), *_HCL_TOKENS["array"]],
        "strings": [
            (r"\\.", String.Escape),
            (r"\$\{", Keyword, "interpolation"),
        ],
        "dq": [
            (r'[^\\"$]+', String.Double),
            include("strings"),
            (r'"', String.Double, "#pop"),
        ],
        "sq": [
            (r"[^\\'$]+", String.Single),
            include("strings"),
            (r"'", String.Single, "#pop"),
        ],
        "heredoc": [
            (r"\n", String.Heredoc, "heredoc_nl"),
            (r"[^$\n]+", String.Heredoc),
            (r"[$]", String.Heredoc),
            include("strings"),
        ],
        "interpolation": [(r"\}", Keyword, "#pop"), include("expression")],
        "regexps": [(r'"/', String.Delimiter, ("#pop", "regexp_inner"))],
        "regexp_inner": [
            (r'[^"/\\]+', String.Regex),
            (r"\\.", String.Regex),
            (r'/"', String.Delimiter, "#pop"),
            (r'["/]', String.Regex),
        ],
        "expression": [
            include("regexps"),
            include("primitives"),
            (r"\s+", Text),
            (r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|==|!=", Operator),
            (r"[-<>+*%&|^/!=?:]=?", Operator),
            (r"[(\[,]", Punctuation),
            (r"[)\].]", Punctuation),
            (r"[$a-zA-Z_\-][a-zA-Z0-9_\-]*", _expr_word),
        ],
    }
)


class TerraformLexer(HclLexer):
    """Rouge's ``terraform`` lexer (tags terraform, tf)."""

    name = "Terraform (Rouge)"
    aliases = ["rouge-terraform"]

    keywords: ClassVar[frozenset[str]] = frozenset(
        ["terraform", "module", "provider", "variable", "resource", "data", "provisioner", "output"]
    )
    declarations: ClassVar[frozenset[str]] = frozenset(["var", "local"])

    tokens: dict[str, Any] = _TF_TOKENS
