"""Ruby Liquid 5.4 comparison semantics (``Liquid::Condition``).

python-liquid's comparison expressions differ from Ruby's in a few ways:

* ``x == blank`` is false for every value in Ruby (``blank?`` is an
  ActiveSupport method Jekyll does not load); ``x == empty`` uses ``empty?``;
* ``<``, ``>``, ``<=``, ``>=`` are false unless both sides respond to the
  operator (numbers, strings, times; hashes never), and a String compared
  with a number raises ``comparison of String with 1 failed``;
* ``contains`` is false (not an error) when the left side has no ``include?``.

After parsing, :func:`rubify` walks a parse tree and switches the class of
every comparison expression to the Ruby-behaving subclass below (same slots,
no copying), and of blocks, ``for`` loops and plain paths to the leaner
subclasses of :mod:`.fast`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from liquid.ast import BlockNode
from liquid.builtin.content import ContentNode
from liquid.builtin.expressions import BooleanExpression, Filter, Path
from liquid.builtin.expressions import logical as _logical
from liquid.builtin.expressions import loop as _loop
from liquid.builtin.expressions.primitive import Blank, Empty, RangeLiteral
from liquid.builtin.tags import case_tag as _case
from liquid.builtin.tags.capture_tag import CaptureNode
from liquid.builtin.tags.cycle_tag import CycleNode
from liquid.builtin.tags.for_tag import ForNode
from liquid.builtin.tags.if_tag import IfNode
from liquid.builtin.tags.tablerow_tag import TablerowNode
from liquid.undefined import Undefined

from liquid import RenderContext

from . import ruby
from .cycle import RubyCycleNode
from .errors import LiquidArgumentError
from .fast import RubyBlockNode, RubyBoolean, RubyFilter, RubyForNode, RubyIfNode, path_class
from .loops import RubyCaptureNode, RubyLoop, RubyRange, RubyTablerowNode

__all__ = ["ruby_compare", "ruby_eq", "rubify"]


def _value(obj: object) -> object:
    kind = type(obj)
    if kind is str or kind is int or obj is None or kind is list or kind is bool:
        return obj  # the common values: nothing to convert
    if isinstance(obj, Undefined):
        return None
    liquid = getattr(obj, "__liquid__", None)
    if callable(liquid) and not isinstance(obj, (Blank, Empty)):
        return liquid()
    return obj


def _empty(value: object) -> bool:
    if isinstance(value, (str, list, tuple, Mapping)):
        return len(value) == 0
    return False


#: exact types whose values Ruby's ``==`` never finds equal to a String
_NEVER_A_STRING = frozenset((list, dict, int, float, bool, type(None)))


def ruby_eq(left: object, right: object) -> bool:
    """``Condition#equal_variables`` + Ruby ``==``."""
    kind_left, kind_right = type(left), type(right)
    if kind_left is str:
        if kind_right is str:
            return left == right  # what the general path below ends with for two strings
        if kind_right in _NEVER_A_STRING:
            return False  # ... and for a string and a plain non-string value
    elif kind_right is str and kind_left in _NEVER_A_STRING:
        return False
    left, right = _value(left), _value(right)
    if isinstance(left, MethodLiteral) or isinstance(right, MethodLiteral):
        return left is right
    if isinstance(left, Blank) or isinstance(right, Blank):
        return False
    if isinstance(left, Empty):
        return _empty(right)
    if isinstance(right, Empty):
        return _empty(left)
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool) and left == right
    if isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        return len(left) == len(right) and all(
            ruby_eq(a, b) for a, b in zip(left, right, strict=True)
        )
    try:
        return bool(left == right)
    except Exception:  # noqa: BLE001
        return False


_NUMBER = (int, float, Decimal)


def _class(value: object) -> str:
    if isinstance(value, bool):
        return "TrueClass" if value else "FalseClass"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, (float, Decimal)):
        return "Float"
    if isinstance(value, str):
        return "String"
    if isinstance(value, _dt.datetime):
        return "Time"
    if isinstance(value, _dt.date):
        return "Date"
    return ruby.class_name(value)


_FIXNUM = 2**62


def _shown(value: object) -> str:
    """How Ruby's ``comparison of X with Y failed`` shows ``Y``: special constants
    (nil, booleans, small integers) and floats by ``inspect``, the rest by class."""
    if value is None or isinstance(value, (bool, float, Decimal)):
        return ruby.inspect(value)
    if isinstance(value, int) and -_FIXNUM <= value < _FIXNUM:
        return str(value)
    return _class(value)


def _comparable(value: object) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    return isinstance(value, (*_NUMBER, str, _dt.date))


def _ajd(value: _dt.date) -> float:
    """A Date's astronomical Julian day (what ``Date <=> Numeric`` compares)."""
    return value.toordinal() + 1721424.5


