"""Liquid 5.4's standard filters with Ruby's semantics.

Every filter here is written after the Ruby method it stands for and called
through :func:`.calling.ruby_filter` (Ruby arity, keyword arguments as one
trailing Hash):

* string filters convert their input and string arguments with Ruby's
  ``to_s`` (``nil`` is ``""``; times, floats, arrays and hashes read as Ruby
  prints them); ``replace``/``replace_first`` expand ``\\0``, ``\\&``, ``\\\\``
  in the replacement like ``gsub``/``sub`` do;
* array filters iterate like ``InputIterator``: arrays are flattened, a Hash
  is one item, ``nil`` is empty, a Time is its ``to_a`` (10 items), anything
  else is one item; ``item[property]`` is Ruby's ``#[]`` (Integer bits,
  String substrings, Array indexes), a ``TypeError`` there is ``cannot
  select the property``, an item without ``#[]`` makes the filter nil;
* ``round`` rounds half away from zero, ``size`` is Ruby's ``#size``,
  ``divided_by`` / ``modulo`` by zero raise ``divided by 0``;
* ``date`` uses Ruby's ``strftime`` and ``Liquid::Utils.to_date``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import decimal
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from liquid.undefined import Undefined

from .. import ruby
from ..errors import LiquidArgumentError, LiquidFatal
from .calling import ruby_filter
from .text import cgi_escape

if TYPE_CHECKING:
    from liquid import Environment

__all__ = [
    "NoBracket",
    "PropertyTypeError",
    "eql_key",
    "input_items",
    "register",
    "ruby_index",
    "text_of",
]


def text_of(value: object) -> str:
    """Ruby ``value.to_s`` (``nil`` and undefined are ``""``)."""
    if type(value) is str:
        return value
    if isinstance(value, Undefined):
        return ""
    return ruby.to_s(value)


def _nil(value: object) -> bool:
    return value is None or isinstance(value, Undefined)


def _is_hash(value: object) -> bool:
    """A Ruby Hash: any Mapping except python-liquid's Undefined (which is a Mapping)."""
    if value is None or type(value) in _NOT_HASHES:
        return False
    return isinstance(value, Mapping) and not isinstance(value, Undefined)


#: exact types that are no Hash (skips the ABC ``isinstance`` for them)
_NOT_HASHES = frozenset((str, int, float, bool, list, tuple))


# -- Ruby values as Liquid's filters see them ------------------------------------------


def _liquid_item(item: object) -> object:
    """``item.to_liquid``: Jekyll's ``blank``/``empty`` literals become ``""``."""
    if type(item) is not str and isinstance(item, str):
        return str(item)
    if isinstance(item, Undefined):
        return None
    return item


def input_items(value: object) -> list[Any]:
    """``Liquid::StandardFilters::InputIterator``: the items a filter iterates."""
    if _nil(value):
        return []
    if isinstance(value, (list, tuple)):
        out: list[Any] = []

        def walk(items: Any) -> None:
            for item in items:
                if isinstance(item, (list, tuple)):
                    walk(item)
                else:
                    out.append(_liquid_item(item))

        walk(value)
        return out
    if _is_hash(value):
        if _is_jekyll_drop(value):
            return list(value)  # type: ignore[call-overload,no-any-return]  # its keys
        return [value]
    if isinstance(value, range):
        return list(value)
    if isinstance(value, _dt.datetime):
        return ruby.time_to_a(value)
    return [_liquid_item(value)]


def _is_jekyll_drop(value: object) -> bool:
    """One of Jekyll's drops (document, site, collection, static file...), not a Hash;
    ``page`` of a page is a Hash in Jekyll.  content/drops.py marks them: a Jekyll
    drop's ``ruby_each_keys`` is true, a page's (a Hash) false."""
    return bool(getattr(value, "ruby_each_keys", False))


class PropertyTypeError(Exception):
    """Ruby ``TypeError`` from ``item[property]``."""


class NoBracket(Exception):
    """``item`` has no ``#[]`` (Ruby ``NoMethodError``)."""


_LONG = 1 << 63


