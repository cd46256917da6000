"""URLs from permalink templates, as ``Jekyll::URL`` builds them."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from urllib.parse import unquote

from ..errors import DocumentError

__all__ = ["escape_path", "fill_url", "generate_url", "sanitize_url", "unescape_path", "url_plan"]

_SAFE_PATH_RE = re.compile(r"^[a-zA-Z0-9./-]+$")
# Addressable::URI.encode keeps unreserved characters, sub-delims, ":" "@" "/",
# and the "?" / "#" that start a query or fragment.
_KEEP = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?#"
)
_PLACEHOLDER_RE = re.compile(r":([a-z_]+)")


def escape_path(path: str) -> str:
    """``Jekyll::URL.escape_path``: percent-encode what a URL path may not hold."""
    if not path or _SAFE_PATH_RE.match(path):
        return path
    out: list[str] = []
    for ch in path:
        if ch in _KEEP:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out).replace("#", "%23", 1)


def unescape_path(path: str) -> str:
    """``Jekyll::URL.unescape_path``: decode percent-escapes (to build file paths)."""
    if "%" not in path:
        return path
    return unquote(path, errors="surrogateescape")


_SLASHES_RE = re.compile(r"/+")


def sanitize_url(url: str) -> str:
    """``Jekyll::URL#sanitize_url``: no ``..``, no ``./``, no doubled slashes."""
    result = ("/" + url).replace("..", "/").replace("./", "")
    return _SLASHES_RE.sub("/", result) if "//" in result else result


def generate_url(
    template: str,
    lookup: Callable[[str], str | None],
    has_key: Callable[[str], bool],
    *,
    source: str = "",
) -> str:
    """Replace ``:name`` placeholders of a document's template (``generate_url_from_drop``).

    Raises:
        DocumentError: the template names a placeholder that does not exist.
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if has_key(name):  # the usual case: the whole name is a placeholder
            return escape_path(lookup(name) or "")
        pool = [name, name[:-1]] if name.endswith("_") else [name]
        winner = next((key for key in pool if has_key(key)), None)
        if winner is None:
            raise DocumentError(
                f"The URL template doesn't have {' or '.join(pool)} keys",
                path=source or None,
                hint=f"check the permalink template {template!r}: "
                "valid placeholders are :year, :month, :day, :title, :slug, :categories, ...",
            )
        value = lookup(winner) or ""
        return match.group(0).replace(f":{winner}", escape_path(value), 1)

    return _PLACEHOLDER_RE.sub(replace, template)


@functools.lru_cache(maxsize=256)  # one entry per permalink template (and name set)
def url_plan(template: str, names: frozenset[str]) -> tuple[str, ...] | None:
    """``template`` split for :func:`fill_url`: literal text at even positions,
    placeholder names at odd ones; None when a placeholder is not one of ``names``
    as it stands (``:title_`` and unknown names: :func:`generate_url` then)."""
    parts = tuple(_PLACEHOLDER_RE.split(template))
    if any(name not in names for name in parts[1::2]):
        return None
    return parts


def fill_url(plan: tuple[str, ...], lookup: Callable[[str], str | None]) -> str:
    """:func:`generate_url` for a template split by :func:`url_plan` (each
    placeholder replaced by its escaped value, in the template's order)."""
    out = list(plan)
    for i in range(1, len(out), 2):
        out[i] = escape_path(lookup(out[i]) or "")
    return "".join(out)


def generate_url_from_hash(template: str, placeholders: Mapping[str, str | None]) -> str:
    """Replace placeholders of a page's template (``generate_url_from_hash``)."""
    result = template
    for key, value in placeholders.items():
        if ":" not in result:
            break
        if value is None:
            result = result.replace(f"/:{key}", "")
        else:
            result = result.replace(f":{key}", escape_path(value))
    return result
