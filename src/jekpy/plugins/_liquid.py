"""Small helpers: Liquid values and filters as plugins' Python code needs them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from liquid.undefined import Undefined

if TYPE_CHECKING:
    from jekpy.content.models import SiteContext

__all__ = [
    "absolute_url",
    "default",
    "empty",
    "filt",
    "lookup",
    "relative_url",
    "ruby_strip",
    "truthy",
]


def truthy(value: object) -> bool:
    """Liquid truthiness: only nil and false are false."""
    return value is not None and value is not False and not isinstance(value, Undefined)


def empty(value: object) -> bool:
    """Ruby ``respond_to?(:empty?) && empty?``."""
    if isinstance(value, (str, list, tuple, dict)):
        return len(value) == 0
    if value is None or type(value) in _PLAIN:
        return False  # (no Mapping: skip the abstract class check)
    if isinstance(value, Mapping):
        return len(value) == 0
    return False


_PLAIN_SCALARS = frozenset((bool, int, float))
#: exact types that are no Mapping (checked before ``isinstance(x, Mapping)``, which
#: is slow for what it does not hold)
_PLAIN = frozenset((bool, int, float, str, list, tuple))


def default(value: object, fallback: object) -> object:
    """Liquid's ``default`` filter."""
    if not truthy(value) or empty(value):
        return fallback
    return value


def lookup(obj: object, key: object) -> object:
    """``obj.key`` / ``obj[key]`` as Liquid resolves it (hashes and drops; arrays by index)."""
    if obj is None or type(obj) in _PLAIN_SCALARS:
        return None  # (no Mapping, list or string: what the checks below end with)
    if isinstance(obj, Mapping):
        try:
            return obj[key]
        except (KeyError, TypeError):
            return None
    if isinstance(obj, (list, tuple)):
        if isinstance(key, int) and not isinstance(key, bool):
            try:
                return obj[key]
            except IndexError:
                return None
        if key == "first":
            return obj[0] if obj else None
        if key == "last":
            return obj[-1] if obj else None
        if key == "size":
            return len(obj)
        return None
    if isinstance(obj, str) and key == "size":
        return len(obj)
    return None


def ruby_strip(text: str) -> str:
    """Ruby ``String#strip`` (whitespace and NUL)."""
    return text.strip(" \t\n\v\f\r\0")


def filt(site: SiteContext, name: str, value: object, *args: object) -> Any:
    """Apply the site's Liquid filter ``name`` (as registered in its environment)."""
    env = site.liquid.env
    func = env.filters[name]
    kwargs: dict[str, Any] = {}
    if getattr(func, "with_environment", False):
        kwargs["environment"] = env
    return func(value, *args, **kwargs)


def absolute_url(site: SiteContext, value: object) -> str:
    from jekpy.liquid.filters.urls import compute_absolute_url

    return compute_absolute_url(value, site.config)


def relative_url(site: SiteContext, value: object) -> str:
    from jekpy.liquid.filters.urls import compute_relative_url

    return compute_relative_url(value, site.config)