def _index_int(key: object) -> int:
    """Ruby's implicit Integer conversion of an index (``to_int``)."""
    if isinstance(key, bool) or key is None:
        raise PropertyTypeError
    if isinstance(key, int):
        return _c_long(key)
    if isinstance(key, float):
        if key != key or key in (float("inf"), float("-inf")):
            raise LiquidFatal(ruby.float_to_s(key), token=None)
        return int(key)
    if isinstance(key, decimal.Decimal):
        return int(key)
    raise PropertyTypeError


def _hash_get(item: Mapping[Any, Any], key: object) -> object:
    if type(item) is dict:
        if isinstance(key, str) or key is None:
            found = item.get(key)
        else:
            found = None
            for k, v in item.items():
                if type(k) is type(key) and k == key:
                    found = v
                    break
    else:
        try:
            found = item[key]
        except (KeyError, TypeError, IndexError, ValueError):
            return None
    return None if isinstance(found, Undefined) else found


def ruby_index(item: object, key: object) -> object:
    """Ruby ``item[key]`` for a Liquid value (raises PropertyTypeError / NoBracket)."""
    if _is_hash(item):
        return _hash_get(item, key)  # type: ignore[arg-type]
    if isinstance(item, str):
        if isinstance(key, str):
            if ruby.is_string(key):
                return key if key in item else None
            raise PropertyTypeError  # Jekyll's blank/empty literal is no String
        if isinstance(key, range):
            return _range_slice(item, key)
        i = _index_int(key)
        if i < 0:
            i += len(item)
        return item[i] if 0 <= i < len(item) else None
    if isinstance(item, (list, tuple)):
        if isinstance(key, range):
            return _range_slice(list(item), key)
        i = _index_int(key)
        if i < 0:
            i += len(item)
        return item[i] if 0 <= i < len(item) else None
    if isinstance(item, int) and not isinstance(item, bool):
        # Integer#[]: a bit (of any index; a negative one is 0)
        i = key if isinstance(key, int) and not isinstance(key, bool) else _index_int(key)
        return (item >> i) & 1 if i >= 0 else 0
    raise NoBracket


def _range_slice(seq: Any, key: range) -> Any:
    start = key.start
    stop = key.stop - 1 if key.step > 0 else key.stop
    size = len(seq)
    if start < 0:
        start += size
    if stop < 0:
        stop += size
    if start < 0 or start > size:
        return None
    return seq[start : max(start, stop + 1)]


def eql_key(value: object) -> object:
    """A hashable key equal for values Ruby's ``eql?`` finds equal (``uniq``)."""
    if _nil(value):
        return ("nil",)
    kind = type(value)
    if kind is str or isinstance(value, str):
        return ("s", str(value))
    if kind is bool:
        return ("b", value)
    if kind is int or isinstance(value, int):
        return ("i", value)
    if isinstance(value, (float, decimal.Decimal)):
        return ("f", float(value))
    if isinstance(value, (list, tuple)):
        return ("a", tuple(eql_key(v) for v in value))
    if _is_hash(value):
        return ("h", frozenset((eql_key(k), eql_key(v)) for k, v in value.items()))  # type: ignore[attr-defined]
    if isinstance(value, (_dt.date, range)):
        return (kind.__name__, value)
    return ("o", id(value))


# -- strings ------------------------------------------------------------------


def downcase(value: object) -> str:
    return text_of(value).lower()


def upcase(value: object) -> str:
    return text_of(value).upper()


def capitalize(value: object) -> str:
    return text_of(value).capitalize()


_RUBY_STRIP = " \t\n\v\f\r\0"


def strip(value: object) -> str:
    return text_of(value).strip(_RUBY_STRIP)


def lstrip(value: object) -> str:
    return text_of(value).lstrip(_RUBY_STRIP)


def rstrip(value: object) -> str:
    return text_of(value).rstrip(_RUBY_STRIP)


def append(value: object, string: object) -> str:
    return text_of(value) + text_of(string)


def prepend(value: object, string: object) -> str:
    return text_of(string) + text_of(value)


_BACKREF = re.compile(r"\\(?:([0-9&`'\\])|k<[^>]*>)")


def _expand(replacement: str, match: re.Match[str]) -> str:
    """A ``gsub``/``sub`` replacement string: ``\\0``/``\\&`` the match, ``\\\\`` a backslash."""
    if "\\" not in replacement:
        return replacement
    text = match.string

    def sub(m: re.Match[str]) -> str:
        code = m.group(1)
        if code is None:
            return ""
        if code in "0&":
            return match.group(0)
        if code == "`":
            return text[: match.start()]
        if code == "'":
            return text[match.end() :]
        if code == "\\":
            return "\\"
        return ""  # \1..\9: a string pattern has no groups

    return _BACKREF.sub(sub, replacement)


