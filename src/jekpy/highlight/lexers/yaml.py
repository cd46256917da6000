"""YAML tokenised as Rouge 3.30's ``yaml`` lexer does.

The lexer keeps a stack of block indentation levels: keys are
``Name.Attribute`` followed by a ``Punctuation.Indicator`` colon, ``-``/``?``
indicators are ``Punctuation.Indicator``, plain scalars are ``String`` (with
``true``/``false``/``null`` as ``Name.Constant`` and trailing numbers as
``Number``), block scalars (``|``/``>``) keep their content as ``String``
until a line dedents.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

Indicator = Punctuation.Indicator

PLAIN_START = r"[^ \t\n\r\f\v?:,\[\]{}#&*!|>'\"%@`]"
_LEADING_INT = re.compile(r"[+-]?\d+")


class YamlLexer(RougeRegexLexer):
    """Rouge's ``yaml`` lexer (tags yaml, yml)."""

    name = "YAML (Rouge)"
    aliases = ["rouge-yaml"]

    indents: list[int]
    next_indent: int
    scalar_indent: int | None

    def reset(self) -> None:
        self.reset_indent()

    def reset_indent(self) -> None:
        self.indents = [0]
        self.next_indent = 0
        self.scalar_indent = None

    @property
    def indent(self) -> int:
        return self.indents[-1]

    def save_indent(self, spaces: str) -> tuple[str, str]:
        """Start a line indented by ``spaces``; close deeper levels."""
        self.next_indent = len(spaces)
        if self.next_indent < self.indent:
            while self.next_indent < self.indent:
                self.indents.pop()
            return spaces[: self.indent], spaces[self.indent :]
        return spaces, ""

    def set_indent(self, text: str, implicit: bool = False) -> None:
        if self.indent < self.next_indent:
            self.indents.append(self.next_indent)
        if not implicit:
            self.next_indent += len(text)

    # -- callbacks ---------------------------------------------------------

    def _directive(self, match: re.Match[str], ctx: LexerContext, state: str) -> TokenStream:
        yield 0, Name.Tag, match.group()
        self.reset_indent()
        ctx.stack.append(state)

    def _document(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Name.Namespace, match.group()
        self.reset_indent()
        ctx.stack.append("block_line")

    def _line_start(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        text, err = self.save_indent(match.group())
        yield 0, Text, text
        yield len(text), Error, err
        ctx.stack += ["block_line", "indentation"]

    def _indicator_space(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Text, match.group()
        self.next_indent += len(match.group())

    def _indicator(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        self.set_indent(match.group())
        yield 0, Indicator, match.group()

    def _line_rest(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Text, match.group()
        self.next_indent += len(match.group())
        ctx.stack.pop()

    def _implicit_key(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Name.Attribute, match.group(1)
        yield match.start(2), Indicator, match.group(2)
        self.set_indent(match.group(), implicit=True)

    def _scalar_header(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        self.scalar_indent = None
        ctx.stack[-1] = "ignored_line"
        if match.group():
            step = _LEADING_INT.match(match.group(1))
            self.scalar_indent = self.indent + (int(step.group()) if step else 0)
            yield 0, Indicator, match.group()

    def _blank_scalar_line(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        text = match.group()
        mark = self.scalar_indent if self.scalar_indent is not None else len(text)
        yield 0, Text, text[:mark]
        yield mark, Name.Constant, text[mark:]

    def _scalar_line_start(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Text, match.group()
        size = len(match.group())
        level = self.scalar_indent if self.scalar_indent is not None else self.indent
        if self.scalar_indent is None:
            self.scalar_indent = size
        if size < level:
            self.save_indent(match.group())
            ctx.stack[-1] = "indentation"

    def _new_document(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        del ctx.stack[-3:]
        return iter(())

    def _scalar_continues(self, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Text, match.group()
        ctx.stack.pop()
        if len(match.group()) <= self.indent:
            ctx.stack.pop()
            self.save_indent(match.group())
            ctx.stack.append("indentation")

    tokens: dict[str, Any] = {
        "basic": [(r"#.*$", Comment.Single)],
        "root": [
            include("basic"),
            (r"\n+", Text),
            (r"[ ]+(?=#|$)", Text),
            (r"^%YAML\b", lambda lx, m, c: lx._directive(m, c, "yaml_directive")),
            (r"^%TAG\b", lambda lx, m, c: lx._directive(m, c, "tag_directive")),
            (r"^(?:---|\.\.\.)(?= |$)", lambda lx, m, c: lx._document(m, c)),
            (r"[ ]*(?!\s|$)", lambda lx, m, c: lx._line_start(m, c)),
        ],
        "indentation": [
            (r"\s*?\n", Text, "#pop:2"),
            (r"[ ]+(?=[-:?](?:[ ]|$))", lambda lx, m, c: lx._indicator_space(m, c)),
            (r"[?:-](?=[ ]|$)", lambda lx, m, c: lx._indicator(m, c)),
            (r"[ ]*", lambda lx, m, c: lx._line_rest(m, c)),
        ],
        "block_line": [
            (r"[ ]*(?=#|$)", Text, "#pop"),
            (r"[ ]+", Text),
            include("descriptors"),
            include("block_nodes"),
            include("flow_nodes"),
            (rf"(?={PLAIN_START}|[?:-][^ \t\n\r\f\v])", Name.Variable, "plain_scalar_block"),
        ],
        "descriptors": [
            (r"!<[0-9A-Za-z;/?:@&=+$,_.!~*'()\[\]%-]+>", Keyword.Type),
            (r"(?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*'()\[\]%-]*)", Keyword.Type),
            (r"&(?u:[^\W]|-)+", Name.Label),
            (r"\*(?u:[^\W]|-)+", Name.Variable),
        ],
        "block_nodes": [
            (r"([^#,:?\[\]{}\"'\n]+)(:)(?=\s|$)", lambda lx, m, c: lx._implicit_key(m, c)),
            (r"[|>][+-]?", Indicator, ("block_scalar_content", "block_scalar_header")),
        ],
        "flow_nodes": [
            (r"\[", Indicator, "flow_sequence"),
            (r"\{", Indicator, "flow_mapping"),
            (r"'", String.Single, "single_quoted"),
            (r'"', String.Double, "double_quoted"),
        ],
        "flow_collection": [
            (r"\s+", Text),
            include("basic"),
            (r"[?:,]", Indicator),
            include("descriptors"),
            include("flow_nodes"),
            (rf"(?={PLAIN_START})", Text, "plain_scalar_flow"),
        ],
        "flow_sequence": [(r"\]", Indicator, "#pop"), include("flow_collection")],
        "flow_mapping": [(r"\}", Indicator, "#pop"), include("flow_collection")],
        "block_scalar_content": [
            (r"\n+", Text),
            (r"^[ ]+$", lambda lx, m, c: lx._blank_scalar_line(m, c)),
            (r"^[ ]*", lambda lx, m, c: lx._scalar_line_start(m, c)),
            (r"[^\n\r\f\v]+", String),
        ],
        "block_scalar_header": [
            (r"(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)", lambda lx, m, c: lx._scalar_header(m, c)),
        ],
        "ignored_line": [
            include("basic"),
            (r"[ ]+", Text),
            (r"\n", Text, "#pop"),
        ],
        "quoted_whitespace": [
            (r"^[ ]+", Text),
            (r"[ ]+$", Text),
            (r"\n+", Text),
            (r"[ ]+", Name.Variable),
        ],
        "single_quoted": [
            include("quoted_whitespace"),
            (r"\\'", String.Escape),
            (r"'", String, "#pop"),
            (r"[^\s']+", String),
        ],
        "double_quoted": [
            (r'"', String, "#pop"),
            include("quoted_whitespace"),
            (r'\\[0abt\tn\nvfre "\\N_LP]', String.Escape),
            (r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})", String.Escape),
            (r'[^ \t\n\r\f\v"\\]+', String),
        ],
        "plain_scalar_block_nl": [
            (r"^[ ]+\n", Text),
            (r"\n+", Text),
            (r"^(?=---|\.\.\.)", lambda lx, m, c: lx._new_document(m, c)),
            (r"^[ ]*", lambda lx, m, c: lx._scalar_continues(m, c)),
        ],
        "plain_scalar_block": [
            (r"[ ]*(?=:[ \n]|:$)", Text, "#pop"),
            (r"[ ]*:\S+", String),
            (r"[ ]+(?=#)", Text, "#pop"),
            (r"[ ]+$", Text),
            (r"\n+", Text, "plain_scalar_block_nl"),
            (r"[ ]+", String),
            (r"true|false|null", Name.Constant),
            (r"\d+(?:\.\d+)?(?=(\r?\n)| +#)", Number, "#pop"),
            (r"[^\s:]+", String),
        ],
        "plain_scalar_flow": [
            (r"[ ]*(?=[,:?\[\]{}])", Text, "#pop"),
            (r"[ ]+(?=#)", Text, "#pop"),
            (r"^[ ]+", Text),
            (r"[ ]+$", Text),
            (r"\n+", Text),
            (r"[ ]+", Name.Variable),
            (r"[^\s,:?\[\]{}]+", Name.Variable),
        ],
        "yaml_directive": [
            (r"([ ]+)(\d+\.\d+)", bygroups(Text, Number), ("#pop", "ignored_line")),
        ],
        "tag_directive": [
            (
                r"([ ]+)(!|![\w-]*!)([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()\[\]%-]+)",
                bygroups(Text, Keyword.Type, Text, Keyword.Type),
                ("#pop", "ignored_line"),
            ),
        ],
    }


_DIGDAG_OPERATORS = ["call", "require", "loop", "for_each", "if", "fail", "echo", "td", "td_run", "td_ddl", "td_load", "td_for_each", "td_wait", "td_wait_table", "td_partial_delete", "td_table_export", "pg", "mail", "http", "s3_wait", "redshift", "redshift_load", "redshift_unload", "emr", "gcs_wait", "bq", "bq_ddl", "bq_extract", "bq_load", "sh", "py", "rb", "embulk"]
_DIGDAG_KEYWORDS = "|".join([f"{name}>" for name in _DIGDAG_OPERATORS] + ["_do", "_parallel"])


def _digdag_key(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword.Reserved, match.group(1)
    yield match.start(2), Indicator, match.group(2)
    lexer.set_indent(match.group(), implicit=True)


class DigdagLexer(YamlLexer):
    """Rouge's ``digdag`` lexer: YAML with digdag operator keys as keywords."""

    name = "Digdag (Rouge)"
    aliases = ["rouge-digdag"]

    tokens: dict[str, Any] = {
        **YamlLexer.tokens,
        "block_nodes": [
            (rf"({_DIGDAG_KEYWORDS})(:)(?=\s|$)", _digdag_key),
            *YamlLexer.tokens["block_nodes"],
        ],
    }
