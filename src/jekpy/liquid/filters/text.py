"""Jekyll's text filters (``lib/jekyll/filters.rb``, ``utils.rb``)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote_plus

from liquid.filter import with_environment
from liquid.undefined import Undefined

from ...support.utils import SLUGIFY_MODES
from ...support.utils import slugify as slugify_text
from .. import ruby
from ..errors import LiquidFatal

__all__ = [
    "array_to_sentence_string",
    "cgi_escape",
    "inspect",
    "jsonify",
    "markdownify",
    "normalize_whitespace",
    "number_of_words",
    "sassify",
    "scssify",
    "slugify",
    "smartify",
    "uri_escape",
    "xml_escape",
]


def _s(value: object) -> str:
    if type(value) is not str and isinstance(value, Undefined):
        return ""
    return ruby.to_s(value)


# -- escaping ----------------------------------------------------------------


def xml_escape(value: object) -> str:
    """``xml_escape``: ``& < > " '`` as XML entities."""
    text = _s(value)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


_CGI_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


def _conversion(value: object) -> str:
    if value is None or isinstance(value, Undefined):
        return "nil"
    if value is True or value is False:
        return "true" if value else "false"
    return ruby.class_name(value)


def cgi_escape(value: object) -> str:
    """Ruby ``CGI.escape`` (space as ``+``); only strings."""
    if not ruby.is_string(value):
        raise LiquidFatal(f"no implicit conversion of {_conversion(value)} into String", token=None)
    # ``quote_plus`` keeps exactly _CGI_SAFE (its always-safe set), writes a space
    # as "+" and every other UTF-8 byte as upper-case %XX.
    return quote_plus(str(value), safe="", encoding="utf-8", errors="surrogateescape")


_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_RESERVED = frozenset(":/?#[]@!$&'()*+,;=")


_PERCENT = re.compile(rb"%([0-9A-Fa-f]{2})")


def normalize_component(text: str, keep: frozenset[str], leave_encoded: str = "") -> str:
    """Addressable's ``normalize_component``.

    Every ``%XX`` is decoded (except the characters in ``leave_encoded``), the
    text is NFKC-normalised, and every character outside ``keep`` is encoded
    again (UTF-8, upper-case hex).  Bytes that are not UTF-8 stay encoded.
    """
    raw = text.encode("utf-8", errors="surrogateescape")
    segments: list[tuple[bool, bytes]] = []  # (already-encoded?, bytes)
    pos = 0
    buf = bytearray()
    for match in _PERCENT.finditer(raw):
        byte = int(match.group(1), 16)
        buf.extend(raw[pos : match.start()])
        if chr(byte) in leave_encoded:
            segments.append((False, bytes(buf)))
            buf = bytearray()
            segments.append((True, b"%" + match.group(1).upper()))
        else:
            buf.append(byte)
        pos = match.end()
    buf.extend(raw[pos:])
    segments.append((False, bytes(buf)))
    out: list[str] = []
    for encoded, data in segments:
        if encoded:
            out.append(data.decode("ascii"))
            continue
        decoded = unicodedata.normalize("NFKC", data.decode("utf-8", errors="surrogateescape"))
        for ch in decoded:
            if ch in keep:
                out.append(ch)
            else:
                out.extend(f"%{b:02X}" for b in ch.encode("utf-8", errors="surrogateescape"))
    return "".join(out)


def uri_escape(value: object) -> object:
    """``Addressable::URI.normalize_component``."""
    if value is None or isinstance(value, Undefined):
        return None
    if not ruby.is_string(value):
        raise LiquidFatal(f"Can't convert {ruby.class_name(value)} into String.", token=None)
    return normalize_component(value, _UNRESERVED | _RESERVED)


# -- words and sentences ---------------------------------------------------

