"""``for``, ``tablerow`` and range literals with Ruby Liquid 5.4's rules.

* ``for``: ``offset``/``limit`` go through ``Utils.to_integer`` (an Integer
  as is, anything else by its ``to_s`` read as Ruby's ``Integer()``, so
  ``1.5`` or ``"x"`` raise ``invalid integer``); ``nil`` means no offset / no
  limit.  The collection is sliced by walking it: a string is one item (and
  ignores offset/limit), a hash yields ``[key, value]`` pairs, anything that
  cannot be iterated (numbers, times, nil) is empty; a negative end is empty.
* ``tablerow``: nil/false render nothing at all; ``offset``/``limit``/``cols``
  use Ruby's ``to_i`` (nil is 0, ``"3x"`` is 3, ``true`` raises); the loop
  variables are Ruby's ``TablerowloopDrop``; a ``break``/``continue`` inside
  is not consumed by the tablerow (the rest of each later cell renders only
  up to its first tag, then the interrupt reaches the enclosing loop).
* ``(a..b)``: literal ends are read with ``to_i``, variable ends with
  ``Utils.to_integer`` (``nil`` and strings with ``to_i``); a descending range
  stays ``3..1`` (printed so, iterated as empty).
* ``forloop``/``tablerowloop`` print as Ruby prints the drops.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, TextIO

from liquid.builtin.expressions import loop as _loop
from liquid.builtin.expressions.primitive import (
    FalseLiteral,
    FloatLiteral,
    IntegerLiteral,
    Nil,
    RangeLiteral,
    StringLiteral,
    TrueLiteral,
)
from liquid.builtin.tags.capture_tag import CaptureNode
from liquid.builtin.tags.tablerow_tag import TablerowNode
from liquid.exceptions import LiquidInterrupt
from liquid.undefined import Undefined

from liquid import RenderContext

from . import ruby
from .errors import LiquidArgumentError
from .fast import PENDING, push_scope, render_interrupted

__all__ = [
    "RubyCaptureNode",
    "RubyLoop",
    "RubyRange",
    "RubyTablerowNode",
    "ruby_integer",
    "ruby_range",
    "ruby_to_i",
]

_INTEGER = re.compile(
    r"\A\s*[+-]?(?:"
    r"0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*"
    r"|0[bB][01]+(?:_[01]+)*"
    r"|0[oO][0-7]+(?:_[0-7]+)*"
    r"|0[dD]\d+(?:_\d+)*"
    r"|0_?[0-7]+(?:_[0-7]+)*"
    r"|0|[1-9]\d*(?:_\d+)*"
    r")\s*\Z"
)
_LEADING_INT = re.compile(r"\s*([+-]?\d+(?:_\d+)*)")


def _nil(value: object) -> bool:
    return value is None or isinstance(value, Undefined)


def ruby_integer(value: object) -> int:
    """``Liquid::Utils.to_integer``: ``Integer(value.to_s)``, else ``invalid integer``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = ruby.to_s(value)
    if not _INTEGER.match(text):
        raise LiquidArgumentError("invalid integer", token=None)
    body = text.strip()
    sign = -1 if body[0] == "-" else 1
    digits = body.lstrip("+-").replace("_", "").lower()
    base = 10
    if len(digits) > 1 and digits[0] == "0":
        base = {"x": 16, "b": 2, "o": 8, "d": 10}.get(digits[1], 8)
        digits = digits[2:] if digits[1] in "xbod" else digits
    return sign * int(digits, base)


def ruby_to_i(value: object) -> int:
    """Ruby's ``value.to_i`` for Liquid values (NoMethodError where Ruby has none)."""
    if _nil(value):
        return 0
    if isinstance(value, bool):
        raise LiquidArgumentError(ruby.no_method("to_i", value), token=None)
    if isinstance(value, int):
        return value
    if isinstance(value, (float, Decimal)):
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            raise LiquidArgumentError(ruby.float_to_s(number), token=None)
        return int(number)
    if isinstance(value, str):
        match = _LEADING_INT.match(value)
        return int(match.group(1).replace("_", "")) if match else 0
    if isinstance(value, _dt.datetime):
        return int(value.timestamp())
    raise LiquidArgumentError(ruby.no_method("to_i", value), token=None)


_LITERALS = (IntegerLiteral, FloatLiteral, StringLiteral, Nil, TrueLiteral, FalseLiteral)


def _range_end(value: object, literal: bool) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if literal or _nil(value) or isinstance(value, str):
        return ruby_to_i(value)
    return ruby_integer(value)


def ruby_range(start: object, stop: object, *, literal: bool = False) -> range:
    """``(start..stop)`` as a Python range (``range(3, 2)`` for ``3..1``)."""
    return range(_range_end(start, literal), _range_end(stop, literal) + 1)


class RubyRange(RangeLiteral):
    """``(a..b)`` with Ruby's conversions of its ends."""

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> range:
        literal = isinstance(self.start, _LITERALS) and isinstance(self.stop, _LITERALS)
        return ruby_range(
            self.start.evaluate(context), self.stop.evaluate(context), literal=literal
        )


