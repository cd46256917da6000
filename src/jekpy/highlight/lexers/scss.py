"""SCSS tokenised as Rouge 3.30's ``scss`` lexer does.

A line is a selector, an attribute (``name:`` before a value) or an at-rule;
``;``, ``{`` and ``}`` end the section and return to the top state.
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
    TokenType,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify
from jekpy.highlight.lexers.css_words import ATTRIBUTES, BUILTINS, CONSTANTS

ID = r"[\w-]+"


_value_word = classify([(BUILTINS, Name.Builtin), (CONSTANTS, Name.Constant)], Name)


_attr_word = classify([(ATTRIBUTES, Name.Label)], Name.Attribute)


def _end_section(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    del ctx.stack[:]
    ctx.stack.append("root")


_STRING_BODY = r"(\\.|#(?![{])|[^\n{q}#])+"


class ScssLexer(RougeRegexLexer):
    """Rouge's ``scss`` lexer."""

    name = "SCSS (Rouge)"
    aliases = ["rouge-scss"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/[*].*?[*]/", Comment.Multiline),
            (r"@import\b", Keyword, "value"),
            include("content_common"),
            (r"(?=[^;{}][;}])", Text, "attribute"),
            (r"(?=[^;{}:\[]+:[^a-z])", Text, "attribute"),
            default("selector"),
        ],
        "end_section": [
            (r"\n", Text),
            (r"[;{}]", _end_section),
        ],
        "content_common": [
            (r"@for\b", Keyword, "for"),
            (r"@(debug|warn|if|each|while|else|return|media)", Keyword, "value"),
            (rf"(@mixin)(\s+)({ID})", bygroups(Keyword, Text, Name.Function), "value"),
            (rf"(@function)(\s+)({ID})", bygroups(Keyword, Text, Name.Function), "value"),
            (r"@extend\b", Keyword, "selector"),
            (rf"(@include)(\s+)({ID})", bygroups(Keyword, Text, Name.Decorator), "value"),
            (rf"@{ID}", Keyword, "selector"),
            (r"&", Keyword, "selector"),
            (rf"([$]{ID})([ \t]*)(:)", bygroups(Name.Variable, Text, Punctuation), "value"),
        ],
        "value": [
            include("end_section"),
            (r"[ \t]+", Text),
            (rf"[$]{ID}", Name.Variable),
            (r"url[(]", String.Other, "string_url"),
            (rf"{ID}(?=\s*[(])", Name.Function),
            (rf"%{ID}", Name.Decorator),
            (r"(true|false)\b", Name.Builtin.Pseudo),
            (r"(and|or|not)\b", Operator.Word),
            (r"#[a-zA-Z0-9]{1,6}", Number.Hex),
            (r"-?\d+(%|[a-z]+)?", Number),
            (r"-?\d*\.\d+(%|[a-z]+)?", Number.Integer),
            include("has_strings"),
            include("has_interp"),
            (r"[~^*!&%<>|+=@:,./?-]+", Operator),
            (r"[\[\]()]+", Punctuation),
            (r"/[*]", Comment.Multiline, "inline_comment"),
            (r"//[^\n]*", Comment.Single),
            (ID, _value_word),
        ],
        "has_interp": [(r"[#][{]", String.Interpol, "interpolation")],
        "has_strings": [
            (r'"', String.Double, "dq"),
            (r"'", String.Single, "sq"),
        ],
        "interpolation": [
            (r"\}", String.Interpol, "#pop"),
            include("value"),
        ],
        "selector": [
            include("end_section"),
            include("has_strings"),
            include("has_interp"),
            (r"[ \t]+", Text),
            (r":", Name.Decorator, "pseudo_class"),
            (r"[.]", Name.Class, "class"),
            (r"#", Name.Namespace, "id"),
            (r"%", Name.Variable, "placeholder"),
            (ID, Name.Tag),
            (r"&", Keyword),
            (r"[~^*!&\[\]()<>|+=@:;,./?-]", Operator),
        ],
        "dq": [
            (r'"', String.Double, "#pop"),
            include("has_interp"),
            (_STRING_BODY.replace("{q}", '"'), String.Double),
        ],
        "sq": [
            (r"'", String.Single, "#pop"),
            include("has_interp"),
            (_STRING_BODY.replace("{q}", "'"), String.Single),
        ],
        "string_url": [
            (r"[)]", String.Other, "#pop"),
            (_STRING_BODY.replace("{q}", ")"), String.Other),
            include("has_interp"),
        ],
        "selector_piece": [include("has_interp"), default("#pop")],
        "pseudo_class": [(ID, Name.Decorator), include("selector_piece")],
        "class": [(ID, Name.Class), include("selector_piece")],
        "id": [(ID, Name.Namespace), include("selector_piece")],
        "placeholder": [(ID, Name.Variable), include("selector_piece")],
        "for": [(r"(from|to|through)", Operator.Word), include("value")],
        "attr_common": [include("has_interp"), (ID, _attr_word)],
        "attribute": [
            include("attr_common"),
            (r"([ \t]*)(:)", bygroups(Text, Punctuation), "value"),
        ],
        "inline_comment": [
            (r"(\\#|#(?=[^\n{])|\*(?=[^\n/])|[^\n#*])+", Comment.Multiline),
            include("has_interp"),
            (r"[*]/", Comment.Multiline, "#pop"),
        ],
    }


