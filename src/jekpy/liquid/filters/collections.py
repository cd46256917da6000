"""Jekyll's array filters: ``where``, ``where_exp``, ``find``, ``find_exp``,
``group_by``, ``group_by_exp``, ``sort`` (with nils), ``pop``/``push``/
``shift``/``unshift``, ``sample``, ``to_integer``.

Any :class:`collections.abc.Mapping` is treated like a Ruby Hash (lazy site
drops included).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from liquid.builtin.expressions import BooleanExpression, FilteredExpression, tokenize
from liquid.builtin.expressions.primitive import Blank, Empty, Literal
from liquid.exceptions import LiquidSyntaxError
from liquid.expression import Expression
from liquid.filter import with_context
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, Token
from liquid.undefined import Undefined

from liquid import RenderContext

from .. import lax, ruby
from ..conditions import MethodLiteral, rubify
from ..errors import LiquidArgumentError, LiquidFatal

__all__ = [
    "find",
    "find_exp",
    "group_by",
    "group_by_exp",
    "pop",
    "push",
    "sample",
    "shift",
    "sort",
    "to_integer",
    "unshift",
    "where",
    "where_exp",
]

_INTEGER_LIKE = re.compile(r"\A\s*-?\d+\s*\Z")
_FLOAT_LIKE = re.compile(r"\A\s*-?(?:\d+\.?\d*|\.\d+)\s*\Z")


def _items(value: object) -> list[Any] | None:
    """The elements ``select`` would iterate, or None if ``value`` has no ``select``."""
    if type(value) is list:
        return list(value)
    if value is None or isinstance(value, Undefined):
        return None
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, range):
        return list(value)
    return None


def _ruby_to_i(text: str) -> int:
    match = re.match(r"\s*([+-]?\d+(?:_\d+)*)", text)
    return int(match.group(1).replace("_", "")) if match else 0


def _ruby_to_f(text: str) -> float:
    match = re.match(r"\s*([+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?)", text)
    return float(match.group(1)) if match else 0.0


def parse_sort_input(value: object) -> object:
    """Numeric-looking values become numbers (``parse_sort_input``)."""
    text = ruby.to_s(value)
    if _INTEGER_LIKE.match(text):
        return _ruby_to_i(text)
    if _FLOAT_LIKE.match(text):
        return _ruby_to_f(text)
    return value


def _index(data: object, key: str) -> object:
    if isinstance(data, Mapping):
        try:
            return data[key]
        except (KeyError, TypeError):
            return None
    if isinstance(data, str):
        return key if key in data else None
    if isinstance(data, (list, tuple)) or (isinstance(data, int) and not isinstance(data, bool)):
        raise LiquidFatal("no implicit conversion of String into Integer", token=None)
    if data is None or isinstance(data, (bool, float, Undefined, _dt.date)):
        raise LiquidFatal(ruby.no_method("[]", data), token=None)
    return None


def item_property(item: object, prop: object) -> object:
    """``item_property``: ``item[prop]`` (dotted paths allowed), numbers parsed."""
    name = ruby.to_s(prop)
    if "." not in name:
        value = _index(item, name)
    else:
        value = item
        for key in name.split("."):
            if value is None or isinstance(value, (bool, float, Undefined, _dt.date)):
                value = False  # ``data.respond_to?(:[]) && data[key]``
                break
            value = _index(value, key)
    return parse_sort_input(value)


def _array(value: object) -> list[Any]:
    """Ruby ``Array(value)`` (a Time is its ``to_a``)."""
    if value is None:
        return []
    if isinstance(value, _dt.datetime):
        return ruby.time_to_a(value)
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    return [value]


def _is_method_literal(value: object) -> bool:
    return isinstance(value, (Empty, Blank, MethodLiteral))


def compare_property_vs_target(prop: object, target: object) -> bool:
    """Jekyll's ``compare_property_vs_target``."""
    if target is None or isinstance(target, Undefined):
        return prop is None
    if _is_method_literal(target):
        return prop == "" or ruby.join(_array(prop), "") == ""
    want = ruby.to_s(target)
    if isinstance(prop, str):
        return prop == want
    return any(ruby.to_s(p) == want for p in _array(prop))