def replace(value: object, string: object, replacement: object = "") -> str:
    """``gsub`` with a string pattern."""
    pattern, repl = text_of(string), text_of(replacement)
    return re.sub(re.escape(pattern), lambda m: _expand(repl, m), text_of(value))


def replace_first(value: object, string: object, replacement: object = "") -> str:
    """``sub`` with a string pattern."""
    pattern, repl = text_of(string), text_of(replacement)
    return re.sub(re.escape(pattern), lambda m: _expand(repl, m), text_of(value), count=1)


def replace_last(value: object, string: object, replacement: object) -> str:
    """The last occurrence replaced verbatim (``rindex`` + slice assignment)."""
    text, pattern = text_of(value), text_of(string)
    at = text.rfind(pattern)
    if at < 0:
        return text
    return text[:at] + text_of(replacement) + text[at + len(pattern) :]


def remove(value: object, string: object) -> str:
    return replace(value, string, "")


def remove_first(value: object, string: object) -> str:
    return replace_first(value, string, "")


def remove_last(value: object, string: object) -> str:
    return replace_last(value, string, "")


_STRIP_HTML_BLOCKS = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", re.S)
_STRIP_HTML_TAGS = re.compile(r"<.*?>", re.S)
_NEWLINE = re.compile(r"\r?\n")


def strip_html(value: object) -> str:
    return _STRIP_HTML_TAGS.sub("", _STRIP_HTML_BLOCKS.sub("", text_of(value)))


def strip_newlines(value: object) -> str:
    return _NEWLINE.sub("", text_of(value))


def newline_to_br(value: object) -> str:
    return _NEWLINE.sub("<br />\n", text_of(value))


_HTML_ESCAPE = {"&": "&amp;", ">": "&gt;", "<": "&lt;", '"': "&quot;", "'": "&#39;"}
_ESCAPE_RE = re.compile(r"[&><\"']")
_ESCAPE_ONCE_RE = re.compile(r"[\"><']|&(?!(?:[a-zA-Z]+|#\d+);)")


def escape(value: object) -> object:
    """``CGI.escapeHTML`` (``'`` as ``&#39;``); nil stays nil."""
    if _nil(value):
        return None
    return _ESCAPE_RE.sub(lambda m: _HTML_ESCAPE[m.group(0)], text_of(value))


def escape_once(value: object) -> str:
    """Escape, leaving existing entities alone."""
    return _ESCAPE_ONCE_RE.sub(lambda m: _HTML_ESCAPE[m.group(0)], text_of(value))


def url_encode(value: object) -> object:
    """``CGI.escape(input.to_s)``; nil stays nil."""
    if _nil(value):
        return None
    return cgi_escape(text_of(value))


def url_decode(value: object) -> object:
    """``CGI.unescape``; nil stays nil; invalid UTF-8 is an error."""
    if _nil(value):
        return None
    data = text_of(value).replace("+", " ").encode("utf-8", "surrogateescape")
    out = re.sub(rb"%([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), data)
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        raise LiquidArgumentError("invalid byte sequence in UTF-8", token=None) from None


def _bytes_text(data: bytes) -> str:
    """A binary (ASCII-8BIT) Ruby string: one character per byte, bytes from 0x80 as
    surrogates (``surrogateescape``), so that ``size`` counts bytes, ``inspect``
    shows ``\\xNN`` and the output is written as the same bytes."""
    return data.decode("ascii", "surrogateescape")


def base64_encode(value: object) -> str:
    return base64.b64encode(text_of(value).encode("utf-8", "surrogateescape")).decode("ascii")


def base64_url_safe_encode(value: object) -> str:
    data = text_of(value).encode("utf-8", "surrogateescape")
    return base64.urlsafe_b64encode(data).decode("ascii")


_STRICT_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


_B64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _strict_decode64(text: str, name: str) -> str:
    """``Base64.strict_decode64``: only the alphabet, padded to a multiple of 4,
    the bits after the last byte zero."""
    ok = _STRICT_BASE64.fullmatch(text) is not None
    if ok and text.endswith("=="):
        ok = _B64_ALPHABET.index(text[-3]) & 0xF == 0
    elif ok and text.endswith("="):
        ok = _B64_ALPHABET.index(text[-2]) & 0x3 == 0
    if not ok:
        raise LiquidArgumentError(f"invalid base64 provided to {name}", token=None)
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError):
        raise LiquidArgumentError(f"invalid base64 provided to {name}", token=None) from None
    return _bytes_text(data)