def _sass_indent(lexer: SassLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    """Rouge's ``Indentation#indentation``: enter a pending block or a content line."""
    indent = match.group()
    yield 0, Text, indent
    lexer.last_indentation = indent
    block = lexer.block_state
    base = lexer.block_indentation
    if block is not None and base is not None and indent.startswith(base) and indent != base:
        ctx.stack.append(block)
    else:
        lexer.block_state = lexer.block_indentation = None
        ctx.stack.append("content")


def _sass_comment(tok: TokenType, block: str) -> Any:
    def callback(lexer: SassLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok, match.group()
        ctx.stack.pop()
        lexer.block_state = block
        lexer.block_indentation = lexer.last_indentation or ""

    return callback


def _sass_newline(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Text, match.group()
    del ctx.stack[:]
    ctx.stack.append("root")


_SASS_TOKENS: dict[str, Any] = dict(ScssLexer.tokens)
_SASS_TOKENS.update(
    {
        "root": [
            (r"[ \t]*\n", Text),
            (r"[ \t]*", _sass_indent),
        ],
        "content": [
            (r"//.*?$", _sass_comment(Comment.Single, "single_comment")),
            (r"/[*].*?\n", _sass_comment(Comment.Multiline, "multi_comment")),
            (r"@import\b", Keyword, "import"),
            include("content_common"),
            (rf"={ID}", Name.Function, "value"),
            (rf"[+]{ID}", Name.Decorator, "value"),
            (r":", Name.Attribute, "old_style_attr"),
            (r"(?=[^\[\n]+?:([^a-z]|$))", Text, "attribute"),
            default("selector"),
        ],
        "single_comment": [(r".*?$", Comment.Single, "#pop")],
        "multi_comment": [(r".*?\n", Comment.Multiline, "#pop")],
        "import": [
            (r"[ \t]+", Text),
            (r"\S+", String),
            (r"\n", Text, "#pop"),
        ],
        "old_style_attr": [include("attr_common"), default(("#pop", "value"))],
        "end_section": [(r"\n", _sass_newline)],
    }
)


class SassLexer(RougeRegexLexer):
    """Rouge's ``sass`` lexer (indented syntax)."""

    name = "Sass (Rouge)"
    aliases = ["rouge-sass"]

    block_state: str | None
    block_indentation: str | None
    last_indentation: str | None

    def reset(self) -> None:
        self.block_state = self.block_indentation = None
        self.last_indentation = None

    tokens: dict[str, Any] = _SASS_TOKENS