_CJK_RANGES = (
    (0x1100, 0x11FF),
    (0x2E80, 0x2E99),
    (0x2E9B, 0x2EF3),
    (0x2F00, 0x2FD5),
    (0x3005, 0x3005),
    (0x3007, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303B),
    (0x3041, 0x3096),
    (0x309D, 0x309F),
    (0x30A1, 0x30FA),
    (0x30FD, 0x30FF),
    (0x3131, 0x318E),
    (0x31F0, 0x31FF),
    (0x3200, 0x321E),
    (0x3260, 0x327E),
    (0x32D0, 0x32FE),
    (0x3300, 0x3357),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA960, 0xA97C),
    (0xAC00, 0xD7A3),
    (0xD7B0, 0xD7C6),
    (0xD7CB, 0xD7FB),
    (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9),
    (0xFF66, 0xFF6F),
    (0xFF71, 0xFF9D),
    (0xFFA0, 0xFFBE),
    (0xFFC2, 0xFFDC),
    (0x1B000, 0x1B11F),
    (0x1F200, 0x1F200),
    (0x20000, 0x2FA1F),
    (0x30000, 0x3134F),
)


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


_RUBY_SPACE = re.compile(r"[ \t\n\v\f\r]+")


def _ruby_words(text: str) -> list[str]:
    return [w for w in _RUBY_SPACE.split(text) if w]


def _cjk_counts(text: str) -> tuple[int, int]:
    cjk = 0
    words = 0
    in_word = False
    for ch in text:
        if _is_cjk(ch):
            cjk += 1
            in_word = False
        elif ch.isspace():
            in_word = False
        else:
            if not in_word:
                words += 1
            in_word = True
    return cjk, words


def number_of_words(value: object, mode: object = None) -> int:
    """``number_of_words`` with the ``cjk`` and ``auto`` modes."""
    if not ruby.is_string(value):
        method = "scan" if mode in ("cjk", "auto") else "split"
        raise LiquidFatal(ruby.no_method(method, value), token=None)
    text = value
    if mode == "cjk":
        cjk, words = _cjk_counts(text)
        return cjk + words
    if mode == "auto":
        cjk, words = _cjk_counts(text)
        return len(_ruby_words(text)) if cjk == 0 else cjk + words
    return len(_ruby_words(text))


def normalize_whitespace(value: object) -> str:
    """``gsub(/\\s+/, " ").strip``."""
    return _RUBY_SPACE.sub(" ", _s(value)).strip(" ")


def array_to_sentence_string(value: object, connector: object = "and") -> str:
    """``[a, b, c]`` -> ``a, b, and c``."""
    conn = _s(connector)
    items: list[Any]
    if isinstance(value, Undefined):
        raise LiquidFatal(ruby.no_method("length", None), token=None)
    if isinstance(value, (list, tuple)):
        items = list(value)
    elif isinstance(value, Mapping):
        # Ruby indexes the Hash with 0, 1, ...: every item is nil, and
        # ``hash[0...-1]`` (a Range key) is nil too.
        if len(value) >= 3:
            raise LiquidFatal(ruby.no_method("join", None), token=None)
        items = [None] * len(value)
    elif ruby.is_string(value):
        if len(value) >= 3:
            raise LiquidFatal(ruby.no_method("join", value[:-1]), token=None)
        items = list(value)
    else:
        raise LiquidFatal(ruby.no_method("length", value), token=None)
    if not items:
        return ""
    if len(items) == 1:
        return ruby.to_s(items[0])
    if len(items) == 2:
        return f"{ruby.to_s(items[0])} {conn} {ruby.to_s(items[1])}"
    return f"{ruby.join(items[:-1], ', ')}, {conn} {ruby.to_s(items[-1])}"


# -- slugify -------------------------------------------------------------------


def slugify(value: object, mode: object = None) -> object:
    """``slugify`` filter (modes raw, default, pretty, ascii, latin)."""
    if value is None or isinstance(value, Undefined):
        return None
    mode_s = None if mode is None or isinstance(mode, Undefined) else ruby.to_s(mode)
    if not ruby.is_string(value):
        if mode_s not in SLUGIFY_MODES and mode_s is not None:
            raise LiquidFatal(ruby.no_method("downcase", value), token=None)
        raise LiquidFatal(ruby.no_method("gsub", value), token=None)
    if mode_s == "":
        return value.lower()  # only nil means "default": "" is an unknown mode
    key = (value, mode_s)
    slug = _SLUGS.get(key) if type(value) is str else None
    if slug is None:
        slug = slugify_text(value, mode_s)  # Jekyll::Utils.slugify
        if type(value) is str:
            if len(_SLUGS) >= 4096:
                _SLUGS.clear()
            _SLUGS[key] = slug
    return slug