def ruby_compare(op: str, left: object, right: object) -> bool:
    """``left <op> right`` as Ruby Liquid evaluates it in a condition."""
    left, right = _value(left), _value(right)
    if not (_comparable(left) and _comparable(right)):
        return False
    if isinstance(left, _NUMBER) and isinstance(right, _NUMBER):
        pass
    elif isinstance(left, str) and isinstance(right, str):
        lb, rb = left.encode("utf-8", "surrogateescape"), right.encode("utf-8", "surrogateescape")
        return _apply(op, lb, rb)
    elif isinstance(left, _dt.date) and isinstance(right, _dt.date):
        if isinstance(left, _dt.datetime) != isinstance(right, _dt.datetime):
            raise LiquidArgumentError(
                f"comparison of {_class(left)} with {_class(right)} failed", token=None
            )
    elif (
        isinstance(left, _dt.date)
        and not isinstance(left, _dt.datetime)
        and isinstance(right, _NUMBER)
    ):
        return _apply(op, _ajd(left), right)
    else:
        raise LiquidArgumentError(
            f"comparison of {_class(left)} with {_shown(right)} failed", token=None
        )
    return _apply(op, left, right)


def _apply(op: str, a: Any, b: Any) -> bool:
    try:
        if op == "<":
            return bool(a < b)
        if op == ">":
            return bool(a > b)
        if op == "<=":
            return bool(a <= b)
        return bool(a >= b)
    except TypeError:
        return False


def ruby_contains(left: object, right: object) -> bool:
    """Ruby ``contains``."""
    left, right = _value(left), _value(right)
    if left is None or left is False or right is None or right is False:
        return False
    if isinstance(left, (MethodLiteral, Blank, Empty)):
        return False  # ``empty``/``blank`` (Liquid's MethodLiteral) has no include?
    if isinstance(left, str):
        return ruby.to_s(right) in left
    if type(left) is not list and isinstance(left, Mapping):
        try:
            return right in left
        except TypeError:
            return False
    if isinstance(left, range):
        # Range#include? covers the interval: (1..3) contains 1.5
        if isinstance(right, (int, float, Decimal)) and not isinstance(right, bool):
            return len(left) > 0 and left.start <= right <= left.stop - 1
        return False
    if isinstance(left, (list, tuple)):
        if type(right) is str and set(map(type, left)) <= _STR_ONLY:
            return right in left  # ``ruby_eq`` of two strings is ``==``
        return any(ruby_eq(item, right) for item in left)
    return False


#: the root of the path a deferred "Unknown operator" error is written as (by the
#: lax parser, lax.py); evaluating a condition with it raises the error
UNKNOWN_OPERATOR = "__jekpy_unknown_operator__"

_STR_ONLY = frozenset((str,))


class MethodLiteral(str):
    """Jekyll's ``Liquid::Expression::MethodLiteral``: ``blank``/``empty`` as values.

    Under Jekyll (which patches Liquid 5's literals), ``{% assign x = empty %}``
    or ``where: "tags", empty`` yield this object: it prints as ``""``, equals
    only itself, and Jekyll's ``where`` treats it specially.
    """

    method_name: str

    def __new__(cls, method_name: str) -> MethodLiteral:
        obj = super().__new__(cls, "")
        obj.method_name = method_name
        return obj

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    def __hash__(self) -> int:
        return id(self)


BLANK_LITERAL = MethodLiteral("blank?")
EMPTY_LITERAL = MethodLiteral("empty?")


def _jekyll(context: RenderContext) -> bool:
    settings = getattr(context.env, "settings", None)
    return bool(getattr(settings, "jekyll", False))


class RubyBlank(Blank):
    """``blank`` outside a comparison: ``""`` (Liquid 5.4) or Jekyll's MethodLiteral."""

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> Any:
        return BLANK_LITERAL if _jekyll(context) else ""


class RubyEmpty(Empty):
    """``empty`` outside a comparison: ``""`` (Liquid 5.4) or Jekyll's MethodLiteral."""

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> Any:
        return EMPTY_LITERAL if _jekyll(context) else ""


def _operand(expr: Any, context: RenderContext) -> object:
    # ``blank`` / ``empty`` written in a condition are method literals.
    if isinstance(expr, (Blank, Empty)):
        return expr
    return expr.evaluate(context)


