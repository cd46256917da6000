"""``case`` as Ruby Liquid 5.4 parses it.

Ruby parses the text and tags between ``{% case %}`` and the first ``when`` /
``else`` as an ordinary body: it is never rendered, but its tags must be
valid and it takes part in the blank-block rule (:mod:`.blank`).  The
markup of ``case`` and ``when`` is read with Ruby's lax rules before parsing
(:func:`jekpy.liquid.lax.rewrite_case`, :func:`jekpy.liquid.lax.rewrite_when`).
"""

from __future__ import annotations

from liquid.ast import BlockNode, Node
from liquid.builtin.expressions import parse_primitive
from liquid.builtin.tags.case_tag import (
    ENDWHENBLOCK,
    TAG_ELSE,
    TAG_ENDCASE,
    TAG_WHEN,
    CaseNode,
    CaseTag,
    MultiExpressionBlockNode,
    _AnyExpression,
)
from liquid.exceptions import LiquidSyntaxError
from liquid.expression import Expression
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.token import TOKEN_EOF, TOKEN_TAG, Token

__all__ = ["RubyCaseNode", "RubyCaseTag"]


class RubyCaseNode(CaseNode):
    """A ``case`` node that keeps the (never rendered) body before its first ``when``."""

    __slots__ = ("prebody",)

    def __init__(
        self,
        token: Token,
        expression: Expression,
        blocks: list[MultiExpressionBlockNode | BlockNode],
        prebody: BlockNode,
    ) -> None:
        super().__init__(token, expression, blocks)
        self.prebody = prebody


class RubyCaseTag(CaseTag):
    """``case``/``when``/``else`` with Ruby's handling of the text before ``when``."""

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        tokens = stream.into_inner(tag=token)
        left = parse_primitive(self.env, tokens)
        tokens.expect_eos()
        parse_block = get_parser(self.env).parse_block
        prebody = parse_block(stream, ENDWHENBLOCK)
        blocks: list[MultiExpressionBlockNode | BlockNode] = []
        while not stream.current.is_tag(TAG_ENDCASE):
            if stream.current.is_tag(TAG_ELSE):
                next(stream)
                blocks.append(parse_block(stream, ENDWHENBLOCK))
            elif stream.current.is_tag(TAG_WHEN):
                when_token = next(stream)
                expressions = self._parse_when_expression(stream.into_inner(tag=when_token))
                body = parse_block(stream, ENDWHENBLOCK)
                blocks.append(
                    MultiExpressionBlockNode(
                        when_token, body, _AnyExpression(when_token, left, expressions)
                    )
                )
            elif stream.current.kind == TOKEN_EOF:
                raise LiquidSyntaxError(f"expected tag {TAG_ENDCASE}", token=token)
            else:
                raise LiquidSyntaxError(
                    f"unexpected tag {stream.current.value!r}", token=stream.current
                )
        stream.expect(TOKEN_TAG, TAG_ENDCASE)
        return RubyCaseNode(token, left, blocks, prebody)
