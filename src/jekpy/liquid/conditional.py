"""``if``/``unless`` with Ruby Liquid 5.4's branch list.

Ruby keeps every ``elsif`` and ``else`` in the order written and renders the
first whose condition holds (an ``else`` always holds), so a second ``else``
or an ``elsif`` after ``else`` is valid and simply never reached after an
``else``.  Each ``else`` here becomes an always-true branch.
"""

from __future__ import annotations

from liquid.ast import ConditionalBlockNode, Node
from liquid.builtin.expressions import BooleanExpression
from liquid.builtin.expressions.primitive import TrueLiteral
from liquid.builtin.tags.if_tag import IfNode, IfTag
from liquid.builtin.tags.unless_tag import UnlessNode, UnlessTag
from liquid.expression import Expression
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG

__all__ = ["RubyIfTag", "RubyUnlessTag"]


def _parse(
    tag: Tag, stream: TokenStream, end: str, node_class: type[IfNode] | type[UnlessNode]
) -> Node:
    token = stream.eat(TOKEN_TAG)
    condition = BooleanExpression.parse(tag.env, stream.into_inner(tag=token))
    stop = frozenset((end, "elsif", "else", TOKEN_EOF))
    parse_block = get_parser(tag.env).parse_block
    consequence = parse_block(stream, stop)
    branches: list[ConditionalBlockNode] = []
    while stream.current.is_tag("elsif") or stream.current.is_tag("else"):
        expr: Expression
        if stream.current.is_tag("elsif"):
            expr = BooleanExpression.parse(tag.env, stream.into_inner(tag=next(stream)))
        else:
            else_token = next(stream)
            if stream.current.kind == TOKEN_EXPRESSION:
                next(stream)  # Ruby ignores an else's markup
            expr = TrueLiteral(else_token)
        branch_token = stream.current
        branches.append(
            ConditionalBlockNode(branch_token, expression=expr, block=parse_block(stream, stop))
        )
    stream.expect(TOKEN_TAG, value=end)
    return node_class(
        token=token,
        condition=condition,
        consequence=consequence,
        alternatives=branches,
        default=None,
    )


class RubyIfTag(IfTag):
    """``if`` ... ``elsif``/``else`` in any order and number ... ``endif``."""

    def parse(self, stream: TokenStream) -> Node:
        return _parse(self, stream, "endif", IfNode)


class RubyUnlessTag(UnlessTag):
    """``unless`` with the same branch list (only the first condition is negated)."""

    def parse(self, stream: TokenStream) -> Node:
        return _parse(self, stream, "endunless", UnlessNode)