def _skip(prop: object, value: object) -> bool:
    if type(prop) is str and type(value) is str:
        return False
    return (
        prop is None
        or prop is False
        or isinstance(prop, Undefined)
        or isinstance(value, (list, tuple, Mapping))
    )


@with_context
def where(
    value: object, prop: object, target: object, *, context: RenderContext | None = None
) -> object:
    """Items whose ``prop`` matches ``target``."""
    if _skip(prop, target):
        return value
    # only read here: a list is not copied
    items = value if type(value) is list else _items(value)
    if items is None:
        return value
    if context is not None and (
        type(target) is str
        or not (target is None or isinstance(target, Undefined) or _is_method_literal(target))
    ):
        index = _where_index(context, value, items, prop)
        if index is not None:
            return list(index.get(ruby.to_s(target), ()))
    return [item for item in items if compare_property_vs_target(item_property(item, prop), target)]


#: the tag-namespace key of :func:`where`'s per-render indexes
_WHERE_INDEX_KEY = "jekpy_where_index"


def _where_index(
    context: RenderContext, value: object, items: list[Any], prop: object
) -> dict[str, list[Any]] | None:
    """``items`` grouped by each text their ``prop`` matches, built once per render
    for each (input, property): a page's navigation looks up one array by many
    values.  Jekyll's ``where`` keeps its results for the same (input, property,
    value) in the render's filter instance too, so it also assumes the items do not
    change within one render (nothing in Liquid can change them).  None when
    an item's property raises (the plain loop then raises Jekyll's error)."""
    indexes: dict[tuple[str, object], tuple[object, dict[str, list[Any]]]] = (
        context.tag_namespace.setdefault(_WHERE_INDEX_KEY, {})
    )
    name = prop if type(prop) is str else ruby.to_s(prop)
    # the same input list as before (``site.docs`` is one list for the whole
    # build): its identity; the list is kept in the entry, so its id is not reused
    same = (name, id(value)) if type(value) is list else None
    if same is not None:
        found = indexes.get(same)
        if found is not None and found[0] is value:
            return found[1]
    # the same items (a drop may hand out a new list each time): their identities
    key = (name, tuple(map(id, items)))
    found = indexes.get(key)
    if found is not None:
        if same is not None:
            indexes[same] = (value, found[1])
        return found[1]
    index: dict[str, list[Any]] = {}
    try:
        for item in items:
            found_value = item_property(item, name)
            if isinstance(found_value, str):
                index.setdefault(found_value, []).append(item)
                continue
            for text in {ruby.to_s(p) for p in _array(found_value)}:
                index.setdefault(text, []).append(item)
    except LiquidFatal:
        return None
    # the items are kept so that their ids are not reused by other objects
    indexes[key] = (items, index)
    if same is not None:
        indexes[same] = (value, index)
    return index


def find(value: object, prop: object, target: object) -> object:
    """The first item whose ``prop`` matches ``target`` (or nil)."""
    if _skip(prop, target):
        return value
    items = _items(value)
    if items is None:
        return value
    for item in items:
        if compare_property_vs_target(item_property(item, prop), target):
            return item
    return None


def _env_cache(env: Any, name: str) -> dict[str, Expression]:
    """A parse cache that lives (and dies) with its environment."""
    cache: dict[str, Expression] | None = env.__dict__.get(name)
    if cache is None:
        cache = {}
        env.__dict__[name] = cache
    elif len(cache) > 2000:
        cache.clear()
    return cache


def _parse_condition(env: Any, expression: str) -> Expression:
    cache = _env_cache(env, "jekpy_condition_cache")
    found = cache.get(expression)
    if found is None:
        found = cache[expression] = _parse_condition_uncached(env, expression)
    return found


