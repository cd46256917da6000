"""Jekyll's URL filters (``lib/jekyll/filters/url_filters.rb``).

``relative_url`` / ``absolute_url`` join ``baseurl`` (and ``url``) and then
normalise the result the way ``Addressable::URI#normalize`` does: percent
encoding of characters that may not appear in each component, decoding of
needlessly encoded unreserved characters, dot-segment removal, lower-case
scheme and host, default ports dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from liquid.filter import with_environment
from liquid.undefined import Undefined

from .. import ruby
from ..errors import LiquidFatal
from .text import normalize_component

__all__ = [
    "absolute_url",
    "compute_absolute_url",
    "compute_relative_url",
    "normalize_uri",
    "relative_url",
    "strip_index",
]

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = frozenset("!$&'()*+,;=")
_PCHAR = _UNRESERVED | _SUB_DELIMS | frozenset(":@")
_PATH_KEEP = _PCHAR | frozenset("/")
_QUERY_KEEP = _UNRESERVED | frozenset("!$'()*+,=:@/?")
_FRAGMENT_KEEP = _PCHAR | frozenset("/?")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+\-.]*):")
_URI = re.compile(r"^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", re.S)
_RUBY_WS = " \t\n\v\f\r\0"
_DEFAULT_PORTS = {"http": "80", "https": "443", "ftp": "21"}


def is_absolute(text: str) -> bool:
    """``Addressable::URI.parse(text).absolute?`` (has a scheme); invalid schemes raise."""
    match = _URI.match(text.strip(_RUBY_WS))
    if not match or not match.group(1):
        return False
    scheme = match.group(1)
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+\-.]*", scheme):
        raise LiquidFatal(f"Invalid scheme format: '{scheme}'", token=None)
    return True


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    out: list[str] = []
    segments = path.split("/")
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg == ".":
            if last:
                out.append("")
            continue
        if seg == "..":
            if len(out) > 1 or (out and out[0] != ""):
                out.pop()
            if last:
                out.append("")
            continue
        out.append(seg)
    result = "/".join(out)
    if path.startswith("/") and not result.startswith("/"):
        result = "/" + result
    return result


def normalize_uri(text: str) -> str:
    """``Addressable::URI.parse(text).normalize.to_s`` for common inputs."""
    text = text.strip(_RUBY_WS)
    match = _URI.match(text)
    if not match:
        return text
    scheme, authority, path, query, fragment = match.groups()
    out: list[str] = []
    if scheme:
        scheme = scheme.lower()
        out.append(scheme + ":")
    if authority is not None:
        userinfo, _, hostport = authority.rpartition("@")
        host, port = hostport, ""
        m = re.match(r"^(.*?)(?::(\d*))?$", hostport)
        if m:
            host, port = m.group(1), m.group(2) or ""
        host = host.lower()
        if scheme and _DEFAULT_PORTS.get(scheme) == port:
            port = ""
        auth = (normalize_component(userinfo, _PCHAR) + "@") if userinfo else ""
        out.append("//" + auth + host + (":" + port if port else ""))
        if not path and scheme in ("http", "https"):
            path = "/"
    path = normalize_component(_remove_dot_segments(path), _PATH_KEEP, "/")
    out.append(path)
    if query is not None:
        pairs = query.split("&")
        out.append("?" + "&".join(normalize_component(p, _QUERY_KEEP, "+") for p in pairs))
    if fragment is not None:
        out.append("#" + normalize_component(fragment, _FRAGMENT_KEEP))
    return "".join(out)


def _url_of(value: object) -> object:
    if type(value) is str:
        return value
    if isinstance(value, Mapping) and not isinstance(value, dict) and "url" in value:
        return value["url"]
    return value


def _ensure_leading_slash(text: str) -> str:
    if not text or text.startswith("/"):
        return text
    return "/" + text


@functools.lru_cache(maxsize=4096)
def _relative(text: str, base: str) -> str:
    if is_absolute(text):
        return text
    if base.endswith("/"):
        base = base[:-1]
    return normalize_uri(_ensure_leading_slash(base) + _ensure_leading_slash(text))


def compute_relative_url(value: object, config: Mapping[str, Any]) -> str:
    """``relative_url`` without the nil check."""
    text = ruby.to_s(_url_of(value))
    baseurl = config.get("baseurl")
    return _relative(text, "" if baseurl is None else ruby.to_s(baseurl))


def compute_absolute_url(value: object, config: Mapping[str, Any]) -> str:
    """``absolute_url`` without the nil check."""
    value = _url_of(value)
    text = ruby.to_s(value)
    if is_absolute(text):
        return text
    site_url = config.get("url")
    if site_url is None or site_url == "":
        return compute_relative_url(value, config)
    return normalize_uri(ruby.to_s(site_url) + compute_relative_url(value, config))


def _config(environment: Any) -> Mapping[str, Any]:
    hooks = getattr(environment, "hooks", None)
    config = getattr(hooks, "config", None)
    return config if type(config) is dict or isinstance(config, Mapping) else {}


@with_environment
def relative_url(value: object, *, environment: Any) -> object:
    """Prefix ``baseurl``."""
    if value is None or (type(value) is not str and isinstance(value, Undefined)):
        return None
    return compute_relative_url(value, _config(environment))


@with_environment
def absolute_url(value: object, *, environment: Any) -> object:
    """Prefix ``url`` + ``baseurl``."""
    if value is None or isinstance(value, Undefined):
        return None
    return compute_absolute_url(value, _config(environment))


def strip_index(value: object) -> object:
    """``/about/index.html`` -> ``/about/``."""
    if value is None or isinstance(value, Undefined) or ruby.to_s(value) == "":
        return None
    if not ruby.is_string(value):
        raise LiquidFatal(ruby.no_method("sub", value), token=None)
    return re.sub(r"/index\.html?$", "/", value, count=1, flags=re.M)
