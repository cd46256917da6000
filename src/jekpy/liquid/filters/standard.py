"""Standard Liquid filters where Ruby Liquid 5.4 differs from python-liquid.

* string filters convert their input (and string arguments) with Ruby's
  ``to_s``, so times, floats, arrays and hashes read as Ruby prints them;
* ``round`` rounds half away from zero, ``size`` is Ruby's ``#size``,
  ``split`` drops trailing empty strings, ``join`` uses ``to_s``;
* ``divided_by`` / ``modulo`` by zero raise ``divided by 0`` (fatal), and
  ``modulo`` of non-integers follows Ruby's sign rule;
* ``date`` uses Ruby's ``strftime`` and ``Liquid::Utils.to_date``.
"""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from liquid.builtin import filters as _lf
from liquid.builtin.filters import array as _array
from liquid.builtin.filters import string as _string
from liquid.undefined import Undefined

from .. import ruby
from ..errors import LiquidArgumentError, LiquidFatal

if TYPE_CHECKING:
    from liquid import Environment

__all__ = ["register"]

_ = _lf

# filter name -> number of leading positional arguments that are strings
_STRING_FILTERS: dict[str, tuple[Callable[..., Any], int]] = {
    "append": (_string.append, 1),
    "prepend": (_string.prepend, 1),
    "capitalize": (_string.capitalize, 0),
    "downcase": (_string.downcase, 0),
    "upcase": (_string.upcase, 0),
    "lstrip": (_string.lstrip, 0),
    "rstrip": (_string.rstrip, 0),
    "strip": (_string.strip, 0),
    "newline_to_br": (_string.newline_to_br, 0),
    "remove": (_string.remove, 1),
    "remove_first": (_string.remove_first, 1),
    "remove_last": (_string.remove_last, 1),
    "replace": (_string.replace, 2),
    "replace_first": (_string.replace_first, 2),
    "replace_last": (_string.replace_last, 2),
    "strip_html": (_string.strip_html, 0),
    "strip_newlines": (_string.strip_newlines, 0),
    "base64_encode": (_string.base64_encode, 0),
    "base64_decode": (_string.base64_decode, 0),
    "base64_url_safe_encode": (_string.base64_url_safe_encode, 0),
    "base64_url_safe_decode": (_string.base64_url_safe_decode, 0),
}


# python-liquid filters that Liquid 5.4 (and so Jekyll 4.3) does not have: an
# unknown filter is ignored there, so these must be too.
_NOT_IN_LIQUID_54 = ("find", "find_index", "has", "reject", "sum", "squish", "escapejs", "safe")


def _str_value(value: object) -> object:
    if isinstance(value, (str, Undefined)):
        return value
    return ruby.to_s(value)


def _rubify(func: Callable[..., Any], nargs: int) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(value: object, *args: object, **kwargs: object) -> Any:
        value = _str_value(value)
        if nargs and args:
            args = tuple(
                _str_value(a) if i < nargs and a is not None else a for i, a in enumerate(args)
            )
        return func(value, *args, **kwargs)

    return wrapper


# -- numbers -----------------------------------------------------------------

_DECIMAL_RE = re.compile(r"\A-?\d+\.\d+\Z")


def to_number(value: object) -> int | decimal.Decimal:
    """``Liquid::Utils.to_number`` (BigDecimal as ``Decimal``)."""
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return decimal.Decimal(ruby.float_to_s(value).replace("Infinity", "Inf"))
    if isinstance(value, decimal.Decimal):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if _DECIMAL_RE.match(stripped):
            return decimal.Decimal(stripped)
        match = re.match(r"\s*([+-]?\d+(?:_\d+)*)", value)
        return int(match.group(1).replace("_", "")) if match else 0
    return 0


_CONTEXT = decimal.Context(prec=60, traps=[decimal.InvalidOperation])


def _result(value: int | decimal.Decimal) -> int | float:
    return float(value) if isinstance(value, decimal.Decimal) else value


