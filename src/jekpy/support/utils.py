"""Small helpers that mirror ``Jekyll::Utils``: merging, slugs, titles, tag lists."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "deep_merge",
    "has_liquid_construct",
    "eql_key",
    "pluralized_array",
    "ruby_array",
    "ruby_uniq",
    "ruby_capitalize",
    "sanitized_path",
    "slugify",
    "titleize_slug",
]


def deep_merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``base`` deep-merged with ``over`` (Jekyll's ``Utils.deep_merge_hashes``).

    A ``None`` in ``over`` keeps the old value; two mappings merge recursively;
    anything else in ``over`` wins.
    """
    result = dict(base)
    for key, new in over.items():
        if new is None and key in result:
            continue
        old = result.get(key)
        # ``isinstance(x, Mapping)`` of both, with the usual values (nothing yet, a
        # string, a list, a dict) answered before the slow abstract class check
        if (
            old is not None
            and (type(old) is dict or (type(old) not in _NO_MAPPING and isinstance(old, Mapping)))
            and (type(new) is dict or (type(new) not in _NO_MAPPING and isinstance(new, Mapping)))
        ):
            result[key] = deep_merge(old, new)
        else:
            result[key] = new
    return result


#: exact types that are never a Mapping (see deep_merge)
_NO_MAPPING = frozenset((str, int, float, bool, list, tuple, type(None)))


def has_liquid_construct(content: str) -> bool:
    """Return True when ``content`` contains ``{%`` or ``{{`` (Jekyll renders Liquid then)."""
    return "{%" in content or "{{" in content


def ruby_capitalize(word: str) -> str:
    """Ruby's ``String#capitalize``: first character upper-cased, the rest lower-cased."""
    return word[:1].upper() + word[1:].lower()


def titleize_slug(slug: str) -> str:
    """Jekyll's title from a file-name slug: ``my-first-post`` -> ``My First Post``."""
    # Jekyll: lib/jekyll/utils.rb#titleize_slug. Ruby's String#split("-") drops trailing
    # empty fields.
    parts = slug.split("-")
    while parts and parts[-1] == "":
        parts.pop()
    return " ".join(ruby_capitalize(p) for p in parts)


def pluralized_array(data: Mapping[str, Any], singular: str, plural: str) -> list[Any]:
    """Jekyll's ``pluralized_array_from_hash``: the singular key wins, else the plural.

    A plural value given as a string is split on whitespace.
    """
    value: Any = None
    if data.get(singular) is not None:
        value = data[singular]
    elif plural in data:
        raw = data[plural]
        if isinstance(raw, str):
            value = raw.split()
        elif isinstance(raw, list):
            value = [v for v in raw if v is not None]
        # any other type (a number, a hash...) gives nothing, as in Jekyll
        # (lib/jekyll/utils.rb#value_from_plural_key)
    return [v for v in _flatten([value]) if v is not None]


def eql_key(value: Any) -> Any:
    """A hashable key that is equal exactly when Ruby's ``eql?`` is: ``1``, ``1.0``,
    ``true`` and ``"1"`` all differ; arrays compare element by element."""
    if type(value) is str:  # the usual tag or category: no abstract Mapping check
        return ("str", value)
    if isinstance(value, (list, tuple)):
        return ("array", tuple(eql_key(v) for v in value))
    if isinstance(value, Mapping):
        return ("hash", tuple((eql_key(k), eql_key(v)) for k, v in value.items()))
    try:
        hash(value)
    except TypeError:
        return ("object", id(value))
    return (type(value).__name__, value)


def ruby_uniq(values: list[Any]) -> list[Any]:
    """Ruby's ``Array#uniq`` (first occurrence kept, ``eql?`` equality)."""
    seen: set[Any] = set()
    out: list[Any] = []
    for value in values:
        key = eql_key(value)
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


def ruby_array(value: Any) -> list[Any]:
    """Ruby's ``Array(value)``: nil -> [], an array as is, a hash -> its pairs."""
    if value is None:
        return []
    if isinstance(value, list):
        return list(value)
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    return [value]


def sanitized_path(base: Path, *parts: str) -> Path:
    """``Jekyll.sanitized_path``: join without ever leaving ``base``."""
    path = base
    for part in parts:
        clean = [p for p in part.replace("\\", "/").split("/") if p not in ("", ".", "..")]
        path = path.joinpath(*clean) if clean else path
    return path


def _flatten(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_flatten(item))
        else:
            out.append(item)
    return out


def _is_slug_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in ("L", "M") or cat == "Nd"


_PRETTY_KEEP = frozenset("._~!$&'()+,;=@")
_ASCII_RE = re.compile(r"[^A-Za-z0-9]+")
#: runs of ASCII characters "pretty" replaces (all but letters, digits and _PRETTY_KEEP)
_PRETTY_RUNS_RE = re.compile(r"[^A-Za-z0-9._~!$&'()+,;=@]+")
_RAW_RE = re.compile(r"[ \t\r\n\f\v]+")
SLUGIFY_MODES = ("raw", "default", "pretty", "ascii", "latin")
# I18n's default transliterations for letters that do not decompose.
_LATIN_SPECIAL = {
    "ß": "ss",
    "Æ": "AE",
    "æ": "ae",
    "Ø": "O",
    "ø": "o",
    "Œ": "OE",
    "œ": "oe",
    "Đ": "D",
    "đ": "d",
    "Ł": "L",
    "ł": "l",
    "Þ": "Th",
    "þ": "th",
    "Ð": "D",
    "ð": "d",
    "ı": "i",
    "Ħ": "H",
    "ħ": "h",
    "Ŧ": "T",
    "ŧ": "t",
    "ĸ": "k",
    "Ŀ": "L",
    "ŀ": "l",
    "Ŋ": "NG",
    "ŋ": "ng",
    "ſ": "s",
}


def _replace_runs(text: str, keep: Any) -> str:
    out: list[str] = []
    in_run = False
    for ch in text:
        if keep(ch):
            out.append(ch)
            in_run = False
        elif not in_run:
            out.append("-")
            in_run = True
    return "".join(out)


def _transliterate(text: str) -> str:
    """I18n.transliterate: decompose and drop marks; what has no ASCII form is "?"."""
    out: list[str] = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
        elif ch in _LATIN_SPECIAL:
            out.append(_LATIN_SPECIAL[ch])
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            out.append(base if base and all(ord(c) < 128 for c in base) else "?")
    return "".join(out)


def slugify(text: str | None, mode: str | None = None, *, cased: bool = False) -> str | None:
    """Jekyll's ``Utils.slugify`` with its modes ``raw default pretty ascii latin none``."""
    if text is None:
        return None
    mode = mode or "default"
    if mode not in SLUGIFY_MODES:
        return text if cased else text.lower()
    if mode == "latin":
        text = _transliterate(text)
    if mode == "raw":
        slug = _RAW_RE.sub("-", text)
    elif mode == "ascii":
        slug = _ASCII_RE.sub("-", text)
    elif text.isascii():
        # ASCII letters and digits are the only ASCII characters of categories L, M, Nd
        slug = (_PRETTY_RUNS_RE if mode == "pretty" else _ASCII_RE).sub("-", text)
    elif mode == "pretty":
        slug = _replace_runs(text, lambda c: _is_slug_char(c) or c in _PRETTY_KEEP)
    else:
        slug = _replace_runs(text, _is_slug_char)
    # Jekyll: lib/jekyll/utils.rb#slugify, gsub(/^-|-$/, "") -- one leading and one
    # trailing hyphen (per line).
    slug = re.sub(r"^-|-$", "", slug, flags=re.M)
    return slug if cased else slug.lower()