#: Liquid's lexer outside string literals: a number directly followed by a word is
#: two tokens (``10abc`` is ``10``, ``abc``), which no condition can continue with
_NUMBER_THEN_WORD = re.compile(r"'[^']*'|\"[^\"]*\"|(?<![\w.-])-?\d+(?:\.\d+)?([a-zA-Z_][\w-]*\??)")


class _MethodLiteralValue:
    """Jekyll's ``Liquid::Expression::MethodLiteral`` met as a value in a condition:
    not a String, equal only to itself, comparable with nothing."""

    __slots__ = ("method_name",)

    def __init__(self, method_name: str) -> None:
        self.method_name = method_name

    def __repr__(self) -> str:
        return f"MethodLiteral({self.method_name})"


_BLANK_VALUE = _MethodLiteralValue("blank?")
_EMPTY_VALUE = _MethodLiteralValue("empty?")


class _LiteralValue(Literal[_MethodLiteralValue]):
    """An expression node evaluating to a fixed object."""

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        return self.value

    async def evaluate_async(self, context: RenderContext) -> object:
        return self.value


def _literal_method_literals(root: object) -> None:
    """Jekyll parses these conditions with ``Liquid::Expression.parse``, which reads
    ``blank``/``empty`` as Jekyll's MethodLiteral *values* (equal only to
    themselves), not as the ``blank?``/``empty?`` tests of ``{% if %}``."""
    stack = [root]
    while stack:
        node = stack.pop()
        for klass in type(node).__mro__:
            names = klass.__dict__.get("__slots__", ())
            for name in (names,) if isinstance(names, str) else names:
                if name in ("token", "__weakref__", "__dict__"):
                    continue
                child = getattr(node, name, None)
                if isinstance(child, (Blank, Empty)):
                    value = _BLANK_VALUE if isinstance(child, Blank) else _EMPTY_VALUE
                    setattr(node, name, _LiteralValue(child.token, value))
                elif isinstance(child, Expression):
                    stack.append(child)


def _parse_condition_uncached(env: Any, expression: str) -> Expression:
    token = Token(TOKEN_EXPRESSION, expression, 0, expression)
    for match in _NUMBER_THEN_WORD.finditer(expression):
        word = match.group(1)
        if word is not None and word not in ("and", "or", "contains"):
            raise LiquidFatal(
                f'Liquid syntax error: Expected end_of_string but found id in "{expression}"',
                token=None,
            )
    try:
        expr = BooleanExpression.parse(env, TokenStream(tokenize(expression, token)))
        rubify(expr)
        _literal_method_literals(expr)
        return expr
    except LiquidSyntaxError as err:
        raise LiquidFatal(
            f'Liquid syntax error: {err.message} in "{expression}"', token=None
        ) from err


def _select(
    context: RenderContext, items: Iterable[Any], variable: str, expression: str, first: bool
) -> Any:
    condition = _parse_condition(context.env, expression)
    out: list[Any] = []
    for item in items:
        with context.extend({variable: item}):
            ok = condition.evaluate(context)
        if ok:
            if first:
                return item
            out.append(item)
    return None if first else out


def _markup(expression: object) -> str:
    """The expression text Liquid's parser reads: a String, else Ruby's TypeError."""
    if ruby.is_string(expression):
        return str(expression)
    raise LiquidFatal(
        f"no implicit conversion of {ruby.conversion_name(expression)} into String", token=None
    )


@with_context
def where_exp(
    value: object, variable: object, expression: object, *, context: RenderContext
) -> object:
    """Items for which the Liquid condition ``expression`` holds."""
    items = _items(value)
    if items is None:
        return value
    return _select(context, items, ruby.to_s(variable), _markup(expression), first=False)


@with_context
def find_exp(
    value: object, variable: object, expression: object, *, context: RenderContext
) -> object:
    """The first item for which ``expression`` holds (or nil)."""
    items = _items(value)
    if items is None:
        return value
    return _select(context, items, ruby.to_s(variable), _markup(expression), first=True)