def apply_operation(value: object, operand: object, op: str) -> int | float:
    """``apply_operation``: Ruby arithmetic on ``to_number`` values."""
    a, b = to_number(value), to_number(operand)
    if isinstance(a, int) and isinstance(b, int):
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if b == 0:
            raise LiquidFatal("divided by 0", token=None)
        return a // b if op == "/" else a % b
    da, db = decimal.Decimal(a), decimal.Decimal(b)
    if op == "+":
        return float(_CONTEXT.add(da, db))
    if op == "-":
        return float(_CONTEXT.subtract(da, db))
    if op == "*":
        if (da.is_infinite() and db == 0) or (db.is_infinite() and da == 0):
            return float("nan")
        return float(_CONTEXT.multiply(da, db))
    if db == 0:
        if op == "%":
            raise LiquidFatal("divided by 0", token=None)
        if da == 0 or da.is_nan():
            return float("nan")
        return float("inf") if (da > 0) == (not db.is_signed()) else float("-inf")
    if op == "/":
        return float(_CONTEXT.divide(da, db))
    if da.is_infinite():
        return float("nan")
    r = _CONTEXT.remainder(da, db)
    if r != 0 and (r < 0) != (db < 0):
        r = _CONTEXT.add(r, db)
    return float(r)


def plus(value: object, operand: object) -> int | float:
    return apply_operation(value, operand, "+")


def minus(value: object, operand: object) -> int | float:
    return apply_operation(value, operand, "-")


def times(value: object, operand: object) -> int | float:
    return apply_operation(value, operand, "*")


def abs_(value: object) -> int | float:
    num = to_number(value)
    return _result(-num if num < 0 else num)


def _integral(value: object, rounding: str) -> int:
    num = to_number(value)
    if isinstance(num, int):
        return num
    if not num.is_finite():
        raise LiquidFatal("Infinity" if num.is_infinite() else "NaN", token=None)
    return int(num.to_integral_value(rounding=rounding))


def ceil(value: object) -> int:
    return _integral(value, decimal.ROUND_CEILING)


def floor(value: object) -> int:
    return _integral(value, decimal.ROUND_FLOOR)


def at_least(value: object, minimum: object) -> int | float:
    num, low = to_number(value), to_number(minimum)
    return _result(low) if low > num else _result(num)


def at_most(value: object, maximum: object) -> int | float:
    num, high = to_number(value), to_number(maximum)
    return _result(high) if high < num else _result(num)


def round_(value: object, ndigits: object = 0) -> int | float:
    """Ruby ``round``: half away from zero; an Integer when ``ndigits`` is 0."""
    num = to_number(value)
    digits = to_number(ndigits)
    places = int(digits)
    if isinstance(num, int):
        if places >= 0:
            result: int | decimal.Decimal = num
        else:
            q = decimal.Decimal(num).quantize(
                decimal.Decimal(f"1E{-places}"), rounding=decimal.ROUND_HALF_UP
            )
            result = int(q)
    else:
        if not num.is_finite():
            raise LiquidFatal(
                "Computation results in 'Infinity'"
                if num.is_infinite()
                else "Computation results in 'NaN'",
                token=None,
            )
        exp = decimal.Decimal(1).scaleb(-places)
        with decimal.localcontext() as ctx:
            ctx.prec = 100
            result = num.quantize(exp, rounding=decimal.ROUND_HALF_UP)
    if ndigits == 0 or digits <= 0:
        return int(result)
    return _result(result)


def divided_by(value: object, operand: object) -> int | float:
    """Integer division for integers; ``divided by 0`` is fatal."""
    return apply_operation(value, operand, "/")


def modulo(value: object, operand: object) -> int | float:
    """Ruby ``%`` (sign of the divisor); ``divided by 0`` is fatal."""
    return apply_operation(value, operand, "%")


def size(value: object) -> int:
    """Ruby ``size``: length of strings, arrays and hashes, 8 for an Integer."""
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, int):
        return 8
    if isinstance(value, (str, list, tuple, Mapping)):
        return len(value)
    if isinstance(value, range):
        return len(value)
    if isinstance(value, Undefined):
        return 0
    sz = getattr(value, "size", None)
    if isinstance(sz, int):
        return sz
    return 0


