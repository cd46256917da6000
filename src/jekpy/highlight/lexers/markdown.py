"""Markdown tokenised as Rouge 3.30's ``markdown`` lexer does.

Fenced code blocks are highlighted with the lexer their info string names
(a fence without a name is treated as plain text here: Rouge would guess),
front matter with the YAML lexer, inline HTML with the HTML lexer.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Generic,
    Keyword,
    LexerContext,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.markup import HtmlLexer

_EDOT = r"(?:\\.|[^\\\n])"


class _Sub:
    """A delegate lexer as Rouge uses it (``continue_lex`` keeps its state)."""

    def __init__(self, name: str) -> None:
        from jekpy.highlight import rouge_tag
        from jekpy.highlight.lexers import make_lexer

        tag = rouge_tag(name) if name else "plaintext"
        self.token: TokenType = String.Backtick if tag is None else Text
        self.lexer = make_lexer(tag) if tag else None
        if isinstance(self.lexer, RougeRegexLexer):
            self.lexer.restart()

    def tokens(self, text: str, offset: int) -> TokenStream:
        if self.lexer is None:
            yield offset, self.token, text
        elif isinstance(self.lexer, RougeRegexLexer):
            for idx, tok, val in self.lexer.continue_tokens(text):
                yield offset + idx, tok, val
        else:
            for idx, tok, val in self.lexer.get_tokens_unprocessed(text):
                yield offset + idx, tok, val


def _front_matter(lexer: MarkdownLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    from jekpy.highlight.lexers.yaml import YamlLexer

    yield from YamlLexer().get_tokens_unprocessed(match.group())


def _fence(lexer: MarkdownLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    sub = _Sub(match.group(3).strip(" \t\n\v\f\r\0"))  # Ruby String#strip
    yield match.start(1), Text, match.group(1)
    yield match.start(2), Punctuation, match.group(2)
    yield match.start(3), Name.Label, match.group(3)
    if match.group(5) is not None:
        yield from sub.tokens(match.group(5), match.start(5))
    if match.group(6) is not None:
        yield match.start(6), Text, match.group(6)
    if match.group(7) is not None:
        yield match.start(7), Punctuation, match.group(7)
        return
    fence = match.group(2)
    lexer.fence_sub = sub
    name = f"fence {fence}"
    type(lexer).ensure_state(
        name,
        [
            (rf"^([ \t]*)({re.escape(fence)})", _fence_end),
            (r"^.*\n", _fence_line),
        ],
    )
    ctx.stack.append(name)


def _fence_end(lexer: MarkdownLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    ctx.stack.pop()
    yield match.start(1), Text, match.group(1)
    yield match.start(2), Punctuation, match.group(2)


def _fence_line(lexer: MarkdownLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if lexer.fence_sub is not None:
        yield from lexer.fence_sub.tokens(match.group(), 0)


def _to_html(lexer: MarkdownLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


class MarkdownLexer(RougeRegexLexer):
    """Rouge's ``markdown`` lexer (tags markdown, md, mkd)."""

    name = "Markdown (Rouge)"
    aliases = ["rouge-markdown"]

    html: HtmlLexer
    fence_sub: _Sub | None

    def reset(self) -> None:
        self.html = HtmlLexer()
        self.html.restart()
        self.fence_sub = None

    tokens: dict[str, Any] = {
        "root": [
            (r"(?s)\A(---\s*\n.*?\n?)^(---\s*$\n?)", _front_matter),
            (r"\\.", String.Escape),
            (r"^[\S ]+\n(?:---*)\n", Generic.Heading),
            (r"^[\S ]+\n(?:===*)\n", Generic.Subheading),
            (r"^#(?=[^#]).*?$", Generic.Heading),
            (r"^##*.*?$", Generic.Subheading),
            (r"(?s)^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?", _fence),
            (r"\n\n((    |\t).*?\n|\n)+", String.Backtick),
            (rf"(`+)(?:{_EDOT}|\n)+?\1", String.Backtick),
            (r"^(\s*[*]){3,}\s*$", Punctuation),
            (r"^(\s*[-]){3,}\s*$", Punctuation),
            (r"^\s*[*+-](?=\s)", Punctuation),
            (r"^\s*\d+\.", Punctuation),
            (r"^\s*>.*?$", Generic.Traceback),
            (
                rf"^(\s*)(\[)({_EDOT}+?)(\])(\s*)(:)",
                bygroups(Text, Punctuation, String.Symbol, Punctuation, Text, Punctuation),
                ("title", "url"),
            ),
            (
                rf"(!?\[)({_EDOT}*?|[^\]]*?)(\])(?=[\[(])",
                bygroups(Punctuation, Name.Variable, Punctuation),
                "link",
            ),
            (rf"[*][*]{_EDOT}*?[*][*]", Generic.Strong),
            (rf"__{_EDOT}*?__", Generic.Strong),
            (rf"[*]{_EDOT}*?[*]", Generic.Emph),
            (rf"_{_EDOT}*?_", Generic.Emph),
            (r"<.*?@.+[.].+>", Name.Variable),
            (rf"<(https?|mailto|ftp)://{_EDOT}*?>", Name.Variable),
            (r"[^\\`\[*\n&<]+", Text),
            (r"&\S*;", _to_html),
            (rf"<{_EDOT}*?>", _to_html),
            (r"[&<]", Text),
            (r"\[", Text),
            (r"\n", Text),
        ],
        "link": [
            (rf"(\[)({_EDOT}*?)(\])", bygroups(Punctuation, String.Symbol, Punctuation), "#pop"),
            (r"[(]", Punctuation, ("inline_title", "inline_url")),
            (r"[ \t]+", Text),
            default("#pop"),
        ],
        "url": [
            (r"[ \t]+", Text),
            (rf"(<)({_EDOT}*?)(>)", bygroups(Name.Tag, String.Other, Name.Tag), "#pop"),
            (r"\S+", String.Other, "#pop"),
        ],
        "title": [
            (rf'"{_EDOT}*?"', Name.Namespace),
            (rf"'{_EDOT}*?'", Name.Namespace),
            (rf"[(]{_EDOT}*?[)]", Name.Namespace),
            (r"\s*(?=[\"'()])", Text),
            default("#pop"),
        ],
        "inline_title": [
            (r"[)]", Punctuation, "#pop"),
            include("title"),
        ],
        "inline_url": [
            (r"[^<\s)]+", String.Other, "#pop"),
            (r"\s+", Text),
            include("url"),
        ],
    }


class ApiBlueprintLexer(MarkdownLexer):
    """Rouge's ``apiblueprint`` lexer: Markdown with API Blueprint sections."""

    name = "API Blueprint (Rouge)"
    aliases = ["rouge-apiblueprint"]

    tokens: dict[str, Any] = {
        **MarkdownLexer.tokens,
        "root": [
            (r"(\S+)(:\s*)(.*)$", bygroups(Name.Variable, Punctuation, String)),
            (r"^(#+)(\s*Group\s+)(.*)$", bygroups(Punctuation, Keyword, Generic.Heading)),
            (r"^(#+)(.*)(\[.*\])$", bygroups(Punctuation, Generic.Heading, String)),
            (r"^([\+\-\*])(\s*Relation:)(\s*.*)$", bygroups(Punctuation, Keyword, String)),
            (
                r"^(\s+[\+\-\*]\s*)(Attributes|Parameters)(.*)$",
                bygroups(Punctuation, Keyword, String),
            ),
            (
                r"^([\+\-\*]\s*)(Request|Response)(\s+\d\d\d)?(.*)$",
                bygroups(Punctuation, Keyword, Number, String),
            ),
            *MarkdownLexer.tokens["root"],
        ],
    }
