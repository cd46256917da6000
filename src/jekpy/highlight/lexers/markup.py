"""CSS, HTML and XML tokenised as Rouge 3.30's ``css``/``html``/``xml`` lexers do.

HTML hands ``<script>`` bodies to the JavaScript lexer and ``<style>`` bodies
to the CSS lexer, each continuing where its previous chunk stopped.
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
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify
from jekpy.highlight.lexers.css_words import ATTRIBUTES, BUILTINS, CONSTANTS, VENDOR_PREFIXES
from jekpy.highlight.lexers.javascript import JavascriptLexer

# \p{Cf} (format characters) that may appear inside names
_CF = "\u00ad\u200b-\u200f\u2060-\u2064\ufeff"

CSS_IDENT = rf"(?u:[^\W\d]|-)(?u:[\w{_CF}-])*"
_NUMBER = r"-?(?:[0-9]+(\.[0-9]+)?|\.[0-9]+)"
_UNITS = (
    "em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn"
    "|s|ms|Hz|kHz"
)

_HTML_NAME = rf"(?u:[^\W\d_]|[:_-])(?u:[\w{_CF}:.\u00b7-])*"
_XML_NAME = rf"(?u:[^\W\d_]|[:_])(?u:[\w{_CF}:.\u00b7-])*"


_css_value_name = classify([(CONSTANTS, Name.Constant), (BUILTINS, Name.Builtin)], Name)


def _css_property(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group(1)
    known = word in ATTRIBUTES or any(word.startswith(p) for p in VENDOR_PREFIXES)
    yield 0, (Name.Label if known else Name.Property), word
    yield match.start(2), Text, match.group(2)
    yield match.start(3), Punctuation, match.group(3)
    ctx.stack.append("stanza_value")


class CssLexer(RougeRegexLexer):
    """Rouge's ``css`` lexer."""

    name = "CSS (Rouge)"
    aliases = ["rouge-css"]

    tokens: dict[str, Any] = {
        "root": [
            include("basics"),
            (r"\{", Punctuation, "stanza"),
            (rf":[:]?{CSS_IDENT}", Name.Decorator),
            (rf"\.{CSS_IDENT}", Name.Class),
            (rf"#{CSS_IDENT}", Name.Function),
            (rf"@{CSS_IDENT}", Keyword, "at_rule"),
            (CSS_IDENT, Name.Tag),
            (r"[~^*!%&\[\]()<>|+=@:;,./?-]", Operator),
            (r'"(\\\\|\\"|[^"])*"', String.Single),
            (r"'(\\\\|\\'|[^'])*'", String.Double),
        ],
        "value": [
            include("basics"),
            (r"url\(.*?\)", String.Other),
            (r"#[0-9a-fA-F]{1,6}", Number),
            (rf"{_NUMBER}(?:%|(?:{_UNITS})\b)?", Number),
            (r"[\[\]():/.,]", Punctuation),
            (r'"(\\\\|\\"|[^"])*"', String.Single),
            (r"'(\\\\|\\'|[^'])*'", String.Double),
            (CSS_IDENT, _css_value_name),
        ],
        "at_rule": [
            (rf"(?s)\{{(?=\s*{CSS_IDENT}\s*:)", Punctuation, "at_stanza"),
            (r"\{", Punctuation, "at_body"),
            (r";", Punctuation, "#pop"),
            include("value"),
        ],
        "at_body": [include("at_content"), include("root")],
        "at_stanza": [include("at_content"), include("stanza")],
        "at_content": [(r"\}", Punctuation, "#pop:2")],
        "basics": [
            (r"\s+", Text),
            (r"(?s)/\*(?:.*?)\*/", Comment),
        ],
        "stanza": [
            include("basics"),
            (r"\}", Punctuation, "#pop"),
            (rf"({CSS_IDENT})(\s*)(:)", _css_property),
        ],
        "stanza_value": [
            (r";", Punctuation, "#pop"),
            (r"(?=\})", Text, "#pop"),
            (r"!\s*important\b", Comment.Preproc),
            (r"^@.*?$", Comment.Preproc),
            include("value"),
        ],
    }


