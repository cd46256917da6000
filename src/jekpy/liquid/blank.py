"""Ruby Liquid 5.4's "blank block" rule, applied to a parsed tree.

Ruby removes the whitespace-only text of an ``if``/``unless``/``case``/``for``
whose every body is *blank*, at parse time, and renders everything else as
written.  A body is blank when each of its nodes is:

* text made only of whitespace (``\\s``: space, ``\\t\\n\\v\\f\\r``);
* ``assign``, ``capture``, ``comment``, ``{% # %}``, an empty ``raw``;
* a block (``if``, ``unless``, ``case``, ``for``, ``tablerow``, ``ifchanged``,
  ``highlight``, ``{% liquid %}``) whose bodies are all blank -- for ``case``
  this includes the never-rendered text before the first ``when``.

Every other tag (``break``, ``continue``, ``cycle``, ``include``, ``echo``...)
and every ``{{ }}`` is not blank.  Only the text directly inside the blank
block's bodies goes: a ``tablerow`` or ``capture`` keeps its own whitespace,
and nothing else is silenced (python-liquid's own rule, which silences whole
blocks and counts ``break`` as blank, is switched off by the environment).
"""

from __future__ import annotations

from liquid.ast import BlockNode, ConditionalBlockNode, Node
from liquid.builtin.content import ContentNode
from liquid.builtin.tags.assign_tag import AssignNode
from liquid.builtin.tags.capture_tag import CaptureNode
from liquid.builtin.tags.case_tag import CaseNode, MultiExpressionBlockNode
from liquid.builtin.tags.comment_tag import CommentNode
from liquid.builtin.tags.for_tag import ForNode
from liquid.builtin.tags.if_tag import IfNode
from liquid.builtin.tags.ifchanged_tag import IfChangedNode
from liquid.builtin.tags.liquid_tag import LiquidNode
from liquid.builtin.tags.tablerow_tag import TablerowNode
from liquid.builtin.tags.unless_tag import UnlessNode

from .nodes import RubyContentNode, RubyOutputNode

__all__ = ["RUBY_SPACE", "apply_ruby_blank", "is_raw_text"]

#: Ruby's ``\s`` (no NUL, unlike the tokenizer's whitespace control)
RUBY_SPACE = " \t\n\v\f\r"


def is_raw_text(node: Node) -> bool:
    """Text that came from a ``{% raw %}`` body (a tag in Ruby, never removed)."""
    return getattr(node.token, "raw_body", False) is True


def _bodies(node: Node) -> list[BlockNode] | None:
    """The bodies of a control-flow block that Ruby may strip, else None."""
    if isinstance(node, (IfNode, UnlessNode)):
        out = [node.consequence]
        out.extend(alt.block for alt in node.alternatives if isinstance(alt, ConditionalBlockNode))
        if node.default is not None:
            out.append(node.default)
        return out
    if isinstance(node, ForNode):
        return [node.block] if node.default is None else [node.block, node.default]
    if isinstance(node, CaseNode):
        out = []
        for block in node.blocks:
            if isinstance(block, MultiExpressionBlockNode):
                out.append(block.block)
            elif isinstance(block, BlockNode):
                out.append(block)
        prebody = getattr(node, "prebody", None)
        if isinstance(prebody, BlockNode):
            out.append(prebody)
        return out
    return None


def _strip(body: BlockNode) -> None:
    body.nodes = [
        n
        for n in body.nodes
        if not (isinstance(n, ContentNode) and not is_raw_text(n) and _space(n.text))
    ]


def _space(text: str) -> bool:
    return not text.strip(RUBY_SPACE)


def _blank(node: Node) -> bool:
    if type(node) is RubyOutputNode:  # the common node: none of the kinds below
        return False
    if type(node) is RubyContentNode or isinstance(node, ContentNode):
        return not is_raw_text(node) and _space(node.text)
    if isinstance(node, BlockNode):
        return _all_blank(node.nodes)
    bodies = _bodies(node)
    if bodies is not None:
        blank = all([_blank(body) for body in bodies])  # every body is visited
        if blank:
            for body in bodies:
                _strip(body)
        return blank
    if isinstance(node, CaptureNode):
        _blank(node.block)
        return True
    if isinstance(node, (AssignNode, CommentNode)):
        return True
    if isinstance(node, (TablerowNode, IfChangedNode, LiquidNode)):
        return _blank(node.block)
    inner = getattr(node, "ruby_block_body", None)  # Jekyll's block tags (highlight)
    if isinstance(inner, BlockNode):
        return _blank(inner)
    return False


def _all_blank(nodes: list[Node]) -> bool:
    return all([_blank(n) for n in nodes])


def apply_ruby_blank(nodes: list[Node]) -> None:
    """Strip the whitespace text of blank control-flow blocks in ``nodes`` (in place)."""
    _all_blank(nodes)