class RubyEq(_logical.EqExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        return ruby_eq(_operand(self.left, context), _operand(self.right, context))


class RubyNe(_logical.NeExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        return not ruby_eq(_operand(self.left, context), _operand(self.right, context))


def _located(err: LiquidArgumentError, token: Any) -> LiquidArgumentError:
    err.token = token
    return err


class RubyLt(_logical.LtExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        try:
            return ruby_compare("<", _operand(self.left, context), _operand(self.right, context))
        except LiquidArgumentError as err:
            raise _located(err, self.token) from None


class RubyGt(_logical.GtExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        try:
            return ruby_compare(">", _operand(self.left, context), _operand(self.right, context))
        except LiquidArgumentError as err:
            raise _located(err, self.token) from None


class RubyLe(_logical.LeExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        try:
            return ruby_compare("<=", _operand(self.left, context), _operand(self.right, context))
        except LiquidArgumentError as err:
            raise _located(err, self.token) from None


class RubyGe(_logical.GeExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        try:
            return ruby_compare(">=", _operand(self.left, context), _operand(self.right, context))
        except LiquidArgumentError as err:
            raise _located(err, self.token) from None


class RubyContains(_logical.ContainsExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        return ruby_contains(self.left.evaluate(context), self.right.evaluate(context))


class RubyAny(_case._AnyExpression):
    """``{% when a, b %}``: Ruby equality against each value."""

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> list[bool]:
        left = self.left.evaluate(context)
        return [ruby_eq(left, _operand(right, context)) for right in self.expressions]


class UnknownOperator(Path):
    """A lax condition with an operator Ruby does not know: an error once evaluated."""

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        raise LiquidArgumentError(f"Unknown operator {self.path[1]}", token=self.token)


_SWAP: dict[type, type] = {
    _logical.EqExpression: RubyEq,
    _logical.NeExpression: RubyNe,
    _logical.LtExpression: RubyLt,
    _logical.GtExpression: RubyGt,
    _logical.LeExpression: RubyLe,
    _logical.GeExpression: RubyGe,
    _logical.ContainsExpression: RubyContains,
    Blank: RubyBlank,
    Empty: RubyEmpty,
    _case._AnyExpression: RubyAny,
    _loop.LoopExpression: RubyLoop,
    RangeLiteral: RubyRange,
    TablerowNode: RubyTablerowNode,
    CycleNode: RubyCycleNode,
    CaptureNode: RubyCaptureNode,
    BlockNode: RubyBlockNode,
    ForNode: RubyForNode,
    IfNode: RubyIfNode,
    BooleanExpression: RubyBoolean,
    Filter: RubyFilter,
}


#: cache: per node class, the slots rubify follows (one entry per class)
_SLOTS: dict[type, tuple[str, ...]] = {}


def _slots(cls: type) -> tuple[str, ...]:
    cached = _SLOTS.get(cls)
    if cached is not None:
        return cached
    out: list[str] = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        out.extend(slots)
    names = tuple(n for n in out if n not in ("token", "env", "__weakref__", "__dict__"))
    _SLOTS[cls] = names
    return names


_SEQUENCE, _MAPPING, _NODE, _OTHER = 0, 1, 2, 3
#: cache: per class: how rubify treats its instances, and the slots to follow
_KINDS: dict[type, tuple[int, tuple[str, ...]]] = {}
_SCALARS = (str, int, float, bool)


def _kind(cls: type) -> tuple[int, tuple[str, ...]]:
    kind = _KINDS.get(cls)
    if kind is None:
        if issubclass(cls, (list, tuple)):
            kind = (_SEQUENCE, ())
        elif issubclass(cls, dict):
            kind = (_MAPPING, ())
        elif cls.__module__.startswith(("liquid", "jekpy.liquid")):
            kind = (_OTHER, ()) if _is_text_node(cls) else (_NODE, _slots(cls))
        else:
            kind = (_OTHER, ())
        _KINDS[cls] = kind
    return kind


def _is_text_node(cls: type) -> bool:
    """Template text: nothing to swap, nothing but its text below it (all slots,
    no instance ``__dict__``), so rubify has nothing to do there."""
    return (
        issubclass(cls, ContentNode)
        and cls not in _SWAP
        and all("__slots__" in klass.__dict__ for klass in cls.__mro__ if klass is not object)
        and set(_slots(cls)) <= {"text", "blank"}
    )


def rubify(root: object) -> None:
    """Give every comparison reachable from ``root`` Ruby semantics (in place)."""
    seen: set[int] = set()
    stack: list[object] = [root]
    while stack:
        obj = stack.pop()
        cls = type(obj)
        if cls is str:
            continue
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        kind, slots = _KINDS.get(cls) or _kind(cls)
        if kind == _SEQUENCE:
            stack.extend(obj)  # type: ignore[arg-type]
            continue
        if kind == _MAPPING:
            stack.extend(obj.values())  # type: ignore[attr-defined]
            continue
        if kind == _OTHER:
            continue
        swap = _SWAP.get(cls)
        if swap is None and cls is Path:
            segments = obj.path  # type: ignore[attr-defined]
            if segments and segments[0] == UNKNOWN_OPERATOR:
                swap = UnknownOperator
            else:
                swap = path_class(obj)  # type: ignore[arg-type]
        if swap is not None:
            obj.__class__ = swap
        for name in slots:
            value = getattr(obj, name, None)
            if value is None or isinstance(value, _SCALARS):
                continue
            stack.append(value)
        inst_dict = getattr(obj, "__dict__", None)
        if isinstance(inst_dict, dict):
            stack.extend(v for k, v in inst_dict.items() if k not in ("env", "token"))