def _group_items(value: object) -> list[Any] | None:
    """What ``group_by`` iterates (a Hash yields its pairs), or None."""
    if isinstance(value, Mapping) and not isinstance(value, Undefined):
        return [[k, v] for k, v in value.items()]
    return _items(value)


def _grouped(groups: list[tuple[object, list[Any]]]) -> list[dict[str, Any]]:
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups]


def _add(groups: list[tuple[object, list[Any]]], key: object, item: Any) -> None:
    for name, members in groups:
        if type(name) is type(key) and name == key:
            members.append(item)
            return
    groups.append((key, [item]))


def group_by(value: object, prop: object) -> object:
    """Groups ``{name, items, size}`` by ``prop`` (as a string)."""
    items = _group_items(value)
    if items is None:
        return value
    groups: list[tuple[object, list[Any]]] = []
    for item in items:
        _add(groups, ruby.to_s(item_property(item, prop)), item)
    return _grouped(groups)


def _parse_variable(env: Any, expression: str) -> Expression:
    cache = _env_cache(env, "jekpy_variable_cache")
    found = cache.get(expression)
    if found is None:
        found = cache[expression] = _parse_variable_uncached(env, expression)
    return found


def _parse_variable_uncached(env: Any, expression: str) -> Expression:
    token = Token(TOKEN_EXPRESSION, expression, 0, expression)
    try:
        expr = FilteredExpression.parse(env, TokenStream(tokenize(expression, token)))
        rubify(expr)
        return expr
    except LiquidSyntaxError:
        return lax.parse_variable(expression, token)


@with_context
def group_by_exp(
    value: object, variable: object, expression: object, *, context: RenderContext
) -> object:
    """Groups by the value of a Liquid expression."""
    items = _group_items(value)
    if items is None:
        return value
    expr = _parse_variable(context.env, _markup(expression))
    name = ruby.to_s(variable)
    groups: list[tuple[object, list[Any]]] = []
    for item in items:
        with context.extend({name: item}):
            key = expr.evaluate(context)
        if isinstance(key, Undefined):
            key = None
        _add(groups, key, item)
    return _grouped(groups)


# -- sort ------------------------------------------------------------------------


def _class_name(value: object) -> str:
    if value is None:
        return "NilClass"
    if isinstance(value, bool):
        return "TrueClass" if value else "FalseClass"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "Float"
    if isinstance(value, str):
        return "String"
    if isinstance(value, (list, tuple)):
        return "Array"
    if isinstance(value, Mapping):
        return "Hash"
    return type(value).__name__


def spaceship(a: object, b: object) -> int | None:
    """Ruby ``a <=> b`` (None when not comparable)."""
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        return 0 if a is b else None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return (a > b) - (a < b)
    if isinstance(a, str) and isinstance(b, str):
        ab, bb = a.encode("utf-8", "surrogateescape"), b.encode("utf-8", "surrogateescape")
        return (ab > bb) - (ab < bb)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        for x, y in zip(a, b, strict=False):
            c = spaceship(x, y)
            if c is None or c != 0:
                return c
        return (len(a) > len(b)) - (len(a) < len(b))
    try:
        return int((a > b) - (a < b))  # type: ignore[operator]
    except TypeError:
        return None


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _compare_error(a: object, b: object) -> LiquidArgumentError:
    shown = ruby.inspect(b) if isinstance(b, (int, float)) or b is None else _class_name(b)
    return LiquidArgumentError(f"comparison of {_class_name(a)} with {shown} failed", token=None)


def _plain_cmp(a: object, b: object) -> int:
    c = spaceship(a, b)
    if c is None:
        raise _compare_error(a, b)
    return c