def ruby_split(text: str, pattern: str) -> list[str]:
    """Ruby ``String#split(pattern)`` with a string pattern."""
    if pattern == " ":
        return text.split()
    if text == "":
        return []
    parts = list(text) if pattern == "" else text.split(pattern)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def split(value: object, pattern: object) -> list[str]:
    """Ruby Liquid ``split``."""
    text = ruby.to_s(value) if not isinstance(value, Undefined) else ""
    pat = ruby.to_s(pattern) if not isinstance(pattern, Undefined) else ""
    return ruby_split(text, pat)


def join(value: object, glue: object = " ") -> str:
    """Ruby Liquid ``join`` (``InputIterator#join``)."""
    if isinstance(value, Undefined) or value is None:
        return ""
    items: Any
    if isinstance(value, (list, tuple)):
        items = value
    elif isinstance(value, (Mapping, str)):
        items = [value]
    elif isinstance(value, range):
        items = list(value)
    else:
        items = [value]
    sep = "" if glue is None or isinstance(glue, Undefined) else ruby.to_s(glue)
    return ruby.join(items, sep)


def date(value: object, fmt: object) -> object:
    """Ruby Liquid ``date``."""
    if isinstance(value, Undefined):
        value = None
    if fmt is None or isinstance(fmt, Undefined) or ruby.to_s(fmt) == "":
        return value
    parsed = ruby.to_date(value)
    if parsed is None:
        return value
    return ruby.strftime(parsed, ruby.to_s(fmt))


_HTML_ESCAPE = {"&": "&amp;", ">": "&gt;", "<": "&lt;", '"': "&quot;", "'": "&#39;"}
_ESCAPE_RE = re.compile(r"[&><\"']")
_ESCAPE_ONCE_RE = re.compile(r"[\"><']|&(?!(?:[a-zA-Z]+|#\d+);)")


def escape(value: object) -> object:
    """``CGI.escapeHTML`` (``'`` as ``&#39;``); nil stays nil."""
    if value is None or isinstance(value, Undefined):
        return None
    return _ESCAPE_RE.sub(lambda m: _HTML_ESCAPE[m.group(0)], ruby.to_s(value))


def escape_once(value: object) -> str:
    """Escape, leaving existing entities alone."""
    text = "" if isinstance(value, Undefined) else ruby.to_s(value)
    return _ESCAPE_ONCE_RE.sub(lambda m: _HTML_ESCAPE[m.group(0)], text)


def _to_integer(value: object) -> int:
    """``Liquid::Utils.to_integer``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = "" if isinstance(value, Undefined) else ruby.to_s(value)
    if re.fullmatch(r"\s*[+-]?\d+(?:_\d+)*\s*", text):
        return int(text.replace("_", ""))
    raise LiquidArgumentError("invalid integer", token=None)


def truncate(value: object, length: object = 50, ellipsis: object = "...") -> object:
    """Ruby Liquid ``truncate``."""
    if value is None or isinstance(value, Undefined):
        return None
    text = ruby.to_s(value)
    n = _to_integer(length)
    end = "" if isinstance(ellipsis, Undefined) else ruby.to_s(ellipsis)
    keep = max(0, n - len(end))
    return text[:keep] + end if len(text) > n else text


def compact(value: object, key: object = None) -> Any:
    """``compact``: python-liquid's, treating undefined items as nil."""
    if value is None or isinstance(value, Undefined):
        return []
    result = _array.compact(value, key) if key is not None else _array.compact(value)
    if isinstance(result, list):
        return [item for item in result if not isinstance(item, Undefined)]
    return result


def _is_hash(value: object) -> bool:
    """A Ruby Hash: any Mapping except python-liquid's Undefined (which is a Mapping)."""
    return isinstance(value, Mapping) and not isinstance(value, Undefined)


def input_items(value: object) -> list[Any]:
    """``Liquid::StandardFilters::InputIterator``: the items a filter iterates."""
    if value is None or isinstance(value, Undefined):
        return []
    if isinstance(value, (list, tuple)):
        out: list[Any] = []

        def walk(items: Any) -> None:
            for item in items:
                if isinstance(item, (list, tuple)):
                    walk(item)
                else:
                    out.append(item)

        walk(value)
        return out
    if isinstance(value, range):
        return list(value)
    return [value]