def base64_decode(value: object) -> str:
    return _strict_decode64(text_of(value), "base64_decode")


def base64_url_safe_decode(value: object) -> str:
    """``Base64.urlsafe_decode64``: padding added when missing, ``-_`` read as ``+/``."""
    text = text_of(value)
    if not text.endswith("=") and len(text) % 4:
        text = text.ljust(len(text) + (-len(text)) % 4, "=")
    text = text.replace("-", "+").replace("_", "/")
    return _strict_decode64(text, "base64_url_safe_decode")


def split(value: object, pattern: object) -> list[str]:
    """Ruby ``String#split`` with a string pattern (``" "`` is awk-style)."""
    text, pat = text_of(value), text_of(pattern)
    if pat == " ":
        return text.split()
    if text == "":
        return []
    parts = list(text) if pat == "" else text.split(pat)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


_RUBY_INTEGER = re.compile(
    r"\s*[+-]?(?:0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0[bB][01]+(?:_[01]+)*"
    r"|0[oO]?[0-7]+(?:_[0-7]+)*|[1-9]\d*(?:_\d+)*|0)\s*"
)


def _to_integer(value: object) -> int:
    """``Liquid::Utils.to_integer``: ``Integer(value.to_s)``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = text_of(value)
    if _RUBY_INTEGER.fullmatch(text):
        body = text.strip().replace("_", "")
        sign = -1 if body.startswith("-") else 1
        body = body.lstrip("+-")
        lowered = body.lower()
        if lowered.startswith("0x"):
            return sign * int(lowered[2:], 16)
        if lowered.startswith("0b"):
            return sign * int(lowered[2:], 2)
        if lowered.startswith("0o"):
            return sign * int(lowered[2:], 8)
        if len(body) > 1 and body.startswith("0"):
            return sign * int(body, 8)
        return sign * int(body)
    raise LiquidArgumentError("invalid integer", token=None)


def _c_long(value: int) -> int:
    if not -_LONG <= value < _LONG:
        raise LiquidFatal("bignum too big to convert into `long'", token=None)
    return value


def slice_(value: object, offset: object, length: object = None) -> object:
    """Ruby ``slice``: arrays slice, anything else is sliced as ``to_s``."""
    start = _c_long(_to_integer(offset))
    count = 1 if length is None or length is False else _c_long(_to_integer(length))
    seq: Any = list(value) if isinstance(value, (list, tuple)) else text_of(value)
    size = len(seq)
    if start < 0:
        start += size
    if start < 0 or start > size or count < 0:
        return [] if isinstance(seq, list) else ""
    return seq[start : start + count]


def truncate(value: object, length: object = 50, ellipsis: object = "...") -> object:
    """Ruby Liquid ``truncate``."""
    if _nil(value):
        return None
    text = text_of(value)
    n = _to_integer(length)
    end = text_of(ellipsis)
    keep = max(0, n - len(end))
    return text[:keep] + end if len(text) > n else text


_WS = " \t\n\v\f\r"
_MAX_INT = (1 << 31) - 1


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
    if _nil(value):
        return None
    text = text_of(value)
    n = _to_integer(words)
    if n <= 0:
        n = 1
    if n + 1 > _MAX_INT:
        raise LiquidArgumentError(f"integer {n} too big for truncatewords", token=None)
    wordlist = split_words(text, n + 1)
    if len(wordlist) <= n:
        return text
    return " ".join(wordlist[:n]) + text_of(ellipsis)


# -- arrays -----------------------------------------------------------------------


def _property_error(prop: object) -> LiquidArgumentError:
    return LiquidArgumentError(f"cannot select the property '{text_of(prop)}'", token=None)


class _ReturnNil(Exception):
    """``return nil unless item.respond_to?(:[])`` inside a filter's block."""


