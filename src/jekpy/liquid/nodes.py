"""Output statements, ``echo``, ``assign``, text, unknown tags and ``{% liquid %}``
with Ruby's printing, parsing and error messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TextIO

from liquid.ast import IllegalNode, Node
from liquid.builtin.content import ContentNode, Literal
from liquid.builtin.expressions import FilteredExpression
from liquid.builtin.output import OutputNode
from liquid.builtin.tags.assign_tag import AssignNode, AssignTag
from liquid.builtin.tags.echo_tag import EchoNode, EchoTag
from liquid.builtin.tags.liquid_tag import LiquidTag
from liquid.exceptions import (
    LiquidSyntaxError,
)
from liquid.expression import Expression
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import (
    TOKEN_EXPRESSION,
    TOKEN_ILLEGAL,
    TOKEN_OUTPUT,
    Token,
)

from liquid import Environment, RenderContext

from . import lax
from .conditions import MethodLiteral
from .context import write_text
from .errors import LiquidSyntaxFatal
from .markup import _NEVER_CLOSED
from .ruby import output_str
from .strict import variable_error

__all__ = [
    "RubyAssign",
    "RubyAssignNode",
    "RubyContent",
    "RubyContentNode",
    "RubyEcho",
    "RubyEchoNode",
    "RubyIllegal",
    "RubyLiquidTag",
    "RubyMessages",
    "RubyOutput",
    "RubyOutputNode",
    "parse_variable_markup",
]


class RubyContentNode(ContentNode):
    """Template text; written directly (only tags can be disabled, so
    python-liquid's per-node check never applies to text)."""

    __slots__ = ()

    def render(self, context: RenderContext, buffer: TextIO) -> int:
        return write_text(buffer, self.text)


class RubyContent(Literal):
    """Template text as :class:`RubyContentNode`."""

    node_class = RubyContentNode


class RubyOutputNode(OutputNode):
    """``{{ expr }}`` printed the way Ruby Liquid prints values."""

    __slots__ = ()

    def render(self, context: RenderContext, buffer: TextIO) -> int:
        # Output statements are never disabled (only tags are): skip that check.
        value = self.expression.evaluate(context)
        return write_text(buffer, value if type(value) is str else output_str(value))

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(output_str(self.expression.evaluate(context)))

    async def render_to_output_async(self, context: RenderContext, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)


class RubyEchoNode(EchoNode):
    """``{% echo expr %}`` printed the Ruby way."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(output_str(self.expression.evaluate(context)))

    async def render_to_output_async(self, context: RenderContext, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)


def parse_variable_markup(env: Environment, markup: str, token: Token) -> Expression:
    """Parse Variable markup as Ruby Liquid does under the environment's error mode.

    Ruby's strict parser decides; when it fails, ``strict`` raises, ``warn``
    warns, and the lax parser's reading is used.
    """
    from liquid.builtin.expressions import tokenize

    if not markup.strip():
        return lax.Literal(token, None)
    problem = variable_error(markup)
    if problem is None:
        try:
            return FilteredExpression.parse(env, TokenStream(tokenize(markup.strip(), token)))
        except LiquidSyntaxError:
            return lax.parse_variable(markup, token)
    # only jekpy's environment (environment.py, above this module) reports fallbacks
    fallback = getattr(env, "syntax_fallback", None)
    if fallback is not None:
        fallback(problem, "{{" + markup + "}}", token)
    return lax.parse_variable(markup, token)


_OUTPUT_MARKUP = re.compile(r"\A\{\{-?(.*?)-?\}\}\Z", re.S)


class RubyOutput(Tag):
    """Output statements: Ruby's strict parse, then the error mode's fallback."""

    name = TOKEN_OUTPUT
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_OUTPUT)
        expr_token = stream.expect(TOKEN_EXPRESSION)
        match = _OUTPUT_MARKUP.match(token.value)
        markup = match.group(1) if match else expr_token.value
        return RubyOutputNode(token, parse_variable_markup(self.env, markup, expr_token))


class RubyEcho(EchoTag):
    """``echo`` with Ruby printing and the lax fallback."""

    def parse(self, stream: TokenStream) -> Node:
        token, _ = lax.tag_markup(stream)
        if stream.current.kind != TOKEN_EXPRESSION:
            return RubyEchoNode(token, lax.Literal(token, None))
        expr_token = stream.current
        return RubyEchoNode(token, parse_variable_markup(self.env, expr_token.value, expr_token))


_ASSIGN_SYNTAX = re.compile(r"((?:\(?[\w\-.\[\]]\)?)+)\s*=\s*(.*)\s*", re.S)


class RubyAssignNode(AssignNode):
    """``assign``; Jekyll's ``empty``/``blank`` literal is stored as what a later
    lookup of it gives (``MethodLiteral#to_liquid``: ``""``)."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        value = self.expression.evaluate(context)
        context.assign(self.name, "" if isinstance(value, MethodLiteral) else value)
        return 0


class RubyAssign(AssignTag):
    """``assign`` parsed as Ruby does (``Variable`` rules for the value)."""

    def parse(self, stream: TokenStream) -> AssignNode:
        token, markup = lax.tag_markup(stream)
        expr_token = stream.current
        match = _ASSIGN_SYNTAX.search(markup)
        if not match:
            raise LiquidSyntaxFatal(
                "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]",
                token=token,
            )
        from liquid.builtin.expressions import Identifier

        name = Identifier(match.group(1), token=token)
        value = parse_variable_markup(self.env, match.group(2), expr_token)
        return RubyAssignNode(token, name=name, expression=value)


def _unknown_tag(env: Environment, token: Token) -> LiquidSyntaxFatal:
    """``Block.raise_unknown_tag``: the message depends on the enclosing block."""
    stack: list[str] = getattr(env, "block_stack", [])
    name = str(token.value)
    if stack:
        block = stack[-1]
        if name == "else":
            return LiquidSyntaxFatal(f"{block} tag does not expect 'else' tag", token=token)
        if name.startswith("end"):
            return LiquidSyntaxFatal(
                f"'{name}' is not a valid delimiter for {block} tags. use end{block}",
                token=token,
            )
    return LiquidSyntaxFatal(f"Unknown tag '{name}'", token=token)


class _IgnoredTag(Tag):
    """Unknown tags directly inside a comment body are ignored (``Comment#unknown_tag``)."""

    name = TOKEN_ILLEGAL
    block = False

    def __init__(self, env: Environment, depth: int) -> None:
        super().__init__(env)
        self.depth = depth

    def parse(self, stream: TokenStream) -> Node:
        token = stream.current
        if len(getattr(self.env, "block_stack", [])) > self.depth:
            raise _unknown_tag(self.env, token)
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
        return IllegalNode(token)


class RubyLiquidTag(LiquidTag):
    """``{% liquid %}``: its lines get the same Ruby markup rules as tags."""

    def __init__(self, env: Environment) -> None:
        super().__init__(env)
        inner = self._tokenize

        # jekpy's environment (environment.py, above this module) checks tag markup
        check_markup = getattr(env, "_ruby_tag_markup", None)

        def tokenize(source: str, token: Token) -> Iterator[Token]:
            tokens = list(inner(source, token=token))
            if check_markup is not None:
                check_markup(tokens)
            return iter(tokens)

        self.__dict__["_tokenize"] = tokenize


class RubyIllegal(Tag):
    """Unknown tags are fatal: ``Unknown tag 'foo'`` (or a misplaced end tag)."""

    name = TOKEN_ILLEGAL
    block = False

    def parse(self, stream: TokenStream) -> Node:
        raise _unknown_tag(self.env, stream.current)


#: block tags whose markup Ruby reads (for the ``else`` of a ``case``, see below)


class RubyMessages(Tag):
    """Wraps a python-liquid tag so its syntax errors carry Ruby's messages."""

    def __init__(self, tag: Tag, message: str) -> None:
        super().__init__(tag.env)
        self.tag = tag
        self.message = message
        self.name = tag.name
        self.block = tag.block
        self.end = getattr(tag, "end", "")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tag, name)

    def parse(self, stream: TokenStream) -> Node:
        return self.tag.parse(stream)

    def get_node(self, stream: TokenStream) -> Node:
        tag_token = stream.current
        stack: list[str] | None = getattr(self.env, "block_stack", None)
        if self.block and stack is not None:
            stack.append(self.name)
        try:
            return self.tag.get_node(stream)
        except LiquidSyntaxFatal:
            raise
        except LiquidSyntaxError as err:
            text = str(err.message)
            closed = _NEVER_CLOSED.match(text)
            if closed:
                raise LiquidSyntaxFatal(
                    f"'{closed.group(1)}' tag was never closed", token=err.token
                ) from None
            raise LiquidSyntaxFatal(self.message, token=tag_token) from None
        finally:
            if self.block and stack is not None:
                stack.pop()