def concat(value: object, other: object) -> list[Any]:
    """Ruby ``concat``: the input's items (flattened) followed by ``other``'s."""
    if not isinstance(other, (list, tuple)):
        raise LiquidArgumentError("concat filter requires an array argument", token=None)
    items = input_items(value) if not _is_hash(value) else [value]
    return items + list(other)


def map_(value: object, prop: object) -> list[Any]:
    """Ruby Liquid ``map`` (missing properties are nil)."""
    key = (
        ""
        if isinstance(prop, Undefined)
        else ruby.to_s(prop)
        if not isinstance(prop, str)
        else prop
    )
    out: list[Any] = []
    for item in input_items(value):
        if key == "to_liquid":
            out.append(item)
        elif isinstance(item, Mapping):
            got = item.get(key) if not isinstance(item, dict) or key in item else None
            out.append(None if isinstance(got, Undefined) else got)
        elif isinstance(item, str):
            out.append(key if key in item else None)
        elif isinstance(item, (list, tuple, int)) and not isinstance(item, bool):
            raise LiquidArgumentError(f"cannot select the property '{key}'", token=None)
        else:
            out.append(None)
    return out


def slice_(value: object, offset: object, length: object = None) -> object:
    """Ruby ``slice``: arrays slice, anything else is sliced as ``to_s``."""
    start = _to_integer(offset)
    count = 1 if length is None or isinstance(length, Undefined) else _to_integer(length)
    if isinstance(value, (list, tuple)):
        seq: Any = list(value)
    else:
        seq = "" if isinstance(value, Undefined) else ruby.to_s(value)
    size = len(seq)
    if start < 0:
        start += size
    if start < 0 or start > size or count < 0:
        return [] if isinstance(seq, list) else ""
    return seq[start : start + count]


_WS = " \t\n\v\f\r"


def split_words(text: str, limit: int) -> list[str]:
    """Ruby ``text.split(" ", limit)`` (awk-style, positive limit)."""
    n = len(text)
    i = 0
    while i < n and text[i] in _WS:
        i += 1
    if i >= n:
        return [""] if text else []
    fields: list[str] = []
    while True:
        if len(fields) == limit - 1:
            fields.append(text[i:])
            return fields
        j = i
        while j < n and text[j] not in _WS:
            j += 1
        fields.append(text[i:j])
        if j >= n:
            return fields
        while j < n and text[j] in _WS:
            j += 1
        i = j
        if i >= n:
            fields.append("")
            return fields


def truncatewords(value: object, words: object = 15, ellipsis: object = "...") -> object:
    """Ruby ``truncatewords``."""
    if value is None or isinstance(value, Undefined):
        return None
    text = ruby.to_s(value)
    n = _to_integer(words)
    if n <= 0:
        n = 1
    wordlist = split_words(text, n + 1)
    if len(wordlist) <= n:
        return text
    end = "" if isinstance(ellipsis, Undefined) else ruby.to_s(ellipsis)
    return " ".join(wordlist[:n]) + end


class _NoIndex(Exception):
    pass


def _lookup(item: object, prop: object) -> object:
    if isinstance(item, Mapping):
        try:
            value = item[prop]
        except (KeyError, TypeError):
            return None
        return None if isinstance(value, Undefined) else value
    if isinstance(item, str):
        key = ruby.to_s(prop)
        return key if key in item else None
    if isinstance(item, (list, tuple, int)) and not isinstance(item, bool):
        raise LiquidArgumentError(f"cannot select the property '{ruby.to_s(prop)}'", token=None)
    raise _NoIndex


def where(value: object, prop: object, target: object = None) -> object:
    """Ruby Liquid 5.4 ``where`` (standard Liquid; Jekyll replaces it)."""
    items = input_items(value) if not _is_hash(value) else [value]
    if not items:
        return []
    out = []
    try:
        for item in items:
            got = _lookup(item, prop)
            if target is None or isinstance(target, Undefined):
                if got is not None and got is not False:
                    out.append(item)
            elif got == target and (isinstance(got, bool) == isinstance(target, bool)):
                out.append(item)
    except _NoIndex:
        return None
    return out