def _open_script(lexer: HtmlLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Tag, match.group()
    lexer.js.restart()
    ctx.stack += ["script_content", "tag"]


def _open_style(lexer: HtmlLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Tag, match.group()
    lexer.css.restart()
    ctx.stack += ["style_content", "tag"]


def _to_js(lexer: HtmlLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.js.continue_tokens(match.group())


def _to_css(lexer: HtmlLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.css.continue_tokens(match.group())


_GOTO = "#pop"


class HtmlLexer(RougeRegexLexer):
    """Rouge's ``html`` lexer."""

    name = "HTML (Rouge)"
    aliases = ["rouge-html"]

    js: JavascriptLexer
    css: CssLexer

    def reset(self) -> None:
        self.js = JavascriptLexer()
        self.js.restart()
        self.css = CssLexer()
        self.css.restart()

    tokens: dict[str, Any] = {
        "root": [
            (r"[^<&]+", Text),
            (r"&\S*?;", Name.Entity),
            (r"(?is)<!DOCTYPE .*?>", Comment.Preproc),
            (r"(?s)<!\[CDATA\[.*?\]\]>", Comment.Preproc),
            (r"<!--", Comment, "comment"),
            (r"(?s)<\?.*?\?>", Comment.Preproc),
            (r"<\s*script\s*", _open_script),
            (r"<\s*style\s*", _open_style),
            (r"</", Name.Tag, "tag_end"),
            (r"<", Name.Tag, "tag_start"),
        ],
        "tag_end": [
            include("tag_end_end"),
            (_HTML_NAME, Name.Tag, (_GOTO, "tag_end_end")),
        ],
        "tag_end_end": [
            (r"\s+", Text),
            (r">", Name.Tag, "#pop"),
        ],
        "tag_start": [
            (r"\s+", Text),
            (_HTML_NAME, Name.Tag, (_GOTO, "tag")),
            default((_GOTO, "tag")),
        ],
        "comment": [
            (r"[^-]+", Comment),
            (r"-->", Comment, "#pop"),
            (r"-", Comment),
        ],
        "tag": [
            (r"\s+", Text),
            (
                rf"(?u:[^\W\d_]|[:_\[\]()*.-])(?u:[\w{_CF}:.\u00b7\[\]()*-])*\s*=\s*",
                Name.Attribute,
                "attr",
            ),
            (rf"(?u:[^\W\d_]|[:_*#-])(?u:[\w{_CF}:.\u00b7*#-])*", Name.Attribute),
            (r"/?\s*>", Name.Tag, "#pop"),
        ],
        "attr": [
            (r'"', String, (_GOTO, "dq")),
            (r"'", String, (_GOTO, "sq")),
            (r"[^\s>]+", String, "#pop"),
        ],
        "dq": [(r'"', String, "#pop"), (r'[^"]+', String)],
        "sq": [(r"'", String, "#pop"), (r"[^']+", String)],
        "script_content": [
            (r"[^<]+", _to_js),
            (r"<\s*/\s*script\s*>", Name.Tag, "#pop"),
            (r"<", _to_js),
        ],
        "style_content": [
            (r"[^<]+", _to_css),
            (r"<\s*/\s*style\s*>", Name.Tag, "#pop"),
            (r"<", _to_css),
        ],
    }


class XmlLexer(RougeRegexLexer):
    """Rouge's ``xml`` lexer."""

    name = "XML (Rouge)"
    aliases = ["rouge-xml"]

    tokens: dict[str, Any] = {
        "root": [
            (r"[^<&]+", Text),
            (r"&\S*?;", Name.Entity),
            (r"<!\[CDATA\[.*?\]\]>", Comment.Preproc),
            (r"<!--", Comment, "comment"),
            (r"<\?.*?\?>", Comment.Preproc),
            (r"<![^>]*>", Comment.Preproc),
            (rf"<\s*{_XML_NAME}", Name.Tag, "tag"),
            (rf"<\s*/\s*{_XML_NAME}\s*>", Name.Tag),
        ],
        "comment": [
            (r"[^-]+", Comment),
            (r"-->", Comment, "#pop"),
            (r"-", Comment),
        ],
        "tag": [
            (r"\s+", Text),
            (rf"{_XML_NAME}\s*=", Name.Attribute, "attr"),
            (r"/?\s*>", Name.Tag, "#pop"),
        ],
        "attr": [
            (r"\s+", Text),
            (r"(?s)\".*?\"|'.*?'|[^\s>]+", String, "#pop"),
        ],
    }