def sort(value: object, prop: object = None, nils: object = "first") -> object:
    """Jekyll ``sort``: plain, or by property with nils first/last."""
    if value is None or isinstance(value, Undefined):
        raise LiquidArgumentError("Cannot sort a null object.", token=None)
    if isinstance(value, Mapping):
        items: list[Any] = [[k, v] for k, v in value.items()]
    elif isinstance(value, (list, tuple, range)):
        items = list(value)
    else:
        raise LiquidFatal(
            f"undefined method `sort' for {ruby.inspect(value)}:{_class_name(value)}", token=None
        )
    if prop is None or isinstance(prop, Undefined):
        kinds = set(map(type, items))
        if len(kinds) == 1:
            # Plain strings (by their bytes) or integers: a total order, so Ruby's
            # merge sort gives what Python's (also stable) sort gives.
            kind = kinds.pop()
            if kind is str:
                return sorted(items, key=_utf8)
            if kind is int:
                return sorted(items)
        for other in items[1:]:
            if spaceship(items[0], other) is None:
                raise _compare_error(items[0], other)
        return ruby.ruby_sort(items, _plain_cmp)
    if nils == "first":
        order = -1
    elif nils == "last":
        order = 1
    else:
        raise LiquidArgumentError(
            f"Invalid nils order: '{ruby.to_s(nils)}' is not a valid nils order. "
            "It must be 'first' or 'last'.",
            token=None,
        )
    keyed = [(item_property(item, prop), item) for item in items]

    def cmp(x: tuple[object, Any], y: tuple[object, Any]) -> int:
        a, b = x[0], y[0]
        if a is not None and b is None:
            return -order
        if a is None and b is not None:
            return order
        c = spaceship(a, b)
        if c is None:
            sa, sb = ruby.to_s(a).encode("utf-8", "surrogateescape"), ruby.to_s(b).encode("utf-8", "surrogateescape")
            c = (sa > sb) - (sa < sb)
        return c

    return [item for _, item in ruby.ruby_sort(keyed, cmp)]


# -- array helpers ---------------------------------------------------------------


def _to_integer_arg(num: object) -> int:
    if isinstance(num, int) and not isinstance(num, bool):
        return num
    text = ruby.to_s(num).strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    raise LiquidArgumentError("invalid integer", token=None)


def pop(value: object, num: object = 1) -> object:
    """A copy without the last ``num`` items."""
    if not isinstance(value, (list, tuple)):
        return value
    n = _to_integer_arg(num)
    if n < 0:
        raise LiquidArgumentError("negative array size", token=None)
    out = list(value)
    return out[: max(0, len(out) - n)] if n else out


def push(value: object, item: object) -> object:
    """A copy with ``item`` appended."""
    if not isinstance(value, (list, tuple)):
        return value
    return [*value, item]


def shift(value: object, num: object = 1) -> object:
    """A copy without the first ``num`` items."""
    if not isinstance(value, (list, tuple)):
        return value
    n = _to_integer_arg(num)
    if n < 0:
        raise LiquidArgumentError("negative array size", token=None)
    return list(value)[n:]


def unshift(value: object, item: object) -> object:
    """A copy with ``item`` prepended."""
    if not isinstance(value, (list, tuple)):
        return value
    return [item, *value]


def sample(value: object, num: object = 1) -> object:
    """A random item (or ``num`` random items)."""
    if not isinstance(value, (list, tuple)):
        return value
    try:
        n = _to_integer_arg(num)
    except LiquidArgumentError:
        n = 1
    import random  # (only here: ~0.7 ms of start-up otherwise)

    items = list(value)
    if n == 1:
        return random.choice(items) if items else None
    if n < 0:
        raise LiquidArgumentError("negative sample number", token=None)
    return random.sample(items, min(n, len(items)))


def to_integer(value: object) -> int:
    """``to_i`` (true -> 1, false -> 0)."""
    if value is True:
        return 1
    if value is False:
        return 0
    if value is None or isinstance(value, Undefined):
        return 0
    if isinstance(value, MethodLiteral):
        raise LiquidFatal(ruby.no_method("to_i", value), token=None)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise LiquidFatal(ruby.float_to_s(value), token=None)
        return int(value)
    if isinstance(value, str):
        return _ruby_to_i(value)
    if hasattr(value, "timestamp"):
        return int(value.timestamp())
    raise LiquidFatal(
        f"undefined method `to_i' for {ruby.inspect(value)}:{_class_name(value)}", token=None
    )