def _item_property(item: object, prop: object) -> object:
    """``item[property]`` inside ``where``/``uniq``/``compact``'s blocks."""
    try:
        return ruby_index(item, prop)
    except PropertyTypeError:
        raise _property_error(prop) from None
    except NoBracket:
        raise _ReturnNil from None


def join(value: object, glue: object = " ") -> str:
    """``InputIterator#join(glue.to_s)``."""
    if type(value) is list and set(map(type, value)) <= _STR_ONLY:
        return text_of(glue).join(value)  # what the general path gives for plain strings
    return ruby.join(input_items(value), text_of(glue))


_STR_ONLY = frozenset((str,))


def reverse(value: object) -> list[Any]:
    return input_items(value)[::-1]


def uniq(value: object, prop: object = None) -> object:
    """``uniq`` (Ruby ``eql?``), optionally by ``item[property]``."""
    items = input_items(value)
    keyed: list[tuple[object, Any]]
    if prop is None:
        keyed = [(eql_key(item), item) for item in items]
    elif len(items) <= 1:
        return items  # Array#uniq calls no block for fewer than two items
    else:
        try:
            keyed = [(eql_key(_item_property(item, prop)), item) for item in items]
        except _ReturnNil:
            return None
    seen: set[object] = set()
    out = []
    for key, item in keyed:
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def compact(value: object, prop: object = None) -> object:
    """Without nils, or without items whose ``property`` is nil."""
    items = input_items(value)
    if prop is None:
        return [item for item in items if item is not None]
    if not items:
        return []
    try:
        return [item for item in items if _item_property(item, prop) is not None]
    except _ReturnNil:
        return None


def map_(value: object, prop: object) -> list[Any]:
    """``map``: ``item[property]`` of every item (nil for items without ``#[]``)."""
    out: list[Any] = []
    to_liquid = prop == "to_liquid" and isinstance(prop, str)
    for item in input_items(value):
        if to_liquid:
            out.append(item)
            continue
        try:
            out.append(ruby_index(item, prop))
        except PropertyTypeError:
            raise _property_error(prop) from None
        except NoBracket:
            out.append(None)
    return out


def concat(value: object, other: object) -> list[Any]:
    """The input's items followed by the argument array's."""
    if not isinstance(other, (list, tuple)):
        raise LiquidArgumentError("concat filter requires an array argument", token=None)
    return input_items(value) + list(other)


def first(value: object) -> object:
    """``array.first``: arrays, ranges, a Hash's first pair; nil for the rest.  A
    range's is its start even when it is empty (Ruby's ``(3..1).first`` is 3)."""
    if isinstance(value, range):
        return value.start
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    if _is_hash(value):
        for key, item in value.items():  # type: ignore[attr-defined]
            return [key, item]
        return None
    return None


def last(value: object) -> object:
    """``array.last``: arrays and ranges (a range's end, even when it is empty:
    ``(3..1).last`` is 1); nil for the rest."""
    if isinstance(value, range):
        return ruby.range_end(value)
    if isinstance(value, (list, tuple)):
        return value[-1] if value else None
    return None