def _spaceship(a: object, b: object) -> int | None:
    from .collections import spaceship

    return spaceship(a, b)


def _nil_safe_compare(a: object, b: object) -> int:
    result = _spaceship(a, b)
    if result is not None:
        return result
    if a is None:
        return 1
    if b is None:
        return -1
    raise LiquidArgumentError("cannot sort values of incompatible types", token=None)


def sort(value: object, prop: object = None) -> list[Any]:
    """Ruby Liquid 5.4 ``sort`` (nils last; incompatible values are an error)."""
    items = input_items(value) if not _is_hash(value) else [value]
    if not items:
        return []
    if prop is None or isinstance(prop, Undefined):
        return sorted(items, key=functools.cmp_to_key(_nil_safe_compare))
    keyed = [(_lookup_nil(item, prop), item) for item in items]

    def by_key(x: tuple[object, Any], y: tuple[object, Any]) -> int:
        return _nil_safe_compare(x[0], y[0])

    return [item for _, item in sorted(keyed, key=functools.cmp_to_key(by_key))]


def _lookup_nil(item: object, prop: object) -> object:
    try:
        return _lookup(item, prop)
    except _NoIndex:
        raise LiquidFatal(ruby.no_method("[]", item), token=None) from None


def url_encode(value: object) -> object:
    """``CGI.escape(input.to_s)``; nil stays nil."""
    if value is None or isinstance(value, Undefined):
        return None
    from .text import cgi_escape

    return cgi_escape(ruby.to_s(value))


def url_decode(value: object) -> object:
    """Percent-decoding; nil stays nil."""
    if value is None or isinstance(value, Undefined):
        return None
    data = ruby.to_s(value).replace("+", " ").encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(data):
        if data[i] == 0x25 and re.fullmatch(rb"[0-9A-Fa-f]{2}", data[i + 1 : i + 3]):
            out.append(int(data[i + 1 : i + 3], 16))
            i += 3
        else:
            out.append(data[i])
            i += 1
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        raise LiquidArgumentError("invalid byte sequence in UTF-8", token=None) from None


def _nil_is_empty(func: Callable[..., Any]) -> Callable[..., Any]:
    """Ruby's ``InputIterator``: a nil input is an empty array (not ``[nil]``)."""

    @functools.wraps(func)
    def wrapper(value: object, *args: object, **kwargs: object) -> Any:
        if value is None or isinstance(value, Undefined):
            value = []
        return func(value, *args, **kwargs)

    return wrapper


def register(env: Environment) -> None:
    """Install the Ruby-behaviour versions of standard filters on ``env``."""
    for name, (func, nargs) in _STRING_FILTERS.items():
        env.add_filter(name, _rubify(func, nargs))
    env.add_filter("escape", escape)
    env.add_filter("h", escape)
    env.add_filter("escape_once", escape_once)
    env.add_filter("truncate", truncate)
    env.add_filter("compact", compact)
    env.add_filter("map", map_)
    env.add_filter("concat", concat)
    for name in _NOT_IN_LIQUID_54:
        env.filters.pop(name, None)
    env.add_filter("sort", sort)
    env.add_filter("url_encode", url_encode)
    env.add_filter("url_decode", url_decode)
    for name in ("uniq", "reverse", "sort_natural"):
        env.add_filter(name, _nil_is_empty(env.filters[name]))
    env.add_filter("slice", slice_)
    env.add_filter("truncatewords", truncatewords)
    env.add_filter("where", where)
    env.add_filter("plus", plus)
    env.add_filter("minus", minus)
    env.add_filter("times", times)
    env.add_filter("abs", abs_)
    env.add_filter("ceil", ceil)
    env.add_filter("floor", floor)
    env.add_filter("at_least", at_least)
    env.add_filter("at_most", at_most)
    env.add_filter("round", round_)
    env.add_filter("divided_by", divided_by)
    env.add_filter("modulo", modulo)
    env.add_filter("size", size)
    env.add_filter("split", split)
    env.add_filter("join", join)
    env.add_filter("date", date)
