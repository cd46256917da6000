"""``cycle`` as Ruby Liquid 5.4 renders it (``Liquid::Cycle``).

* The markup is read with Ruby's lax rules (:func:`jekpy.liquid.lax.rewrite_cycle`:
  values are split at every comma, even inside quotes).
* A named cycle's state is keyed by the *value* of its name (``5`` and ``"5"``
  differ, ``i`` holding 5 and ``5`` do not).  An unnamed cycle is keyed by the
  Ruby ``to_s`` of its parsed values: cycles whose values are all literals share
  their state when the values are equal; one with a variable has a state of its
  own (Ruby's key then includes the object's address).
* Only the current value is evaluated; an array prints joined, anything else by
  Ruby's ``to_s`` (never a Python repr).
"""

from __future__ import annotations

from typing import TextIO

from liquid.builtin.expressions.primitive import (
    Blank,
    Empty,
    Literal,
    Nil,
    RangeLiteral,
)
from liquid.builtin.tags.cycle_tag import CycleNode
from liquid.expression import Expression

from liquid import RenderContext

from . import ruby

__all__ = ["RubyCycleNode"]

_KEYS = "jekpy_cycle_keys"


def _literal(expr: Expression) -> bool:
    if isinstance(expr, (Literal, Nil, Blank, Empty)):
        return True
    if isinstance(expr, RangeLiteral):
        return _literal(expr.start) and _literal(expr.stop)
    return False


class RubyCycleNode(CycleNode):
    """``{% cycle [name:] a, b, ... %}`` with Ruby's keys and printing."""

    __slots__ = ()

    def _key(self, context: RenderContext) -> tuple[object, ...]:
        if self.group is not None:
            name = self.group.evaluate(context)
            if type(name) is str:
                return ("named", name)
            return ("named-value", ruby.inspect(name))
        keys = context.tag_namespace.get(_KEYS)
        if keys is None:
            keys = context.tag_namespace[_KEYS] = {}
        key = keys.get(id(self))  # an unnamed cycle's key is fixed: once per render
        if key is None:
            key = keys[id(self)] = self._unnamed_key(context)
        return key

    def _unnamed_key(self, context: RenderContext) -> tuple[object, ...]:
        if all(_literal(arg) for arg in self.args):
            # Ruby's ``to_s`` of equal literal lists is equal; values of
            # different classes (1, 1.0, "1", true) print differently.
            return ("values", *((type(v), v) for v in (a.evaluate(context) for a in self.args)))
        return ("tag", id(self))

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        states = context.tag_namespace["cycles"]
        key = self._key(context)
        index = states.get(key, 0)
        value = self.args[index].evaluate(context) if index < len(self.args) else None
        index += 1
        states[key] = 0 if index >= len(self.args) else index
        return buffer.write(ruby.output_str(value))

    async def render_to_output_async(self, context: RenderContext, buffer: TextIO) -> int:
        return self.render_to_output(context, buffer)