#: cache: slugify results (a pure function of the text and the mode): tags and
#: categories are slugified on every page that lists them
_SLUGS: dict[tuple[str, str | None], str | None] = {}


# -- JSON and inspect --------------------------------------------------------------


try:  # what json.dumps(str, ensure_ascii=False) calls, without importing json
    from _json import encode_basestring as _encode_json_string
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from json.encoder import encode_basestring as _encode_json_string


def _json_string(text: str) -> str:
    """A JSON string literal as Ruby's JSON writes it: ``"`` and ``\\`` escaped,
    control characters as ``\\n``/``\\t``/... or ``\\u00XX``, everything else
    (non-ASCII included) as is -- exactly what ``json.dumps(..., ensure_ascii=False)``
    produces, in C (its string encoder, without an encoder object per call)."""
    return _encode_json_string(text)


def to_json(value: object) -> str:
    """Ruby's ``to_json`` of a Liquid value."""
    if value is None or (type(value) is not str and isinstance(value, Undefined)):
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise LiquidFatal(f"{ruby.float_to_s(value)} not allowed in JSON", token=None)
        return ruby.float_to_s(value)
    if isinstance(value, str):
        return _json_string(value)
    if type(value) is dict or isinstance(value, Mapping):
        return (
            "{"
            + ",".join(f"{_json_string(ruby.to_s(k))}:{to_json(v)}" for k, v in value.items())
            + "}"
        )
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(to_json(v) for v in value) + "]"
    if isinstance(value, range):
        return _json_string(ruby.to_s(value))
    return _json_string(ruby.to_s(value))


def jsonify(value: object) -> str:
    """``jsonify``: compact JSON, UTF-8 kept, ``/`` not escaped."""
    return to_json(value)


def inspect(value: object) -> str:
    """``inspect``: Ruby's ``inspect``, XML-escaped."""
    if isinstance(value, Undefined):
        value = None
    return xml_escape(ruby.inspect(value))


# -- converters ------------------------------------------------------------------


def _ascii_source(value: object, text: str) -> bool:
    """kramdown writes the characters it makes (smart quotes, dashes) as numeric
    entities when its source is US-ASCII text."""
    return text.isascii() and ruby.ascii_encoded(value)


def _numeric_entities(html: str) -> str:
    if html.isascii():
        return html  # (nothing to write as an entity)
    return "".join(ch if ord(ch) < 0x80 else f"&#{ord(ch)};" for ch in html)


@with_environment
def markdownify(value: object, *, environment: Any) -> str:
    """Convert with the site's Markdown converter."""
    hooks = getattr(environment, "hooks", None)
    text = _s(value)
    if hooks is None:
        from jekpy import markdown

        html = markdown.convert(text)
    else:
        html = str(hooks.markdownify(text))
    return _numeric_entities(html) if _ascii_source(value, text) else html


def smartify(value: object) -> str:
    """kramdown's SmartyPants conversion."""
    from jekpy import markdown

    text = _s(value)
    html = markdown.smartify(text)
    return _numeric_entities(html) if _ascii_source(value, text) else html


@with_environment
def sassify(value: object, *, environment: Any) -> str:
    """Compile indented-syntax Sass with the site's Sass converter (its ``sass:`` options)."""
    return _sass_filter(value, environment, indented=True)


@with_environment
def scssify(value: object, *, environment: Any) -> str:
    """Compile SCSS with the site's Sass converter (its ``sass:`` options)."""
    return _sass_filter(value, environment, indented=False)


def _sass_filter(value: object, environment: Any, *, indented: bool) -> str:
    from jekpy.errors import JekpyError
    from jekpy.support import sass

    name = "sassify" if indented else "scssify"
    if not isinstance(value, str):
        # The converter calls String methods on its input.
        raise LiquidFatal(f"{name}: {ruby.no_method('empty?', value)}", token=None)
    hooks = getattr(environment, "hooks", None)
    try:
        return sass.convert_filter(hooks, value, indented=indented)
    except JekpyError as err:
        raise LiquidFatal(f"{name}: {err.message}", token=None) from err