def size(value: object) -> int:
    """Ruby ``size``: length of strings, arrays, hashes and ranges, bytes of an Integer."""
    if isinstance(value, bool) or _nil(value):
        return 0
    if isinstance(value, int):
        return max(8, (value.bit_length() + 63) // 64 * 8) if abs(value) >= _LONG else 8
    if isinstance(value, str):
        return 0 if _is_method_literal(value) else len(value)
    if isinstance(value, (list, tuple, range)) or (_is_hash(value) and not _is_jekyll_drop(value)):
        return len(value)  # type: ignore[arg-type]
    sz = getattr(value, "size", None)
    if isinstance(sz, int) and not isinstance(sz, bool):
        return sz
    return 0


def _casecmp(a: object, b: object) -> int:
    """``nil_safe_casecmp``: ``to_s.casecmp`` (ASCII case folded), nils last."""
    if a is not None and b is not None:
        x = _ascii_fold(text_of(a)).encode("utf-8", "surrogateescape")
        y = _ascii_fold(text_of(b)).encode("utf-8", "surrogateescape")
        return (x > y) - (x < y)
    return 1 if a is None else -1


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _ascii_fold(text: str) -> str:
    return text.translate(_ASCII_LOWER)


def _all_indexable(items: list[Any]) -> bool:
    for item in items:
        if not (
            _is_hash(item)
            or isinstance(item, (str, list, tuple))
            or (isinstance(item, int) and not isinstance(item, bool))
        ):
            return False
    return True


def _sort_by(items: list[Any], prop: object, cmp: Callable[[Any, Any], int]) -> list[Any]:
    if len(items) < 2:
        return items  # no comparison, so no ``item[property]``
    try:
        keyed: list[tuple[Any, Any]] = [(ruby_index(item, prop), item) for item in items]
    except PropertyTypeError:
        raise _property_error(prop) from None

    def by_key(x: tuple[Any, Any], y: tuple[Any, Any]) -> int:
        return cmp(x[0], y[0])

    return [item for _, item in ruby.ruby_sort(keyed, by_key)]


def sort_natural(value: object, prop: object = None) -> object:
    """Case-insensitive sort (nils last), optionally by ``item[property]``."""
    items = input_items(value)
    if not items:
        return []
    if prop is None:
        return ruby.ruby_sort(items, _casecmp)
    if not _all_indexable(items):
        return None
    return _sort_by(items, prop, _casecmp)


def _nil_safe_compare(a: object, b: object) -> int:
    from .collections import spaceship

    result = spaceship(a, b)
    if result is not None:
        return result
    if a is None:
        return 1
    if b is None:
        return -1
    raise LiquidArgumentError("cannot sort values of incompatible types", token=None)


def sort(value: object, prop: object = None) -> object:
    """Liquid 5.4 ``sort`` (Jekyll replaces it): nils last, incompatible values an error."""
    items = input_items(value)
    if not items:
        return []
    if prop is None:
        return ruby.ruby_sort(items, _nil_safe_compare)
    if not _all_indexable(items):
        return None
    return _sort_by(items, prop, _nil_safe_compare)


def where(value: object, prop: object, target: object = None) -> object:
    """Liquid 5.4 ``where`` (Jekyll replaces it)."""
    items = input_items(value)
    if not items:
        return []
    out = []
    try:
        for item in items:
            got = _item_property(item, prop)
            if target is None:
                if got is not None and got is not False:
                    out.append(item)
            elif eql_key(got) == eql_key(target) or (
                isinstance(got, (int, float))
                and isinstance(target, (int, float))
                and not isinstance(got, bool)
                and not isinstance(target, bool)
                and got == target
            ):
                out.append(item)
    except _ReturnNil:
        return None
    return out


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
    if r == 0:
        return 0.0  # BigDecimal's zero remainder is unsigned (Decimal's has the dividend's sign)
    if (r < 0) != (db < 0):
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
    if isinstance(num, decimal.Decimal):
        return float(num.copy_abs())  # abs(-0.0) is 0.0
    return -num if num < 0 else num


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


def divided_by(value: object, operand: object) -> int | float:
    """Integer division for integers; ``divided by 0`` is fatal."""
    return apply_operation(value, operand, "/")


def modulo(value: object, operand: object) -> int | float:
    """Ruby ``%`` (sign of the divisor); ``divided by 0`` is fatal."""
    return apply_operation(value, operand, "%")


_RUBY_INT_MIN, _RUBY_INT_MAX = -(1 << 31), (1 << 31) - 1


def _c_int(value: int) -> int:
    """Ruby's ``NUM2INT``: a C ``int`` or a RangeError."""
    _c_long(value)
    if value > _RUBY_INT_MAX:
        raise LiquidFatal(f"integer {value} too big to convert to `int'", token=None)
    if value < _RUBY_INT_MIN:
        raise LiquidFatal(f"integer {value} too small to convert to `int'", token=None)
    return value


def _round_decimal(num: decimal.Decimal, places: int) -> decimal.Decimal:
    """``BigDecimal#round(places)``, half away from zero."""
    exponent = num.as_tuple().exponent
    if isinstance(exponent, int) and -exponent <= places:
        return num
    if places < 0 and -places > num.adjusted() + 1:
        return decimal.Decimal(0)
    with decimal.localcontext() as ctx:
        ctx.prec = max(28, num.adjusted() + places + 10)
        return num.quantize(decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)


def round_(value: object, ndigits: object = 0) -> int | float:
    """Ruby ``round``: half away from zero; an Integer when ``ndigits`` is 0."""
    num = to_number(value)
    digits = to_number(ndigits)
    places = _c_int(int(digits))
    if isinstance(num, int):
        if places >= 0:
            return num
        if -places > len(str(abs(num))):
            return 0
        return int(_round_decimal(decimal.Decimal(num), places))
    if not num.is_finite():
        raise LiquidFatal(
            "Computation results in 'Infinity'"
            if num.is_infinite()
            else "Computation results in 'NaN'",
            token=None,
        )
    result = _round_decimal(num, places)
    if ndigits == 0 or places <= 0:
        return int(result)
    return float(result)


def default(value: object, default_value: object = "", options: object = None) -> object:
    """``default``: the fallback for nil, false and empty values (``allow_false``)."""
    allow_false = _is_hash(options) and _truthy(_hash_get(options, "allow_false"))  # type: ignore[arg-type]
    if value is not None and type(value) is not str and isinstance(value, Undefined):
        value = None
    if value is None or (value is False and not allow_false):
        return default_value
    if type(value) is str or isinstance(value, (list, tuple)) or _is_hash(value):
        if not value:
            return default_value
    elif isinstance(value, str) and not _is_method_literal(value) and not value:
        return default_value
    return value


def _truthy(value: object) -> bool:
    return not (_nil(value) or value is False)


def _is_method_literal(value: object) -> bool:
    from ..conditions import MethodLiteral

    return isinstance(value, MethodLiteral)


def date(value: object, fmt: object) -> object:
    """Ruby Liquid ``date``."""
    if isinstance(value, Undefined):
        value = None
    if text_of(fmt) == "":
        return value
    parsed = ruby.to_date(value)
    if parsed is None:
        return value
    return ruby.strftime(parsed, text_of(fmt))


# -- registration ---------------------------------------------------------------------

STANDARD_FILTERS: dict[str, Callable[..., Any]] = {
    "size": size,
    "downcase": downcase,
    "upcase": upcase,
    "capitalize": capitalize,
    "escape": escape,
    "h": escape,
    "escape_once": escape_once,
    "url_encode": url_encode,
    "url_decode": url_decode,
    "base64_encode": base64_encode,
    "base64_decode": base64_decode,
    "base64_url_safe_encode": base64_url_safe_encode,
    "base64_url_safe_decode": base64_url_safe_decode,
    "slice": slice_,
    "truncate": truncate,
    "truncatewords": truncatewords,
    "split": split,
    "strip": strip,
    "lstrip": lstrip,
    "rstrip": rstrip,
    "strip_html": strip_html,
    "strip_newlines": strip_newlines,
    "join": join,
    "sort": sort,
    "sort_natural": sort_natural,
    "where": where,
    "uniq": uniq,
    "reverse": reverse,
    "map": map_,
    "compact": compact,
    "replace": replace,
    "replace_first": replace_first,
    "replace_last": replace_last,
    "remove": remove,
    "remove_first": remove_first,
    "remove_last": remove_last,
    "append": append,
    "concat": concat,
    "prepend": prepend,
    "newline_to_br": newline_to_br,
    "date": date,
    "first": first,
    "last": last,
    "abs": abs_,
    "plus": plus,
    "minus": minus,
    "times": times,
    "divided_by": divided_by,
    "modulo": modulo,
    "round": round_,
    "ceil": ceil,
    "floor": floor,
    "at_least": at_least,
    "at_most": at_most,
    "default": default,
}


#: filters whose Ruby result is a String method's result on ``input.to_s``, so
#: with its encoding (US-ASCII for a number's text, for example)
KEEPS_ENCODING = frozenset(
    (
        "downcase",
        "upcase",
        "capitalize",
        "strip",
        "lstrip",
        "rstrip",
        "append",
        "replace",
        "replace_first",
        "replace_last",
        "remove",
        "remove_first",
        "remove_last",
        "strip_html",
        "strip_newlines",
        "newline_to_br",
        "escape",
        "h",
        "escape_once",
        "truncate",
        "truncatewords",
        "slice",
    )
)


def register(env: Environment) -> None:
    """Install Liquid 5.4's standard filters (and only those) on ``env``."""
    env.filters.clear()
    for name, func in STANDARD_FILTERS.items():
        env.add_filter(name, ruby_filter(func, keeps_encoding=name in KEEPS_ENCODING))