def _items(value: object) -> list[Any] | None:
    """The items ``each`` yields (a string: None, handled by the caller): a hash
    its ``[key, value]`` pairs, a Jekyll drop its keys."""
    if isinstance(value, str):
        return None
    if isinstance(value, Mapping):
        if getattr(value, "ruby_each_keys", False):
            return list(value)
        return [(k, v) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return list(value)
    return []


def _slice(value: object, start: int, stop: int | None, context: RenderContext) -> list[Any]:
    """``Utils.slice_collection`` (every Liquid value here is sliced by ``each``)."""
    if stop is not None and stop <= 0:
        return [value] if isinstance(value, str) and value else []
    if isinstance(value, range):
        part = value[max(start, 0) : stop]
        context.raise_for_loop_limit(len(part))  # before building a huge list
        return list(part)
    items = _items(value)
    if items is None:
        return [value] if value else []
    return items[max(start, 0) : stop]


class RubyLoop(_loop.LoopExpression):
    """The ``for`` loop expression: Ruby's offset, limit and slicing."""

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> tuple[Iterator[Any], int]:
        stopindex = context.tag_namespace["stopindex"]
        key = f"{self.identifier}-{self.iterable}"
        offset = self.offset
        if isinstance(offset, StringLiteral) and offset.value == "continue":
            start = stopindex.get(key, 0)
        elif offset is None:
            start = 0
        else:
            value = offset.evaluate(context)
            start = 0 if _nil(value) else _located(ruby_integer, value, offset)
        collection = self.iterable.evaluate(context)
        stop: int | None = None
        if self.limit is not None:
            value = self.limit.evaluate(context)
            if not _nil(value):
                stop = _located(ruby_integer, value, self.limit) + start
        if type(collection) is list and start == 0 and stop is None:
            segment = collection[:]  # the usual loop over a whole array
        else:
            segment = _slice(collection, start, stop, context)
        stopindex[key] = start + len(segment)
        if self.reversed:
            segment.reverse()
        return iter(segment), len(segment)


def _located(func: Any, value: object, expr: Any) -> int:
    try:
        return int(func(value))
    except LiquidArgumentError as err:
        err.token = expr.token
        raise


class TablerowLoop(Mapping[str, object]):
    """``tablerowloop`` (Ruby's ``TablerowloopDrop``)."""

    __slots__ = ("length", "cols", "index0", "row", "col")

    _KEYS = (
        "length",
        "index",
        "index0",
        "rindex",
        "rindex0",
        "first",
        "last",
        "col",
        "col0",
        "col_first",
        "col_last",
        "row",
    )

    def __init__(self, length: int, cols: int) -> None:
        self.length = length
        self.cols = cols
        self.index0 = 0
        self.row = 1
        self.col = 1

    def __getitem__(self, key: str) -> object:
        i, n, col = self.index0, self.length, self.col
        values = {
            "length": n,
            "index": i + 1,
            "index0": i,
            "rindex": n - i,
            "rindex0": n - i - 1,
            "first": i == 0,
            "last": i == n - 1,
            "col": col,
            "col0": col - 1,
            "col_first": col == 1,
            "col_last": col == self.cols,
            "row": self.row,
        }
        if key in values:
            return values[key]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._KEYS)

    def __len__(self) -> int:
        return len(self._KEYS)

    def step(self) -> None:
        self.index0 += 1
        if self.col == self.cols:
            self.col = 1
            self.row += 1
        else:
            self.col += 1

    def ruby_to_s(self) -> str:
        return "Liquid::TablerowloopDrop"

    def ruby_inspect(self) -> str:
        return "#<Liquid::TablerowloopDrop>"


#: how a variable name python-liquid cannot parse (``a.b``) is carried to render time
NAME_PREFIX = "__jekpy_name_"


def ruby_name(name: str) -> str:
    """The Ruby variable name behind a (possibly encoded) identifier."""
    if name.startswith(NAME_PREFIX):
        return bytes.fromhex(name[len(NAME_PREFIX) :]).decode("utf-8")
    return str(name)


class RubyCaptureNode(CaptureNode):
    """``capture``: a ``break``/``continue`` inside still assigns what was captured
    so far (Ruby's body stops at the interrupt, then ``Capture`` assigns)."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        buf = context.get_buffer(buffer)
        try:
            self.block.render(context, buf)
        finally:
            context.assign(ruby_name(self.name), buf.getvalue())
        return 0


class RubyTablerowNode(TablerowNode):
    """``tablerow`` as Ruby's ``TableRow`` renders it."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        expr = self.expression
        collection = expr.iterable.evaluate(context)
        if _nil(collection) or collection is False:
            return 0
        start = ruby_to_i(expr.offset.evaluate(context)) if expr.offset is not None else 0
        stop = None
        if expr.limit is not None:
            stop = start + ruby_to_i(expr.limit.evaluate(context))
        items = _slice(collection, start, stop, context)
        cols = ruby_to_i(expr.cols.evaluate(context)) if expr.cols is not None else 0
        length = len(items)
        loop = TablerowLoop(length, cols)
        name = str(expr.identifier)
        namespace: dict[str, Any] = {"tablerowloop": loop, name: None}
        context.raise_for_loop_limit(length)
        # Ruby's tablerow never pops an interrupt: after a break/continue every
        # later cell renders up to its first tag, and all of them stay pending.
        pending: list[LiquidInterrupt] = context.tag_namespace.setdefault(PENDING, [])
        stack: list[LiquidInterrupt] = []
        interrupted = bool(pending)
        count = buffer.write('<tr class="row1">\n')
        scope = push_scope(context, namespace)
        try:
            for item in items:
                namespace[name] = item
                count += buffer.write(f'<td class="col{loop.col}">')
                if interrupted:
                    render_interrupted(self.block, context, buffer, stack)
                else:
                    try:
                        self.block.render(context, buffer)
                    except LiquidInterrupt as interrupt:
                        stack.append(interrupt)
                        interrupted = True
                count += buffer.write("</td>")
                if loop.col == loop.cols and loop.index0 != length - 1:
                    count += buffer.write(f'</tr>\n<tr class="row{loop.row + 1}">')
                loop.step()
        finally:
            scope.pop()
        count += buffer.write("</tr>\n")
        if stack or pending:
            pending.extend(stack)
            raise pending.pop()
        return count
